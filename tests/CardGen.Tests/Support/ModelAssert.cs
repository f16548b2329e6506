using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace CardGen.Tests.Support;

/// <summary>Structural equality of two card models, property by property, independent of the JSON writer.</summary>
internal static class ModelAssert
{
    /// <summary>Asserts that two models are equal, property by property.</summary>
    /// <param name="expected">The expected model.</param>
    /// <param name="actual">The actual model.</param>
    /// <param name="compareExplicitProperties">
    /// Whether <c>ExplicitProperties</c> must match too: true between two cards read from JSON; false between a card
    /// built in code (which records nothing it set) and the same card read back (which records everything it read).
    /// </param>
    public static void Equal(object? expected, object? actual, bool compareExplicitProperties = true)
    {
        var differences = new List<string>();
        Compare(expected, actual, "card", differences, compareExplicitProperties);
        Assert.True(differences.Count == 0, "The models differ:\n" + string.Join("\n", differences.Take(25)));
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences, bool explicitToo)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        if (expected.GetType() != actual.GetType())
        {
            differences.Add($"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
            return;
        }

        switch (expected)
        {
            case JsonElement e:
                if (!JsonEquals(e, (JsonElement)actual))
                {
                    differences.Add($"{path}: expected {e.GetRawText()}, got {((JsonElement)actual).GetRawText()}");
                }

                return;
            case string or ValueType:
                if (!expected.Equals(actual))
                {
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                return;
            case ISet<string> e:
                var set = (ISet<string>)actual;
                if (!e.SetEquals(set))
                {
                    differences.Add($"{path}: expected {{{string.Join(", ", e.Order(StringComparer.Ordinal))}}}, got {{{string.Join(", ", set.Order(StringComparer.Ordinal))}}}");
                }

                return;
            case IDictionary e:
                var a = (IDictionary)actual;
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: expected {e.Count} entries, got {a.Count}");
                    return;
                }

                foreach (DictionaryEntry entry in e)
                {
                    if (!a.Contains(entry.Key))
                    {
                        differences.Add($"{path}: missing key {entry.Key}");
                        continue;
                    }

                    Compare(entry.Value, a[entry.Key], $"{path}[{entry.Key}]", differences, explicitToo);
                }

                return;
            case IList e:
                var list = (IList)actual;
                if (e.Count != list.Count)
                {
                    differences.Add($"{path}: expected {e.Count} items, got {list.Count}");
                    return;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], list[i], $"{path}[{i}]", differences, explicitToo);
                }

                return;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || (!explicitToo && property.Name == nameof(CardGen.Cards.CardObject.ExplicitProperties)))
            {
                continue;
            }

            Compare(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name, differences, explicitToo);
        }
    }

    /// <summary>The same text, or the same JSON written differently; DeepEquals throws on a number whose exponent an int cannot hold.</summary>
    private static bool JsonEquals(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText())
        {
            return true;
        }

        try
        {
            return JsonElement.DeepEquals(expected, actual);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
