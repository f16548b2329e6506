using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;
using Xunit.Abstractions;

namespace CardGen.Emulator.Tests.Load;

/// <summary>
/// A bounded load test on loopback: 20,000 posts from 32 concurrent clients against the in-process emulator, with
/// about 10% of the requests meeting an injected fault (429 with <c>Retry-After: 0</c>, 503, dropped connections).
/// Every post must end either accepted exactly once or reported failed to its caller, and the emulator's memory
/// must not grow with the number of posts. Throughput and latency are printed and written to
/// artifacts/emulator/load.txt; they are measurements, not assertions.
/// </summary>
[Collection(nameof(EmulatorLoadTests))]
public sealed class EmulatorLoadTests
{
    private const int TotalPosts = 20_000;
    private const int Clients = 32;
    private const int Seed = 20261127;

    /// <summary>
    /// Managed heap growth allowed between 10,000 and 20,000 posts. The store keeps 1,000 posts (about 1.4 MB here); were it
    /// to keep every post, the heap would grow by about 20 MB over those 10,000 posts.
    /// </summary>
    private const long HeapGrowthBound = 6L * 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public EmulatorLoadTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TwentyThousandPostsWithInjectedFaultsAreEachAcceptedOnceOrReportedFailed()
    {
        var options = new HookEmulatorOptions { RandomSeed = Seed };
        var hookId = options.DefaultHookId;

        // Faults are tried in order and the first that strikes wins: 4% + 96% x 3.1% + 93% x 3.2% is 10% of requests.
        options.Faults[hookId] = new List<FaultSpec>
        {
            FaultSpec.TooManyRequests(TimeSpan.Zero) with { Rate = 0.04, Seed = Seed + 1 },
            FaultSpec.ServerError(503) with { Rate = 0.031, Seed = Seed + 2 },
            FaultSpec.Drop() with { Rate = 0.032, Seed = Seed + 3 },
        };
        await using var emulator = await HookEmulator.StartAsync(options);

        // The store keeps only the last MaxRecordedPosts (1,000) posts, which is what keeps memory bounded; every
        // accepted post is counted by its id as the emulator records it.
        var acceptedById = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var observed = 0L;
        using var observer = emulator.ObservePosts(post =>
        {
            Interlocked.Increment(ref observed);
            if (post.Verdict == PostVerdict.Accepted && post.Text is { } id)
            {
                acceptedById.AddOrUpdate(id, 1, static (_, n) => n + 1);
            }
        });

        var outcomes = new Outcome[TotalPosts];
        var latencies = new double[TotalPosts];
        var clients = Enumerable.Range(0, Clients).Select(_ => new ChatHookClient(new ChatHookClientOptions
        {
            Retry = { MaxRetryAttempts = 7, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
            AttemptTimeout = { Timeout = TimeSpan.FromSeconds(30) },
        })).ToArray();

        long heapAtHalf;
        var clock = Stopwatch.StartNew();
        try
        {
            await RunAsync(clients, emulator.DefaultHook, 0, TotalPosts / 2, outcomes, latencies);
            var firstHalf = clock.Elapsed;
            heapAtHalf = HeapAfterFullCollection();
            var pause = clock.Elapsed - firstHalf;
            await RunAsync(clients, emulator.DefaultHook, TotalPosts / 2, TotalPosts, outcomes, latencies);
            clock.Stop();
            var busy = clock.Elapsed - pause;
            var heapAtEnd = HeapAfterFullCollection();

            // ---- every post accounted for ----
            Assert.All(outcomes, o => Assert.NotNull(o));
            var succeeded = outcomes.Where(o => o.Succeeded).ToList();
            var failed = outcomes.Where(o => !o.Succeeded).ToList();
            var problems = new List<string>();
            foreach (var outcome in outcomes)
            {
                var times = acceptedById.GetValueOrDefault(outcome.Id);
                if (outcome.Succeeded && times != 1)
                {
                    problems.Add($"{outcome.Id}: the caller was told it succeeded, the emulator accepted it {times} time(s)");
                }
                else if (!outcome.Succeeded && times != 0)
                {
                    problems.Add($"{outcome.Id}: the caller was told it failed ({outcome.Failure}), the emulator accepted it {times} time(s)");
                }
            }

            Assert.True(problems.Count == 0, $"{problems.Count} post(s) lost or duplicated:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(20))}");
            Assert.Equal(TotalPosts, acceptedById.Keys.Count + failed.Count);
            Assert.Equal(succeeded.Count, emulator.AcceptedPosts);
            Assert.Equal(0, emulator.RejectedPosts);
            Assert.Equal(emulator.TotalPosts, Interlocked.Read(ref observed));

            // Every attempt a caller made reached the emulator; HttpClient may also re-send on its own once a reused
            // connection is dropped before any answer, so the emulator can see more requests than the callers count.
            var attempts = outcomes.Sum(o => (long)o.Attempts);
            Assert.True(emulator.TotalPosts >= attempts, $"The callers made {attempts} attempts, the emulator saw {emulator.TotalPosts}.");

            // The faults really were injected at about the rate asked for, and each kind reached the callers.
            var faultShare = (double)emulator.FaultedPosts / emulator.TotalPosts;
            Assert.InRange(faultShare, 0.07, 0.13);
            Assert.Contains(failed, o => o.Failure == nameof(ChatHookFailure.ServerError));
            Assert.Contains(failed, o => o.Failure == nameof(ChatHookFailure.Network));
            Assert.Contains(succeeded, o => o.Attempts > 1);

            // ---- memory stays bounded ----
            Assert.True(emulator.Posts.Count <= options.MaxRecordedPosts, $"{emulator.Posts.Count} posts recorded, more than {options.MaxRecordedPosts}.");
            Assert.True(emulator.RecordedBytes <= options.MaxRecordedBytes);
            var growth = heapAtEnd - heapAtHalf;
            Assert.True(growth < HeapGrowthBound, $"The managed heap grew by {Mb(growth)} between {TotalPosts / 2:N0} and {TotalPosts:N0} posts (bound {Mb(HeapGrowthBound)}).");

            // ---- the figures ----
            var sorted = latencies.Order().ToArray();
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Emulator load test: {TotalPosts:N0} posts from {Clients} concurrent clients (one ChatHookClient each) over loopback, {Environment.ProcessorCount} cores")
                .AppendLine(CultureInfo.InvariantCulture, $"faults injected on {emulator.FaultedPosts:N0} of {emulator.TotalPosts:N0} requests ({faultShare:P1}): 429 with Retry-After 0 (retried), 503 and dropped connections (not retried: reported failed); the callers counted {attempts:N0} attempts")
                .AppendLine(CultureInfo.InvariantCulture, $"outcome: {succeeded.Count:N0} accepted exactly once, {failed.Count:N0} reported failed ({Breakdown(failed)}), 0 lost, 0 duplicated; {succeeded.Count(o => o.Attempts > 1):N0} succeeded after a 429")
                .AppendLine(CultureInfo.InvariantCulture, $"throughput: {TotalPosts / busy.TotalSeconds:N0} posts/s ({busy.TotalSeconds:N2} s for all posts)")
                .AppendLine(CultureInfo.InvariantCulture, $"latency per post, retries included: p50 {Percentile(sorted, 0.50):N2} ms, p99 {Percentile(sorted, 0.99):N2} ms, max {sorted[^1]:N2} ms")
                .AppendLine(CultureInfo.InvariantCulture, $"managed heap after a full GC: {Mb(heapAtHalf)} at {TotalPosts / 2:N0} posts, {Mb(heapAtEnd)} at {TotalPosts:N0} (growth {Mb(growth)}, bound {Mb(HeapGrowthBound)}); store: {emulator.Posts.Count:N0} posts, {Mb(emulator.RecordedBytes)}")
                .ToString();
            _output.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts("emulator"), "load.txt"), report);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Posts numbers [from, to) from every client at once; each client takes the next number when it is free.</summary>
    private static async Task RunAsync(ChatHookClient[] clients, WebhookUrl hook, int from, int to, Outcome[] outcomes, double[] latencies)
    {
        var next = from - 1;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < to)
            {
                var id = "load-" + n.ToString("D5", CultureInfo.InvariantCulture);
                var message = Message(id, n);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.PostAsync(hook, message, limit.Token);
                    outcomes[n] = new Outcome(id, true, response.Attempts, null);
                }
                catch (ChatHookException e)
                {
                    outcomes[n] = new Outcome(id, false, e.Attempts, e.Failure.ToString());
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
    }

    /// <summary>A small card message whose <c>text</c> is the post's unique id, which the card repeats.</summary>
    private static WebhookMessage Message(string id, int n)
    {
        var card = new AdaptiveCard(CardVersion.V1_3)
        {
            FallbackText = "Load test post " + id,
            Body =
            {
                new TextBlock("Load test post " + id) { Weight = FontWeight.Bolder, Wrap = true },
                new FactSet(new Fact("Id", id), new Fact("Number", n.ToString(CultureInfo.InvariantCulture))),
            },
        };
        var message = WebhookMessage.ForCard(card, activity: "Load test");
        message.Text = id;
        return message;
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Breakdown(List<Outcome> failed)
        => failed.Count == 0 ? "none" : string.Join(", ", failed.GroupBy(o => o.Failure).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count():N0} {g.Key}"));

    private sealed record Outcome(string Id, bool Succeeded, int Attempts, string? Failure);
}

/// <summary>The load test runs on its own, after the other tests: its heap figures and timings would include theirs.</summary>
[CollectionDefinition(nameof(EmulatorLoadTests), DisableParallelization = true)]
public sealed class EmulatorLoadIsolation
{
}
