using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CardGen.Legacy;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Emulator;

/// <summary>The emulator's own rule ids, beside the card rules (<c>CV…</c>) of <see cref="CardValidator"/>.</summary>
public static class EmulatorRules
{
    /// <summary>The <c>Content-Type</c> is not <c>application/json</c>.</summary>
    public const string ContentType = "EM001";

    /// <summary>
    /// The body is not strict JSON (comments, trailing commas, raw control characters, bad UTF-8); as a warning, a
    /// card that holds an escaped lone surrogate, recorded with U+FFFD in its place.
    /// </summary>
    public const string MalformedJson = "EM002";

    /// <summary>The body is larger than <see cref="HookEmulatorOptions.MaxBodyBytes"/>.</summary>
    public const string BodyTooLarge = "EM003";

    /// <summary>The message is not an object, or a field has the wrong JSON type.</summary>
    public const string Envelope = "EM004";

    /// <summary>The message has nothing to post (no text, body, title or attachment).</summary>
    public const string NoContent = "EM005";

    /// <summary>An attachment is not an object or of an unknown type (for example a Teams-style wrapper).</summary>
    public const string AttachmentType = "EM006";

    /// <summary>A legacy limit: more than 20 attachments, over 1.5 MB of attachments, or a field over its size.</summary>
    public const string Limits = "EM007";

    /// <summary>No active webhook has the id (unknown or deleted).</summary>
    public const string HookNotFound = "EM008";

    /// <summary>The webhook is suspended.</summary>
    public const string HookSuspended = "EM009";

    /// <summary>
    /// An Adaptive Card was posted to a legacy v1 URL, which only understands the v1 schema. The v1 route reports
    /// <see cref="LegacyRules.AdaptiveCardOnV1"/> instead.
    /// </summary>
    public const string CardOnV1 = "EM010";

    /// <summary>
    /// A legacy card lacks a field the docs call required (a warning: the service is not known to enforce it). The v1
    /// route reports <see cref="LegacyRules.MissingRequiredField"/> instead, with every other <c>LV…</c> rule.
    /// </summary>
    public const string LegacyRequired = "EM011";

    /// <summary>A Teams workflow post has no <c>sig</c>, or one this emulator did not issue for the hook.</summary>
    public const string TeamsSignature = "EM020";
}

/// <summary>The outcome of checking a message body.</summary>
internal sealed class PayloadCheck
{
    public List<RecordedFinding> Findings { get; } = new();

    public List<string> Validation { get; } = new();

    public List<JsonElement> Cards { get; } = new();

    /// <summary>The envelope's <c>error</c>; <see langword="null"/> when the post is accepted.</summary>
    public string? Error { get; private set; }

    public string? Text { get; set; }

    public string? Title { get; set; }

    public string? Activity { get; set; }

    public void Fail(string error, string ruleId, string path, string message, string? validation = null)
    {
        Error ??= error;
        Findings.Add(new RecordedFinding(FindingSeverity.Error, ruleId, path, message));
        Validation.Add(validation ?? message);
    }

    /// <summary>Rejects the post with <paramref name="error"/> unless an earlier error decided the text; the details are already recorded.</summary>
    public void SetError(string error) => Error ??= error;

    public void Warn(string ruleId, string path, string message)
        => Findings.Add(new RecordedFinding(FindingSeverity.Warning, ruleId, path, message));

    /// <summary>Keeps a card for the record in a form the inspection API can write back.</summary>
    public void AddCard(JsonElement card, string path)
    {
        var kept = SafeJson.Writable(card, out var repaired);
        Cards.Add(repaired ? kept : card.Clone());
        if (repaired)
        {
            Warn(
                EmulatorRules.MalformedJson,
                path,
                "The card holds an escaped lone surrogate (a \\u escape of D800-DFFF without its pair), which is not valid Unicode text; it is recorded with U+FFFD in its place.");
        }
    }
}

