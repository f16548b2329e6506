using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Schema;

namespace CardGen.Tests.Support;

/// <summary>
/// Compares the JSON a card was read from with the JSON CardGen wrote for it. Allowed differences, and only these:
/// property order, the casing of enum values, how a number is spelled (<c>1.0</c> and <c>1</c>) and the schema's
/// <c>firstRowAsHeader</c> spelling (written plural). Nothing read may be missing from what is written, defaults and
/// empty collections included, and every value keeps its form (a TextRun object stays an object).
/// </summary>
/// <remarks>
/// The catalog is asked only which values are enums and which names are aliases; no default value excuses a
/// difference, so a wrong default in the catalog cannot hide a dropped property.
/// </remarks>
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
            else
            {
                differences.Add($"{path}.{property.Name}: {Raw(property.Value)} was not written");
            }
        }

        foreach (var name in written.Keys.Where(n => !seen.Contains(n)))
        {
            differences.Add($"{path}.{name}: {Raw(written[name])} was written but not read");
        }
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
