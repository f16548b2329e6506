using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Emulator.Tests;

/// <summary>
/// The official Adaptive Card samples, each posted as an attachment: the emulator accepts exactly the cards the
/// client's validator accepts for RingCentral, with the same errors, so a card the client lets through is never
/// refused by the emulator and the other way round. Both sides share one validator, so the number of cards checked
/// and the exact answers for a hand-picked list are pinned too: a change in the shared validator cannot move both
/// sides together unnoticed.
/// </summary>
public sealed class SampleCardTests
{
    /// <summary>
    /// The cards in the samples folder: every <c>*.json</c> file (one is spelled <c>.Json</c>) but the 29 template
    /// data files (<c>Templates/**/*.data.json</c>), which are not cards.
    /// </summary>
    private const int SampleCards = 224;

    private const int TemplateDataFiles = 29;

    private const string NoSchema = "payload.attachments[0] does not match any schema";

    /// <summary>A hand-picked list with the exact answer: <see langword="null"/> for accepted, else the exact <c>validation</c>.</summary>
    private static readonly Dictionary<string, string[]?> Pinned = new(StringComparer.Ordinal)
    {
        ["v1.0/Elements/AdaptiveCard.json"] = null,
        ["v1.1/Elements/Image.Width.json"] = null,
        ["v1.2/Elements/RichTextBlock.json"] = null,
        ["v1.3/Elements/Input.Text.Label.json"] = null,
        ["Templates/Elements/Template.RepeatingItems.json"] = null,
        ["Templates/Elements/Template.Functions.LogicalComparison.json"] =
        [
            NoSchema,
            "payload.attachments[0].body[0].items[2].color: CV040 \"${if(price <= 500, 'good', 'attention')}\" is not a valid TextBlock.color; use one of default, dark, light, accent, good, warning, attention.",
        ],
        ["Templates/Scenarios/StockUpdate.template.json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
            "payload.attachments[0].body[1].items[0].columns[0].items[1].color: CV040 \"${if(change >= 0, 'good', 'attention')}\" is not a valid TextBlock.color; use one of default, dark, light, accent, good, warning, attention.",
        ],
        ["v1.3/Elements/Input.Text.InlineAction.json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
        ],
        ["v1.4/Elements/Action.Execute.json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.4, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
            "payload.attachments[0].actions[0].type: CV030 Action.Execute needs Adaptive Cards 1.4, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; add a fallback or leave it out.",
        ],
        ["v1.5/Elements/Table.json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
            "payload.attachments[0].body[0].type: CV030 Table needs Adaptive Cards 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; add a fallback or leave it out.",
            "payload.attachments[0].body[1].type: CV030 Table needs Adaptive Cards 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; add a fallback or leave it out.",
        ],
        ["v1.5/Elements/Container.Rtl.Json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.5, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
        ],
        ["v1.6/Elements/Action.Role.json"] =
        [
            NoSchema,
            "payload.attachments[0].version: CV004 The card declares version 1.6, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; the host shows the fallback text instead.",
            "payload.attachments[0].body[1].actions[4].type: CV030 Action.Execute needs Adaptive Cards 1.4, but RingCentral (Adaptive Cards 1.3) renders up to 1.3; add a fallback or leave it out.",
        ],
    };

    [SkippableFact]
    public async Task EmulatorAndClientAgreeOnEveryOfficialSample()
    {
        var root = RepositoryPaths.SamplesRoot;
        if (!Directory.Exists(root))
        {
            Assert.False(RepositoryPaths.IsCi, $"The official Adaptive Card samples are not at '{root}'; CI must have them.");
            Skip.If(true, $"The official Adaptive Card samples are not at '{root}'; set CARDGEN_SAMPLES to their folder to run this test.");
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => string.Equals(Path.GetExtension(f), ".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var dataFiles = files.Where(f => f.EndsWith(".data.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(TemplateDataFiles, dataFiles.Count);
        Assert.Equal(SampleCards, files.Count - dataFiles.Count);

        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 10_000 });
        var target = new ValidationTarget(HostProfile.RingCentral);
        int accepted = 0, rejected = 0;
        var problems = new StringBuilder();
        var pinnedSeen = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            JsonElement card;
            try
            {
                card = JsonDocument.Parse(await File.ReadAllTextAsync(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }).RootElement;
            }
            catch (JsonException e)
            {
                problems.AppendLine($"{name}: not JSON ({e.Message})");
                continue;
            }

            var isCard = card.ValueKind == JsonValueKind.Object && card.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "AdaptiveCard";
            if (dataFiles.Contains(file))
            {
                if (isCard)
                {
                    problems.AppendLine($"{name}: a template data file that is a card");
                }

                continue;
            }

            if (!isCard)
            {
                problems.AppendLine($"{name}: not an Adaptive Card");
                continue;
            }

            var expected = CardValidator.Validate(card, target);
            var answer = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), $$"""{"attachments":[{{card.GetRawText()}}]}""");
            var post = await emulator.WaitForPostAsync(p => p.Seq == emulator.TotalPosts);
            var expectedErrors = expected.Errors.Select(f => f.RuleId + " " + f.Path).ToArray();
            var actualErrors = post.Findings.Where(f => f.Severity == FindingSeverity.Error)
                .Select(f => f.RuleId + " " + "$" + f.Path["$.attachments[0]".Length..]).ToArray();
            if (expected.IsValid != (answer.Str("status") == "OK") || !expectedErrors.SequenceEqual(actualErrors))
            {
                problems.AppendLine($"{name}: client {(expected.IsValid ? "valid" : "invalid")} [{string.Join(", ", expectedErrors)}], emulator {answer.Str("status")} [{string.Join(", ", actualErrors)}]");
            }

            if (Pinned.TryGetValue(name, out var pinned))
            {
                pinnedSeen.Add(name);
                var clientLines = expected.Errors.Select(f => $"payload.attachments[0]{(f.Path.StartsWith('$') ? f.Path[1..] : "." + f.Path)}: {f.RuleId} {f.Message}");
                if (pinned is null ? answer.Text != "{\"status\":\"OK\"}" || !expected.IsValid
                    : answer.Str("error") != "Invalid AdaptiveCard payload" || !answer.Validation().SequenceEqual(pinned) || !clientLines.SequenceEqual(pinned.Skip(1)))
                {
                    problems.AppendLine($"{name}: pinned {(pinned is null ? "accepted" : "[" + string.Join(" | ", pinned) + "]")}, emulator answered {answer.Text}, client found [{string.Join(" | ", clientLines)}]");
                }
            }

            if (expected.IsValid)
            {
                accepted++;
            }
            else
            {
                rejected++;
                Assert.Equal("Invalid AdaptiveCard payload", answer.Str("error"));
                Assert.Equal("payload.attachments[0] does not match any schema", answer.Validation()[0]);
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
        Assert.Equal(SampleCards, accepted + rejected);
        Assert.Equal(Pinned.Keys.Order(StringComparer.Ordinal), pinnedSeen.Order(StringComparer.Ordinal));
        Assert.True(accepted > 20, $"only {accepted} samples were accepted");
        Assert.True(rejected > 0, "no sample was rejected (the 1.4+ ones should be)");
    }
}
