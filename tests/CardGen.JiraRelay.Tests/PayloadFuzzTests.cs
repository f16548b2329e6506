using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// Seeded mutations of the Jira and CI payloads, posted to the relay over HTTP: whatever arrives, the relay answers
/// 200 (and the emulator got exactly one card), 202 (nothing posted) or 400/422 naming the problem (nothing posted),
/// never a 5xx or a dropped request. A failure names the seed and the case, which replays it alone
/// (<c>CARDGEN_RELAY_FUZZ_CASE</c>); the counts go to <c>artifacts/relay-fuzz/summary.txt</c>.
/// </summary>
public sealed class PayloadFuzzTests : IAsyncLifetime
{
    private const int Seed = 20261205;
    private const int Cases = 600;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    private static readonly Func<JsonObject>[] Sources = [Payloads.IssueCreated, Payloads.IssueUpdated, Payloads.CommentCreated, Payloads.BuildFailed];

    private HookEmulator _emulator = null!;
    private RunningRelay _relay = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString(), MaxRecordedPosts = 10 });
        _relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("Logging:LogLevel:Default", "Warning"));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Mutated_payloads_are_posted_once_or_answered_with_a_named_problem_and_never_with_a_server_error()
    {
        var only = Environment.GetEnvironmentVariable("CARDGEN_RELAY_FUZZ_CASE") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : (int?)null;
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var mutations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (var i = only ?? 0; i < (only + 1 ?? Cases) && clock.Elapsed < Budget; i++)
        {
            var random = new Random(HashCode.Combine(Seed, i));
            var source = random.Next(Sources.Length);
            var (body, mutation) = Mutate(Sources[source](), random);
            var path = source == 3 ? "/ci" : "/jira";
            var before = _emulator.AcceptedPosts;

            var answer = await _relay.PostAsync(path, body, "application/json");

            var posted = _emulator.AcceptedPosts - before;
            var where = $"seed {Seed}, case {i} (replay with CARDGEN_RELAY_FUZZ_CASE={i}), {mutation} on {path}: {answer}\nbody: {Encoding.UTF8.GetString(body)}";
            switch (answer.Status)
            {
                case 200:
                    Assert.True(posted == 1 && answer["status"] == "posted", where);
                    break;
                case 202:
                    Assert.True(posted == 0 && answer["status"] == "ignored" && !string.IsNullOrWhiteSpace(answer["problem"]), where);
                    break;
                case 400 or 422:
                    Assert.True(posted == 0 && answer["status"] == "rejected" && answer["problem"]!.Length > 20, where);
                    break;
                default:
                    Assert.Fail("Unexpected answer: " + where);
                    break;
            }

            outcomes[answer.Status.ToString(CultureInfo.InvariantCulture)] = outcomes.GetValueOrDefault(answer.Status.ToString(CultureInfo.InvariantCulture)) + 1;
            mutations[mutation] = mutations.GetValueOrDefault(mutation) + 1;
            ran++;
        }

        var lines = new List<string> { $"seed: {Seed}", $"cases: {ran}", $"seconds: {clock.Elapsed.TotalSeconds:0.0}" };
        lines.AddRange(outcomes.Select(o => $"answered {o.Key}: {o.Value}"));
        lines.AddRange(mutations.Select(m => $"mutation {m.Key}: {m.Value}"));
        File.WriteAllLines(Path.Combine(RepositoryPaths.Artifacts("relay-fuzz"), "summary.txt"), lines);

        if (only is null)
        {
            // The budget is generous for the machine this runs on; fewer cases would mean a check that proves little.
            Assert.True(ran >= 300, $"Only {ran} of {Cases} cases ran in {Budget.TotalSeconds} s.");
            Assert.True(outcomes.GetValueOrDefault("200") >= 30, string.Join(", ", lines));
            Assert.True(outcomes.GetValueOrDefault("400") >= 30, string.Join(", ", lines));
        }
    }

    /// <summary>One mutation of the payload, chosen by <paramref name="random"/>: its bytes and the mutation's name.</summary>
    private static (byte[] Body, string Mutation) Mutate(JsonObject payload, Random random)
    {
        var nodes = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(payload, nodes);
        var (parent, name, index) = nodes[random.Next(nodes.Count)];
        switch (random.Next(7))
        {
            case 0:
                if (name is not null)
                {
                    parent.AsObject().Remove(name);
                }
                else
                {
                    parent.AsArray().RemoveAt(index);
                }

                return (Bytes(payload), "remove");
            case 1:
                Replace(parent, name, index, OtherKind(random));
                return (Bytes(payload), "other kind");
            case 2:
                Replace(parent, name, index, JsonValue.Create(random.Next(4) switch { 0 => string.Empty, 1 => "   ", 2 => new string('\u00e9', 3000), _ => "line\nbreak *md* [link](x) {{DATE}} \ud83d\ude00" }));
                return (Bytes(payload), "odd string");
            case 3:
                payload["webhookEvent"] = random.Next(3) switch { 0 => "jira:issue_deleted", 1 => "comment_created", _ => "jira:issue_updated" };
                return (Bytes(payload), "other event");
            case 4:
                var whole = Bytes(payload);
                return (whole[..random.Next(whole.Length)], "truncated");
            case 5:
                var bytes = Bytes(payload);
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return (bytes, "byte changed");
            default:
                return (Bytes(payload), "unchanged");
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Name, int Index)> into)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                into.Add((obj, key, -1));
                if (value is not null)
                {
                    Collect(value, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                into.Add((array, null, i));
                if (array[i] is { } item)
                {
                    Collect(item, into);
                }
            }
        }
    }

    private static void Replace(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }

    private static JsonNode? OtherKind(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(-5, 100000)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonObject { ["name"] = "x" },
        4 => new JsonArray(1, "two"),
        _ => JsonValue.Create("text"),
    };

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
