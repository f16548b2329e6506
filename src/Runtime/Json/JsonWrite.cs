using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Json;

/// <summary>
/// Writes model values, leaving out what is unset, or equal to the schema default or empty unless the owner lists it in
/// <see cref="CardObject.ExplicitProperties"/>. Allocation-free: names are pre-encoded, enums map to pre-encoded
/// values and lists are walked by index.
/// </summary>
internal static class JsonWrite
{
    public static void Type(Utf8JsonWriter w, JsonEncodedText type) => w.WriteString(PropertyNames.Type, type);

    public static void String(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static void Bool(Utf8JsonWriter w, JsonEncodedText name, bool value, bool defaultValue, CardObject owner)
    {
        if (value != defaultValue || owner.IsExplicit(name))
        {
            w.WriteBoolean(name, value);
        }
    }

    public static void Bool(Utf8JsonWriter w, JsonEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
    }

    public static void Int(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    public static void Number(Utf8JsonWriter w, JsonEncodedText name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    public static void Enum<T>(Utf8JsonWriter w, JsonEncodedText name, T value, T defaultValue, EnumMap<T> map, CardObject owner)
        where T : struct, System.Enum
    {
        if (!EqualityComparer<T>.Default.Equals(value, defaultValue) || owner.IsExplicit(name))
        {
            w.WriteString(name, map.Name(value));
        }
    }

    public static void Enum<T>(Utf8JsonWriter w, JsonEncodedText name, T? value, EnumMap<T> map)
        where T : struct, System.Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, map.Name(v));
        }
    }

    public static void Dimension(Utf8JsonWriter w, JsonEncodedText name, CardDimension? value)
    {
        if (value is not { } v)
        {
            return;
        }

        switch (v.Kind)
        {
            case CardDimensionKind.Weight:
                w.WriteNumber(name, v.Number);
                break;
            case CardDimensionKind.Auto:
                w.WriteString(name, Auto);
                break;
            case CardDimensionKind.Stretch:
                w.WriteString(name, Stretch);
                break;
            default:
                w.WriteString(name, v.ToString());
                break;
        }
    }

    public static void Object(Utf8JsonWriter w, JsonEncodedText name, CardObject? value)
    {
        if (value is not null)
        {
            w.WritePropertyName(name);
            value.WriteJson(w);
        }
    }

    /// <summary>Writes a list of model objects; an empty list only as <see cref="CardObject.WritesEmpty"/> says.</summary>
    public static void List<T>(Utf8JsonWriter w, JsonEncodedText name, IList<T>? items, CardObject owner, bool required = false)
        where T : CardObject
    {
        if (items is null || (items.Count == 0 && !owner.WritesEmpty(name, required)))
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            (items[i] ?? throw NullItem(name, i)).WriteJson(w);
        }

        w.WriteEndArray();
    }

    /// <summary>The exception for a null item in a model list: it names the list and the index.</summary>
    public static InvalidOperationException NullItem(JsonEncodedText list, int index)
        => new($"Item {index} of \"{list}\" is null; a card's lists cannot hold null.");

    public static void Strings(Utf8JsonWriter w, JsonEncodedText name, IList<string>? items, CardObject owner)
    {
        if (items is null || (items.Count == 0 && !owner.IsExplicit(name)))
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            w.WriteStringValue(items[i]);
        }

        w.WriteEndArray();
    }

    public static void StringMap(Utf8JsonWriter w, JsonEncodedText name, IDictionary<string, string>? map, CardObject owner)
    {
        if (map is null || (map.Count == 0 && !owner.IsExplicit(name)))
        {
            return;
        }

        w.WriteStartObject(name);
        foreach (var pair in map)
        {
            w.WriteString(pair.Key, pair.Value);
        }

        w.WriteEndObject();
    }

    public static void Any(Utf8JsonWriter w, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } v && v.ValueKind != JsonValueKind.Undefined)
        {
            w.WritePropertyName(name);
            v.WriteTo(w);
        }
    }

    public static void Fallback<T>(Utf8JsonWriter w, Fallback<T>? fallback)
        where T : CardObject
    {
        if (fallback is null)
        {
            return;
        }

        if (fallback.Content is { } content)
        {
            w.WritePropertyName(PropertyNames.Fallback);
            content.WriteJson(w);
        }
        else
        {
            w.WriteString(PropertyNames.Fallback, Drop);
        }
    }

    private static readonly JsonEncodedText Auto = JsonEncodedText.Encode("auto");
    private static readonly JsonEncodedText Stretch = JsonEncodedText.Encode("stretch");
    private static readonly JsonEncodedText Drop = JsonEncodedText.Encode("drop");
}
