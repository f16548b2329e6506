using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CardGen.Templates;

/// <summary>
/// The few functions that code generated from a card template calls: the template functions that need more than one
/// C# expression (<c>formatNumber</c>, <c>formatDateTime</c>, …) and JavaScript's number and text conventions, so a
/// compiled template writes what the Adaptive Cards templating engine writes. Not for use in hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateFunctions
{
    private static readonly DateTimeOffset UnixEpoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The items of a collection, or none when it is null.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The collection.</param>
    /// <returns>The items.</returns>
    public static IEnumerable<T> Items<T>(IEnumerable<T>? source) => source ?? Array.Empty<T>();

    /// <summary>The item at an index (<c>items[0]</c>), or the default when there is none.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The collection.</param>
    /// <param name="index">The index.</param>
    /// <returns>The item, or the default.</returns>
    public static T? At<T>(IEnumerable<T>? source, double? index)
    {
        if (source is null || index is not { } at || at < 0 || at != Math.Floor(at) || at > int.MaxValue)
        {
            return default;
        }

        var i = (int)at;
        if (source is IReadOnlyList<T> list)
        {
            return i < list.Count ? list[i] : default;
        }

        foreach (var item in source)
        {
            if (i-- == 0)
            {
                return item;
            }
        }

        return default;
    }

    /// <summary>Whether a value counts as true: a boolean that is true, or any other value that is not null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is true.</returns>
    public static bool Truthy(bool? value) => value == true;

    /// <summary>Whether a value counts as true: a boolean that is true, or any other value that is not null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is true.</returns>
    public static bool Truthy(object? value) => value is bool b ? b : value is not null;

    /// <summary>A number as JavaScript writes it (<c>100</c>, <c>1.5</c>, <c>1e+21</c>), or null.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string? Text(double? value)
    {
        if (value is not { } number)
        {
            return null;
        }

        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return Math.Abs(number) < 1e15 ? number.ToString("0", CultureInfo.InvariantCulture) : WholeText(number);
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0)
        {
            return text;
        }

        var exponent = text.Substring(e + 1);
        return text.Substring(0, e) + "e" + (exponent.StartsWith("-", StringComparison.Ordinal) ? exponent : "+" + exponent.TrimStart('+'));
    }

    /// <summary>
    /// A whole number of 15 or more digits as JavaScript writes it: the shortest digits that read back as the same
    /// double, then zeros (2^60 is <c>1152921504606847000</c>). The "0" format would round to 15 digits.
    /// </summary>
    private static string WholeText(double number)
    {
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E');
        if (e < 0)
        {
            return shortest;
        }

        var negative = shortest[0] == '-';
        var digits = shortest.Substring(negative ? 1 : 0, e - (negative ? 1 : 0)).Replace(".", "");
        var exponent = int.Parse(shortest.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (negative ? "-" : "") + digits + new string('0', Math.Max(0, exponent + 1 - digits.Length));
    }

    /// <summary>
    /// <c>string(number)</c> as Adaptive Expressions writes it (en-US): thousands separators, as many decimals as the
    /// number has (<c>2,000</c>, <c>1,234.5</c>), and U+2212 for the minus sign.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>The text, or null.</returns>
    public static string? NumberString(double? value)
    {
        var plain = Text(value);
        if (value is not { } number || plain is null || double.IsNaN(number) || double.IsInfinity(number) || plain.AsSpan().IndexOf('e') >= 0)
        {
            return plain;
        }

        var point = plain.IndexOf('.');
        var decimals = point < 0 ? 0 : plain.Length - point - 1;
        var text = Math.Abs(number).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return number < 0 ? "\u2212" + text : text;
    }

    /// <summary>A boolean as JavaScript writes it (<c>true</c>, <c>false</c>), or null.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The text.</returns>
    public static string? Text(bool? value) => value is { } b ? (b ? "true" : "false") : null;

    /// <summary>
    /// A value a template reads as text: a URI as written, a date as ISO 8601, an enum by name, any other formattable
    /// value with the invariant culture.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Uri uri => uri.OriginalString,
        DateTimeOffset date => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime date => date.ToString(date.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Writes a number as the templating engine does: whole numbers without a fraction.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The number.</param>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 9007199254740992d)
        {
            writer.WriteNumberValue((long)value);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary><c>a / b</c> as Adaptive Expressions divide: whole numbers give the whole quotient (rounded down).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>The quotient, or null for a null operand or a zero divisor.</returns>
    public static double? Divide(double? a, double? b)
    {
        if (a is not { } x || b is not { } y || y == 0)
        {
            return null;
        }

        var quotient = x / y;
        return x == Math.Floor(x) && y == Math.Floor(y) ? Math.Floor(quotient) : quotient;
    }

    /// <summary>Compares two strings ordinally with <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    /// <param name="a">The left string.</param>
    /// <param name="b">The right string.</param>
    /// <param name="op">The operator.</param>
    /// <returns>The comparison, false when either is null.</returns>
    public static bool Compare(string? a, string? b, string op)
    {
        if (a is null || b is null)
        {
            return false;
        }

        var c = string.CompareOrdinal(a, b);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary><c>substring(text, start, length)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <param name="length">How many characters, or null for the rest.</param>
    /// <returns>The part, or null when it is out of range.</returns>
    public static string? Substring(string? text, double? start, double? length)
    {
        if (text is null || start is not { } s || s < 0 || s > text.Length)
        {
            return null;
        }

        var from = (int)s;
        var count = length is { } l ? (int)l : text.Length - from;
        return count < 0 || from + count > text.Length ? null : text.Substring(from, count);
    }

    /// <summary><c>indexOf(text, search)</c>: where the search first occurs, or -1.</summary>
    /// <param name="text">The text.</param>
    /// <param name="search">What to find.</param>
    /// <returns>The index.</returns>
    public static double? IndexOf(string? text, string? search)
        => text is null || search is null ? null : text.IndexOf(search, StringComparison.Ordinal);

    /// <summary><c>length(text)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its length.</returns>
    public static double? Length(string? text) => text?.Length;

    /// <summary><c>length(collection)</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The collection.</param>
    /// <returns>How many items it has.</returns>
    public static double? Count<T>(IEnumerable<T>? source)
    {
        if (source is null)
        {
            return null;
        }

        var count = 0;
        foreach (var unused in source)
        {
            count++;
        }

        return count;
    }

    /// <summary><c>int(value)</c>: a whole number from a number or a text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number, or null when it is none.</returns>
    public static double? Int(double? value) => value is { } v ? Math.Truncate(v) : null;

    /// <summary><c>int(value)</c>: a whole number from a number or a text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number, or null when it is none.</returns>
    public static double? Int(string? value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? Math.Truncate(v) : null;

    /// <summary><c>sum(numbers)</c>; null items count as nothing.</summary>
    /// <param name="values">The numbers.</param>
    /// <returns>The sum.</returns>
    public static double? Sum(IEnumerable<double?>? values)
    {
        double sum = 0;
        foreach (var value in Items(values))
        {
            sum += value ?? 0;
        }

        return sum;
    }

    /// <summary><c>min(numbers)</c>.</summary>
    /// <param name="values">The numbers.</param>
    /// <returns>The least, or null when there is none.</returns>
    public static double? Min(IEnumerable<double?>? values)
    {
        double? min = null;
        foreach (var value in Items(values))
        {
            if (value is { } v && (min is null || v < min))
            {
                min = v;
            }
        }

        return min;
    }

    /// <summary><c>max(numbers)</c>.</summary>
    /// <param name="values">The numbers.</param>
    /// <returns>The greatest, or null when there is none.</returns>
    public static double? Max(IEnumerable<double?>? values)
    {
        double? max = null;
        foreach (var value in Items(values))
        {
            if (value is { } v && (max is null || v > max))
            {
                max = v;
            }
        }

        return max;
    }

    /// <summary><c>formatNumber(number, digits)</c>: rounded half up, with thousands separators (en-US).</summary>
    /// <param name="value">The number.</param>
    /// <param name="digits">Digits after the point.</param>
    /// <param name="locale">The locale; only en-US (the default) is supported.</param>
    /// <returns>The text, or null.</returns>
    public static string? FormatNumber(double? value, double? digits, string? locale)
    {
        if (value is not { } v || digits is not { } d || d < 0 || d > 15)
        {
            return null;
        }

        if (locale is not null && !string.Equals(locale, "en-US", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"formatNumber supports the locale en-US only, not '{locale}'.");
        }

        var places = (int)d;
        var scale = Math.Pow(10, places);
        var rounded = Math.Floor((v * scale) + 0.5) / scale;
        var text = rounded.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith("-", StringComparison.Ordinal) ? "\u2212" + text.Substring(1) : text;
    }

    /// <summary><c>formatDateTime(timestamp, format)</c>: the time in UTC, in a .NET-style format.</summary>
    /// <param name="value">An ISO 8601 or invariant-culture date and time.</param>
    /// <param name="format">The format; ISO 8601 with milliseconds when null.</param>
    /// <returns>The text, or null when the value is not a date.</returns>
    public static string? FormatDateTime(string? value, string? format)
    {
        if (value is null || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return null;
        }

        return Format(date.ToUniversalTime(), format);
    }

    /// <summary><c>formatEpoch(seconds, format)</c>: a Unix time in UTC.</summary>
    /// <param name="seconds">Seconds since 1970-01-01 UTC.</param>
    /// <param name="format">The format.</param>
    /// <returns>The text, or null.</returns>
    public static string? FormatEpoch(double? seconds, string? format)
        => seconds is { } s && !double.IsNaN(s) && Math.Abs(s) < 1e11 ? Format(UnixEpoch.AddSeconds(s), format) : null;

    /// <summary><c>formatTicks(ticks, format)</c>: .NET ticks (100 ns since 0001-01-01) in UTC.</summary>
    /// <param name="ticks">The ticks.</param>
    /// <param name="format">The format.</param>
    /// <returns>The text, or null.</returns>
    public static string? FormatTicks(double? ticks, string? format)
        => ticks is { } t && t >= 0 && t <= DateTime.MaxValue.Ticks ? Format(new DateTimeOffset((long)t, TimeSpan.Zero), format) : null;

    /// <summary>Formats a UTC time with the .NET custom format tokens the templating engine accepts.</summary>
    private static string Format(DateTimeOffset utc, string? format)
    {
        var text = new TemplateText(stackalloc char[64]);
        Format(ref text, utc, format);
        var result = text.ToString();
        text.Dispose();
        return result;
    }

    /// <summary>Formats a UTC time with the .NET custom format tokens the templating engine accepts, into <paramref name="text"/>.</summary>
    internal static void Format(ref TemplateText text, DateTimeOffset utc, string? format)
    {
        if (format is null)
        {
            format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            switch (c)
            {
                case 'y': text.AppendWhole(run == 2 ? utc.Year % 100 : utc.Year, run); break;
                case 'M':
                    if (run <= 2)
                    {
                        text.AppendWhole(utc.Month, run);
                    }
                    else
                    {
                        text.Append((run == 3 ? names.GetAbbreviatedMonthName(utc.Month) : names.GetMonthName(utc.Month)).AsSpan());
                    }

                    break;
                case 'd':
                    if (run <= 2)
                    {
                        text.AppendWhole(utc.Day, run);
                    }
                    else
                    {
                        text.Append((run == 3 ? names.GetAbbreviatedDayName(utc.DayOfWeek) : names.GetDayName(utc.DayOfWeek)).AsSpan());
                    }

                    break;
                case 'H': text.AppendWhole(utc.Hour, Math.Min(run, 2)); break;
                case 'h': text.AppendWhole(utc.Hour % 12 == 0 ? 12 : utc.Hour % 12, Math.Min(run, 2)); break;
                case 'm': text.AppendWhole(utc.Minute, Math.Min(run, 2)); break;
                case 's': text.AppendWhole(utc.Second, Math.Min(run, 2)); break;
                case 'f':
                    var digits = Math.Min(run, 7);
                    var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
                    for (var d = digits; d < 7; d++)
                    {
                        fraction /= 10;
                    }

                    text.AppendWhole(fraction, digits);
                    break;
                case 't': text.Append((run == 1 ? (utc.Hour < 12 ? "A" : "P") : (utc.Hour < 12 ? "AM" : "PM")).AsSpan()); break;
                case 'Z':
                case 'z':
                case 'K':
                    text.Append((run == 2 && c == 'z' ? "+00" : "+00:00").AsSpan());
                    break;
                case '\'':
                    var end = format.IndexOf('\'', i + 1);
                    end = end < 0 ? format.Length : end;
                    text.Append(format.AsSpan(i + 1, end - i - 1));
                    run = end + 1 - i;
                    break;
                default:
                    text.Append(c, run);
                    break;
            }

            i += run;
        }
    }

    /// <summary><c>json(text)</c>: the text parsed as JSON, as data whose shape is known only when the card is written.</summary>
    /// <param name="text">The JSON text, or null.</param>
    /// <returns>The parsed value, or null when <paramref name="text"/> is null.</returns>
    /// <exception cref="FormatException">The text is not valid JSON (the templating engine fails the card likewise).</exception>
    public static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException("json() was given text that is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>A property of data parsed by <c>json()</c> (<c>${data.name}</c>), matched as Adaptive Expressions match it: exactly, else without regard to case.</summary>
    /// <param name="value">The object.</param>
    /// <param name="name">The property's name.</param>
    /// <returns>The property's value, or null when the value is not an object or has no such property.</returns>
    public static JsonElement? JsonProperty(JsonElement? value, string name)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>An item of data parsed by <c>json()</c> (<c>${data[0]}</c>).</summary>
    /// <param name="value">The array.</param>
    /// <param name="index">The index.</param>
    /// <returns>The item, or null when the value is not an array or has no such item.</returns>
    public static JsonElement? JsonItem(JsonElement? value, double? index)
    {
        if (value is not { ValueKind: JsonValueKind.Array } array || index is not { } at || at < 0 || at != Math.Floor(at) || at >= array.GetArrayLength())
        {
            return null;
        }

        return array[(int)at];
    }

    /// <summary>Whether data parsed by <c>json()</c> is there: not missing and not JSON <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it exists.</returns>
    public static bool Exists(JsonElement? value) => value is { } v && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>Whether data parsed by <c>json()</c> counts as true: <c>true</c>, or any value other than <c>false</c> and <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is true.</returns>
    public static bool Truthy(JsonElement? value) => Exists(value) && value!.Value.ValueKind != JsonValueKind.False;

    /// <summary>Whether data parsed by <c>json()</c> is the boolean <c>true</c>, as a <c>"$when"</c> must be to keep its element.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is <c>true</c>.</returns>
    public static bool IsTrue(JsonElement? value) => value is { ValueKind: JsonValueKind.True };

    /// <summary>
    /// Data parsed by <c>json()</c> as text, as JavaScript writes it into a string: text as it is, a number as
    /// JavaScript writes it, an array's items joined with commas, an object as <c>[object Object]</c>; null when missing.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(JsonElement? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                return v.GetString();
            case JsonValueKind.Number:
                return Text(v.GetDouble());
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Object:
                return "[object Object]";
            case JsonValueKind.Array:
                var text = new StringBuilder();
                var first = true;
                foreach (var item in v.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    if (item.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                    {
                        text.Append(Text(item));
                    }
                }

                return text.ToString();
            default:
                return null;
        }
    }

    /// <summary>
    /// The data contexts of a <c>"$data"</c> bound to data parsed by <c>json()</c>: an array's items, or the value
    /// itself; none when it is missing.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The contexts, enumerated without allocating.</returns>
    public static JsonContexts JsonItems(JsonElement? value) => new(value);

    /// <summary>The data contexts of a <c>"$data"</c> bound to data parsed by <c>json()</c>; see <see cref="JsonItems"/>.</summary>
    public readonly struct JsonContexts
    {
        private readonly JsonElement? _value;

        /// <summary>Creates the contexts of a value.</summary>
        /// <param name="value">The value.</param>
        public JsonContexts(JsonElement? value) => _value = value;

        /// <summary>Starts enumerating.</summary>
        /// <returns>The enumerator.</returns>
        public Enumerator GetEnumerator() => new(_value);

        /// <summary>Enumerates an array's items, or the single value.</summary>
        public struct Enumerator
        {
            private readonly JsonElement? _value;
            private JsonElement.ArrayEnumerator _items;
            private int _state;

            /// <summary>Creates an enumerator over a value's contexts.</summary>
            /// <param name="value">The value.</param>
            public Enumerator(JsonElement? value)
            {
                _value = value;
                _items = value is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : default;
                _state = value is null ? 3 : value.Value.ValueKind == JsonValueKind.Array ? 1 : 0;
                Current = null;
            }

            /// <summary>The current context.</summary>
            public JsonElement? Current { get; private set; }

            /// <summary>Moves to the next context.</summary>
            /// <returns>Whether there is one.</returns>
            public bool MoveNext()
            {
                switch (_state)
                {
                    case 0:
                        Current = _value;
                        _state = 3;
                        return true;
                    case 1:
                        if (_items.MoveNext())
                        {
                            Current = _items.Current;
                            return true;
                        }

                        _state = 3;
                        return false;
                    default:
                        return false;
                }
            }
        }
    }
}
