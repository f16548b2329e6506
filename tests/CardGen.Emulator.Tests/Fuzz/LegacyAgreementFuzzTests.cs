using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CardGen.Legacy;
using CardGen.Validation;
using Xunit.Abstractions;

namespace CardGen.Emulator.Tests.Fuzz;

/// <summary>
/// Generates legacy messages around every documented limit (and, for a quarter of the cases, breaks their JSON in
/// one place) and holds three verdicts to one another: <see cref="LegacyValidator"/> on the message and on its bytes,
/// <see cref="ChatHookClient"/> (which refuses exactly the invalid ones, sending nothing) and the emulator's answer over
/// loopback HTTP, down to each finding's rule id, path and severity.
/// </summary>
/// <remarks>
/// Deterministic: case <c>i</c> of seed <c>s</c> is always the same message. Replay one with
/// <c>CARDGEN_LEGACY_FUZZ_SEED=s CARDGEN_LEGACY_FUZZ_ITERATION=i dotnet test tests/CardGen.Emulator.Tests -c Release --filter LegacyAgreementFuzzTests</c>;
/// <c>CARDGEN_LEGACY_FUZZ_ITERATIONS</c> changes how many run. The counts are written to <c>artifacts/fuzz/legacy.txt</c>.
/// </remarks>
public sealed class LegacyAgreementFuzzTests
{
    private const int DefaultSeed = 20261206;
    private const int DefaultCases = 600;

    private static readonly string[] Texts =
    [
        "ok", "**bold** and [a link](https://example.com)", "", " ", "line\nbreak", "Grüße 🚀",
        new string('a', 300), new string('a', 301), new string('é', 150), new string('é', 150) + "a",
        string.Concat(Enumerable.Repeat("🚀", 75)), string.Concat(Enumerable.Repeat("🚀", 75)) + "a",
    ];

    private static readonly string[] CardTexts =
    [
        "x", "", new string('x', 1000), new string('x', 1001), string.Concat(Enumerable.Repeat("🚀", 500)),
        string.Concat(Enumerable.Repeat("🚀", 500)) + "x", new string('é', 1000), new string('é', 1001),
    ];

    private static readonly string[] Colors = ["#00ff2a", "#ABCDEF", "#000000", "00ff2a", "#0f2", "red", "#00ff2g", "", "#00ff2a0"];

    private static readonly string[] Urls =
    [
        "https://example.com/a.png", "http://example.com/a.png", "/relative.png", "javascript:alert(1)", "ftp://example.com/a",
        "", "https://example.com/a b", "https://example.com/" + new string('p', 280), "https://example.com/" + new string('p', 281),
    ];

    private readonly ITestOutputHelper _output;

