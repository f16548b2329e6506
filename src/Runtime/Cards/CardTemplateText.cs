using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CardGen.Cards;

/// <summary>
/// Builds a card text from literal pieces and member values in a caller-provided buffer (a card's title, fallback text
/// or a formatted value), so generated code allocates nothing to write it. In markdown mode (text shown in the card)
/// values are escaped with <see cref="CardText.EscapeMarkdown"/> and times are written with the card date functions;
/// in plain mode (an activity line, a notification) values are appended as they are and times as plain UTC text.
/// </summary>
/// <remarks>
/// Used by generated code. End each text with <see cref="WriteTo"/> or <see cref="ToStringAndClear"/>, which also
/// return any pooled memory the text grew into.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
#pragma warning disable CA1001 // WriteTo and ToStringAndClear end the text and return its pooled memory; generated code calls them.
public ref struct CardTemplateText
#pragma warning restore CA1001
{
    // Not readonly: the buffer is changed in place.
    private PooledCharBuffer _buffer;
    private readonly bool _markdown;

    /// <summary>Starts an empty text in <paramref name="buffer"/>; grows into pooled memory when it runs out.</summary>
    /// <param name="buffer">Scratch space, typically on the stack.</param>
    /// <param name="markdown">Whether the text is shown in a card: values escaped, times as card date functions.</param>
    public CardTemplateText(Span<char> buffer, bool markdown)
    {
        _buffer = new PooledCharBuffer(buffer);
        _markdown = markdown;
    }

    /// <summary>The text so far.</summary>
    internal readonly ReadOnlySpan<char> Text => _buffer.Written;

    /// <summary>Appends literal template text as written.</summary>
    /// <param name="text">The text.</param>
    public void AppendLiteral(string text) => Append(text.AsSpan(), escape: false);

    /// <summary>Appends a member's text (escaped in markdown mode); <see langword="null"/> appends nothing.</summary>
    /// <param name="value">The text.</param>
    public void Append(string? value)
    {
        if (value is not null)
        {
            Append(value.AsSpan(), _markdown);
        }
    }

    /// <summary>Appends a URL as cards carry it (<see cref="CardText.Url"/>); <see langword="null"/> appends nothing.</summary>
    /// <param name="value">The URL.</param>
    public void Append(Uri? value)
    {
        if (value is not null)
        {
            Append(CardText.Url(value));
        }
    }

    /// <summary>Appends <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public void Append(bool value) => Append((value ? "true" : "false").AsSpan(), escape: false);

    /// <summary>Appends a character (escaped in markdown mode).</summary>
    /// <param name="value">The character.</param>
    public void Append(char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        Append(one, _markdown);
    }

    /// <summary>
    /// Appends a point in time: the card <c>{{DATE()}} {{TIME()}}</c> functions in markdown mode
    /// (<see cref="CardText.DateTime(DateTimeOffset, string)"/>), plain UTC text otherwise
    /// (<see cref="CardText.PlainDateTime(DateTimeOffset)"/>).
    /// </summary>
    /// <param name="value">The time.</param>
    public void Append(DateTimeOffset value)
    {
        if (_markdown)
        {
            Span<byte> utf8 = stackalloc byte[CardText.DateTimeFunctionLength];
            var written = CardText.FormatDateTime(utf8, value);
            Span<char> chars = stackalloc char[CardText.DateTimeFunctionLength];
            for (var i = 0; i < written; i++)
            {
                chars[i] = (char)utf8[i];
            }

            Append(chars.Slice(0, written), escape: false);
            return;
        }

#if NET8_0_OR_GREATER
        Span<char> plain = stackalloc char[32];
        if (value.UtcDateTime.TryFormat(plain, out var length, CardText.PlainDateTimeFormat, CultureInfo.InvariantCulture))
        {
            Append(plain.Slice(0, length), escape: false);
            return;
        }
#endif
        Append(CardText.PlainDateTime(value).AsSpan(), escape: false);
    }

    /// <summary>Appends a point in time as <see cref="Append(DateTimeOffset)"/> does; an unspecified kind is taken as UTC.</summary>
    /// <param name="value">The time.</param>
    public void Append(DateTime value) => Append(CardText.ToOffset(value));

    /// <summary>Appends a formatted value (invariant culture; escaped in markdown mode) without allocating where it can format into a span.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; a <see langword="null"/> reference appends nothing.</param>
    /// <param name="format">A .NET format string, or <see langword="null"/>.</param>
    /// <remarks>
    /// Compiled fully optimized from its first call: only the optimizing JIT formats a value type through
    /// <c>ISpanFormattable</c> without boxing it, and a card written before the method tiers up should not allocate either.
    /// </remarks>
#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public void Append<T>(T value, string? format)
        where T : IFormattable?
    {
        if (value is null)
        {
            return;
        }

#if NET8_0_OR_GREATER
        if (value is ISpanFormattable)
        {
            Span<char> scratch = stackalloc char[64];
            if (((ISpanFormattable)value).TryFormat(scratch, out var written, format, CultureInfo.InvariantCulture))
            {
                Append(scratch.Slice(0, written), _markdown);
                return;
            }
        }
#endif
        Append(value.ToString(format, CultureInfo.InvariantCulture).AsSpan(), _markdown);
    }

    /// <summary>
    /// Appends an enum value as <see cref="Enum.ToString(string)"/> writes it (its name, or the format's spelling;
    /// escaped in markdown mode) without boxing it, which formatting through <see cref="IFormattable"/> would.
    /// </summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">An enum format string (<c>G</c>, <c>D</c>, <c>X</c>, <c>F</c>), or <see langword="null"/> for <c>G</c>.</param>
    public void AppendEnum<TEnum>(TEnum value, string? format = null)
        where TEnum : struct, Enum
    {
#if NET8_0_OR_GREATER
        Span<char> scratch = stackalloc char[64];
        if (Enum.TryFormat(value, scratch, out var written, format))
        {
            Append(scratch.Slice(0, written), _markdown);
            return;
        }
#endif
        Append(value.ToString(format).AsSpan(), _markdown);
    }

    /// <summary>Writes the text as a JSON string property and returns any pooled memory.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The property's name.</param>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText propertyName)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteString(propertyName, Text);
        Clear();
    }

    /// <summary>Returns the text as a string and any pooled memory.</summary>
    /// <returns>The text.</returns>
    public string ToStringAndClear()
    {
        var text = Text.ToString();
        Clear();
        return text;
    }

    /// <summary>Empties the text and returns any pooled memory.</summary>
    internal void Clear() => _buffer.Dispose();

    private void Append(scoped ReadOnlySpan<char> text, bool escape)
    {
        if (!escape)
        {
            _buffer.Append(text);
            return;
        }

        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CardText.NeedsEscape(text, i, lineStart))
            {
                _buffer.Append('\\');
            }

            _buffer.Append(c);
            lineStart = CardText.NextLineStart(c, lineStart);
        }
    }
}
