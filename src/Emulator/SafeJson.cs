using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Emulator;

/// <summary>
/// Keeps only JSON the emulator can write back. A strict parser accepts an escaped lone surrogate (<c>"\ud800"</c>),
/// but System.Text.Json cannot decode it again, so a card holding one would break every answer that shows it; such
/// a card is recorded with U+FFFD in place of each lone surrogate.
/// </summary>
internal static class SafeJson
{
    // Deep enough for any card the webhook endpoint accepts (it reads 130 levels).
    private const int MaxDepth = 256;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
    };

    /// <summary>The element itself when it writes back, else a copy with each undecodable string repaired.</summary>
    /// <param name="element">A parsed element (its raw text is valid UTF-8, as the endpoint checks before parsing).</param>
    /// <param name="repaired">Whether the copy differs from the element.</param>
    public static JsonElement Writable(JsonElement element, out bool repaired)
    {
        repaired = false;
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf("\\u"u8) < 0 || WritesBack(element))
        {
            // Without a \u escape every string is the valid UTF-8 it was parsed from.
            return element;
        }

        repaired = true;
        var buffer = new ArrayBufferWriter<byte>(raw.Length);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = MaxDepth });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(Text(ref reader));
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(Text(ref reader));
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True:
                        writer.WriteBooleanValue(true);
                        break;
                    case JsonTokenType.False:
                        writer.WriteBooleanValue(false);
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = MaxDepth });
        return document.RootElement.Clone();
    }

    private static bool WritesBack(JsonElement element)
    {
        try
        {
            using var writer = new Utf8JsonWriter(System.IO.Stream.Null, WriterOptions);
            element.WriteTo(writer);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            return false;
        }
    }

    /// <summary>A string token decoded as far as it can be: an escaped lone surrogate becomes U+FFFD.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The escapes are ASCII, so the token's bytes (valid UTF-8, as the endpoint checks) decode first.
            var escaped = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            return SafeText.ReplaceLoneSurrogates(SafeText.Unescape(escaped));
        }
    }
}