    public LegacyAgreementFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_validator_the_client_and_the_emulator_agree_on_every_generated_message()
    {
        var fuzz = FuzzRun.FromEnvironment("CARDGEN_LEGACY_FUZZ", DefaultSeed, DefaultCases);
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 10 });
        using var client = new ChatHookClient();
        var hook = emulator.GetUrl(emulator.DefaultHookId, HookRoute.V1);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var iteration in fuzz.Iterations)
        {
            if (failures.Count >= 5)
            {
                break;
            }

            // Not HashCode.Combine, which is seeded per process: a case must be the same in every run to be replayed.
            var random = new Random(unchecked((fuzz.Seed * 7919) + iteration) & int.MaxValue);
            var message = Generate(random);
            var what = string.Empty;
            var mutation = random.Next(4) == 0 ? Mutate(random, message.ToUtf8Json(), out what) : null;
            try
            {
                await CheckAsync(emulator, client, hook, message, mutation, counts);
            }
            catch (Exception e)
            {
                failures.Add($"case {iteration} ({fuzz.Replay(iteration)}){(mutation is null ? string.Empty : " mutated: " + what)}: {e.Message}");
            }
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"legacy agreement fuzz: seed {fuzz.Seed}, {fuzz.Iterations.Length} case(s); replay one with {fuzz.ReplayAny}")
            .AppendLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        File.WriteAllText(Path.Combine(RepositoryPaths.Artifacts("fuzz"), "legacy.txt"), report.ToString());
        _output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        if (!fuzz.IsReplay)
        {
            // The generator must reach both verdicts and most rules, or the agreement proves little.
            Assert.True(counts.GetValueOrDefault("accepted") > fuzz.Count / 10, report.ToString());
            Assert.True(counts.GetValueOrDefault("rejected") > fuzz.Count / 10, report.ToString());
            Assert.True(counts.Keys.Count(k => k.StartsWith("LV", StringComparison.Ordinal)) >= 12, report.ToString());
        }
    }

    private static async Task CheckAsync(HookEmulator emulator, ChatHookClient client, WebhookUrl hook, LegacyMessage message, byte[]? mutated, SortedDictionary<string, int> counts)
    {
        emulator.ClearPosts();
        var bytes = mutated ?? message.ToUtf8Json();
        var expected = LegacyValidator.Validate(bytes);
        foreach (var finding in expected.Findings)
        {
            counts[finding.RuleId] = counts.GetValueOrDefault(finding.RuleId) + 1;
        }

        if (mutated is null)
        {
            // The typed message and its bytes get the same verdict, and the client acts on it: it sends exactly the valid ones.
            Same(expected.Findings, LegacyValidator.Validate(message).Findings, "the validator on the message and on its bytes");
            try
            {
                var response = await client.PostAsync(hook, message);
                Assert.True(expected.IsValid, "the client posted a message the validator refuses: " + expected);
                Assert.Equal(200, response.StatusCode);
                Assert.Equal(PostVerdict.Accepted, Assert.Single(emulator.Posts).Verdict);
            }
            catch (LegacyValidationException e)
            {
                Assert.False(expected.IsValid, "the client refused a valid message: " + e.Message);
                Same(expected.Errors.ToList(), e.Result.Errors.ToList(), "the validator and the client's refusal");
                Assert.Empty(emulator.Posts);
            }
            catch (ChatHookException e)
            {
                throw new InvalidOperationException("the emulator refused what the client sent: " + e.Message, e);
            }

            emulator.ClearPosts();
        }

        var answer = await Raw.PostAsync(hook.RevealUri(), bytes);
        var post = Assert.Single(emulator.Posts);
        counts[expected.IsValid ? "accepted" : "rejected"] = counts.GetValueOrDefault(expected.IsValid ? "accepted" : "rejected") + 1;
        Assert.Equal(200, answer.Status);
        Assert.Equal(expected.IsValid ? "OK" : "error", answer.Str("status"));
        Assert.Equal(expected.IsValid ? PostVerdict.Accepted : PostVerdict.Rejected, post.Verdict);
        Same(expected.Findings, post.Findings.Select(f => new CardFinding(f.Severity, f.RuleId, f.Path, f.Message)).ToList(), "the validator and the emulator");
    }

    private static void Same(IReadOnlyList<CardFinding> expected, IReadOnlyList<CardFinding> actual, string what)
    {
        var left = expected.Select(f => $"{f.Severity} {f.RuleId} {f.Path}").ToList();
        var right = actual.Select(f => $"{f.Severity} {f.RuleId} {f.Path}").ToList();
        Assert.True(left.SequenceEqual(right), $"{what} disagree:\n  {string.Join("; ", left)}\n  {string.Join("; ", right)}");
    }

    private static T? Pick<T>(Random random, T[] values, int nullIn = 4)
        where T : class
        => random.Next(nullIn) == 0 ? null : values[random.Next(values.Length)];

    private static LegacyMessage Generate(Random random)
    {
        var message = new LegacyMessage
        {
            Body = Pick(random, Texts, 3),
            Title = Pick(random, Texts, 2),
            Activity = Pick(random, Texts, 2),
            Icon = random.Next(3) == 0 ? Pick(random, Urls) : null,
        };

        var cards = random.Next(12) switch
        {
            0 => 0,
            1 => 20,
            2 => 21,
            _ => random.Next(1, 4),
        };
        for (var i = 0; i < cards; i++)
        {
            message.Attachments.Add(random.Next(60) == 0 ? null! : Card(random));
        }

        return message;
    }

    private static LegacyCard Card(Random random)
    {
        // Most values are ordinary, so that a message is valid often enough; a few sit at or over a limit.
        string? Ordinary(string value, string[] pool) => random.Next(5) == 0 ? Pick(random, pool) : value;
        var card = new LegacyCard
        {
            Fallback = Ordinary("fallback", Texts),
            Title = Ordinary("title", Texts),
            Text = Ordinary("text", CardTexts),
            Color = random.Next(2) == 0 ? Ordinary("#00ff2a", Colors) : null,
            Pretext = random.Next(4) == 0 ? Pick(random, Texts) : null,
            AuthorName = random.Next(3) == 0 ? Ordinary("Ann", Texts) : null,
            AuthorLink = random.Next(5) == 0 ? Ordinary("https://example.com/ann", Urls) : null,
            AuthorIcon = random.Next(5) == 0 ? Ordinary("https://example.com/ann.png", Urls) : null,
            TitleLink = random.Next(4) == 0 ? Ordinary("https://example.com/t", Urls) : null,
            ImageUrl = random.Next(5) == 0 ? Ordinary("https://example.com/i.png", Urls) : null,
            ThumbnailUrl = random.Next(5) == 0 ? Ordinary("https://example.com/t.png", Urls) : null,
            Footer = random.Next(3) == 0 ? Ordinary("Jira", Texts) : null,
            FooterIcon = random.Next(5) == 0 ? Ordinary("https://example.com/f.png", Urls) : null,
            Timestamp = random.Next(3) == 0 ? DateTimeOffset.FromUnixTimeSeconds(random.Next()) : null,
        };

        var fields = random.Next(4);
        for (var i = 0; i < fields; i++)
        {
            card.Fields.Add(random.Next(40) == 0
                ? null!
                : new LegacyField(Ordinary("Priority", Texts), Ordinary("High", Texts), random.Next(2) == 0 ? LegacyFieldStyle.Short : LegacyFieldStyle.Long));
        }

        return card;
    }

    /// <summary>The message's JSON broken in one place: a value of the wrong kind, a v2 name, a foreign attachment.</summary>
    private static byte[] Mutate(Random random, byte[] json, out string what)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var cards = root["attachments"]?.AsArray();
        var card = cards is { Count: > 0 } ? cards[random.Next(cards.Count)] as JsonObject : null;
        switch (random.Next(card is null ? 3 : 9))
        {
            case 0:
                what = "body is a number";
                root["body"] = 42;
                break;
            case 1:
                what = "v2 text and iconUri";
                root["text"] = root["body"]?.DeepClone() ?? "hello";
                root.Remove("body");
                root["iconUri"] = "https://example.com/i.png";
                break;
            case 2:
                what = "attachments is an object";
                root["attachments"] = new JsonObject { ["type"] = "Card" };
                break;
            case 3:
                what = "an Adaptive Card attachment";
                cards![random.Next(cards.Count)] = JsonNode.Parse(Raw.Card);
                break;
            case 4:
                what = "a Teams wrapper";
                cards![random.Next(cards.Count)] = new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = new JsonObject() };
                break;
            case 5:
                what = "type Event";
                card!["type"] = "Event";
                break;
            case 6:
                what = "ts and short of the wrong kind";
                card!["ts"] = "2020-01-01T00:00:00Z";
                card["fields"] = new JsonArray(new JsonObject { ["title"] = "a", ["value"] = "b", ["short"] = "yes" });
                break;
            case 7:
                what = "v2 names in a card";
                card!["intro"] = "pretext";
                card["imageUri"] = "https://example.com/i.png";
                card["author"] = new JsonObject { ["name"] = "Ann" };
                break;
            default:
                what = "a field that is a string and a colour that is a number";
                card!["fields"] = new JsonArray("field");
                card["color"] = 0x00ff2a;
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
