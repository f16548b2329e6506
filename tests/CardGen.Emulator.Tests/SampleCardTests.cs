using System;
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
/// refused by the emulator and the other way round.
/// </summary>
public sealed class SampleCardTests
{
    [SkippableFact]
    public async Task EmulatorAndClientAgreeOnEveryOfficialSample()
    {
        var root = RepositoryPaths.SamplesRoot;
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!Directory.Exists(root))
        {
            Assert.False(ci, $"The official Adaptive Card samples are not at '{root}'; CI must have them.");
            Skip.If(true, $"The official Adaptive Card samples are not at '{root}'; set CARDGEN_SAMPLES to their folder to run this test.");
        }

        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 10_000 });
        var target = new ValidationTarget(HostProfile.RingCentral);
        int accepted = 0, rejected = 0;
        var disagreements = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file);
            JsonElement card;
            try
            {
                card = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }

            if (card.ValueKind != JsonValueKind.Object || !card.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "AdaptiveCard")
            {
                continue; // template data and host configs
            }

            var expected = CardValidator.Validate(card, target);
            var answer = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), $$"""{"attachments":[{{card.GetRawText()}}]}""");
            var post = await emulator.WaitForPostAsync(p => p.Seq == emulator.TotalPosts);
            var expectedErrors = expected.Errors.Select(f => f.RuleId + " " + f.Path).ToArray();
            var actualErrors = post.Findings.Where(f => f.Severity == FindingSeverity.Error)
                .Select(f => f.RuleId + " " + "$" + f.Path["$.attachments[0]".Length..]).ToArray();
            var name = Path.GetRelativePath(root, file);
            if (expected.IsValid != (answer.Str("status") == "OK") || !expectedErrors.SequenceEqual(actualErrors))
            {
                disagreements.AppendLine($"{name}: client {(expected.IsValid ? "valid" : "invalid")} [{string.Join(", ", expectedErrors)}], emulator {answer.Str("status")} [{string.Join(", ", actualErrors)}]");
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

        Assert.True(disagreements.Length == 0, disagreements.ToString());
        Assert.True(accepted > 20, $"only {accepted} samples were accepted");
        Assert.True(rejected > 0, "no sample was rejected (the 1.4+ ones should be)");
    }
}