/// <summary>Checks v2 and legacy v1 message bodies as RingCentral does (see the reference notes on webhooks).</summary>
internal static class PayloadChecker
{
    public const string InvalidPayload = "Invalid payload";
    public const string InvalidCard = "Invalid AdaptiveCard payload";
    public const string InvalidAttachment = "Invalid attachment payload";
    public const int MaxAttachments = 20;
    public const int MaxAttachmentBytes = 1536 * 1024;
    public const int MaxFieldBytes = Legacy.LegacyValidator.MaxFieldBytes;
    public const int MaxTextChars = Legacy.LegacyValidator.MaxTextLength;

    private static readonly ValidationTarget RingCentral = new(HostProfile.RingCentral);

    public static PayloadCheck CheckV2(JsonElement root)
    {
        var check = new PayloadCheck();
        if (!IsObject(check, root))
        {
            return check;
        }

        check.Text = OptionalString(check, root, "text");
        check.Title = OptionalString(check, root, "title");
        check.Activity = OptionalString(check, root, "activity");
        OptionalString(check, root, "iconUri");
        OptionalString(check, root, "iconEmoji");
        OptionalString(check, root, "icon");
        var attachments = Attachments(check, root);
        if (check.Error is not null)
        {
            return check;
        }

        if (string.IsNullOrWhiteSpace(check.Text) && attachments == 0)
        {
            check.Fail(InvalidPayload, EmulatorRules.NoContent, "$", "The message has neither text nor an attachment.", "payload must have text or attachments");
            return check;
        }

        CheckAttachments(check, root, attachments);
        return check;
    }

    /// <summary>
    /// Checks a v1 body with <see cref="LegacyValidator"/>, the rules <see cref="ChatHookClient"/> applies before it
    /// sends a legacy message, and answers with the error text of the first error.
    /// </summary>
    public static PayloadCheck CheckV1(JsonElement root)
    {
        var check = new PayloadCheck();
        var result = LegacyValidator.Validate(root);
        if (root.ValueKind == JsonValueKind.Object)
        {
            check.Text = SafeString(root, "body");
            check.Title = SafeString(root, "title");
            check.Activity = SafeString(root, "activity");
            if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            {
                // Adaptive Cards are refused on this route (LV013), but kept on the record to show what was sent.
                var index = 0;
                foreach (var attachment in attachments.EnumerateArray())
                {
                    if (attachment.ValueKind == JsonValueKind.Object && attachment.TryGetProperty("type", out var type)
                        && type.ValueKind == JsonValueKind.String && type.ValueEquals("AdaptiveCard"))
                    {
                        check.AddCard(attachment, string.Create(CultureInfo.InvariantCulture, $"$.attachments[{index}]"));
                    }

                    index++;
                }
            }
        }

        foreach (var finding in result.Findings)
        {
            if (finding.Severity != FindingSeverity.Error)
            {
                check.Findings.Add(new RecordedFinding(finding.Severity, finding.RuleId, finding.Path, finding.Message));
                continue;
            }

            var (error, validation) = LegacyAnswer(finding);
            check.Fail(error, finding.RuleId, finding.Path, finding.Message, validation);
        }

        return check;
    }

