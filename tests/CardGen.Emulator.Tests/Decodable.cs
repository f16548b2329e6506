using System;
using System.Text.Json;

namespace CardGen.Emulator.Tests;

/// <summary>Whether every string and property name in JSON decodes to text, so that any JSON reader can read it back.</summary>
internal static class Decodable
{
    /// <summary>The first problem, or <see langword="null"/> when everything decodes.</summary>
    public static string? Problem(JsonElement element)
    {
        try
        {
            Walk(element);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
