using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CardGen.Json;

/// <summary>
/// The one check that card JSON is text CardGen can carry, run before a card is read or validated. System.Text.Json
/// parses bytes that are not UTF-8 and escaped lone surrogates (<c>"\ud800"</c>) inside strings and names, then refuses
/// to decode them or replaces them when writing; a card holding either could be read but not written back unchanged.
/// Such text is rejected, naming its path, so the reader, the validator and the writer agree.
/// </summary>
internal static class JsonText
{
    /// <summary>How deep card JSON may nest; the client, the validator and the emulator read to the same depth.</summary>
    public const int MaxDepth = 128;

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes card text as UTF-8; a lone surrogate character is rejected, not replaced by U+FFFD.</summary>
    /// <exception cref="CardJsonException">The text holds a lone surrogate.</exception>
    public static byte[] ToUtf8(string json)
    {
        try
        {
            return StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            var at = Math.Max(0, SafeText.IndexOfLoneSurrogate(json));
            var lineStart = at == 0 ? 0 : json.LastIndexOf('\n', at - 1) + 1;
            var line = 0;
            for (var i = 0; i < lineStart; i++)
            {
                line += json[i] == '\n' ? 1 : 0;
            }

            var position = Encoding.UTF8.GetByteCount(json.Substring(lineStart, at - lineStart));
            throw new CardJsonException(
                $"The card text holds a lone surrogate character (U+{(int)json[at]:X4}) at line {line}, byte {position}: it is half of a character and cannot be sent as UTF-8.",
                line,
                position,
                e);
        }
    }

    /// <summary>
    /// Rejects bytes that are not UTF-8 and escaped lone surrogates with <see cref="CardJsonException"/>, naming the
    /// path, line and byte. Bytes that are UTF-8 throughout and hold no escape of a surrogate at all (nearly every
    /// card) pass after one vectorized look, leaving syntax and depth to the parser; the others are read token by
    /// token to <see cref="MaxDepth"/>, where a syntax error throws the reader's <see cref="JsonException"/>.
    /// </summary>
    public static void Check(ReadOnlySpan<byte> utf8Json)
    {
        if (IsPlain(utf8Json))
        {
            return;
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            var value = reader.ValueSpan;
            var bad = FirstInvalidUtf8(value);
            if (bad >= 0)
            {
                throw Undecodable(utf8Json, ref reader, bad, $"is not UTF-8 (byte 0x{value[bad]:X2})");
            }

            if (reader.ValueIsEscaped && FindLoneSurrogateEscape(value) is { } lone)
            {
                throw Undecodable(utf8Json, ref reader, lone, $"holds an escaped lone surrogate ({Encoding.ASCII.GetString(value.Slice(lone, 6).ToArray())}), half of a character");
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="utf8Json"/> is UTF-8 throughout and holds no escape of a surrogate: then
    /// <see cref="Check"/> passes it, and every part of it, without reading a token.
    /// </summary>
    public static bool IsPlain(ReadOnlySpan<byte> utf8Json) => FirstInvalidUtf8(utf8Json) < 0 && !MayHoldSurrogateEscape(utf8Json);

    /// <summary>Reads <paramref name="utf8Json"/> to its end: the reader's <see cref="JsonException"/> for a syntax error or more than <see cref="MaxDepth"/> levels.</summary>
    public static void CheckSyntaxAndDepth(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        while (reader.Read())
        {
        }
    }

    /// <summary>
    /// The raw UTF-8 of a parsed element (its original text, escapes as written), for reading it as
    /// <see cref="Check"/> and the reader do.
    /// </summary>
    /// <exception cref="CardJsonException">The element holds bytes that are not UTF-8.</exception>
    public static byte[] RawUtf8(JsonElement element)
    {
        try
        {
            return Encoding.UTF8.GetBytes(element.GetRawText());
        }
        catch (InvalidOperationException e)
        {
            var path = PathOfUndecodable(element, JsonPath.Root);
            throw new CardJsonException($"Text at {path} is not UTF-8; cards are read as UTF-8.", path, null, null, e);
        }
    }

    private static CardJsonException Undecodable(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, int offsetInValue, string problem)
    {
        // The value starts after its opening quote.
        var at = checked((int)reader.TokenStartIndex + 1 + offsetInValue);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < at; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var isName = reader.TokenType == JsonTokenType.PropertyName;
        var path = PathAt(json, reader.TokenStartIndex);
        var what = isName ? "A property name in the object at " + path : "Text at " + path;
        return new CardJsonException(
            $"{what} {problem} (line {line}, byte {at - lineStart}). Cards are UTF-8 text: remove it or write the whole character.",
            path,
            line,
            at - lineStart,
            null);
    }

    /// <summary>The path of the token that starts at <paramref name="tokenStart"/>; a property name gives its object's path.</summary>
    private static string PathAt(ReadOnlySpan<byte> json, long tokenStart)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? name = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
                case JsonTokenType.PropertyName:
                    if (reader.TokenStartIndex == tokenStart)
                    {
                        return containers.Peek().Path;
                    }

                    name = reader.GetString();
                    continue;
            }

            var path = JsonPath.Root;
            if (containers.Count > 0)
            {
                var parent = containers.Pop();
                path = parent.IsArray ? JsonPath.Index(parent.Path, parent.Next) : JsonPath.Property(parent.Path, name!);
                containers.Push(parent.IsArray ? (parent.Path, true, parent.Next + 1) : parent);
            }

            if (reader.TokenStartIndex == tokenStart)
            {
                return path;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return JsonPath.Root;
    }

    /// <summary>Narrows a failure to decode an element to the innermost value or name that cannot be decoded.</summary>
    private static string PathOfUndecodable(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (!Decodes(property.Value))
                    {
                        return PathOfUndecodable(property.Value, JsonPath.Property(path, name));
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Decodes(item))
                    {
                        return PathOfUndecodable(item, JsonPath.Index(path, i));
                    }

                    i++;
                }

                break;
        }

        return path;

        static bool Decodes(JsonElement value)
        {
            try
            {
                _ = value.GetRawText();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>Whether a <c>\uD8</c>…<c>\uDF</c> escape may be there (a <c>\\</c> before <c>u</c> makes it a false alarm, which the token check settles).</summary>
    private static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var rest = json;
        while (true)
        {
            var at = rest.IndexOf((byte)'\\');
            if (at < 0 || at + 3 >= rest.Length)
            {
                return false;
            }

            // \uD800–\uDFFF: "d", then 8–9 or a–f, in either case.
            var third = rest[at + 3] | 0x20;
            if (rest[at + 1] == (byte)'u' && (rest[at + 2] | 0x20) == 'd' && (third is >= '8' and <= '9' || third is >= 'a' and <= 'f'))
            {
                return true;
            }

            rest = rest.Slice(at + 1);
        }
    }

    /// <summary>The offset of the first escape <c>\uD800</c>–<c>\uDFFF</c> that is not part of a high-low pair, or <see langword="null"/>.</summary>
    private static int? FindLoneSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u')
            {
                i++; // a one-character escape such as \" or \\
                continue;
            }

            var unit = Hex4(raw.Slice(i + 2, 4));
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                return i; // a low surrogate with no high one before it
            }

            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                var next = i + 6;
                if (next + 6 > raw.Length || raw[next] != (byte)'\\' || raw[next + 1] != (byte)'u'
                    || Hex4(raw.Slice(next + 2, 4)) is < 0xDC00 or > 0xDFFF)
                {
                    return i;
                }

                i = next + 5;
                continue;
            }

