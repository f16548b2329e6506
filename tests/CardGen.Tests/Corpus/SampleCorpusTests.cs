using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Tests.Support;
using CardGen.Validation;
using Xunit.Abstractions;

namespace CardGen.Tests.Corpus;

/// <summary>Every official sample card parses, round-trips losslessly and validates without error at its folder's version.</summary>
public sealed class SampleCorpusTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void The_corpus_holds_every_official_sample_folder_with_its_count()
    {
        // Locally the corpus may be absent (the tests below then skip and say why); CI must always have it, whole.
        Assert.False(RepositoryPaths.IsCi && !RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);
        Skip.IfNot(RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);

        var counts = SampleCards.All()
            .Select(row => (string)row[0])
            .GroupBy(file => file.Substring(0, file.LastIndexOf('/')), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        Assert.Equal(SampleCards.ExpectedCounts, new SortedDictionary<string, int>(counts, StringComparer.Ordinal));
        Assert.Equal(186, SampleCards.ExpectedTotal);
    }

    [SkippableTheory]
    [MemberData(nameof(SampleCards.All), MemberType = typeof(SampleCards))]
    public void Sample_parses_and_writing_it_back_gives_the_same_model(string sample)
    {
        var bytes = SampleCards.Read(sample);

        var card = AdaptiveCard.Parse(bytes);
        var written = card.ToUtf8Json();
        var reparsed = AdaptiveCard.Parse(written);

        ModelAssert.Equal(card, reparsed);
        Assert.Equal(card.ToJson(), reparsed.ToJson());
    }

    [SkippableTheory]
    [MemberData(nameof(SampleCards.All), MemberType = typeof(SampleCards))]
    public void Written_json_equals_the_input_but_for_enum_casing_order_and_defaults(string sample)
    {
        var bytes = SampleCards.Read(sample);
        var bom = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        using var input = JsonDocument.Parse(bytes.AsMemory(bom));

        var written = AdaptiveCard.Parse(bytes).ToUtf8Json();
        using var output1 = JsonDocument.Parse(written);

        var differences = JsonEquivalence.Differences(input.RootElement, output1.RootElement);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// The client validates each card of a message it wrote from the parsed message, skipping the checks of the card's
    /// own text that its bytes already passed; findings, paths and messages must be exactly those of validating the
    /// card alone, for RingCentral and for the folder's version.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(SampleCards.All), MemberType = typeof(SampleCards))]
    public void The_clients_check_of_a_written_message_finds_what_validating_the_card_alone_finds(string sample)
    {
        var card = AdaptiveCard.Parse(SampleCards.Read(sample));
        var message = new WebhookMessage { Text = "sample" };
        message.Attachments.Add(card);
        var bytes = message.ToUtf8Json();
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = CardGen.Json.JsonText.MaxDepth });
        var written = document.RootElement.GetProperty("attachments")[0];

        foreach (var target in new[] { ValidationTarget.ForHost(CardGen.Schema.HostProfile.RingCentral), ValidationTarget.ForVersion(SampleCards.FolderVersion(sample)) })
        {
            var alone = CardValidator.Validate(card.ToUtf8Json(), target).Findings.Select(f => f.ToString()).ToList();
            var fast = CardGen.Json.JsonText.IsPlain(bytes) ? CardValidator.ValidateWritten(written, target) : CardValidator.Validate(written, target);
            Assert.Equal(alone, fast.Findings.Select(f => f.ToString()).ToList());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(SampleCards.All), MemberType = typeof(SampleCards))]
    public void Validator_raises_no_error_at_the_folder_version(string sample)
    {
        var bytes = SampleCards.Read(sample);
        var version = SampleCards.FolderVersion(sample);

        var result = CardValidator.Validate(bytes, ValidationTarget.ForVersion(version));

        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding.ToString());
        }

        // Two samples declare a version newer than their folder (v1.1/Elements/Column.SelectAction.json and
        // v1.3/Elements/Input.Text.InlineAction.json declare 1.5): a host of the folder's version would not render
        // them, and the validator must say exactly that and nothing else.
        var card = AdaptiveCard.Parse(bytes);
        var expected = card.TryGetVersion(out var declared) && declared > version ? new[] { CardRules.VersionAboveTarget } : Array.Empty<string>();
        Assert.True(
            expected.SequenceEqual(result.Errors.Select(e => e.RuleId)),
            $"{sample} at {version}: expected errors [{string.Join(", ", expected)}], got:\n{string.Join("\n", result.Errors)}");
    }
}
