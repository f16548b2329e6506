using System;
using System.Globalization;
using System.Text;

namespace CardGen.Cards;

/// <summary>Text helpers for card content: markdown escaping and the Adaptive Card date and time functions.</summary>
public static class CardText
{
    /// <summary>
    /// Escapes the markdown that Adaptive Card hosts render (emphasis, links, lists, headings, code), so that text
    /// from outside (an issue title, a commit message) shows exactly as written and cannot inject links.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text; <see langword="null"/> stays <see langword="null"/>.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? EscapeMarkdown(string? text)
    {
        if (text is null || text.Length == 0)
        {
            return text;
        }

        StringBuilder? escaped = null;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(text.AsSpan(), i, lineStart))
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 8);
                escaped.Append('\\');
            }

            escaped?.Append(c);
            lineStart = NextLineStart(c, lineStart);
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>
    /// Writes a point in time with the Adaptive Card <c>{{DATE()}}</c> and <c>{{TIME()}}</c> functions, so every reader
    /// sees it in their own time zone and format.
    /// </summary>
    /// <param name="value">The time.</param>
    /// <param name="dateStyle"><c>COMPACT</c>, <c>SHORT</c> or <c>LONG</c>.</param>
    /// <returns>For example <c>{{DATE(2026-11-27T09:14:00Z, SHORT)}} {{TIME(2026-11-27T09:14:00Z)}}</c>.</returns>
    public static string DateTime(DateTimeOffset value, string dateStyle = "SHORT")
    {
        var utc = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return "{{DATE(" + utc + ", " + dateStyle + ")}} {{TIME(" + utc + ")}}";
    }

    /// <summary>
    /// Writes a point in time with the Adaptive Card date and time functions. A <see cref="DateTimeKind.Unspecified"/>
    /// time is taken as UTC; a local time is converted.
    /// </summary>
    /// <param name="value">The time.</param>
    /// <param name="dateStyle"><c>COMPACT</c>, <c>SHORT</c> or <c>LONG</c>.</param>
    /// <returns>For example <c>{{DATE(2026-11-27T09:14:00Z, SHORT)}} {{TIME(2026-11-27T09:14:00Z)}}</c>.</returns>
    public static string DateTime(System.DateTime value, string dateStyle = "SHORT")
        => DateTime(value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc)), dateStyle);

    /// <summary>The text of a URL as cards carry it: the absolute URI, or a relative one as written.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static string Url(Uri url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        return url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
    }

    /// <summary>
    /// Writes <see cref="DateTime(DateTimeOffset, string)"/>'s text as a JSON property without allocating: generated
    /// card writers use it so that writing a card costs nothing beyond the output buffer.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The property's name.</param>
    /// <param name="value">The time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteDateTime(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonEncodedText propertyName, DateTimeOffset value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        Span<byte> text = stackalloc byte[DateTimeFunctionLength];
        writer.WriteString(propertyName, text.Slice(0, FormatDateTime(text, value)));
    }

    /// <summary>The length of <see cref="DateTime(DateTimeOffset, string)"/>'s text with the default style.</summary>
    internal const int DateTimeFunctionLength = 68;

    /// <summary>The format of <see cref="PlainDateTime(DateTimeOffset)"/>, applied to the UTC time.</summary>
    internal const string PlainDateTimeFormat = "yyyy-MM-dd HH:mm 'UTC'";

    /// <summary>Writes <see cref="DateTime(DateTimeOffset, string)"/>'s text (ASCII) into <paramref name="text"/>.</summary>
    /// <returns>The bytes written.</returns>
    internal static int FormatDateTime(Span<byte> text, DateTimeOffset value)
    {
        // {{DATE(yyyy-MM-ddTHH:mm:ssZ, SHORT)}} {{TIME(yyyy-MM-ddTHH:mm:ssZ)}}: 68 ASCII bytes.
        var utc = value.UtcDateTime;
        var at = Append(text, 0, "{{DATE(");
        at = AppendTimestamp(text, at, utc);
        at = Append(text, at, ", SHORT)}} {{TIME(");
        at = AppendTimestamp(text, at, utc);
        return Append(text, at, ")}}");
    }

    /// <summary>A <see cref="System.DateTime"/> as a point in time: a local time converted, any other taken as UTC.</summary>
    internal static DateTimeOffset ToOffset(System.DateTime value)
        => value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Writes a <see cref="System.DateTime"/> as <see cref="DateTime(System.DateTime, string)"/> does, without allocating.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The property's name.</param>
    /// <param name="value">The time; <see cref="DateTimeKind.Unspecified"/> is taken as UTC.</param>
    public static void WriteDateTime(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonEncodedText propertyName, System.DateTime value)
        => WriteDateTime(writer, propertyName, value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    private static int Append(Span<byte> buffer, int at, string ascii)
    {
        foreach (var c in ascii)
        {
            buffer[at++] = (byte)c;
        }

        return at;
    }

    private static int AppendTimestamp(Span<byte> buffer, int at, System.DateTime utc)
    {
        at = Digits(buffer, at, utc.Year, 4);
        buffer[at++] = (byte)'-';
        at = Digits(buffer, at, utc.Month, 2);
        buffer[at++] = (byte)'-';
        at = Digits(buffer, at, utc.Day, 2);
        buffer[at++] = (byte)'T';
        at = Digits(buffer, at, utc.Hour, 2);
        buffer[at++] = (byte)':';
        at = Digits(buffer, at, utc.Minute, 2);
        buffer[at++] = (byte)':';
        at = Digits(buffer, at, utc.Second, 2);
        buffer[at++] = (byte)'Z';
        return at;
    }

    private static int Digits(Span<byte> buffer, int at, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            buffer[at + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return at + width;
    }

    /// <summary>
    /// A point in time as plain text, for places where the card date functions are not evaluated (a post's activity
    /// line, the notification text): <c>2026-11-27 08:14 UTC</c>.
    /// </summary>
    /// <param name="value">The time.</param>
    /// <returns>The text.</returns>
    public static string PlainDateTime(DateTimeOffset value)
        => value.UtcDateTime.ToString(PlainDateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A point in time as plain text; <see cref="DateTimeKind.Unspecified"/> is taken as UTC.</summary>
    /// <param name="value">The time.</param>
    /// <returns>For example <c>2026-11-27 08:14 UTC</c>.</returns>
    public static string PlainDateTime(System.DateTime value)
        => PlainDateTime(value.Kind == DateTimeKind.Local ? new DateTimeOffset(value) : new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    /// <summary>Formats a value with the invariant culture, as card templates do.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">A .NET format string, or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public static string Format<T>(T value, string? format = null)
        where T : IFormattable
        => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Whether the character at <paramref name="i"/> starts or ends markdown formatting there.</summary>
    internal static bool NeedsEscape(ReadOnlySpan<char> text, int i, bool lineStart)
    {
        var c = text[i];
        return c switch
        {
            '\\' or '*' or '[' or ']' or '`' or '~' or '<' or '>' or '#' or '|' => true,
            // An underscore inside a word (snake_case, refund_id) never starts emphasis: leave it readable.
            '_' => !(i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])),
            '-' or '+' or '=' => lineStart,
            '.' or ')' => i > 0 && char.IsDigit(text[i - 1]) && (i + 1 == text.Length || text[i + 1] == ' ') && StartsWithDigits(text, i),
            '{' => i + 1 < text.Length && text[i + 1] == '{',
            _ => false,
        };
    }

    /// <summary>Whether the character after <paramref name="c"/> stands at the start of a line (ignoring indentation).</summary>
    internal static bool NextLineStart(char c, bool lineStart) => c == '\n' || (lineStart && char.IsWhiteSpace(c));

    private static bool StartsWithDigits(ReadOnlySpan<char> text, int end)
    {
        // "12." or "3)" at the start of a line starts an ordered list.
        var i = end - 1;
        while (i >= 0 && char.IsDigit(text[i]))
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }
}
