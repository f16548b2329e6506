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
    /// <returns>
    /// The findings; malformed JSON, and what <see cref="AdaptiveCard.Parse(string)"/> rejects (a lone surrogate,
    /// nesting deeper than 128 levels), is a <see cref="CardRules.MalformedJson"/> error.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static CardValidationResult Validate(string json, ValidationTarget target)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        byte[] utf8;
        try
        {
            utf8 = JsonText.ToUtf8(json);
        }
        catch (CardJsonException e)
        {
            return Malformed(e, target);
        }

        return Validate(utf8, target);
    }

    /// <summary>Validates UTF-8 card JSON.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>
    /// The findings; malformed JSON, and what <see cref="AdaptiveCard.Parse(ReadOnlySpan{byte})"/> rejects (bytes
    /// that are not UTF-8, an escaped lone surrogate, nesting deeper than 128 levels), is a
    /// <see cref="CardRules.MalformedJson"/> error at the path of the problem.
    /// </returns>
    public static CardValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationTarget target)
    {
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            utf8Json = utf8Json.Slice(3);
        }

        JsonDocument document;
        try
        {
            JsonText.Check(utf8Json);
            var reader = new Utf8JsonReader(utf8Json, JsonText.ReaderOptions);
            document = JsonDocument.ParseValue(ref reader);
            reader.Read();
        }
        catch (CardJsonException e)
        {
            return Malformed(e, target);
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
            return Walk(document.RootElement, target);
        }
    }

    /// <summary>Validates a parsed card.</summary>
    /// <param name="card">The card's JSON.</param>
    /// <param name="target">The host and version to validate against.</param>
    /// <returns>
    /// The findings. The element's own text is checked as <see cref="AdaptiveCard.FromJsonElement"/> reads it:
    /// what that rejects is a <see cref="CardRules.MalformedJson"/> error.
    /// </returns>
    public static CardValidationResult Validate(JsonElement card, ValidationTarget target)
    {
        if (card.ValueKind == JsonValueKind.Object)
        {
            try
            {
                var raw = JsonText.RawUtf8(card);
                JsonText.Check(raw);
                JsonText.CheckSyntaxAndDepth(raw);
            }
            catch (CardJsonException e)
            {
                return Malformed(e, target);
            }
            catch (JsonException e)
            {
                // The element parsed, so only the depth limit is left to break.
                var finding = new CardFinding(FindingSeverity.Error, CardRules.MalformedJson, "$", $"The card cannot be read: {e.Message}");
                return new CardValidationResult(new[] { finding }, target);
            }
        }

        return Walk(card, target);
    }

    /// <summary>
    /// Validates a card of a document this library wrote and parsed itself (to <see cref="JsonText.MaxDepth"/>, from
    /// bytes <see cref="JsonText.IsPlain"/> accepts), which the checks of <see cref="Validate(JsonElement, ValidationTarget)"/>
    /// on the element's own text would pass: the client's path, which validates every post.
    /// </summary>
    internal static CardValidationResult ValidateWritten(JsonElement card, ValidationTarget target) => Walk(card, target);

    private static CardValidationResult Walk(JsonElement card, ValidationTarget target)
    {
        var walker = new ValidationWalker(target);
        try
        {
            walker.ValidateRoot(card);
        }
        catch (InvalidOperationException e)
        {
            // The text check above leaves nothing System.Text.Json refuses to decode; should a refusal remain, it is
            // a finding, never an exception.
            var finding = new CardFinding(FindingSeverity.Error, CardRules.MalformedJson, "$", $"The card contains text that cannot be decoded: {e.Message}");
            return new CardValidationResult(walker.Findings.Append(finding).ToArray(), target);
        }

        return new CardValidationResult(walker.Findings, target);
    }

    private static CardValidationResult Malformed(CardJsonException e, ValidationTarget target)
        => new(new[] { new CardFinding(FindingSeverity.Error, CardRules.MalformedJson, e.Path ?? "$", e.Message) }, target);
}
