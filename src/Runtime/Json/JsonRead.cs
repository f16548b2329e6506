using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Json;

/// <summary>
/// Reads model values from JSON. Every method returns <see langword="false"/> for a value of the wrong shape
/// instead of throwing, so the caller keeps the raw value and the validator can report it.
/// </summary>
internal static class JsonRead
{
    public static bool String(JsonElement value, out string text)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
            return true;
        }

        text = null!;
        return false;
    }

    public static bool Bool(JsonElement value, out bool result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                result = true;
                return true;
            case JsonValueKind.False:
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    public static bool Int(JsonElement value, out int result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out result);
    }

    public static bool Number(JsonElement value, out double result)
    {
        // A number beyond double's range reads as infinity, which no JSON writer writes: it is kept as written.
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out result) && !double.IsInfinity(result);
    }

    public static bool Enum<T>(JsonElement value, EnumMap<T> map, out T result)
        where T : struct, System.Enum
    {
        if (value.ValueKind == JsonValueKind.String && map.TryParse(value.GetString()!, out result))
        {
            return true;
        }

        result = default;
        return false;
    }

    public static bool Dimension(JsonElement value, out CardDimension result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                result = CardDimension.Parse(value.GetString()!);
                return true;
            case JsonValueKind.Number when value.TryGetDouble(out var number) && number > 0 && !double.IsInfinity(number):
                result = CardDimension.Weight(number);
                return true;
            default:
                result = default;
                return false;
        }
    }

    public static bool Strings(JsonElement value, out IList<string> result)
    {
        result = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        result = list;
        return true;
    }

    public static bool StringMap(JsonElement value, out IDictionary<string, string> result)
    {
        result = null!;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            map[property.Name] = property.Value.GetString()!;
        }

        result = map;
        return true;
    }

    public static bool Any(JsonElement value, out JsonElement result)
    {
        result = value.Clone();
        return true;
    }

    public static bool Elements(JsonElement value, out IList<CardElement> result)
        => List(value, CardReader.ReadElement, out result);

    public static bool Actions(JsonElement value, out IList<CardAction> result)
        => List(value, CardReader.ReadAction, out result);

    /// <summary>Reads an array of fixed-type objects; any item that is not an object keeps the whole array raw.</summary>
    public static bool Objects<T>(JsonElement value, out IList<T> result)
        where T : CardObject, new()
    {
        result = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (CardReader.ReadComponent<T>(item) is not { } component)
            {
                return false;
            }

            list.Add(component);
        }

        result = list;
        return true;
    }

    public static bool Object<T>(JsonElement value, out T result)
        where T : CardObject, new()
    {
        result = CardReader.ReadComponent<T>(value)!;
        return result is not null;
    }

    public static bool Action(JsonElement value, out CardAction result)
    {
        result = null!;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        result = CardReader.ReadAction(value);
        return true;
    }

    public static bool Fallback<T>(JsonElement value, Func<JsonElement, T> read, out Fallback<T> result)
        where T : CardObject
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.ValueEquals("drop"):
                result = Cards.Fallback<T>.Drop;
                return true;
            case JsonValueKind.Object:
                result = Cards.Fallback<T>.To(read(value));
                return true;
            default:
                result = null!;
                return false;
        }
    }

    private static bool List<T>(JsonElement value, Func<JsonElement, T> read, out IList<T> result)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            result = null!;
            return false;
        }

        var list = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(read(item));
        }

        result = list;
        return true;
    }
}

/// <summary>Comparisons that never throw, whatever kind of JSON value they meet.</summary>
internal static class JsonElementText
{
    /// <summary>Whether <paramref name="value"/> is a string equal to <paramref name="text"/> (false for any other kind).</summary>
    public static bool IsText(this JsonElement value, string text)
        => value.ValueKind == JsonValueKind.String && value.ValueEquals(text);
}
