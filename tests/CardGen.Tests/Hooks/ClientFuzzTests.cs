using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CardGen.Tests.Hooks;

/// <summary>
/// Posts to a loopback server that answers each post with a generated answer (<see cref="ClientFuzzCases"/>), and
/// asserts that every post ends as a <see cref="ChatHookResponse"/> or a <see cref="ChatHookException"/> (nothing
/// else escapes, nothing hangs), that the outcome agrees with the answer where the answer decides it, that no
/// redirect is followed, and that no exception text, <c>ToString()</c> or log line holds the webhook id.
/// </summary>
/// <remarks>
/// Deterministic: iteration <c>i</c> of seed <c>s</c> always produces the same answer. Replay one with
/// <c>CARDGEN_CLIENT_FUZZ_SEED=s CARDGEN_CLIENT_FUZZ_ITERATION=i dotnet test tests/CardGen.Tests -c Release --filter FullyQualifiedName~ClientFuzz</c>;
/// <c>CARDGEN_CLIENT_FUZZ_ITERATIONS</c> runs more than the default. Each post makes one attempt, and its timeout
/// runs on a fake clock that the test advances only when the server stalls on purpose, so no case waits in real
/// time. The counts by outcome are written to <c>artifacts/fuzz/client.txt</c>. A slice of the redirect answers is
/// also posted through an HttpClient that follows redirects, as a caller's may.
/// </remarks>
public sealed class ClientFuzzTests
{
    private const int DefaultSeed = 20261010;

    private const int MinimumCases = 2000;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Real time a case may take before it counts as a hang.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    /// <summary>Outcomes a run of the default size must have produced, or the generator has stopped reaching them.</summary>
    private static readonly string[] ExpectedOutcomes =
    {
        "response", "HostError delivered=false", "RateLimited delivered=false", "ServerError delivered=true",
        "Timeout delivered=true", "Network delivered=true", "UnexpectedResponse delivered=true", "UnexpectedResponse delivered=false",
    };

    private readonly ITestOutputHelper _output;