    /// <summary>The envelope's <c>error</c> and <c>validation</c> line for a legacy finding.</summary>
    private static (string Error, string Validation) LegacyAnswer(CardFinding finding)
    {
        var payload = "payload" + finding.Path[1..];
        var inAttachment = finding.Path.StartsWith("$.attachments[", StringComparison.Ordinal);
        return finding.RuleId switch
        {
            LegacyRules.MalformedJson => ("Invalid JSON payload", $"{payload}: {finding.Message}"),
            LegacyRules.TooManyAttachments => ("Too many attachments", string.Create(CultureInfo.InvariantCulture, $"payload.attachments must have at most {LegacyValidator.MaxAttachments} items")),
            LegacyRules.AttachmentsTooLarge => ("Attachments too large", "payload.attachments must not exceed 1.5 MB"),
            LegacyRules.AdaptiveCardOnV1 => (InvalidCard, $"{payload} does not match any schema"),
            LegacyRules.FieldTooLong => (InvalidAttachment, string.Create(CultureInfo.InvariantCulture, $"{payload} must be at most {LegacyValidator.MaxFieldBytes} bytes")),
            LegacyRules.TextTooLong => (InvalidAttachment, string.Create(CultureInfo.InvariantCulture, $"{payload} must be at most {LegacyValidator.MaxTextLength} characters")),
            LegacyRules.NoContent => (InvalidPayload, "payload must have body, title or attachments"),
            _ => (inAttachment ? InvalidAttachment : InvalidPayload, $"{payload}: {finding.Message}"),
        };
    }

