using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tests.Corpus;

/// <summary>
/// Pins the validator's verdict on every official sample card, template cards included: the rule ids of its errors and
/// of its warnings, on RingCentral and at the sample folder's version (a template's declared version). A change of
/// verdict must show up here, in review, as a change of <c>SampleVerdicts.txt</c>; a sample added to or missing from
/// the corpus fails the test too. A template is judged as it is, bindings unexpanded; its data file is not a card.
/// </summary>
public sealed class SampleVerdictTests
{
    private static string ExpectedPath => Path.Combine(RepositoryPaths.Root, "tests", "CardGen.Tests", "Corpus", "SampleVerdicts.txt");

    [SkippableFact]
    public void Every_sample_keeps_its_pinned_verdict()
    {
        Assert.False(RepositoryPaths.IsCi && !RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);
        Skip.IfNot(RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);

        var templates = SampleCards.Templates().Select(row => (string)row[0]).ToList();
        var actual = SampleCards.All().Select(row => (string)row[0]).Concat(templates).SelectMany(Verdicts).ToList();
        var expected = File.ReadAllLines(ExpectedPath).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            // For review only: nothing rewrites the pinned list, so a changed verdict is always a visible edit.
            File.WriteAllLines(Path.ChangeExtension(ExpectedPath, ".received.txt"), Header.Concat(actual));
        }

        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Pinned verdicts that no longer hold:\n{string.Join("\n", missing)}\nVerdicts not pinned:\n{string.Join("\n", unexpected)}");
        Assert.Equal(SampleCards.ExpectedTemplateTotal, templates.Count);
        Assert.Equal(SampleCards.ExpectedTemplateDataFiles, SampleCards.TemplateData().Count());
        Assert.Equal(2 * (SampleCards.ExpectedTotal + SampleCards.ExpectedTemplateTotal), actual.Count);
        Assert.Equal(actual.Count, expected.Count);
    }

    private static readonly string[] Header =
    {
        "# The validator's verdict on each official sample: file | target | rule ids of errors | rule ids of warnings.",
        "# Checked by SampleVerdictTests; edit a line only for a verdict that is meant to change.",
        "# Templates/** cards are judged as they are (bindings unexpanded) at their declared version; their .data.json files are not cards.",
    };

    private static IEnumerable<string> Verdicts(string sample)
    {
        var bytes = SampleCards.Read(sample);
        var version = SampleCards.IsTemplate(sample) ? SampleCards.DeclaredVersion(bytes) : SampleCards.FolderVersion(sample);
        foreach (var target in new[] { (ValidationTarget)HostProfile.RingCentral, ValidationTarget.ForVersion(version) })
        {
            var result = CardValidator.Validate(bytes, target);
            yield return $"{sample} | {target.Host.Name} {target.Version} | errors: {Ids(result.Errors)} | warnings: {Ids(result.Warnings)}";
        }
    }

    private static string Ids(IEnumerable<CardFinding> findings)
    {
        var ids = findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? "-" : string.Join(" ", ids);
    }
}
