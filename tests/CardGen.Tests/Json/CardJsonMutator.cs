using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CardGen.Schema;

namespace CardGen.Tests.Json;

/// <summary>
/// Breaks card JSON the ways a hand, a tool or an attacker does: structurally (swapped types, values of the wrong kind,
/// huge numbers, unknown elements with odd contents, deep nesting) on the parsed tree, then as text (truncation,
/// splices, bad escapes and bytes that are not UTF-8, repeated property names, flipped bytes). Deterministic: the same
/// <see cref="Random"/> state gives the same bytes.
/// </summary>
internal static class CardJsonMutator
{
    public const string SwapType = "swap type";
    public const string WrongKind = "wrong value kind";
    public const string HugeNumber = "huge number";
    public const string UnknownElement = "unknown element";
    public const string DeepNesting = "deep nesting";
    public const string Truncate = "truncate";
    public const string Splice = "splice";
    public const string BadEscape = "bad escape or byte";
    public const string DuplicateProperty = "duplicate property";
    public const string FlipByte = "flip byte";

    public static readonly string[] Kinds = { SwapType, WrongKind, HugeNumber, UnknownElement, DeepNesting, Truncate, Splice, BadEscape, DuplicateProperty, FlipByte };

    private static readonly string[] TreeKinds = { SwapType, WrongKind, HugeNumber, UnknownElement, DeepNesting };

    private static readonly string[] TypeNames = SchemaCatalog.Types.Select(t => t.Name)
        .Concat(new[] { SchemaCatalog.AdaptiveCardType, "Custom.Rating", "textblock", "", "Action.Custom", "Input.Text ", "TextRun" })
        .ToArray();

    private static readonly string[] Numbers =
    {
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-0.0", "0.1e1", "2147483648", "-2147483649",
        "4.9e-324", "1.7976931348623157e308", "0", "-1",
    };

    private static readonly string[] Escapes =
    {
        "\\ud800", "\\udc00", "\\ud83d", "\\ud83dx", "\\udfff\\ud800", "\\ud83d\\ude00", "\\u0000", "\\u00e9", "\\/", "\\\"", "\\u12", "\\q",
    };