    private static string? SafeString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // LV001 says why
        }
    }

    private static bool IsObject(PayloadCheck check, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        check.Fail(InvalidPayload, EmulatorRules.Envelope, "$", $"The message must be a JSON object, not {JsonKinds.Describe(root)}.", "payload must be an object");
        return false;
    }

    private static void CheckAttachments(PayloadCheck check, JsonElement root, int count)
    {
        if (count == 0)
        {
            return;
        }

        var index = 0;
        foreach (var attachment in root.GetProperty("attachments").EnumerateArray())
        {
            CheckAttachment(check, attachment, index++);
        }
    }

    private static string? OptionalString(PayloadCheck check, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            check.Fail(InvalidPayload, EmulatorRules.Envelope, "$." + name, $"'{name}' must be a string, not {JsonKinds.Describe(value)}.", $"payload.{name} must be a string");
            return null;
        }

        return value.GetString();
    }

    private static int Attachments(PayloadCheck check, JsonElement root)
    {
        if (!root.TryGetProperty("attachments", out var attachments) || attachments.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (attachments.ValueKind != JsonValueKind.Array)
        {
            check.Fail(InvalidPayload, EmulatorRules.Envelope, "$.attachments", $"'attachments' must be an array, not {JsonKinds.Describe(attachments)}.", "payload.attachments must be an array");
            return 0;
        }

        var count = attachments.GetArrayLength();
        if (count > MaxAttachments)
        {
            check.Fail(
                "Too many attachments",
                EmulatorRules.Limits,
                "$.attachments",
                string.Create(CultureInfo.InvariantCulture, $"The message has {count} attachments; at most {MaxAttachments} are allowed."),
                string.Create(CultureInfo.InvariantCulture, $"payload.attachments must have at most {MaxAttachments} items"));
            return 0;
        }

        long bytes = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            bytes += JsonMarshal.GetRawUtf8Value(attachment).Length;
        }

        if (bytes > MaxAttachmentBytes)
        {
            check.Fail(
                "Attachments too large",
                EmulatorRules.Limits,
                "$.attachments",
                string.Create(CultureInfo.InvariantCulture, $"The attachments take {bytes} bytes; at most 1.5 MB ({MaxAttachmentBytes} bytes) are allowed in all."),
                "payload.attachments must not exceed 1.5 MB");
            return 0;
        }

        return count;
    }

    private static void CheckAttachment(PayloadCheck check, JsonElement attachment, int index)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"$.attachments[{index}]");
        var schemaLine = string.Create(CultureInfo.InvariantCulture, $"payload.attachments[{index}] does not match any schema");
        if (attachment.ValueKind != JsonValueKind.Object)
        {
            check.Fail(InvalidAttachment, EmulatorRules.AttachmentType, path, $"An attachment must be an object, not {JsonKinds.Describe(attachment)}.", schemaLine);
            return;
        }

        string? type = null;
        if (attachment.TryGetProperty("type", out var typeValue))
        {
            if (typeValue.ValueKind != JsonValueKind.String)
            {
                check.Fail(InvalidAttachment, EmulatorRules.AttachmentType, path + ".type", $"'type' must be a string, not {JsonKinds.Describe(typeValue)}.", schemaLine);
                return;
            }

            type = typeValue.GetString();
        }

        if (type == "AdaptiveCard")
        {
            check.AddCard(attachment, path);
            CheckCard(check, attachment, path, schemaLine);
            return;
        }

        if (type is null && (attachment.TryGetProperty("contentType", out _) || attachment.TryGetProperty("content", out _)))
        {
            check.Fail(
                InvalidAttachment,
                EmulatorRules.AttachmentType,
                path,
                "The attachment is a Teams-style {contentType, content} wrapper; RingCentral takes the Adaptive Card itself as the attachment ({\"type\":\"AdaptiveCard\", …}).",
                schemaLine);
            return;
        }

        if (type is null or "Card")
        {
            CheckLegacyCard(check, attachment, path);
            return;
        }

        check.Fail(
            InvalidAttachment,
            EmulatorRules.AttachmentType,
            path + ".type",
            $"The attachment type '{type}' is not supported by incoming webhooks; use \"AdaptiveCard\" or \"Card\".",
            schemaLine);
    }

    private static void CheckCard(PayloadCheck check, JsonElement card, string path, string schemaLine)
    {
        var result = CardValidator.Validate(card, RingCentral);
        var failed = false;
        foreach (var finding in result.Findings)
        {
            var findingPath = finding.Path.StartsWith('$') ? path + finding.Path[1..] : path + "." + finding.Path;
            check.Findings.Add(new RecordedFinding(finding.Severity, finding.RuleId, findingPath, finding.Message));
            if (finding.Severity == FindingSeverity.Error)
            {
                if (!failed)
                {
                    failed = true;
                    check.Validation.Add(schemaLine);
                }

                check.Validation.Add($"payload{findingPath[1..]}: {finding.RuleId} {finding.Message}");
            }
        }

        if (failed)
        {
            check.SetError(InvalidCard);
        }
    }

    /// <summary>A v2 legacy card (<c>{"type":"Card", …}</c> with camelCase names): the size limits.</summary>
    private static void CheckLegacyCard(PayloadCheck check, JsonElement card, string path)
    {
        var textName = "text";
        if (!card.TryGetProperty("text", out _) && card.TryGetProperty("body", out _))
        {
            textName = "body"; // the v2 sample's spelling
        }

        CheckLegacyFields(check, card, path, textName, topLevel: true);
    }

    private static void CheckLegacyFields(PayloadCheck check, JsonElement value, string path, string textName, bool topLevel)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var childPath = path + "." + property.Name;
                    if (topLevel && property.Name == textName && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var length = property.Value.GetString()!.Length;
                        if (length > MaxTextChars)
                        {
                            check.Fail(
                                InvalidAttachment,
                                EmulatorRules.Limits,
                                childPath,
                                string.Create(CultureInfo.InvariantCulture, $"'{property.Name}' has {length} characters; a card's text takes at most {MaxTextChars}."),
                                string.Create(CultureInfo.InvariantCulture, $"payload{childPath[1..]} must be at most {MaxTextChars} characters"));
                        }

                        continue;
                    }

                    CheckLegacyFields(check, property.Value, childPath, textName, topLevel: false);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckLegacyFields(check, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), textName, topLevel: false);
                }

                break;
            case JsonValueKind.String:
                var bytes = Encoding.UTF8.GetByteCount(value.GetString()!);
                if (bytes > MaxFieldBytes)
                {
                    check.Fail(
                        InvalidAttachment,
                        EmulatorRules.Limits,
                        path,
                        string.Create(CultureInfo.InvariantCulture, $"The field takes {bytes} bytes; every legacy card field but the text takes at most {MaxFieldBytes}."),
                        string.Create(CultureInfo.InvariantCulture, $"payload{path[1..]} must be at most {MaxFieldBytes} bytes"));
                }

                break;
        }
    }
}