    public ClientFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_generated_answer_ends_as_a_response_or_a_ChatHookException_without_the_id()
    {
        // Never fewer cases than the minimum: more with CARDGEN_CLIENT_FUZZ_ITERATIONS.
        var fuzz = FuzzRun.FromEnvironment("CARDGEN_CLIENT_FUZZ", DefaultSeed, MinimumCases);
        var (seed, only) = (fuzz.Seed, fuzz.Only);
        var iterations = only is int single ? new[] { single } : Enumerable.Range(0, Math.Max(MinimumCases, fuzz.Count)).ToArray();

        // Redirects point here; the client must never connect to it.
        await using var target = RawHttpServer.Start(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"OK\"}");
            exchange.Close();
        });
        var live = new ConcurrentDictionary<string, (ClientFuzzCase Case, TaskCompletionSource Stalled)>(StringComparer.Ordinal);
        await using var host = RawHttpServer.Start(exchange => ServeAsync(exchange, live));

        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(ClientFuzzCase Case, string Problem)>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(iterations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (iteration, _) =>
        {
            var id = IdFor(seed, iteration);
            var fuzzCase = ClientFuzzCases.Generate(seed, iteration, id, target.Origin);
            kinds.AddOrUpdate(fuzzCase.Kind, 1, (_, n) => n + 1);
            var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            live[id] = (fuzzCase, stalled);
            try
            {
                var (outcome, problems) = await PostAsync(fuzzCase, id, host.Origin, stalled.Task);
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                foreach (var problem in problems)
                {
                    failures.Add((fuzzCase, problem));
                }
            }
            finally
            {
                live.TryRemove(id, out var _);
            }
        });
        clock.Stop();

        var notV2 = host.Received.Where(r => !r.Path.StartsWith("/webhook/v2/", StringComparison.Ordinal)).Select(r => r.Path).ToArray();
        var report = Report(seed, iterations.Length, clock.Elapsed, outcomes, kinds, target.Accepted, host.Received.Count);
        _output.WriteLine(report);
        if (only is null)
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Artifacts("fuzz"), "client.txt"), report);
        }

        Assert.True(failures.IsEmpty, Failures(seed, failures));
        Assert.Equal(0, target.Accepted);
        Assert.Empty(notV2);
        Assert.Equal(iterations.Length, outcomes.Values.Sum());
        if (only is null)
        {
            Assert.True(iterations.Length >= MinimumCases, $"only {iterations.Length} cases ran");
            Assert.Equal(iterations.Length, host.Received.Count); // every post reached the server, once
            var missing = ExpectedOutcomes.Where(o => !outcomes.ContainsKey(o)).ToArray();
            Assert.True(missing.Length == 0, $"no case ended as {string.Join(", ", missing)}:\n{report}");
        }
    }

    /// <summary>
    /// The redirect answers of the default run, posted through an HttpClient of the caller's that follows redirects,
    /// the way the docs warn about: the client's own HttpClient follows none, so the main run cannot show what the
    /// client does when one is followed. Asserts what the docs promise: never a success; a redirect that was followed
    /// is reported as such (the target may have received the post, and whether it may have been delivered follows
    /// from the method that arrived there and the target's answer); one that was not followed delivered nothing; and
    /// the client's own text never shows the id.
    /// </summary>
    [Fact]
    public async Task Redirects_followed_by_a_caller_HttpClient_are_reported_as_the_docs_say()
    {
        const int Slice = 100;
        var fuzz = FuzzRun.FromEnvironment("CARDGEN_CLIENT_FUZZ", DefaultSeed, MinimumCases);
        var seed = fuzz.Seed;
        var cases = (fuzz.Only is int only ? new[] { only } : Enumerable.Range(0, 20 * MinimumCases))
            .Select(i => ClientFuzzCases.Generate(seed, i, IdFor(seed, i), "http://127.0.0.1:1"))
            .Where(c => c.Kind == "redirect")
            .Take(Slice)
            .Select(c => c.Iteration)
            .ToList();

        await using var target = RawHttpServer.Start(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"OK\"}");
            exchange.Close();
        });
        var live = new ConcurrentDictionary<string, (ClientFuzzCase Case, TaskCompletionSource Stalled)>(StringComparer.Ordinal);
        await using var host = RawHttpServer.Start(async exchange =>
        {
            if (live.ContainsKey(exchange.Request.Path.Split('/')[^1]))
            {
                await ServeAsync(exchange, live);
                return;
            }

            // A redirect to another path of the host ("/elsewhere") reaches no webhook.
            await exchange.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 48\r\nConnection: close\r\n\r\n{\"status\":\"error\",\"error\":\"Webhook not found!\"}");
            exchange.Close();
        });

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<(ClientFuzzCase Case, string Problem)>();
        foreach (var iteration in cases)
        {
            // One at a time, so what the target received belongs to this case.
            var id = IdFor(seed, iteration);
            var fuzzCase = ClientFuzzCases.Generate(seed, iteration, id, target.Origin);
            live[id] = (fuzzCase, new TaskCompletionSource());
            var before = target.Received.Count;
            ChatHookException? failure = null;
            var (outcome, problems) = await PostAsync(fuzzCase, id, host.Origin, new TaskCompletionSource().Task, http, e => failure = e);
            live.TryRemove(id, out _);
            var received = target.Received.Skip(before).ToList();

            var expected = ExpectedAfterRedirect(fuzzCase, host.Origin, target.Origin);
            outcomes[$"{expected.Name}: {outcome}"] = outcomes.GetValueOrDefault($"{expected.Name}: {outcome}") + 1;
            problems.AddRange(RedirectProblems(expected, failure, received));
            failures.AddRange(problems.Select(p => (fuzzCase, p)));
        }

        var report = string.Join("\n", outcomes.Select(o => $"  {o.Key}: {o.Value}"));
        _output.WriteLine($"{cases.Count} redirect answers through an HttpClient that follows redirects:\n{report}");
        Assert.True(failures.Count == 0, Failures(seed, failures) + "\n" + report);
        if (fuzz.IsReplay)
        {
            return; // a replayed redirect case ran (or the case replayed is not a redirect, and the main run covers it)
        }

        Assert.Equal(Slice, cases.Count);
        foreach (var name in new[] { "re-posted to the target", "followed as a GET to the target", "followed to the host's other path", "not followed" })
        {
            Assert.True(outcomes.Keys.Any(k => k.StartsWith(name + ":", StringComparison.Ordinal)), $"no case was {name}:\n{report}");
        }
    }

    [Fact]
    public void Answers_are_reproducible_from_the_seed_and_iteration()
    {
        var id = IdFor(7, 123);
        var first = ClientFuzzCases.Generate(7, 123, id, "http://127.0.0.1:9");
        var again = ClientFuzzCases.Generate(7, 123, id, "http://127.0.0.1:9");
        Assert.Equal(first.Response, again.Response);
        Assert.Equal(first.Kind, again.Kind);

        // And different iterations differ: the run is not one answer 2,000 times.
        var distinct = Enumerable.Range(0, 200).Select(i => Convert.ToBase64String(ClientFuzzCases.Generate(7, i, IdFor(7, 0), "http://127.0.0.1:9").Response)).Distinct().Count();
        Assert.True(distinct > 150, $"{distinct} distinct answers in 200");
        Assert.True(WebhookUrl.IsValidId(id));
    }

    /// <summary>A webhook id per case, so the server knows which answer to give and the test which id must not leak.</summary>
    private static string IdFor(int seed, int iteration) => $"fuzz{unchecked((uint)seed):x8}case{iteration:D8}";

    private static async Task ServeAsync(RawExchange exchange, ConcurrentDictionary<string, (ClientFuzzCase Case, TaskCompletionSource Stalled)> live)
    {
        var id = exchange.Request.Path.Split('/')[^1];
        if (!live.TryGetValue(id, out var entry))
        {
            exchange.Reset();
            return;
        }

        await exchange.WriteAsync(entry.Case.Response);
        switch (entry.Case.Ending)
        {
            case FuzzEnding.Reset:
                exchange.Reset();
                break;
            case FuzzEnding.Stall:
                entry.Stalled.TrySetResult();
                await exchange.StallAsync();
                break;
            default:
                exchange.Close();
                break;
        }
    }

    /// <summary>Posts once, and returns the outcome's name and whatever about it breaks a promise.</summary>
    private static async Task<(string Outcome, List<string> Problems)> PostAsync(ClientFuzzCase fuzzCase, string id, string origin, Task stalled, HttpClient? http = null, Action<ChatHookException>? failed = null)
    {
        var problems = new List<string>();
        var logger = new CapturingLogger();
        var time = new FakeTimeProvider();
        var options = new ChatHookClientOptions { Logger = logger, Retry = { MaxRetryAttempts = 0 }, AttemptTimeout = { Timeout = AttemptTimeout }, TimeProvider = time };
        using var client = http is null ? new ChatHookClient(options) : new ChatHookClient(http, options);

        // A third of the posts give the legacy v1 URL; every one must still arrive on the v2 route.
        var url = WebhookUrl.Parse(fuzzCase.Iteration % 3 == 0 ? $"{origin}/webhook/{id}" : $"{origin}/webhook/v2/{id}");
        var post = fuzzCase.Iteration % 2 == 0
            ? client.PostAsync(url, new AdaptiveCard(CardVersion.V1_3) { FallbackText = "Build failed", Body = { new TextBlock("Build failed") { Wrap = true } } })
            : client.PostAsync(url, new WebhookMessage { Text = "Build **failed**" });

        using var watchdog = new CancellationTokenSource(Watchdog);
        string outcome;
        try
        {
            // Only a case that stalls on purpose needs the attempt's timeout: move the fake clock past it.
            if (await Task.WhenAny(post, stalled.WaitAsync(watchdog.Token)) != post && stalled.IsCompletedSuccessfully)
            {
                time.Advance(AttemptTimeout);
            }

            var response = await post.WaitAsync(watchdog.Token);
            outcome = "response";
            Leaks(problems, id, "ChatHookResponse.ToString()", response.ToString());
            if (response.StatusCode is < 200 or >= 300 || (fuzzCase.Status is int status && status != response.StatusCode))
            {
                problems.Add($"a success with HTTP {response.StatusCode} for an answer with HTTP {fuzzCase.Status?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            }

            if (fuzzCase.IsRedirect || fuzzCase.Ending == FuzzEnding.Stall)
            {
                problems.Add($"a success for a {fuzzCase.Kind} answer");
            }

            if (!logger.Entries.Any(e => e.EventName == "Posted"))
            {
                problems.Add("a success that was not logged");
            }
        }
        catch (ChatHookException e)
        {
            outcome = $"{e.Failure} delivered={(e.MayHaveBeenDelivered ? "true" : "false")}";
            Check(problems, fuzzCase, e);
            failed?.Invoke(e);
            Leaks(problems, id, "Message", e.Message);
            Leaks(problems, id, "ToString()", e.ToString());
            Leaks(problems, id, "Error", e.Error);
            Leaks(problems, id, "Validation", string.Join("\n", e.Validation));
            Leaks(problems, id, "WebhookUrl", e.WebhookUrl);
            if (!logger.Entries.Any(x => x.EventName == "Failed"))
            {
                problems.Add("a failure that was not logged");
            }
        }
        catch (OperationCanceledException) when (!post.IsCompleted)
        {
            outcome = "hang";
            problems.Add($"no outcome within {Watchdog.TotalSeconds:0} s of real time");
        }
        catch (Exception e)
        {
            outcome = "escaped " + e.GetType().Name;
            problems.Add($"{e.GetType().FullName} escaped: {e}");
        }

        foreach (var entry in logger.Entries)
        {
            Leaks(problems, id, $"log line {entry.EventName}", entry.AllText);
        }

        return (outcome, problems);
    }

    /// <summary>What the answer decides about the failure, whatever else happened on the way.</summary>
    private static void Check(List<string> problems, ClientFuzzCase fuzzCase, ChatHookException e)
    {
        if (e.Attempts != 1)
        {
            problems.Add($"{e.Attempts} attempts with MaxAttempts 1");
        }

        if (e.Failure is ChatHookFailure.HostError or ChatHookFailure.RateLimited && e.MayHaveBeenDelivered)
        {
            problems.Add($"{e.Failure} says the message may have been delivered");
        }

        if (e.Failure is ChatHookFailure.ServerError or ChatHookFailure.Timeout && !e.MayHaveBeenDelivered)
        {
            problems.Add($"{e.Failure} says the message was certainly not delivered");
        }

        if (e.Failure is ChatHookFailure.HostError or ChatHookFailure.RateLimited or ChatHookFailure.ServerError && e.StatusCode is null)
        {
            problems.Add($"{e.Failure} without a status code");
        }

        if ((e.Failure == ChatHookFailure.Timeout) != (fuzzCase.Ending == FuzzEnding.Stall))
        {
            problems.Add($"{e.Failure} for an answer that ends with {fuzzCase.Ending}");
        }

        if (fuzzCase.IsRedirect && e.Failure == ChatHookFailure.UnexpectedResponse && e.StatusCode is >= 300 and < 400 && e.MayHaveBeenDelivered)
        {
            problems.Add("a redirect that was not followed says the message may have been delivered");
        }

        if (e.Failure == ChatHookFailure.Network && e.MayHaveBeenDelivered == false)
        {
            problems.Add("a network failure after the server read the request says the message was certainly not delivered");
        }
    }

    /// <summary>Where a redirect answer leads an HttpClient that follows redirects, and what the client must report then.</summary>
    private static (string Name, bool Followed, string? Method, bool Delivered, int Status) ExpectedAfterRedirect(ClientFuzzCase fuzzCase, string host, string target)
    {
        var status = fuzzCase.Status!.Value;
        var location = fuzzCase.Location is { } written && Uri.TryCreate(new Uri(host + "/webhook/v2/x"), written, out var resolved) && resolved.Scheme == Uri.UriSchemeHttp
            ? resolved
            : null;
        if (location is null)
        {
            return ("not followed", false, null, false, status);
        }

        // 307 and 308 keep the POST and its body; 301, 302 and 303 turn a POST into a GET.
        var reposted = status is 307 or 308;
        if (location.GetLeftPart(UriPartial.Authority) == target)
        {
            return (reposted ? "re-posted to the target" : "followed as a GET to the target", true, reposted ? "POST" : "GET", reposted, 200);
        }

        return ("followed to the host's other path", true, null, false, 404);
    }

    private static IEnumerable<string> RedirectProblems((string Name, bool Followed, string? Method, bool Delivered, int Status) expected, ChatHookException? e, List<RawRequest> received)
    {
        if (e is null)
        {
            yield return $"{expected.Name}: the post did not end as a ChatHookException";
            yield break;
        }

        if (e.Failure != ChatHookFailure.UnexpectedResponse || e.MayHaveBeenDelivered != expected.Delivered || e.StatusCode != expected.Status)
        {
            yield return $"{expected.Name}: expected UnexpectedResponse, HTTP {expected.Status}, delivered={expected.Delivered}; got {e.Failure}, HTTP {e.StatusCode}, delivered={e.MayHaveBeenDelivered}: {e.Message}";
        }

        var says = expected.Followed ? "followed a redirect" : "a redirect; webhook posts are not redirected";
        if (!e.Message.Contains(says, StringComparison.Ordinal))
        {
            yield return $"{expected.Name}: the message does not say '{says}': {e.Message}";
        }

        var arrived = expected.Method is null ? 0 : 1;
        if (received.Count != arrived || (arrived == 1 && received[0].Method != expected.Method))
        {
            yield return $"{expected.Name}: the target received [{string.Join(", ", received.Select(r => r.Method + " " + r.Path))}], expected {(arrived == 0 ? "nothing" : expected.Method)}";
        }
        else if (arrived == 1 && (received[0].Body.Length > 0) != (expected.Method == "POST"))
        {
            yield return $"{expected.Name}: the target received a {received[0].Method} with {received[0].Body.Length} bytes of body";
        }
    }

    private static void Leaks(List<string> problems, string id, string where, string? text)
    {
        // The id in any form a host could echo it in (escaped, encoded, cut), not only as is.
        if (SecretEcho.Find(text, id) is { } echo)
        {
            problems.Add($"{where} shows the webhook id ('{echo}' of it): {text}");
        }
    }

    private static string Report(int seed, int cases, TimeSpan elapsed, IDictionary<string, int> outcomes, IDictionary<string, int> kinds, int redirectTargetConnections, int requests)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Client fuzz: seed {seed}, {cases} cases, {requests} requests received, {elapsed.TotalSeconds:0.0} s\n");
        text.Append("Run alone: dotnet test tests/CardGen.Tests -c Release --filter FullyQualifiedName~ClientFuzz\n");
        text.Append(CultureInfo.InvariantCulture, $"Connections to the redirect target: {redirectTargetConnections}\n");
        text.Append("Outcomes:\n");
        foreach (var (name, n) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {n}\n");
        }

        text.Append("Answers by kind:\n");
        foreach (var (name, n) in kinds.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {n}\n");
        }

        return text.ToString();
    }

    private static string Failures(int seed, IEnumerable<(ClientFuzzCase Case, string Problem)> failures)
    {
        var all = failures.OrderBy(f => f.Case.Iteration).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{all.Length} problem(s) in {all.Select(f => f.Case.Iteration).Distinct().Count()} case(s) of seed {seed}. ");
        text.Append(CultureInfo.InvariantCulture, $"Replay one with CARDGEN_CLIENT_FUZZ_SEED={seed} CARDGEN_CLIENT_FUZZ_ITERATION=<iteration>.\n");
        foreach (var group in all.GroupBy(f => f.Case.Iteration).Take(8))
        {
            var fuzzCase = group.First().Case;
            text.Append(CultureInfo.InvariantCulture, $"\n=== seed {seed}, iteration {fuzzCase.Iteration} ===\n");
            foreach (var (_, problem) in group)
            {
                text.Append(problem.Length > 2000 ? problem[..2000] + "…" : problem).Append('\n');
            }

            text.Append("--- answer ---\n").Append(fuzzCase.Describe()).Append('\n');
        }

        return text.ToString();
    }
}
