using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using Npgsql;
using Xunit.Abstractions;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// Several service processes on one database against the emulator: a fleet delivering thousands of posts over ten
/// hooks through faults and per-hook rate limits, and a process killed with SIGKILL while enqueueing and delivering.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class FleetTests
{
    private readonly PostgreSqlFixture _fixture;
    private readonly ITestOutputHelper _output;

    public FleetTests(PostgreSqlFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public async Task ThreeProcessesDeliverEveryPostOnceWithinEachHooksRateThroughFaults()
    {
        var posts = int.TryParse(Environment.GetEnvironmentVariable("CARDGEN_FLEET_POSTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : 20_000;
        const int HookCount = 10;
        const int Processes = 3;
        // The emulator allows 40 posts a second per hook; the fleet shares a pace of one post per 35 ms (28.6 a second) per
        // hook, the margin absorbing posts that leave their slots late on a loaded machine.
        var limit = new RateLimit(40, TimeSpan.FromSeconds(1));
        const int IntervalMs = 35;

        var cluster = _fixture.Require();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 100 });
        var hooks = Enumerable.Range(0, HookCount).Select(i => emulator.CreateHook()).ToArray();
        for (var i = 0; i < HookCount; i++)
        {
            emulator.SetRateLimit(hooks[i].Id, limit);
            emulator.InjectFault(hooks[i].Id, FaultSpec.ServerError(503) with { Rate = 0.1, Seed = 1000 + i });
        }

        var accepted = new ConcurrentDictionary<string, int>();
        var requests = new ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>>();
        long rateLimited = 0, faulted = 0;
        using var observer = emulator.ObservePosts(post =>
        {
            requests.GetOrAdd(post.HookId, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(post.ReceivedAt);
            if (post.Verdict == PostVerdict.Accepted)
            {
                accepted.AddOrUpdate(post.Text!, 1, (_, n) => n + 1);
            }
            else if (post.Fault?.StartsWith("rate limit", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref rateLimited);
            }
            else
            {
                Interlocked.Increment(ref faulted);
            }
        });

        // The posts are stored up front, in batches, so the run measures delivery alone.
        var enqueueWatch = Stopwatch.StartNew();
        await using (var store = await StoreTests.StoreAsync(connectionString, TimeProvider.System))
        {
            for (var start = 0; start < posts; start += 500)
            {
                var batch = Enumerable.Range(start, 500)
                    .Select(n => new OutboxEntry("h" + (n % HookCount), new WebhookMessage { Text = Text(n) }.ToUtf8Json(), null, DateTimeOffset.UtcNow))
                    .ToArray();
                await store.EnqueueAsync(batch, null, 1_000_000, CancellationToken.None);
            }
        }

        enqueueWatch.Stop();
        var settings = new Dictionary<string, string>
        {
            ["CONNECTION"] = connectionString,
            ["HOOKS"] = string.Join(';', hooks.Select((h, i) => "h" + i + "=" + h.Uri.AbsoluteUri)),
            ["INTERVAL_MS"] = IntervalMs.ToString(CultureInfo.InvariantCulture),
            ["CONCURRENCY"] = "32",
            // A post waits for its pace slot within its lease, so the lease leaves room for a hook's queue of slots.
            ["LEASE_SECONDS"] = "30",
            ["UNTIL_EMPTY"] = "1",
        };

        var watch = Stopwatch.StartNew();
        var fleet = Enumerable.Range(0, Processes).Select(_ => ServiceProcess.Start(settings)).ToArray();
        try
        {
            var finished = Task.WhenAll(fleet.Select(p => p.WaitForExitAsync(TimeSpan.FromMinutes(5))));
            while (await Task.WhenAny(finished, Task.Delay(TimeSpan.FromSeconds(10))) != finished)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fleet after {watch.Elapsed.TotalSeconds:F0} s: {accepted.Count} delivered, {faulted} 503s, {rateLimited} 429s."));
            }

            var exits = await finished;
            watch.Stop();
            for (var i = 0; i < Processes; i++)
            {
                Assert.True(exits[i] == 0, $"Process {i} exited with {exits[i]}:{Environment.NewLine}{fleet[i].Output}");
            }
        }
        finally
        {
            foreach (var process in fleet)
            {
                await process.DisposeAsync();
            }
        }

        var lost = Enumerable.Range(0, posts).Count(n => !accepted.ContainsKey(Text(n)));
        var duplicated = accepted.Values.Sum(n => n - 1);
        var deadLetters = await ScalarAsync(connectionString, "SELECT count(*) FROM cardgen_outbox WHERE state = 2");
        var total = requests.Values.Sum(q => q.Count);
        var busiest = requests.Values.Max(q => MostInAnyWindow(q, limit.Window));
        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"Fleet: {posts} posts over {HookCount} hooks by {Processes} processes in {watch.Elapsed.TotalSeconds:F1} s ({posts / watch.Elapsed.TotalSeconds:F0} posts/s; enqueued in {enqueueWatch.Elapsed.TotalSeconds:F1} s): {accepted.Count} delivered, {lost} lost, {duplicated} duplicated, {faulted} injected 503s retried, {rateLimited} rate-limit 429s retried (limit {limit.Requests}/s per hook, pace {IntervalMs} ms; {total} requests, at most {busiest} to one hook in any second), {deadLetters} dead letters.");
        _output.WriteLine(figures);
        Console.WriteLine(figures);

        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        // The limit holds: the fleet's pace keeps every hook under it, and the rare post that still met a 429 (it left its
        // slot late on a starved CPU and bunched with the next ones) was counted and delivered later, not lost.
        Assert.InRange(rateLimited, 0, total / 100);
        Assert.Equal(0L, deadLetters);
        Assert.InRange(faulted, posts / 20, posts / 5);   // the 10% faults did happen, and were retried
    }

    [SkippableFact]
    public async Task AProcessKilledWhileEnqueueingAndDeliveringLosesNoAcknowledgedPost()
    {
        const int Posts = 5_000;
        var cluster = _fixture.Require();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 100 });
        var hooks = Enumerable.Range(0, 2).Select(_ => emulator.CreateHook()).ToArray();
        foreach (var hook in hooks)
        {
            // Each answer takes 50 ms, so the process has posts in flight (sent, not yet recorded) when it is killed.
            emulator.InjectFault(hook.Id, FaultSpec.Delayed(TimeSpan.FromMilliseconds(50)));
        }

        var accepted = new ConcurrentDictionary<string, int>();
        using var observer = emulator.ObservePosts(post =>
        {
            if (post.Verdict == PostVerdict.Accepted)
            {
                accepted.AddOrUpdate(post.Text!, 1, (_, n) => n + 1);
            }
        });

        var settings = new Dictionary<string, string>
        {
            ["CONNECTION"] = connectionString,
            ["HOOKS"] = string.Join(';', hooks.Select((h, i) => "h" + i + "=" + h.Uri.AbsoluteUri)),
            ["ENQUEUE"] = Posts.ToString(CultureInfo.InvariantCulture),
            ["LEASE_SECONDS"] = "6",
            ["TIMEOUT_SECONDS"] = "3",
        };

        IReadOnlyCollection<long> acknowledged;
        long inFlight, deliveredBeforeKill;
        await using (var first = ServiceProcess.Start(settings))
        {
            await first.WaitStartedAsync(TimeSpan.FromSeconds(60));
            await first.WaitAcknowledgedAsync(Posts / 2, TimeSpan.FromSeconds(120));
            deliveredBeforeKill = accepted.Count;
            await first.KillAsync();
            acknowledged = first.Acknowledged.ToArray();
        }

        // What the dead process held: posts it had claimed and may have sent without recording it.
        inFlight = await ScalarAsync(connectionString, "SELECT count(*) FROM cardgen_outbox WHERE state = 0 AND lease_owner IS NOT NULL");
        Assert.True(deliveredBeforeKill > 0, "Nothing was delivered before the kill, so the kill was not mid-delivery.");
        Assert.True(acknowledged.Count < Posts, "Every post was acknowledged before the kill, so the kill was not mid-enqueue.");

        var watch = Stopwatch.StartNew();
        await using (var second = ServiceProcess.Start(new Dictionary<string, string>(settings) { ["ENQUEUE"] = "0", ["UNTIL_EMPTY"] = "1" }))
        {
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        }

        var missing = acknowledged.Count(n => !accepted.ContainsKey(Text(n)));
        var duplicates = accepted.Values.Sum(n => n - 1);
        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"Crash: {acknowledged.Count} of {Posts} posts acknowledged and {deliveredBeforeKill} delivered when the process was killed, {inFlight} leased to it; after the restart ({watch.Elapsed.TotalSeconds:F1} s) {accepted.Count} delivered, {missing} acknowledged posts missing, {duplicates} duplicates.");
        _output.WriteLine(figures);
        Console.WriteLine(figures);
        Assert.Equal(0, missing);
        Assert.InRange(duplicates, 0, inFlight);
        // A post sent but not yet recorded still holds one of the process's sending slots (the host's CONCURRENCY, 16).
        Assert.InRange(duplicates, 0, 16);
    }

    /// <summary>The most requests in any window of <paramref name="window"/>, over the times they arrived.</summary>
    private static int MostInAnyWindow(IEnumerable<DateTimeOffset> arrivals, TimeSpan window)
    {
        var times = arrivals.OrderBy(t => t).ToArray();
        var most = 0;
        for (int first = 0, last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    private static string Text(long n) => string.Create(CultureInfo.InvariantCulture, $"post-{n}");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
