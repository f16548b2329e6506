using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;

namespace CardGen.Validation;

/// <summary>
/// Validates Adaptive Cards against a chat host and schema version, using the shared schema catalog and host
/// profiles (the same rules the analyzers apply at compile time). Never throws on card content.
/// </summary>
public static class CardValidator
{
    /// <summary>Validates a card built in code or read from JSON.</summary>
    /// <param name="card">The card.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    public static CardValidationResult Validate(AdaptiveCard card, ValidationTarget target)
    {
        if (card is null)
        {
            throw new ArgumentNullException(nameof(card));
        }

        byte[] json;
        try
        {
            json = card.ToUtf8Json();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            // A card that contains itself, a null list item, or a value the writer refuses cannot be sent at all.
            var finding = new CardFinding(FindingSeverity.Error, CardRules.MalformedJson, "$", $"The card cannot be written as JSON: {e.Message}");
            return new CardValidationResult(new[] { finding }, target);
        }

        return Validate(json, target);
    }

    /// <summary>Validates card JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>The findings; malformed JSON is a <see cref="CardRules.MalformedJson"/> error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CardValidationResult Validate(string json, ValidationTarget target)
        => json is null ? throw new ArgumentNullException(nameof(json)) : Validate(Encoding.UTF8.GetBytes(json), target);

    /// <summary>Validates UTF-8 card JSON.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>The findings; malformed JSON is a <see cref="CardRules.MalformedJson"/> error.</returns>
    public static CardValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationTarget target)
    {
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            utf8Json = utf8Json.Slice(3);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 128 });
            document = JsonDocument.ParseValue(ref reader);
            reader.Read();
        }
        catch (JsonException e)
        {
            var finding = new CardFinding(
                FindingSeverity.Error,
                CardRules.MalformedJson,
                "$",
                $"The card is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine}): {e.Message}");
            return new CardValidationResult(new[] { finding }, target);
        }

        using (document)
        {
            return Validate(document.RootElement, target);
        }
    }

    /// <summary>Validates a parsed card.</summary>
    /// <param name="card">The card's JSON.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>The findings.</returns>
    public static CardValidationResult Validate(JsonElement card, ValidationTarget target)
    {
        var walker = new ValidationWalker(target);
        try
        {
            walker.ValidateRoot(card);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode some strings (an escaped lone surrogate in a property name).
            var finding = new CardFinding(FindingSeverity.Error, CardRules.MalformedJson, "$", $"The card contains text that cannot be decoded: {e.Message}");
            return new CardValidationResult(walker.Findings.Append(finding).ToArray(), target);
        }

        return new CardValidationResult(walker.Findings, target);
    }
}
