using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Json;

/// <summary>Entry points that turn bytes into cards and cards into bytes.</summary>
internal static class CardJson
{
    /// <summary>
    /// Card text is sent as JSON bodies, never embedded in HTML, so only what JSON requires is escaped: non-ASCII
    /// text stays readable and compact (hosts reject large cards).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static AdaptiveCard Parse(ReadOnlySpan<byte> utf8Json)
    {
        // A UTF-8 byte order mark is common in files saved by editors.
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            utf8Json = utf8Json.Slice(3);
        }

        JsonDocument document;
        try
        {
            // Text the writer could not write back is rejected here, with its path, before anything is read.
            JsonText.Check(utf8Json);
            var reader = new Utf8JsonReader(utf8Json, JsonText.ReaderOptions);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new CardJsonException($"Unexpected content after the card at byte {reader.TokenStartIndex}.", null, reader.TokenStartIndex);
            }
        }
        catch (JsonException e) when (e is not CardJsonException)
        {
            throw new CardJsonException(
                $"The card is not valid JSON: {e.Message}",
                e.LineNumber,
                e.BytePositionInLine,
                e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CardJsonException($"An Adaptive Card must be a JSON object, not {root.ValueKind} (line 0, byte 0).", 0, 0);
            }

            try
            {
                return CardReader.ReadCard(root);
            }
            catch (InvalidOperationException e)
            {
                // JsonText.Check leaves nothing System.Text.Json refuses to decode; should a refusal remain, it is still
                // reported as unreadable card JSON and nothing else.
                throw new CardJsonException($"The card contains text that cannot be decoded: {e.Message}", null, null, e);
            }
        }
    }

    /// <summary>Reads a card from an element of a document parsed elsewhere, exactly as from its text.</summary>
    public static AdaptiveCard Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new CardJsonException($"An Adaptive Card must be a JSON object, not {json.ValueKind}.", null, null);
        }

        // The element's own text, read again: the same depth limit and text check as Parse, whatever options the
        // document was parsed with, and positions counted from the card's first byte.
        return Parse(JsonText.RawUtf8(json));
    }

    public static byte[] ToUtf8(CardObject value)
    {
        using var stream = new MemoryStream(1024);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            value.WriteJson(writer);
        }

        return stream.ToArray();
    }

    public static string ToJsonString(CardObject value)
    {
        using var stream = new MemoryStream(1024);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            value.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
