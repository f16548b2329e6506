using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Schema;

namespace CardGen.Tests.Support;

/// <summary>
/// Compares the JSON a card was read from with the JSON CardGen wrote for it. Allowed differences, and only these:
/// enum casing, property order, explicitly written defaults (including empty optional arrays), the schema's
/// <c>firstRowAsHeader</c> spelling (written plural), and a union's shorthand versus its object form
/// (<c>backgroundImage</c> URL, a TextRun with only text, a TargetElement with only an id).
/// </summary>
internal static class JsonEquivalence
{
    public static IReadOnlyList<string> Differences(JsonElement input, JsonElement written)
    {
        var differences = new List<string>();
        CompareObject(input, written, "$", SchemaCatalog.Card, differences);
        return differences;
    }

    private static void CompareValue(JsonElement e, JsonElement a, string path, PropertySpec? property, List<string> differences)
    {
        if (property is not null && TryCompareShorthand(e, a, property, path, differences))
        {
            return;
        }

        if (e.ValueKind != a.ValueKind)
        {
            differences.Add($"{path}: {e.ValueKind} {Raw(e)} was written as {a.ValueKind} {Raw(a)}");
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                CompareObject(e, a, path, SpecOf(e, property), differences);
                break;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                {
                    differences.Add($"{path}: {e.GetArrayLength()} items were written as {a.GetArrayLength()}");
                    return;
                }

                for (var i = 0; i < e.GetArrayLength(); i++)
                {
                    CompareValue(e[i], a[i], $"{path}[{i}]", property, differences);
                }

                break;
            case JsonValueKind.String:
                var comparison = property?.Kind == PropertyKind.Enum ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (!string.Equals(e.GetString(), a.GetString(), comparison))
                {
                    differences.Add($"{path}: {Raw(e)} was written as {Raw(a)}");
                }

                break;
            case JsonValueKind.Number:
                if (e.GetDouble() != a.GetDouble())
                {
                    differences.Add($"{path}: {Raw(e)} was written as {Raw(a)}");
                }

                break;
        }
    }

    private static void CompareObject(JsonElement e, JsonElement a, string path, CardTypeSpec? spec, List<string> differences)
    {
        var written = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            PropertySpec? propertySpec = null;
            spec?.TryGetProperty(property.Name, out propertySpec);
            var name = propertySpec is not null && property.Name != "type" ? propertySpec.Name : property.Name;
            seen.Add(name);
            if (written.TryGetValue(name, out var value))
            {
                CompareValue(property.Value, value, path + "." + property.Name, propertySpec, differences);
            }
            else if (!IsDefault(property.Value, propertySpec))
            {
                differences.Add($"{path}.{property.Name}: {Raw(property.Value)} was not written");
            }
        }

        foreach (var name in written.Keys.Where(n => !seen.Contains(n)))
        {
            differences.Add($"{path}.{name}: {Raw(written[name])} was written but not read");
        }
    }

    private static bool IsDefault(JsonElement value, PropertySpec? property)
    {
        if (property is null)
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0 && !property.IsRequired)
        {
            return true;
        }

        if (property.DefaultValue is null)
        {
            return false;
        }

        using var defaultValue = JsonDocument.Parse(property.DefaultValue);
        var d = defaultValue.RootElement;
        return d.ValueKind == value.ValueKind && d.ValueKind switch
        {
            JsonValueKind.String => string.Equals(d.GetString(), value.GetString(), StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Number => d.GetDouble() == value.GetDouble(),
            _ => true,
        };
    }

    private static bool TryCompareShorthand(JsonElement e, JsonElement a, PropertySpec property, string path, List<string> differences)
    {
        var (key, objectType) = property.Kind switch
        {
            PropertyKind.BackgroundImage => ("url", SchemaCatalog.TypeNames.BackgroundImage),
            PropertyKind.InlineArray => ("text", SchemaCatalog.TypeNames.TextRun),
            PropertyKind.TargetElementArray => ("elementId", SchemaCatalog.TypeNames.TargetElement),
            _ => (null, null),
        };

        if (key is null || e.ValueKind == a.ValueKind || e.ValueKind == JsonValueKind.Array)
        {
            return false;
        }

        var (text, form) = e.ValueKind == JsonValueKind.String ? (e, a) : (a, e);
        if (text.ValueKind != JsonValueKind.String || form.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var spec = SchemaCatalog.GetCardType(objectType!);
        foreach (var member in form.EnumerateObject())
        {
            if (member.Name == key)
            {
                if (!member.Value.ValueEquals(text.GetString()))
                {
                    differences.Add($"{path}: {Raw(e)} was written as {Raw(a)}");
                }
            }
            else if (!(member.Name == "type" && member.Value.ValueEquals(objectType))
                && !(spec.TryGetProperty(member.Name, out var p) && IsDefault(member.Value, p)))
            {
                differences.Add($"{path}: {Raw(e)} was written as {Raw(a)}");
            }
        }

        return true;
    }

    private static CardTypeSpec? SpecOf(JsonElement json, PropertySpec? property)
    {
        if (property?.Kind == PropertyKind.Card)
        {
            return SchemaCatalog.Card;
        }

        if (json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && SchemaCatalog.TryGetType(type.GetString()!, out var byType))
        {
            return byType;
        }

        return property switch
        {
            { ObjectType: { } fixedType } => SchemaCatalog.GetCardType(fixedType),
            { Kind: PropertyKind.InlineArray } => SchemaCatalog.GetCardType(SchemaCatalog.TypeNames.TextRun),
            { Kind: PropertyKind.TargetElementArray } => SchemaCatalog.GetCardType(SchemaCatalog.TypeNames.TargetElement),
            { Kind: PropertyKind.BackgroundImage } => SchemaCatalog.GetCardType(SchemaCatalog.TypeNames.BackgroundImage),
            _ => null,
        };
    }

    private static string Raw(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 80 ? raw.Substring(0, 77) + "..." : raw;
    }
}
