using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;

namespace CardGen.Templates;

/// <summary>
/// A text with bindings in it (<c>"Build ${Number} of ${Project}"</c>) being put together in a buffer the compiled
/// template lends it (on the stack), so that writing it allocates nothing: values are formatted straight into the
/// buffer as the templating engine writes them. A longer text moves to a pooled array. Not for use in hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct TemplateText
{
    // Not readonly: the buffer is changed in place.
    private PooledCharBuffer _buffer;

    /// <summary>Starts an empty text in <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Where to put it together; usually on the stack.</param>
    public TemplateText(Span<char> buffer)
    {
        _buffer = new PooledCharBuffer(buffer);
    }

    /// <summary>The text so far.</summary>
    public readonly ReadOnlySpan<char> Written => _buffer.Written;

    /// <summary>Appends a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>False when <paramref name="text"/> is null (nothing is appended; the template writes the binding instead).</returns>
    public bool Append(string? text)
    {
        if (text is null)
        {
            return false;
        }

        Append(text.AsSpan());
        return true;
    }

    /// <summary>Appends a number as JavaScript writes it (<c>100</c>, <c>1.5</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool Append(double? value)
    {
        if (value is not { } number)
        {
            return false;
        }

        if (number == Math.Floor(number) && Math.Abs(number) < 9007199254740992d)
        {
            AppendWhole((long)number, 1);
        }
        else
        {
            Append(TemplateFunctions.Text(number)!.AsSpan());
        }

        return true;
    }

    /// <summary>Appends a boolean as JavaScript writes it.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool Append(bool? value)
    {
        if (value is not { } b)
        {
            return false;
        }

        Append((b ? "true" : "false").AsSpan());
        return true;
    }

    /// <summary>Appends an enum value by name, as <see cref="Enum.ToString()"/> names it.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool AppendEnum<T>(T? value)
        where T : struct, Enum
    {
        if (value is not { } v)
        {
            return false;
        }

        Append(EnumNames<T>.Get(v).AsSpan());
        return true;
    }

    /// <summary>Appends a date and time as a template reads it: ISO 8601 with its offset.</summary>
    /// <param name="value">The date and time.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool AppendDate(DateTimeOffset? value)
    {
        if (value is not { } date)
        {
            return false;
        }

#if NET
        Span<char> chars = stackalloc char[40];
        if (date.TryFormat(chars, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture))
        {
            Append(chars.Slice(0, written));
            return true;
        }
#endif
        Append(TemplateFunctions.Text((object)date)!.AsSpan());
        return true;
    }

    /// <summary>Appends a date and time as a template reads it: ISO 8601, with <c>Z</c> when it is UTC.</summary>
    /// <param name="value">The date and time.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool AppendDate(DateTime? value)
    {
        if (value is not { } date)
        {
            return false;
        }

#if NET
        Span<char> chars = stackalloc char[40];
        if (date.TryFormat(chars, out var written, date.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))
        {
            Append(chars.Slice(0, written));
            return true;
        }
#endif
        Append(TemplateFunctions.Text((object)date)!.AsSpan());
        return true;
    }

    /// <summary><c>formatDateTime(date, format)</c> of a date and time member: the time in UTC, formatted as the function formats it.</summary>
    /// <param name="value">The date and time.</param>
    /// <param name="format">The format; ISO 8601 with milliseconds when null.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool AppendDateTime(DateTimeOffset? value, string? format)
    {
        if (value is not { } date)
        {
            return false;
        }

        TemplateFunctions.Format(ref this, date.ToUniversalTime(), format);
        return true;
    }

    /// <summary><c>formatDateTime(date, format)</c> of a date and time member, read as UTC whatever its kind (as its text is read).</summary>
    /// <param name="value">The date and time.</param>
    /// <param name="format">The format; ISO 8601 with milliseconds when null.</param>
    /// <returns>False when <paramref name="value"/> is null.</returns>
    public bool AppendDateTime(DateTime? value, string? format)
        => AppendDateTime(value is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null, format);

    /// <summary>Appends characters.</summary>
    /// <param name="text">The characters.</param>
    public void Append(scoped ReadOnlySpan<char> text) => _buffer.Append(text);

    /// <summary>Appends one character <paramref name="count"/> times.</summary>
    /// <param name="c">The character.</param>
    /// <param name="count">How many times.</param>
    public void Append(char c, int count = 1) => _buffer.AppendSpan(count).Fill(c);

    /// <summary>Appends a whole number in decimal, padded with zeros to <paramref name="digits"/> digits.</summary>
    /// <param name="value">The number.</param>
    /// <param name="digits">The fewest digits to write.</param>
    public void AppendWhole(long value, int digits)
    {
        if (value < 0)
        {
            if (value == long.MinValue)
            {
                Append(value.ToString(CultureInfo.InvariantCulture).AsSpan());
                return;
            }

            Append('-');
            value = -value;
        }

        var count = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            count++;
        }

        var chars = _buffer.AppendSpan(Math.Max(count, digits));
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
    }

    /// <summary>The text as a string.</summary>
    /// <returns>The text.</returns>
    public override readonly string ToString() => Written.ToString();

    /// <summary>Returns the pooled array, if the text needed one, and empties the text.</summary>
    public void Dispose() => _buffer.Dispose();

    /// <summary>Each enum value's name, computed once: naming a value again allocates nothing.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        private static readonly ConcurrentDictionary<T, string> Names = new();

        public static string Get(T value) => Names.TryGetValue(value, out var name) ? name : Names.GetOrAdd(value, value.ToString());
    }
}
