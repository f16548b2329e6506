using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using CardGen.Outbox.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CardGen.Outbox.Tests;

/// <summary>
/// The outbox in a generic host, on a real SQLite file, delivering to the real emulator over HTTP with injected faults:
/// what is delivered, rescheduled, dead-lettered, given back at shutdown, and refused at enqueue.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private readonly string _folder = TempFolder.Create();
    private HookEmulator _emulator = null!;

    private string File => Path.Combine(_folder, "outbox.db");

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(_folder);
    }

    private Task<OutboxHost> StartAsync(Action<ChatOutboxOptions>? outbox = null, Action<ChatHookClientOptions>? client = null, string? hookId = null)
        => OutboxHost.StartAsync(File, hooks => hooks.AddHook("builds", _emulator.GetUrl(hookId ?? _emulator.DefaultHookId), client), outbox);

    private static WebhookMessage Message(string text) => new() { Text = text };

    [Fact]
    public async Task Enqueued_posts_are_delivered_byte_for_byte_as_a_direct_post_and_leave_the_queue()
    {
        await using var host = await StartAsync();

        var ids = new List<OutboxPostId>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await host.Hooks.EnqueueAsync("builds", Message($"queued {i}")));
        }

        ids.Add(await BuildFailed.Sample().EnqueuePostAsync(host.Hooks, "BUILDS"));
        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 21, "the emulator accepted 21 posts");

        Assert.Equal(21, ids.Distinct().Count());
        await OutboxHost.UntilAsync(() => host.Rows(0) == 0, "the outbox holds nothing pending");
        Assert.Equal(21, host.Rows(1));
        var queued = _emulator.Posts.Single(p => p.Body.Contains("attachments", StringComparison.Ordinal));

        // The same card posted directly: the outbox stored and posted exactly the body PostAsync sends.
        _emulator.ClearPosts();
        await BuildFailed.Sample().PostToHookAsync(host.Hooks, "builds");
        Assert.Equal(_emulator.Posts.Single().Body, queued.Body);
        Assert.Equal(0, _emulator.FaultedPosts + _emulator.RejectedPosts);
        var statistics = await host.Outbox.GetStatisticsAsync();
        Assert.Equal(0, statistics.Pending);
        Assert.Null(statistics.OldestPendingEnqueuedAt);
    }

    [Fact]
    public async Task A_rate_limited_post_is_rescheduled_and_then_delivered()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.Zero) with { Count = 2 });
        await using var host = await StartAsync();

        await host.Hooks.EnqueueAsync("builds", Message("after two 429s"));

        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 1, "the post was delivered");
        Assert.Equal(2, _emulator.FaultedPosts);
        Assert.Equal(3, _emulator.TotalPosts);
        Assert.Empty(await host.Outbox.ListDeadLettersAsync());
    }

    [Fact]
    public async Task A_post_the_host_refuses_goes_to_the_dead_letters_with_the_reason_after_one_request()
    {
        var hook = _emulator.CreateHook();
        _emulator.DeleteHook(hook.Id);
        await using var host = await StartAsync(hookId: hook.Id);

        var id = await host.Hooks.EnqueueAsync("builds", Message("to a deleted hook"));

        var letter = await SingleDeadLetterAsync(host);
        Assert.Equal(id, letter.Id);
        Assert.Equal("builds", letter.HookName);
        Assert.Equal(1, letter.Attempts);
        Assert.StartsWith("The host refused the post: HostError", letter.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(hook.Id, letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.TotalPosts);
    }

    [Theory]
    [InlineData("503")]
    [InlineData("drop")]
    public async Task An_ambiguous_failure_goes_to_the_dead_letters_when_the_hook_does_not_allow_resending(string fault)
    {
        _emulator.InjectFault(_emulator.DefaultHookId, (fault == "503" ? FaultSpec.ServerError(503) : FaultSpec.Drop()) with { Count = 1 });
        await using var host = await StartAsync();

        var id = await host.Hooks.EnqueueAsync("builds", Message("maybe delivered"));

        var letter = await SingleDeadLetterAsync(host);
        Assert.Equal(id, letter.Id);
        Assert.Contains(fault == "503" ? "ServerError (HTTP 503)" : "Network", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("may have been delivered", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("Retry.RetryServerErrors", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.TotalPosts);

        // Once the user knows it was not delivered, a resend delivers it; a deleted dead letter is gone.
        Assert.True(await host.Outbox.ResendAsync(id));
        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 1, "the resent post was delivered");
        Assert.Empty(await host.Outbox.ListDeadLettersAsync());
        Assert.False(await host.Outbox.DeleteAsync(new OutboxPostId(id.Value + 1000)));
    }

    [Fact]
    public async Task An_ambiguous_failure_is_sent_again_when_the_hook_allows_it()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError(502) with { Count = 2 });
        await using var host = await StartAsync(client: c => c.Retry.RetryServerErrors = true);

        await host.Hooks.EnqueueAsync("builds", Message("resend allowed"));

        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 1, "the post was delivered");
        Assert.Equal(2, _emulator.FaultedPosts);
        Assert.Empty(await host.Outbox.ListDeadLettersAsync());
    }

    [Fact]
    public async Task A_post_that_keeps_failing_goes_to_the_dead_letters_after_the_most_attempts()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.Zero));
        await using var host = await StartAsync(outbox: o => o.MaxAttempts = 3);

        await host.Hooks.EnqueueAsync("builds", Message("never"));

        var letter = await SingleDeadLetterAsync(host);
        Assert.Equal(3, letter.Attempts);
        Assert.StartsWith("Gave up after 3 attempts. The last failed: RateLimited (HTTP 429)", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(3, _emulator.TotalPosts);
        Assert.True(await host.Outbox.DeleteAsync(letter.Id));
        Assert.Empty(await host.Outbox.ListDeadLettersAsync());
    }

    [Fact]
    public async Task Delivered_posts_are_purged_after_the_retention()
    {
        await using var host = await StartAsync(outbox: o => o.DeliveredRetention = TimeSpan.FromMilliseconds(300));

        await host.Hooks.EnqueueAsync("builds", Message("kept briefly"));
        await OutboxHost.UntilAsync(() => host.Rows(1) == 1, "the post was recorded as delivered");

        await OutboxHost.UntilAsync(() => host.Rows(1) == 0, "the delivered post was purged", seconds: 10);
        Assert.Equal(1, _emulator.AcceptedPosts);
    }

    [Fact]
    public async Task Posts_with_one_order_key_arrive_in_enqueue_order_and_the_pace_spaces_them()
    {
        await using var host = await StartAsync(outbox: o =>
        {
            o.MaxConcurrentPosts = 8;
            o.PostIntervals["builds"] = TimeSpan.FromMilliseconds(150);
        });

        for (var i = 0; i < 6; i++)
        {
            await host.Outbox.EnqueueAsync("builds", Message($"ordered {i}"), orderKey: "payments");
        }

        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 6, "six posts were delivered");
        var posts = _emulator.Posts.OrderBy(p => p.Seq).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"ordered {i}"), posts.Select(p => p.Text));

        // Send slots are 150 ms apart; arrivals vary with each request's latency (the first one's includes the connection),
        // so the span over the later posts is what is certain.
        var span = posts[^1].ReceivedAt - posts[1].ReceivedAt;
        Assert.True(span >= TimeSpan.FromMilliseconds((4 * 150) - 50), $"five posts paced 150 ms apart arrived within {span.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_send_never_outlasts_its_lease_so_another_instance_cannot_take_the_post_over_while_it_is_sent()
    {
        // The lease (4 s) covers the hook's whole request budget (1 s) plus the margin to record the outcome, which
        // start-up checks; the host answers only after 6 s, past the lease. The client gives up at 1 s, the outcome is
        // recorded (an ambiguous failure: a dead letter) well inside the lease, and an instance that looks once the
        // lease would have run out finds nothing to take over: the post was requested once.
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromSeconds(6)));
        await using var host = await StartAsync(
            outbox: o => o.LeaseDuration = TimeSpan.FromSeconds(4),
            client: c =>
            {
                c.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
                c.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1);
            });
        var id = await host.Hooks.EnqueueAsync("builds", Message("slow host"));

        var letter = await SingleDeadLetterAsync(host);
        Assert.Equal(id, letter.Id);
        Assert.True(letter.DeadLetteredAt - letter.EnqueuedAt < TimeSpan.FromSeconds(4), $"Recorded {letter.DeadLetteredAt - letter.EnqueuedAt} after the enqueue, past the lease.");

        await using var other = new SqliteOutboxStore(File, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5)));
        await other.InitializeAsync(default);
        Assert.Empty(await other.ClaimAsync("other", 10, TimeSpan.FromMinutes(1), default));
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(1, _emulator.TotalPosts);
    }

    [Fact]
    public async Task A_paced_backlog_longer_than_a_lease_is_delivered_at_the_pace_without_wasting_send_slots()
    {
        // 60 posts for one hook paced 100 ms apart need 6 s, more than a lease leaves (5 s, of which the hook may take
        // 4 s), and 16 may be sent at once. A post must not reserve one of the hook's send slots it cannot use before its
        // lease runs short: a slot reserved and then given back unsent moves the hook's next slot further out for every
        // post after it, until hardly any post can be sent within its lease.
        await using var host = await StartAsync(
            outbox: o =>
            {
                o.MaxConcurrentPosts = 16;
                o.LeaseDuration = TimeSpan.FromSeconds(5);
                o.PostIntervals["builds"] = TimeSpan.FromMilliseconds(100);
            },
            client: c => c.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(2));

        for (var i = 0; i < 60; i++)
        {
            await host.Hooks.EnqueueAsync("builds", Message($"backlog {i}"));
        }

        await OutboxHost.UntilAsync(() => _emulator.AcceptedPosts == 60, "the emulator accepted all 60 posts", seconds: 45);
        await OutboxHost.UntilAsync(() => host.Rows(0) == 0, "the outbox holds nothing pending");
        Assert.Equal(60, _emulator.Posts.Select(p => p.Text).Distinct().Count());
        Assert.Equal(60, _emulator.Posts.Count);
    }

    [Fact]
    public async Task A_graceful_shutdown_lets_posts_being_sent_finish_and_gives_back_the_rest_unsent()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromMilliseconds(1500)));
        var host = await StartAsync(outbox: o => o.MaxConcurrentPosts = 2);
        for (var i = 0; i < 8; i++)
        {
            await host.Hooks.EnqueueAsync("builds", Message($"shutdown {i}"));
        }

        await Task.Delay(600);
        await host.DisposeAsync();

        Assert.Equal(2, _emulator.AcceptedPosts);
        Assert.Equal(6, host.Rows(0));
        Assert.Equal(2, host.Rows(1));

        // Nothing is left leased or charged an attempt: another instance takes the rest at once.
        await using var store = new SqliteOutboxStore(File);
        await store.InitializeAsync(default);
        var rest = await store.ClaimAsync("next", 100, TimeSpan.FromMinutes(1), default);
        Assert.Equal(6, rest.Count);
        Assert.All(rest, p => Assert.Equal(0, p.Attempts));
    }

    [Fact]
    public async Task A_post_still_being_sent_when_the_shutdown_time_runs_out_is_a_dead_letter_that_may_have_been_delivered()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromSeconds(5)));
        var host = await StartAsync(outbox: o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        var id = await host.Hooks.EnqueueAsync("builds", Message("cut off"));

        await Task.Delay(500);
        await host.DisposeAsync();

        await using var store = new SqliteOutboxStore(File);
        await store.InitializeAsync(default);
        var letter = Assert.Single(await store.ListDeadLettersAsync(10, default));
        Assert.Equal(id, letter.Id);
        Assert.Contains("cut off", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_deadline_shorter_than_the_shutdown_timeout_ends_delivery_by_the_deadline_and_leaves_the_post_leased_not_lost()
    {
        // The outbox would let the post finish for 30 s, but the host gives its services 1 s to stop.
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromSeconds(20)));
        var host = await StartAsync(outbox: o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        var id = await host.Hooks.EnqueueAsync("builds", Message("slow"));
        await OutboxHost.UntilAsync(() => Leased(host) == 1, "the post was claimed");
        await Task.Delay(300);
        var delivery = host.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Name == "ChatOutboxDelivery");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await host.Host.StopAsync(deadline.Token);
        }

        // StopAsync returned by the deadline, and the engine is done: nothing keeps writing after the host moved on.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"StopAsync took {watch.Elapsed}.");
        await delivery.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(2));
        host.Host.Dispose();

        // Not lost: still pending, leased, no attempt charged; once the lease runs out another instance takes it.
        Assert.Equal(1, host.Rows(0));
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        await using var store = new SqliteOutboxStore(File, later);
        await store.InitializeAsync(default);
        Assert.Empty(await store.ListDeadLettersAsync(10, default));
        var taken = Assert.Single(await store.ClaimAsync("next", 10, TimeSpan.FromMinutes(1), default));
        Assert.Equal(id, taken.Id);
        Assert.Equal(0, taken.Attempts);
    }

    [SkippableFact]
    public async Task Stopping_the_host_closes_the_outbox_file_with_its_pooled_connections()
    {
        var host = await StartAsync();
        await host.Hooks.EnqueueAsync("builds", Message("before the stop"));
        await OutboxHost.UntilAsync(() => host.Rows(1) == 1, "the post was delivered");
        Assert.Equal(0, (await host.Outbox.GetStatisticsAsync()).Pending);
        Assert.NotEmpty(OpenHandles(File));

        await host.Host.StopAsync();

        // Stopped, not yet disposed: the store the outbox created for itself is closed, nothing holds the file.
        Assert.Empty(OpenHandles(File));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.Outbox.GetStatisticsAsync());
        host.Host.Dispose();
    }

    /// <summary>This process's open file descriptors on the SQLite file and its -wal and -shm companions.</summary>
    private static string[] OpenHandles(string file)
    {
        Skip.IfNot(Directory.Exists("/proc/self/fd"), "Open file descriptors are read from /proc, which this system does not have.");
        return new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd =>
            {
                try
                {
                    return fd.LinkTarget;
                }
                catch (IOException)
                {
                    return null;
                }
            })
            .Where(target => target is not null && target.StartsWith(file, StringComparison.Ordinal))
            .Select(target => target!)
            .ToArray();
    }

    private static long Leased(OutboxHost host)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = host.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cardgen_outbox WHERE state = 0 AND lease_owner IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_full_outbox_refuses_an_enqueue_at_once_and_a_bad_one_stores_nothing()
    {
        // Not started: nothing delivers, so the queue only fills.
        await using var host = OutboxHost.Build(File, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null), o => o.Capacity = 3);
        for (var i = 0; i < 3; i++)
        {
            await host.Hooks.EnqueueAsync("builds", Message($"fits {i}"));
        }

        var full = await Assert.ThrowsAsync<OutboxFullException>(() => host.Hooks.EnqueueAsync("builds", Message("one too many")));
        Assert.Contains("3 pending posts", full.Message, StringComparison.Ordinal);
        Assert.Equal(3, full.Capacity);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => host.Hooks.EnqueueAsync("deploys", Message("nowhere")));
        Assert.Contains("No chat hook is named 'deploys'", unknown.Message, StringComparison.Ordinal);
        var card = Cards.AdaptiveCard.Parse("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"Input.Text"}]}""");
        await Assert.ThrowsAsync<CardValidationException>(() => host.Hooks.EnqueueAsync("builds", WebhookMessage.ForCard(card)));
        Assert.Equal(3, host.Rows(0));
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task A_path_that_cannot_be_written_fails_start_up_and_every_enqueue_saying_why()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await System.IO.File.WriteAllTextAsync(blocker, "a file where the outbox wants a folder");
        var path = Path.Combine(blocker, "outbox.db");

        using var started = OutboxHost.Build(path, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null)).Host;
        var startUp = await Assert.ThrowsAsync<InvalidOperationException>(() => started.StartAsync());
        Assert.Contains($"The outbox file '{path}' cannot be created", startUp.Message, StringComparison.Ordinal);

        await using var notStarted = OutboxHost.Build(path, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null));
        var enqueue = await Assert.ThrowsAsync<InvalidOperationException>(() => notStarted.Hooks.EnqueueAsync("builds", Message("lost?")));
        Assert.Contains($"The outbox file '{path}' cannot be created", enqueue.Message, StringComparison.Ordinal);

        await using var folder = OutboxHost.Build(_folder, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null));
        var isFolder = await Assert.ThrowsAsync<InvalidOperationException>(() => folder.Hooks.EnqueueAsync("builds", Message("lost?")));
        Assert.Contains("it is a folder", isFolder.Message, StringComparison.Ordinal);

        var notSqlite = Path.Combine(_folder, "not-sqlite.db");
        await System.IO.File.WriteAllTextAsync(notSqlite, new string('x', 4096));
        await using var garbage = OutboxHost.Build(notSqlite, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null));
        var notDatabase = await Assert.ThrowsAsync<InvalidOperationException>(() => garbage.Hooks.EnqueueAsync("builds", Message("lost?")));
        Assert.Contains($"The outbox file '{notSqlite}' cannot be opened for writing", notDatabase.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task A_lease_shorter_than_a_hook_may_take_fails_start_up_naming_the_hook()
    {
        using var host = OutboxHost.Build(File, hooks => hooks.AddHook("builds", _emulator.DefaultHook, c => c.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2)), o => o.LeaseDuration = TimeSpan.FromMinutes(1)).Host;

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("LeaseDuration (00:01:00) is shorter than the chat hook 'builds' may take", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_out_of_range_fail_start_up_naming_them()
    {
        using var host = OutboxHost.Build(File, hooks => hooks.AddHook("builds", _emulator.DefaultHook, null), o =>
        {
            o.Capacity = 0;
            o.BatchSize = 0;
            o.PostIntervals["builds"] = TimeSpan.FromSeconds(-1);
        }).Host;

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ChatOutbox: Capacity is 0; it must be 1 or more.", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: BatchSize is 0; it must be 1 to 10000.", e.Message, StringComparison.Ordinal);
        Assert.Contains("ChatOutbox: PostIntervals[builds] is -00:00:01; it must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counters_and_gauges_report_on_the_CardGen_meter_by_hook_name_never_the_url()
    {
        var measurements = new ConcurrentBag<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChatHookTelemetry.MeterName && instrument.Name.StartsWith("cardgen.outbox.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var refused = _emulator.CreateHook();
        _emulator.DeleteHook(refused.Id);
        await using var host = await OutboxHost.StartAsync(
            File,
            hooks => hooks.AddHook("builds", _emulator.DefaultHook, null).AddHook("gone", _emulator.GetUrl(refused.Id), null));
        await host.Hooks.EnqueueAsync("builds", Message("counted"));
        await host.Hooks.EnqueueAsync("gone", Message("refused"));
        await OutboxHost.UntilAsync(() => measurements.Any(m => m.Name == "cardgen.outbox.delivered") && measurements.Any(m => m.Name == "cardgen.outbox.dead_lettered"), "the delivered and dead-lettered counters reported");

        await OutboxHost.UntilAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return measurements.Any(m => m.Name == "cardgen.outbox.dead_letters" && m.Value >= 1)
                    && measurements.Any(m => m.Name == "cardgen.outbox.depth")
                    && measurements.Any(m => m.Name == "cardgen.outbox.oldest_age");
            },
            "the gauges reported the dead letter, the depth and the age");
        var seen = string.Join("\n", measurements.Select(m => $"{m.Name} {m.Value} {m.Tags}"));
        Assert.True(measurements.Any(m => m.Name == "cardgen.outbox.enqueued" && m.Tags == "cardgen.hook.name=builds"), seen);
        Assert.True(measurements.Any(m => m.Name == "cardgen.outbox.delivered" && m.Tags == "cardgen.hook.name=builds"), seen);
        Assert.True(measurements.Any(m => m.Name == "cardgen.outbox.dead_lettered" && m.Tags == "cardgen.hook.name=gone"), seen);
        Assert.True(measurements.Any(m => m.Name == "cardgen.outbox.depth"), seen);
        Assert.True(measurements.Any(m => m.Name == "cardgen.outbox.oldest_age"), seen);
        Assert.DoesNotContain(measurements, m => m.Tags.Contains(_emulator.DefaultHookId, StringComparison.Ordinal) || m.Tags.Contains(refused.Id, StringComparison.Ordinal));
    }

    private static async Task<OutboxDeadLetter> SingleDeadLetterAsync(OutboxHost host)
    {
        IReadOnlyList<OutboxDeadLetter> letters = Array.Empty<OutboxDeadLetter>();
        await OutboxHost.UntilAsync(
            () =>
            {
                letters = host.Outbox.ListDeadLettersAsync().GetAwaiter().GetResult();
                return letters.Count > 0;
            },
            "a post was dead-lettered");
        return Assert.Single(letters);
    }
}
