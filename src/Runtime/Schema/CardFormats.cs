using System;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

/// <summary>
/// Format rules for string values that the schema cannot express: pixel sizes, colours, widths and URLs.
/// Shared by the runtime validator and the analyzers so both accept exactly the same literals.
/// </summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
static class CardFormats
{
    /// <summary>
    /// The rule a string value of a <paramref name="kind"/> property follows, and how to say it ("must be …"): one
    /// table for the validator and the analyzers. False for kinds without a text rule (URLs have their own checks).
    /// </summary>
    internal static bool TryGetTextRule(PropertyKind kind, out Func<string, bool> isValid, out string expected)
    {
        (isValid, expected) = kind switch
        {
            PropertyKind.Pixels => (IsPixels, "a pixel size such as \"80px\""),
            PropertyKind.Color => (IsColor, "a colour #RRGGBB or #AARRGGBB"),
            PropertyKind.ColumnWidth => (IsColumnWidth, "\"auto\", \"stretch\", a weight number or \"NNpx\""),
            PropertyKind.WeightOrPixels => (IsPixels, "a weight number or \"NNpx\""),
            PropertyKind.HeightOrPixels => (IsHeight, "\"auto\", \"stretch\" or \"NNpx\""),
            _ => ((Func<string, bool>)(_ => true), string.Empty),
        };
        return expected.Length > 0;
    }

    /// <summary>Whether <paramref name="value"/> is a pixel size: digits followed by <c>px</c>, such as <c>"80px"</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a pixel size.</returns>
    /// <remarks>The JS renderer rejects fractions and a bare number; this accepts what every renderer accepts.</remarks>
    public static bool IsPixels(string? value) => TryParsePixels(value, out _);

    /// <summary>Parses a pixel size such as <c>"80px"</c>.</summary>
    /// <param name="value">The text.</param>
    /// <param name="pixels">The number of pixels.</param>
    /// <returns>Whether it is a pixel size.</returns>
    public static bool TryParsePixels(string? value, out int pixels)
    {
        pixels = 0;
        if (value is null || value.Length < 3 || value.Length > 12
            || !value.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        long total = 0;
        for (var i = 0; i < value.Length - 2; i++)
        {
            var c = value[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            total = (total * 10) + (c - '0');
        }

        if (total > int.MaxValue)
        {
            return false;
        }

        pixels = (int)total;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a colour <c>#RRGGBB</c> or <c>#AARRGGBB</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a colour.</returns>
    public static bool IsColor(string? value)
    {
        if (value is null || (value.Length != 7 && value.Length != 9) || value[0] != '#')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!IsHex(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a column width string: <c>auto</c>, <c>stretch</c>, <c>"NNpx"</c> or a weight such as <c>"2"</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a column width.</returns>
    public static bool IsColumnWidth(string? value)
        => value is not null
            && (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, "stretch", StringComparison.OrdinalIgnoreCase)
                || IsPixels(value)
                || IsWeight(value));

    /// <summary>Whether <paramref name="value"/> is a positive weight written as a string (<c>"2"</c>, <c>"0.5"</c>).</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a weight.</returns>
    public static bool IsWeight(string? value)
    {
        if (value is null || value.Length == 0 || value.Length > 16)
        {
            return false;
        }

        var dot = false;
        var digit = false;
        foreach (var c in value)
        {
            if (c == '.' && !dot)
            {
                dot = true;
            }
            else if (c >= '0' && c <= '9')
            {
                digit |= c != '0';
            }
            else
            {
                return false;
            }
        }

        return digit;
    }

    /// <summary>Whether <paramref name="value"/> is an element height: <c>auto</c>, <c>stretch</c> or <c>"NNpx"</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a height.</returns>
    public static bool IsHeight(string? value)
        => value is not null
            && (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, "stretch", StringComparison.OrdinalIgnoreCase)
                || IsPixels(value));

    /// <summary>Whether <paramref name="value"/> is a URI reference a renderer can load: absolute, relative, or a data URI.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a URI reference.</returns>
    public static bool IsUrl(string? value) => IsUrl(value, out _);

    /// <summary>
    /// <see cref="IsUrl(string?)"/>, with the URI it parsed (<see langword="null"/> for a data URI), so that a caller
    /// asking next whether it is absolute does not parse it again.
    /// </summary>
    internal static bool IsUrl(string? value, out Uri? parsed)
    {
        parsed = null;
        if (value is null || value.Length == 0)
        {
            return false;
        }

        // The data of a data URI is not checked as URL text: renderers show an SVG written with raw characters
        // (data:image/svg+xml;utf8,<svg …>); HasUnencodedCharacters says when it should be encoded.
        if (IsDataUri(value))
        {
            return IsWellFormedDataUri(value);
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out parsed);
    }

    /// <summary>
    /// Whether a URL holds characters a URL must percent-encode: a space or other white space, a control character,
    /// text outside ASCII, <c>"</c>, <c>&lt;</c>, <c>&gt;</c>, <c>\</c>, <c>^</c>, a backtick, <c>{</c>, <c>|</c>,
    /// <c>}</c>, and <c>#</c> (which ends a data URI's data where browsers read it).
    /// </summary>
    /// <param name="value">The URL, normally a data URI.</param>
    /// <returns>Whether any such character is there.</returns>
    internal static bool HasUnencodedCharacters(string value)
    {
        foreach (var c in value)
        {
            if (c <= ' ' || c >= '\u007F' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' or '#')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> is an absolute <c>http</c> or <c>https</c> URL, or a data URI.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether a host without a base URL can load it.</returns>
    public static bool IsAbsoluteUrl(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (IsDataUri(value))
        {
            return IsWellFormedDataUri(value);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == "https" || uri.Scheme == "http");
    }

    /// <summary>
    /// <see cref="IsAbsoluteUrl(string?)"/> for a URL <see cref="IsUrl(string?, out Uri?)"/> accepted: its absolute
    /// parse is the answer as it is, and only a relative one (or a data URI) is looked at again.
    /// </summary>
    internal static bool IsAbsoluteUrl(string value, Uri? parsed)
        => parsed is { IsAbsoluteUri: true } ? parsed.Scheme == "https" || parsed.Scheme == "http" : IsAbsoluteUrl(value);

    /// <summary>Whether <paramref name="value"/> starts with the <c>data:</c> scheme.</summary>
    /// <param name="value">The text.</param>
    /// <returns>Whether it is a data URI.</returns>
    public static bool IsDataUri(string value) => value.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static bool IsWellFormedDataUri(string value)
    {
        // data:[<media type>][;base64],<data>
        var comma = value.IndexOf(',');
        if (comma < 0)
        {
            return false;
        }

        var header = value.Substring(5, comma - 5);
        if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            for (var i = comma + 1; i < value.Length; i++)
            {
                var c = value[i];
                if (!(IsAsciiLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '%'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
