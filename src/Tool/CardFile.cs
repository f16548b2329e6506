using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Legacy;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tool;

/// <summary>One finding in a file, its JSON path counted from the file's root.</summary>
internal sealed record FileFinding(FindingSeverity Severity, string RuleId, string Path, string Message);

/// <summary>
/// A card file as the commands read it: a bare Adaptive Card, a RingCentral webhook message (<c>text</c>,
/// <c>attachments</c> of cards), a Teams-style message whose attachments wrap a card in <c>content</c>, or a RingCentral
/// legacy (v1) message (<c>body</c>, legacy card attachments).
/// </summary>
internal sealed class CardFile
{
    /// <summary>The rule id of a problem with the file's JSON or shape rather than with a card.</summary>
    public const string FileRule = "FILE";

    private const string TeamsCardType = "application/vnd.microsoft.card.adaptive";

    private CardFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The cards and where each sits in the file (<c>$</c>, <c>$.attachments[0]</c>, <c>$.attachments[0].content</c>).</summary>
    public List<(AdaptiveCard Card, string JsonPath)> Cards { get; } = new();

    public List<FileFinding> Findings { get; } = new();

    /// <summary>The legacy (v1) message the file holds, when it is one and has no error; <see langword="null"/> otherwise.</summary>
    public LegacyMessage? Legacy { get; private set; }

    /// <summary>Whether the file is a legacy (v1) message.</summary>
    public bool IsLegacy { get; private set; }

    /// <summary>How many legacy card attachments the file has.</summary>
    public int LegacyCards { get; private set; }

    /// <summary>The cards checked: Adaptive Cards and legacy cards.</summary>
    public int CardCount => Cards.Count + LegacyCards;

    /// <summary>Whether the root is a message (not a bare card).</summary>
    public bool IsMessage { get; private set; }

    public string? Text { get; private set; }

    public string? Title { get; private set; }

    public string? Activity { get; private set; }

    public string? IconUri { get; private set; }

    public int Errors => Findings.FindAll(f => f.Severity == FindingSeverity.Error).Count;

    public int Warnings => Findings.FindAll(f => f.Severity == FindingSeverity.Warning).Count;

    /// <summary>Reads and validates a file.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    public static CardFile Read(string path, ValidationTarget target)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"{path}: cannot read the file: {e.Message}");
        }

        var file = new CardFile(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            file.Add(FindingSeverity.Error, e.Path ?? "$", $"The file is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {First(e.Message)}");
            return file;
        }

        using (document)
        {
            file.ReadRoot(document.RootElement, target);
        }

        return file;
    }

    private void ReadRoot(JsonElement root, ValidationTarget target)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Add(FindingSeverity.Error, "$", "The file is neither an Adaptive Card nor a webhook message: its root is not a JSON object.");
            return;
        }

        if (String(root, "type") == "AdaptiveCard")
        {
            ReadCard(root, "$", target);
            return;
        }

        IsMessage = true;
        if (LegacyFile.IsLegacy(root))
        {
            ReadLegacy(root, target);
            return;
        }

        Text = String(root, "text") ?? String(root, "body");
        Title = String(root, "title");
        Activity = String(root, "activity");
        IconUri = String(root, "iconUri") ?? String(root, "icon");
        if (!root.TryGetProperty("attachments", out var attachments))
        {
            if (Text is null)
            {
                Add(FindingSeverity.Error, "$", "The file is neither an Adaptive Card (\"type\":\"AdaptiveCard\") nor a webhook message (\"text\" or \"attachments\").");
            }

            return;
        }

        if (attachments.ValueKind != JsonValueKind.Array)
        {
            Add(FindingSeverity.Error, "$.attachments", "The message's attachments are not an array.");
            return;
        }

        var index = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            var path = $"$.attachments[{index++}]";
            if (attachment.ValueKind == JsonValueKind.Object && String(attachment, "type") == "AdaptiveCard")
            {
                ReadCard(attachment, path, target);
            }
            else if (attachment.ValueKind == JsonValueKind.Object && String(attachment, "contentType") == TeamsCardType && attachment.TryGetProperty("content", out var content))
            {
                ReadCard(content, path + ".content", target);
            }
            else
            {
                Add(FindingSeverity.Warning, path, "The attachment is not an Adaptive Card, so it was not validated.");
            }
        }

        if (Cards.Count == 0 && Text is null && Errors == 0)
        {
            Add(FindingSeverity.Error, "$", "The message has neither text nor an Adaptive Card attachment; RingCentral rejects an empty post.");
        }
    }

    /// <summary>A legacy (v1) message: checked with <see cref="LegacyValidator"/>, as the client checks it before posting.</summary>
    private void ReadLegacy(JsonElement root, ValidationTarget target)
    {
        IsLegacy = true;
        Text = String(root, "body");
        Title = String(root, "title");
        Activity = String(root, "activity");
        IconUri = String(root, "icon");
        if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            LegacyCards = attachments.GetArrayLength();
        }

        if (target.Host != HostProfile.RingCentral)
        {
            Add(FindingSeverity.Error, "$", $"The file is a legacy (v1) message (\"body\", legacy card attachments), which only RingCentral's /webhook/{{id}} URLs take, not {target.Host.Name}.");
        }

        foreach (var finding in LegacyValidator.Validate(root).Findings)
        {
            Findings.Add(new FileFinding(finding.Severity, finding.RuleId, finding.Path, finding.Message));
        }

        if (Errors == 0)
        {
            Legacy = LegacyFile.Read(root);
        }
    }

    private void ReadCard(JsonElement element, string path, ValidationTarget target)
    {
        AdaptiveCard card;
        try
        {
            card = AdaptiveCard.FromJsonElement(element);
        }
        catch (JsonException e)
        {
            Add(FindingSeverity.Error, Join(path, e.Path), "The card cannot be read: " + First(e.Message));
            return;
        }

        Cards.Add((card, path));
        foreach (var finding in card.Validate(target).Findings)
        {
            Findings.Add(new FileFinding(finding.Severity, finding.RuleId, Join(path, finding.Path), finding.Message));
        }
    }

    private void Add(FindingSeverity severity, string path, string message) => Findings.Add(new FileFinding(severity, FileRule, path, message));

    /// <summary>A card's own path (<c>$.body[0]</c>) under the card's place in the file.</summary>
    private static string Join(string prefix, string? path)
        => string.IsNullOrEmpty(path) || path == "$" ? prefix : path!.StartsWith("$", StringComparison.Ordinal) ? prefix + path.Substring(1) : prefix + "." + path;

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The parser's message without the position it appends, which the finding gives already.</summary>
    private static string First(string message)
    {
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var end = message.IndexOf(tail, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message.Substring(0, end);
            }
        }

        return message;
    }
}