    private static readonly byte[][] RawBytes =
    {
        new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xC0, 0xAF }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
    };

    private static readonly string[] PropertyNamesToRepeat =
    {
        "type", "text", "wrap", "items", "body", "actions", "id", "size", "version", "isVisible", "imageSize", "url", "fallback", "msteams",
    };

    private static readonly string[] OddValues =
    {
        "0", "-1", "1.5", "\"text\"", "\"\"", "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"a\":{}}",
        "\"drop\"", "\"auto\"", "\"50px\"", "{\"type\":\"TextBlock\"}",
    };

    private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("{}[]\",:0123456789.-eE truefalsenull\\u\n");

    /// <summary>Applies 1–3 mutations to <paramref name="sample"/>, tree mutations first.</summary>
    public static (byte[] Json, List<string> Kinds) Mutate(byte[] sample, IReadOnlyList<byte[]> others, Random random)
    {
        var picked = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Kinds[random.Next(Kinds.Length)]).ToList();
        var kinds = picked.Where(IsTreeKind).Concat(picked.Where(k => !IsTreeKind(k))).ToList();
        var bom = sample is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var text = Encoding.UTF8.GetString(sample, bom, sample.Length - bom);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);

        if (kinds.Any(IsTreeKind) && JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) is JsonObject root)
        {
            foreach (var kind in kinds.Where(IsTreeKind))
            {
                MutateTree(kind, root, random, raw);
            }

            text = root.ToJsonString();
            foreach (var (placeholder, value) in raw)
            {
                text = text.Replace("\"" + placeholder + "\"", value, StringComparison.Ordinal);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var kind in kinds.Where(k => !IsTreeKind(k)))
        {
            bytes = MutateText(kind, bytes, others, random);
        }

        return (bytes, kinds);
    }

    private static bool IsTreeKind(string kind) => Array.IndexOf(TreeKinds, kind) >= 0;

    private static void MutateTree(string kind, JsonObject root, Random random, Dictionary<string, string> raw)
    {
        var objects = new List<JsonObject>();
        var arrays = new List<JsonArray>();
        Collect(root, objects, arrays);
        var target = objects[random.Next(objects.Count)];
        switch (kind)
        {
            case SwapType:
                var typed = objects.Where(o => o.ContainsKey("type")).ToList();
                (typed.Count > 0 ? typed[random.Next(typed.Count)] : target)["type"] = TypeNames[random.Next(TypeNames.Length)];
                break;
            case WrongKind:
                var name = target.Count > 0 && random.Next(4) > 0 ? target.ElementAt(random.Next(target.Count)).Key : PropertyNamesToRepeat[random.Next(PropertyNamesToRepeat.Length)];
                target[name] = JsonNode.Parse(OddValues[random.Next(OddValues.Length)]);
                break;
            case HugeNumber:
                var placeholder = Placeholder(raw, Numbers[random.Next(Numbers.Length)]);
                var numeric = target.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number).Select(p => p.Key).ToList();
                target[numeric.Count > 0 ? numeric[random.Next(numeric.Count)] : Pick(random, "maxLines", "width", "timer", "initialPage", "min", "value", "x")] = placeholder;
                break;
            case UnknownElement:
                var home = arrays.Count > 0 ? arrays[random.Next(arrays.Count)] : (JsonArray)(root["body"] = new JsonArray());
                home.Insert(random.Next(home.Count + 1), OddElement(random, raw));
                break;
            case DeepNesting:
                var depth = 1 + random.Next(140);
                if (random.Next(2) == 0 && target.Parent is JsonArray parent)
                {
                    // Wrap the object in containers: the card's own structure gets deep.
                    var index = parent.IndexOf(target);
                    parent.RemoveAt(index);
                    JsonNode inner = target;
                    for (var i = 0; i < depth / 2; i++)
                    {
                        inner = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(inner) };
                    }

                    parent.Insert(index, inner);
                }
                else
                {
                    // A deep value where the model keeps raw JSON.
                    target["deep" + depth.ToString(CultureInfo.InvariantCulture)] = Placeholder(raw, new string('[', depth) + "1" + new string(']', depth));
                }

                break;
        }
    }

    private static JsonObject OddElement(Random random, Dictionary<string, string> raw)
    {
        var element = new JsonObject { ["type"] = Pick(random, "Custom.Rating", "Rating", "", "Input.Custom", "Action.Custom") };
        switch (random.Next(6))
        {
            case 0: element["payload"] = Placeholder(raw, "{\"\":1,\"\\u00e9\":[{}],\"a\":\"\\ud83d\\ude00\"}"); break;
            case 1: element["payload"] = Placeholder(raw, Numbers[random.Next(Numbers.Length)]); break;
            case 2: element["payload"] = Placeholder(raw, new string('[', 60) + new string(']', 60)); break;
            case 3: element["fallback"] = random.Next(2) == 0 ? "drop" : JsonNode.Parse("{\"type\":\"TextBlock\",\"text\":\"instead\"}"); break;
            case 4: element["items"] = JsonNode.Parse("[{\"type\":\"Input.Text\"},7,\"x\",null]"); break;
            default: element.Remove("type"); element["text"] = "no type"; break;
        }

        return element;
    }

    private static byte[] MutateText(string kind, byte[] bytes, IReadOnlyList<byte[]> others, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var at = random.Next(bytes.Length);
        switch (kind)
        {
            case Truncate:
                return bytes[..at];
            case Splice:
                var other = others[random.Next(others.Count)];
                var from = random.Next(other.Length);
                return [.. bytes[..at], .. other[from..Math.Min(other.Length, from + 1 + random.Next(200))], .. bytes[at..]];
            case BadEscape:
                // Just after a quote: inside a string when it opens one, which is about every other time.
                var quote = IndexOf(bytes, "\""u8, at);
                var into = quote >= 0 ? quote + 1 : at;
                var bad = random.Next(3) == 0 ? RawBytes[random.Next(RawBytes.Length)] : Encoding.ASCII.GetBytes(Escapes[random.Next(Escapes.Length)]);
                return [.. bytes[..into], .. bad, .. bytes[into..]];
            case DuplicateProperty:
                var brace = IndexOf(bytes, "{"u8, at);
                var after = brace >= 0 ? brace + 1 : 0;
                var name = PropertyNamesToRepeat[random.Next(PropertyNamesToRepeat.Length)];
                var pair = $"\"{name}\":{OddValues[random.Next(OddValues.Length)]},\"{name}\":{OddValues[random.Next(OddValues.Length)]},";
                return [.. bytes[..after], .. Encoding.UTF8.GetBytes(pair), .. bytes[after..]];
            default:
                bytes[at] = Alphabet[random.Next(Alphabet.Length)];
                return bytes;
        }
    }

    private static void Collect(JsonNode node, List<JsonObject> objects, List<JsonArray> arrays)
    {
        switch (node)
        {
            case JsonObject o:
                objects.Add(o);
                foreach (var (_, value) in o)
                {
                    if (value is not null)
                    {
                        Collect(value, objects, arrays);
                    }
                }

                break;
            case JsonArray a:
                arrays.Add(a);
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Collect(item, objects, arrays);
                    }
                }

                break;
        }
    }

    /// <summary>A string that stands for raw JSON text (which a JsonNode cannot hold) until the tree is written.</summary>
    private static string Placeholder(Dictionary<string, string> raw, string json)
    {
        var key = "@@raw" + raw.Count.ToString(CultureInfo.InvariantCulture) + "@@";
        raw[key] = json;
        return key;
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(value);
        return found < 0 ? bytes.AsSpan().IndexOf(value) : from + found;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
