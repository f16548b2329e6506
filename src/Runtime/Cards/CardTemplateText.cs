using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace CardGen.Cards;

/// <summary>
/// Builds a templated text (a card's title or fallback text) in a caller-provided buffer and writes it as a JSON
/// property, so generated card writers allocate nothing. The text equals what concatenating the pieces (values
/// escaped with <see cref="CardText.EscapeMarkdown"/> where asked) would give.
/// </summary>
/// <remarks>Used by generated code; call <see cref="WriteTo"/> once, which also returns any rented memory.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct CardTemplateText
{
    private Span<char> _buffer;
    private char[]? _rented;
    private int _length;

    /// <summary>Starts an empty text in <paramref name="buffer"/>; grows into pooled memory when it runs out.</summary>
    /// <param name="buffer">Scratch space, typically on the stack.</param>
    public CardTemplateText(Span<char> buffer)
    {
        _buffer = buffer;
        _rented = null;
        _length = 0;
    }

    /// <summary>Appends literal template text as written.</summary>
    /// <param name="text">The text.</param>
    public void AppendLiteral(string text) => Append(text.AsSpan());

    /// <summary>Appends a member's text, markdown-escaped when asked; <see langword="null"/> appends nothing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="escape">Whether to escape markdown.</param>
    public void AppendValue(string? value, bool escape)
    {
        if (value is null)
        {
            return;
        }

        if (escape)
        {
            AppendEscaped(value.AsSpan());
        }
        else
        {
            Append(value.AsSpan());
        }
    }

    /// <summary>Appends a formatted value (invariant culture), markdown-escaped when asked.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">A .NET format string, or <see langword="null"/>.</param>
    /// <param name="escape">Whether to escape markdown.</param>
    public void AppendFormatted<T>(T value, string? format, bool escape)
        where T : IFormattable
    {
#if NET8_0_OR_GREATER
        if (value is ISpanFormattable)
        {
            Span<char> scratch = stackalloc char[64];
            if (((ISpanFormattable)value).TryFormat(scratch, out var written, format, CultureInfo.InvariantCulture))
            {
                if (escape)
                {
                    AppendEscaped(scratch.Slice(0, written));
                }
                else
                {
                    Append(scratch.Slice(0, written));
                }

                return;
            }
        }
#endif
        AppendValue(value.ToString(format, CultureInfo.InvariantCulture), escape);
    }

    /// <summary>Writes the text as a JSON string property and returns any rented memory.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The property's name.</param>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText propertyName)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteString(propertyName, _buffer.Slice(0, _length));
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void AppendEscaped(scoped ReadOnlySpan<char> text)
    {
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CardText.NeedsEscape(text, i, lineStart))
            {
                AppendChar('\\');
            }

            AppendChar(c);
            lineStart = CardText.NextLineStart(c, lineStart);
        }
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        while (_length + text.Length > _buffer.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer.Slice(_length));
        _length += text.Length;
    }

    private void AppendChar(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.Slice(0, _length).CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = larger;
        _buffer = larger;
    }
}
