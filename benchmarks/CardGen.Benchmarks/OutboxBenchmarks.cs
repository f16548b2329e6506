using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CardGen.Emulator;
using CardGen.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CardGen.Benchmarks;

/// <summary>
/// Enqueueing posts into a SQLite outbox through <see cref="IChatHooks.EnqueueAsync"/> (each post validated, written and
/// stored durably, <c>synchronous = FULL</c>): one at a time, each waiting for its own commit, against 1,000 concurrent
/// enqueues that the store's single writer groups into shared transactions. Each figure is per post
/// (<c>OperationsPerInvoke</c>); posts per second are one second divided by it. Nothing delivers during the run.
/// </summary>
[MemoryDiagnoser]
public class OutboxEnqueueBenchmarks
{
    private const int Posts = 1_000;
    private string _folder = null!;
    private IHost _host = null!;
    private IChatHooks _hooks = null!;
    private DeploymentSucceeded _event = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cardgen-outbox-bench-" + Guid.NewGuid().ToString("N"));
        _event = DeploymentNotification.Sample();

        // The host is built but not started: the outbox stores, nothing delivers (the URL is never called).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddChatHooks()
            .AddHook("builds", "http://127.0.0.1:9/webhook/v2/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de")
            .UseSqliteOutbox(Path.Combine(_folder, "outbox.db"), o => o.Capacity = 100_000_000);
        _host = builder.Build();
        _hooks = _host.Services.GetRequiredService<IChatHooks>();
        await _hooks.EnqueueAsync("builds", _event.ToWebhookMessage());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public async Task EnqueueOneAtATime()
    {
        for (var i = 0; i < Posts; i++)
        {
            await _event.EnqueuePostAsync(_hooks, "builds");
        }
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public async Task EnqueueConcurrently()
    {
        var tasks = new Task<OutboxPostId>[Posts];
        for (var i = 0; i < Posts; i++)
        {
            tasks[i] = _event.EnqueuePostAsync(_hooks, "builds");
        }

        await Task.WhenAll(tasks);
    }
}

/// <summary>
/// End-to-end delivery to the local webhook emulator over loopback: 1,000 posts enqueued into a SQLite outbox and
/// delivered by its background service (claim, post through the hook's client and pipeline, record), timed from the
/// first enqueue until the emulator accepted the last; against the same 1,000 posts sent directly with
/// <see cref="IChatHooks.PostAsync"/>, 8 at a time (the outbox's default <c>MaxConcurrentPosts</c>; the baseline), and
/// one at a time. Each figure is per post.
/// </summary>
[MemoryDiagnoser]
public class OutboxDeliveryBenchmarks
{
    private const int Posts = 1_000;
    private const int Concurrency = 8;
    private string _folder = null!;
    private HookEmulator _emulator = null!;
    private IDisposable _observer = null!;
    private IHost _host = null!;
    private IChatHooks _hooks = null!;
    private DeploymentSucceeded _event = null!;
    private long _accepted;
    private long _target;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cardgen-outbox-bench-" + Guid.NewGuid().ToString("N"));
        _event = DeploymentNotification.Sample();
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 100 });
        _observer = _emulator.ObservePosts(post =>
        {
            if (post.Verdict == PostVerdict.Accepted && Interlocked.Increment(ref _accepted) == Volatile.Read(ref _target))
            {
                _reached.TrySetResult();
            }
        });

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddChatHooks()
            .AddHook("builds", _emulator.DefaultHook, null)
            .UseSqliteOutbox(Path.Combine(_folder, "outbox.db"), o => o.Capacity = 100_000_000);
        _host = builder.Build();
        await _host.StartAsync();
        _hooks = _host.Services.GetRequiredService<IChatHooks>();

        await ThroughTheOutbox();
        await DirectConcurrently();

        // The emulator counts a post once it has answered it; the client may have its answer a moment before.
        for (var i = 0; i < 100 && _emulator.AcceptedPosts < 2 * Posts; i++)
        {
            await Task.Delay(50);
        }

        if (_emulator.AcceptedPosts != 2 * Posts || _emulator.RejectedPosts + _emulator.FaultedPosts != 0)
        {
            throw new InvalidOperationException($"The emulator accepted {_emulator.AcceptedPosts} posts of {2 * Posts}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.StopAsync();
        _host.Dispose();
        _observer.Dispose();
        await _emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts)]
    public async Task DirectConcurrently()
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Posts)
            {
                await _event.PostToHookAsync(_hooks, "builds");
            }
        }));
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public async Task DirectOneAtATime()
    {
        for (var i = 0; i < Posts; i++)
        {
            await _event.PostToHookAsync(_hooks, "builds");
        }
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public async Task ThroughTheOutbox()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Volatile.Read(ref _accepted) + Posts);
        var tasks = new Task<OutboxPostId>[Posts];
        for (var i = 0; i < Posts; i++)
        {
            tasks[i] = _event.EnqueuePostAsync(_hooks, "builds");
        }

        await Task.WhenAll(tasks);
        await _reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
