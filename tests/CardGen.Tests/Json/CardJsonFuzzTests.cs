using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Schema;
using CardGen.Tests.Corpus;
using CardGen.Tests.Support;
using CardGen.Validation;
using Xunit.Abstractions;

namespace CardGen.Tests.Json;

/// <summary>
/// Mutates the official sample cards (<see cref="CardJsonMutator"/>) and reads each result every way a card can be
/// read. Whatever the bytes: reading throws nothing but <see cref="CardJsonException"/>; every overload agrees; the
/// validator never throws and reports CV001 exactly when reading fails; a card that is read writes back, and what it
/// writes reads again into an equal card that writes the same bytes.
/// </summary>
/// <remarks>
/// Deterministic: case <c>i</c> of seed <c>s</c> always builds the same bytes. Replay one with
/// <c>CARDGEN_CARD_FUZZ_SEED=s CARDGEN_CARD_FUZZ_ITERATION=i dotnet test tests/CardGen.Tests -c Release --filter CardJsonFuzzTests</c>;
/// <c>CARDGEN_CARD_FUZZ_ITERATIONS</c> changes how many run. Counts by outcome go to <c>artifacts/fuzz/card-json.txt</c>,
/// and the bytes of a failing case to <c>artifacts/fuzz/</c>.
/// </remarks>
public sealed class CardJsonFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261128;

    private const int DefaultIterations = 2500;

    private const string Accepted = "read and written back";

    [SkippableFact]
    public void Mutated_samples_are_read_or_rejected_with_CardJsonException_and_what_is_read_writes_back()
    {
        Assert.False(RepositoryPaths.IsCi && !RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);
        Skip.IfNot(RepositoryPaths.SamplesAvailable, RepositoryPaths.SamplesMissingMessage);

        var fuzz = FuzzRun.FromEnvironment("CARDGEN_CARD_FUZZ", DefaultSeed, DefaultIterations);
        var (seed, only) = (fuzz.Seed, fuzz.Only);
        var (names, samples) = Samples();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var mutations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        foreach (var i in fuzz.Iterations)
        {
            var random = new Random(unchecked((seed * 7919) + i));
            var sample = random.Next(samples.Count);
            var (json, kinds) = CardJsonMutator.Mutate(samples[sample], samples, random);
            foreach (var kind in kinds)
            {
                Count(mutations, kind);
            }

            var context = $"seed {seed}, case {i} ({names[sample]}; {string.Join(", ", kinds)})";
            try
            {
                Count(outcomes, Check(json));
            }
            catch (Exception e)
            {
                Count(outcomes, "failed");
                var file = Path.Combine(RepositoryPaths.Artifacts("fuzz"), $"card-json-seed-{seed}-case-{i}.json");
                File.WriteAllBytes(file, json);
                failures.Add($"{context}: {e.GetType().Name}: {e.Message}\n  bytes in {file}\n  replay: {fuzz.Replay(i)} dotnet test tests/CardGen.Tests -c Release --filter CardJsonFuzzTests\n{e.StackTrace}");
            }
        }

        var cases = outcomes.Values.Sum();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"seed: {seed}")
            .AppendLine(CultureInfo.InvariantCulture, $"samples: {samples.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"cases: {cases}")
            .AppendLine(CultureInfo.InvariantCulture, $"seconds: {clock.Elapsed.TotalSeconds:0.0}");
        foreach (var (outcome, count) in outcomes)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"outcome {outcome}: {count}");
        }

        foreach (var (kind, count) in mutations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"mutation {kind}: {count}");
        }

        File.WriteAllText(Path.Combine(RepositoryPaths.Artifacts("fuzz"), only is null ? "card-json.txt" : $"card-json-case-{only}.txt"), report.ToString());
        output.WriteLine(report.ToString());

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} mutated cards broke a promise:\n" + string.Join("\n", failures.Take(5)));
        if (only is null)
        {
            // The run must have been the run it claims: the whole corpus, enough cases, every mutation, both outcomes.
            Assert.Equal(SampleCards.ExpectedTotal, samples.Count);
            Assert.True(cases >= 2000, $"Only {cases} cases ran.");
            Assert.Equal(CardJsonMutator.Kinds.Order(StringComparer.Ordinal), mutations.Keys);
            Assert.All(mutations, pair => Assert.True(pair.Value >= 100, $"Only {pair.Value} \"{pair.Key}\" mutations."));
            Assert.True(outcomes.GetValueOrDefault(Accepted) >= cases / 5, $"Only {outcomes.GetValueOrDefault(Accepted)} of {cases} mutated cards were read.");
            Assert.True(outcomes.Where(o => o.Key.StartsWith("rejected", StringComparison.Ordinal)).Sum(o => o.Value) >= cases / 5, "Too few mutated cards were rejected to exercise the errors.");
            Assert.True(outcomes.GetValueOrDefault("rejected: not Unicode") >= 50, "Too few cards with text that is not Unicode.");
            Assert.True(outcomes.GetValueOrDefault("rejected: too deep") >= 20, "Too few cards nested too deep.");
        }
    }

    [Fact]
    public void Mutations_are_reproducible_from_the_seed_and_the_case()
    {
        var samples = new[] { Encoding.UTF8.GetBytes("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"a","size":2,"wrap":true}],"actions":[{"type":"Action.OpenUrl","title":"o","url":"https://x"}]}""") };
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var first = CardJsonMutator.Mutate(samples[0], samples, new Random(i));
            var second = CardJsonMutator.Mutate(samples[0], samples, new Random(i));
            Assert.Equal(first.Json, second.Json);
            Assert.Equal(first.Kinds, second.Kinds);
            kinds.UnionWith(first.Kinds);
        }

        Assert.Equal(CardJsonMutator.Kinds.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    /// <summary>Reads one mutated card every way; returns its outcome or throws what broke.</summary>
    private static string Check(byte[] json)
    {
        var verdict = CardValidator.Validate(json, HostProfile.RingCentral);
        var malformed = verdict.Errors.Any(f => f.RuleId == CardRules.MalformedJson);

        AdaptiveCard card;
        try
        {
            card = AdaptiveCard.Parse(json);
        }
        catch (CardJsonException e)
        {
            Expect(malformed, $"Parse rejected the card ({e.Message}) but the validator found no CV001:\n{verdict}");
            Expect(Throws(() => AdaptiveCard.Parse(new MemoryStream(json))), "Parse(Stream) read what Parse(bytes) rejected.");
            if (AsText(json) is { } rejectedText)
            {
                Expect(Throws(() => AdaptiveCard.Parse(rejectedText)), "Parse(string) read what Parse(bytes) rejected.");
            }

            if (AsElement(json) is { } rejectedDocument)
            {
                using (rejectedDocument)
                {
                    Expect(Throws(() => AdaptiveCard.FromJsonElement(rejectedDocument.RootElement)), "FromJsonElement read what Parse rejected.");
                }
            }

            return Rejection(e);
        }

        Expect(!malformed, $"Parse read the card but the validator reports CV001:\n{verdict}");
        var written = card.ToUtf8Json();
        var again = AdaptiveCard.Parse(written);
        ModelAssert.Equal(card, again);
        Expect(written.AsSpan().SequenceEqual(again.ToUtf8Json()), "Writing the card read back gives other bytes.");
        Expect(!card.Validate(HostProfile.Generic).Errors.Any(f => f.RuleId == CardRules.MalformedJson), "The card read cannot be written for validation.");
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AdaptiveCard.JsonWriterOptions))
        {
            card.WriteTo(writer);
        }

        Expect(stream.ToArray().AsSpan().SequenceEqual(written), "WriteTo and ToUtf8Json differ.");
        Expect(AdaptiveCard.Parse(new MemoryStream(json)).ToUtf8Json().AsSpan().SequenceEqual(written), "Parse(Stream) reads another card.");
        if (AsText(json) is { } text)
        {
            Expect(AdaptiveCard.Parse(text).ToUtf8Json().AsSpan().SequenceEqual(written), "Parse(string) reads another card.");
        }

        if (AsElement(json) is { } document)
        {
            using (document)
            {
                Expect(AdaptiveCard.FromJsonElement(document.RootElement).ToUtf8Json().AsSpan().SequenceEqual(written), "FromJsonElement reads another card.");
                Expect(!CardValidator.Validate(document.RootElement, HostProfile.RingCentral).Errors.Any(f => f.RuleId == CardRules.MalformedJson), "Validating the element reports CV001.");
            }
        }

        return Accepted;
    }

    private static string Rejection(CardJsonException e)
        => e.Message.Contains("surrogate", StringComparison.Ordinal) || e.Message.Contains("UTF-8", StringComparison.Ordinal) ? "rejected: not Unicode"
            : e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? "rejected: too deep"
            : e.Message.Contains("must be a JSON object", StringComparison.Ordinal) ? "rejected: not an object"
            : e.InnerException is JsonException ? "rejected: not JSON"
            : "rejected: other";

    /// <summary>The bytes as a string, when they are UTF-8 (a string cannot hold what is not).</summary>
    private static string? AsText(byte[] json)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(json);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The bytes as a document parsed far deeper than cards may go, when they are JSON at all.</summary>
    private static JsonDocument? AsElement(byte[] json)
    {
        try
        {
            var bom = json is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            return JsonDocument.Parse(json.AsMemory(bom), new JsonDocumentOptions { MaxDepth = 4096 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Throws(Action read)
    {
        try
        {
            read();
            return false;
        }
        catch (CardJsonException)
        {
            return true;
        }
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static (List<string> Names, List<byte[]> Bytes) Samples()
    {
        var names = SampleCards.All().Select(row => (string)row[0]).ToList();
        return (names, names.Select(SampleCards.Read).ToList());
    }
}
