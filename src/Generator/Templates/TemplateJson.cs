using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CardGen.Generator.Templates;

/// <summary>The kind of a JSON value in a template.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value read from a template, with where it stands in the text (<see cref="Start"/>, <see cref="Length"/>: the
/// whole value, quotes included for strings), so every diagnostic points at the exact place.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int Length { get; set; }

    /// <summary>The decoded text of a string, or the raw text of a number.</summary>
    public string Text { get; set; } = "";

    /// <summary>For a string without escapes, where its first character stands; -1 when offsets inside it cannot be mapped.</summary>
    public int ContentStart { get; set; } = -1;

    /// <summary>The properties of an object, in order.</summary>
    public List<JsonProperty> Properties { get; } = new();

    /// <summary>The items of an array.</summary>
    public List<JsonNode> Items { get; } = new();

    /// <summary>The first property with this exact name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Maps an offset inside the decoded string to the text, falling back to the whole string.</summary>
    public (int Start, int Length) SpanOf(int offset, int length)
        => ContentStart >= 0 && offset >= 0 && offset + length <= Text.Length ? (ContentStart + offset, length) : (Start, Length);
}

/// <summary>A property of a JSON object: its name (and where the name stands) and its value.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameLength, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameLength { get; }

    public JsonNode Value { get; }
}

/// <summary>
/// A small JSON reader for templates (the generator cannot load System.Text.Json into every compiler): RFC 8259, plus
/// the comments and trailing commas the Designer and hand-edited files carry. Never throws on bad input: it returns
/// the first error and where it is.
/// </summary>
internal sealed class TemplateJsonReader
{
    private const int MaxDepth = 128;
    private readonly string _text;
    private int _at;
    private string? _error;
    private int _errorAt;

    private TemplateJsonReader(string text) => _text = text;

    public static JsonNode? Read(string text, out string? error, out int errorAt)
    {
        var reader = new TemplateJsonReader(text);
        JsonNode? root = null;
        reader.SkipSpace();
        if (reader._error is null)
        {
            root = reader.ReadValue(0);
            if (reader._error is null)
            {
                reader.SkipSpace();
                if (reader._error is null && reader._at < text.Length)
                {
                    reader.Fail("text after the end of the JSON value");
                }
            }
        }

        error = reader._error;
        errorAt = reader._errorAt;
        return error is null ? root : null;
    }

    private JsonNode? Fail(string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorAt = _at < _text.Length ? _at : _text.Length;
        }

        return null;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _at++;
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
            {
                var end = _text.IndexOf("*/", _at + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    Fail("a comment that is never closed");
                    _at = _text.Length;
                    return;
                }

                _at = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            return Fail("nested deeper than 128 levels");
        }

        if (_at >= _text.Length)
        {
            return Fail("the text ends where a value was expected");
        }

        var c = _text[_at];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return ReadString();
            case 't': return ReadWord("true", JsonKind.True);
            case 'f': return ReadWord("false", JsonKind.False);
            case 'n': return ReadWord("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                return Fail($"'{c}' where a value was expected");
        }
    }

    private JsonNode? ReadObject(int depth)
    {
        var node = new JsonNode(JsonKind.Object, _at);
        _at++;
        SkipSpace();
        while (_error is null)
        {
            if (_at >= _text.Length)
            {
                return Fail("an object that is never closed");
            }

            if (_text[_at] == '}')
            {
                _at++;
                node.Length = _at - node.Start;
                return node;
            }

            if (node.Properties.Count > 0)
            {
                if (_text[_at] != ',')
                {
                    return Fail("',' or '}' expected after a property");
                }

                _at++;
                SkipSpace();
                if (_at < _text.Length && _text[_at] == '}')
                {
                    continue; // A trailing comma.
                }
            }

            if (_at >= _text.Length || _text[_at] != '"')
            {
                return Fail("a property name in double quotes expected");
            }

            var name = ReadString();
            if (name is null)
            {
                return null;
            }

            SkipSpace();
            if (_at >= _text.Length || _text[_at] != ':')
            {
                return Fail("':' expected after a property name");
            }

            _at++;
            SkipSpace();
            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Properties.Add(new JsonProperty(name.Text, name.Start, name.Length, value));
            SkipSpace();
        }

        return null;
    }

    private JsonNode? ReadArray(int depth)
    {
        var node = new JsonNode(JsonKind.Array, _at);
        _at++;
        SkipSpace();
        while (_error is null)
        {
            if (_at >= _text.Length)
            {
                return Fail("an array that is never closed");
            }

            if (_text[_at] == ']')
            {
                _at++;
                node.Length = _at - node.Start;
                return node;
            }

            if (node.Items.Count > 0)
            {
                if (_text[_at] != ',')
                {
                    return Fail("',' or ']' expected after an item");
                }

                _at++;
                SkipSpace();
                if (_at < _text.Length && _text[_at] == ']')
                {
                    continue;
                }
            }

            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Items.Add(value);
            SkipSpace();
        }

        return null;
    }

    private JsonNode? ReadString()
    {
        var node = new JsonNode(JsonKind.String, _at);
        _at++;
        var builder = new StringBuilder();
        var escaped = false;
        while (true)
        {
            if (_at >= _text.Length)
            {
                _at = node.Start;
                return Fail("a string that is never closed");
            }

            var c = _text[_at];
            if (c == '"')
            {
                _at++;
                break;
            }

            if (c < ' ')
            {
                return Fail("a control character inside a string (write it escaped, for example \\n)");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _at++;
                continue;
            }

            escaped = true;
            if (_at + 1 >= _text.Length)
            {
                return Fail("a string that is never closed");
            }

            var e = _text[_at + 1];
            _at += 2;
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        _at -= 2;
                        return Fail("'\\u' must be followed by four hex digits");
                    }

                    builder.Append((char)code);
                    _at += 4;
                    break;
                default:
                    _at -= 2;
                    return Fail($"'\\{e}' is not a JSON escape");
            }
        }

        node.Length = _at - node.Start;
        node.Text = builder.ToString();
        node.ContentStart = escaped ? -1 : node.Start + 1;
        return node;
    }

    private JsonNode? ReadWord(string word, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            return Fail($"'{_text[_at]}' where a value was expected");
        }

        var node = new JsonNode(kind, _at) { Length = word.Length, Text = word };
        _at += word.Length;
        return node;
    }

    private JsonNode? ReadNumber()
    {
        var start = _at;
        if (_text[_at] == '-')
        {
            _at++;
        }

        var digits = _at;
        while (_at < _text.Length && char.IsDigit(_text[_at]))
        {
            _at++;
        }

        if (_at == digits || (_text[digits] == '0' && _at - digits > 1))
        {
            _at = start;
            return Fail("a number with no digits or a leading zero");
        }

        if (_at < _text.Length && _text[_at] == '.')
        {
            _at++;
            var fraction = _at;
            while (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                _at++;
            }

            if (_at == fraction)
            {
                return Fail("a digit expected after '.'");
            }
        }

        if (_at < _text.Length && (_text[_at] == 'e' || _text[_at] == 'E'))
        {
            _at++;
            if (_at < _text.Length && (_text[_at] == '+' || _text[_at] == '-'))
            {
                _at++;
            }

            var exponent = _at;
            while (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                _at++;
            }

            if (_at == exponent)
            {
                return Fail("a digit expected in the exponent");
            }
        }

        return new JsonNode(JsonKind.Number, start) { Length = _at - start, Text = _text.Substring(start, _at - start) };
    }
}
