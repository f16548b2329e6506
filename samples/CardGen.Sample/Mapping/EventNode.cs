using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CardGen.Sample.Mapping;

/// <summary>
/// A value in an event's JSON together with its path (<c>issue.fields.priority.name</c>), so that every problem
/// can say exactly where it is. Reads with <see cref="JsonElement"/> only: no reflection-based serializer.
/// </summary>
internal readonly struct EventNode
{
    private readonly JsonElement _element;

    private EventNode(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    /// <summary>Where the value is, for example <c>issue.fields.summary</c>.</summary>
    public string Path { get; }

    /// <summary>Wraps a document's root, which must be an object.</summary>
    public static EventNode Root(JsonElement root)
        => root.ValueKind == JsonValueKind.Object
            ? new EventNode(root, string.Empty)
            : throw new EventFormatException($"the top level is {Describe(root.ValueKind)}; expected a JSON object");

    /// <summary>A property that must be present and not null.</summary>
    public EventNode Get(string name)
        => TryGet(name) ?? throw new EventFormatException($"{Child(name)} is missing");

    /// <summary>A property, or <see langword="null"/> when it is absent or JSON null.</summary>
    public EventNode? TryGet(string name)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Expected("an object");
        }

        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new EventNode(value, Child(name))
            : null;
    }

    /// <summary>A string property that must be present and not blank.</summary>
    public string String(string name) => Get(name).AsString();

    /// <summary>A string property, or <see langword="null"/> when it is absent, null or blank.</summary>
    public string? OptionalString(string name)
    {
        if (TryGet(name) is not { } node)
        {
            return null;
        }

        if (node._element.ValueKind != JsonValueKind.String)
        {
            throw node.Expected("a string");
        }

        var text = node._element.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The value as a non-blank string.</summary>
    public string AsString()
    {
        if (_element.ValueKind != JsonValueKind.String)
        {
            throw Expected("a string");
        }

        var text = _element.GetString();
        return string.IsNullOrWhiteSpace(text) ? throw new EventFormatException($"{Path} is empty") : text.Trim();
    }

    /// <summary>The value as a whole number.</summary>
    public long AsInt64()
        => _element.ValueKind == JsonValueKind.Number && _element.TryGetInt64(out var value)
            ? value
            : throw Expected("a whole number");

    /// <summary>The value as a number.</summary>
    public double AsDouble()
        => _element.ValueKind == JsonValueKind.Number && _element.TryGetDouble(out var value)
            ? value
            : throw Expected("a number");

    /// <summary>
    /// The value as a date and time with an offset: ISO 8601 (<c>2026-11-27T08:14:03Z</c>) or Jira's form without
    /// the colon in the offset (<c>2026-11-27T09:14:07.412+0100</c>).
    /// </summary>
    public DateTimeOffset AsDate()
    {
        var text = AsString();
        if (text.Length > 5 && text[^5] is '+' or '-' && IsDigits(text.AsSpan(text.Length - 4)))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new EventFormatException($"{Path} is \"{Clip(AsString())}\"; expected a date and time with an offset, like 2026-11-27T09:14:07.412+0100");
    }

    /// <summary>The value as an absolute http or https URL.</summary>
    public Uri AsUrl()
    {
        var text = AsString();
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new EventFormatException($"{Path} is \"{Clip(text)}\"; expected an absolute http(s) URL");
    }

    /// <summary>The items of an array.</summary>
    public IEnumerable<EventNode> Items()
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            throw Expected("an array");
        }

        return Enumerate(_element, Path);

        static IEnumerable<EventNode> Enumerate(JsonElement array, string path)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                yield return new EventNode(item, $"{path}[{index++}]");
            }
        }
    }

    /// <summary>Whether the value is a JSON string (for fields whose shape varies).</summary>
    public bool IsString => _element.ValueKind == JsonValueKind.String;

    /// <summary>Whether the value is a JSON number.</summary>
    public bool IsNumber => _element.ValueKind == JsonValueKind.Number;

    /// <summary>A problem with this value.</summary>
    public EventFormatException Problem(string what) => new($"{Path} {what}");

    private EventFormatException Expected(string what)
        => new($"{Path} is {Describe(_element.ValueKind)}; expected {what}");

    private string Child(string name) => Path.Length == 0 ? name : Path + "." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "\u2026";
}