            i += 5;
        }

        return null;
    }

    private static int Hex4(ReadOnlySpan<byte> hex)
    {
        // The reader has already checked that four hex digits follow \u.
        var value = 0;
        foreach (var b in hex)
        {
            value = (value << 4) | (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
        }

        return value;
    }

    /// <summary>The offset of the first byte that does not belong to well-formed UTF-8, or -1.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }
#endif
        var i = 0;
        while (i < bytes.Length)
        {
            // Eight ASCII bytes at a time: most card text is ASCII.
            while (i + 8 <= bytes.Length && (MemoryMarshal.Read<ulong>(bytes.Slice(i)) & 0x8080808080808080UL) == 0)
            {
                i += 8;
            }

            if (i == bytes.Length)
            {
                break;
            }

            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            // The allowed range of the second byte depends on the first (no overlong forms, no surrogates, nothing above U+10FFFF).
            int length;
            byte low = 0x80, high = 0xBF;
            switch (b)
            {
                case >= 0xC2 and <= 0xDF: length = 2; break;
                case 0xE0: length = 3; low = 0xA0; break;
                case 0xED: length = 3; high = 0x9F; break;
                case >= 0xE1 and <= 0xEF: length = 3; break;
                case 0xF0: length = 4; low = 0x90; break;
                case >= 0xF1 and <= 0xF3: length = 4; break;
                case 0xF4: length = 4; high = 0x8F; break;
                default: return i;
            }

            if (i + length > bytes.Length || bytes[i + 1] < low || bytes[i + 1] > high)
            {
                return i;
            }

            for (var k = 2; k < length; k++)
            {
                if (bytes[i + k] is < 0x80 or > 0xBF)
                {
                    return i;
                }
            }

            i += length;
        }

        return -1;
    }
}
