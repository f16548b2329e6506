using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CardGen.Outbox;

/// <summary>
/// The outbox's delivery engine, a hosted service: claims batches of due posts under a lease, waits for each hook's
/// pace, posts each stored body through the hook's client and resilience pipeline, and records the outcome (delivered,
/// rescheduled with back-off, or dead-lettered with the reason). On a graceful shutdown it stops claiming, gives back
/// the posts not yet sent, and lets the posts being sent finish within <see cref="ChatOutboxOptions.ShutdownTimeout"/>.
/// </summary>
internal sealed class ChatOutboxDelivery : BackgroundService
{
    /// <summary>What a post needs of its lease beyond the hook's total request timeout, to record its outcome.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MaxStoreBackoff = TimeSpan.FromSeconds(30);

    private readonly ChatOutbox _outbox;
    private readonly IChatOutboxStore _store;
    private readonly ChatOutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _roomFreed = new(0, 1);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _completionLock = new();
    private readonly CancellationTokenSource _cutOff = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly List<OutboxPostId> _toRelease = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _paceGates = new(StringComparer.OrdinalIgnoreCase);
    private SemaphoreSlim _slots = null!;
    private List<Delivered> _completions = new();
    private List<Delivered> _spareCompletions = new();
    private Task _flushing = Task.CompletedTask;
    private bool _flushRunning;
    private int _unsent;
    private int _active;
    private int _draining;
    private int _finishedAtShutdown;
    private int _cutOffAtShutdown;

    public ChatOutboxDelivery(ChatOutbox outbox, ILoggerFactory loggers, IServiceProvider services)
    {
        _outbox = outbox;
        _store = outbox.Store;
        _options = outbox.Options;
        _time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        _logger = loggers.CreateLogger("CardGen.Outbox");
        var machine = Environment.MachineName;
        Owner = string.Create(CultureInfo.InvariantCulture, $"{(machine.Length > 40 ? machine[..40] : machine)}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    }

    /// <summary>The id this instance claims posts under.</summary>
    public string Owner { get; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        CheckLease();

        // A store that cannot be reached or written fails start-up, saying why.
        await _outbox.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _slots = new SemaphoreSlim(_options.MaxConcurrentPosts, _options.MaxConcurrentPosts);
        OutboxGauges.Register(this);
        OutboxLog.Started(_logger, Owner, _options.BatchSize, _options.MaxConcurrentPosts, _options.LeaseDuration);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's deadline: once it passes, sends are cut off and nothing waits for the store any more.
        var deadline = cancellationToken.Register(static state => ((ChatOutboxDelivery)state!).Abandon(), this);
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // base.StopAsync returns as the deadline passes, possibly before the registration above ran.
            if (cancellationToken.IsCancellationRequested)
            {
                Abandon();
            }

            await deadline.DisposeAsync().ConfigureAwait(false);
            OutboxGauges.Unregister(this);

            // Delivery is over: close the store it owns (pooled connections, the SQLite file). Were delivery still
            // winding down past the deadline, the services' disposal closes it instead.
            if (ExecuteTask is null || ExecuteTask.IsCompleted)
            {
                await _outbox.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        OutboxGauges.Unregister(this);
        _cutOff.Dispose();
        _abandon.Dispose();
        base.Dispose();
    }

    private void Abandon()
    {
        try
        {
            _cutOff.Cancel();
            _abandon.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads the statistics for the gauges.</summary>
    internal Task<OutboxStatistics> StatisticsAsync(CancellationToken cancellationToken) => _store.GetStatisticsAsync(cancellationToken);

    internal DateTimeOffset Now => _time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var storeBackoff = _options.PollInterval;
        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_time.GetUtcNow() >= nextPurge)
                {
                    var purged = await _store.PurgeDeliveredAsync(_time.GetUtcNow() - _options.DeliveredRetention, stoppingToken).ConfigureAwait(false);
                    if (purged > 0)
                    {
                        OutboxLog.Purged(_logger, purged);
                    }

                    nextPurge = _time.GetUtcNow() + PurgeInterval();
                }

                // Only posts not yet answered count against the batch: a post waiting for its outcome to be recorded
                // (the store's next commit) no longer needs a place in hand, and claiming again while the outcomes
                // are written keeps the senders busy.
                var room = _options.BatchSize - Volatile.Read(ref _unsent);
                if (room < ClaimThreshold)
                {
                    await WaitAsync(_roomFreed, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var posts = await _store.ClaimAsync(Owner, room, _options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                var leaseEnd = _time.GetUtcNow() + _options.LeaseDuration;
                storeBackoff = _options.PollInterval;
                foreach (var post in posts)
                {
                    Start(post, leaseEnd, stoppingToken);
                }

                if (posts.Count < room)
                {
                    // Nothing more is due: wait for a post enqueued in this process, or the next poll.
                    await WaitAsync(_outbox.Enqueued, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                OutboxLog.StoreFailed(_logger, storeBackoff, e);
                try
                {
                    await Task.Delay(storeBackoff, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                storeBackoff = TimeSpan.FromTicks(Math.Min(storeBackoff.Ticks * 2, Math.Max(MaxStoreBackoff.Ticks, _options.PollInterval.Ticks)));
            }
        }

        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Fails start-up when a hook's post may outlast its lease, since every post would be given back unsent.</summary>
    private void CheckLease()
    {
        var problems = new List<string>();
        foreach (var name in _outbox.Hooks.Names)
        {
            var needed = Needed(_outbox.Hooks.OptionsOf(name));
            if (_options.LeaseDuration < needed)
            {
                problems.Add($"ChatOutbox: LeaseDuration ({_options.LeaseDuration}) is shorter than the chat hook '{name}' may take for a post (its TotalRequestTimeout plus {LeaseMargin.TotalSeconds} s, {needed}): another instance could send the post again while it is still being sent. Raise LeaseDuration or lower the hook's TotalRequestTimeout.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    private static TimeSpan Needed(ChatHookClientOptions options) => options.TotalRequestTimeout.Timeout + LeaseMargin;

    private TimeSpan PurgeInterval()
    {
        var interval = TimeSpan.FromMinutes(1);
        if (_options.DeliveredRetention < interval)
        {
            interval = _options.DeliveredRetention > _options.PollInterval ? _options.DeliveredRetention : _options.PollInterval;
        }

        return interval;
    }

    /// <summary>The least room worth a claim: a quarter of a batch, so claims are few and each takes several posts.</summary>
    private int ClaimThreshold => Math.Max(1, _options.BatchSize / 4);

    private async Task WaitAsync(SemaphoreSlim signal, CancellationToken stoppingToken)
        => await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);

    private void Start(OutboxPost post, DateTimeOffset leaseEnd, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _unsent);
        Interlocked.Increment(ref _active);
        _ = RunAsync(new Handle(this, post, leaseEnd), stoppingToken);
    }

    private async Task RunAsync(Handle handle, CancellationToken stoppingToken)
    {
        try
        {
            await DeliverAsync(handle, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A bug here must not stop delivery; the post's lease runs out and it is delivered again.
            OutboxLog.RecordFailed(_logger, handle.Post.Id.Value, "unexpected", e);
        }
        finally
        {
            handle.Answered();
            if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _draining) != 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>A post in hand no longer waits to be sent: room for the next claim.</summary>
    private void Answered()
    {
        if (_options.BatchSize - Interlocked.Decrement(ref _unsent) >= ClaimThreshold)
        {
            Signal(_roomFreed);
        }
    }

    private async Task DeliverAsync(Handle handle, CancellationToken stoppingToken)
    {
        var post = handle.Post;
        var leaseEnd = handle.LeaseEnd;
        ChatHookClientOptions hookOptions;
        try
        {
            hookOptions = _outbox.Hooks.OptionsOf(post.HookName);
        }
        catch (ArgumentException e)
        {
            await FailAsync(post, leaseEnd, e.Message, deadLetter: false, retryAfter: null).ConfigureAwait(false);
            return;
        }

        var needed = Needed(hookOptions);
        var interval = _options.PostIntervalOf(post.HookName);

        // The posts of one hook in this process take their pace slots one at a time (the gate), each only once it holds
        // a send slot and knows its lease leaves enough time to be sent: a pace slot reserved and then given back unsent
        // would move the hook's next slot further out for every post after it (in every instance), until hardly any
        // post could be sent within its lease; and a post that waited for a send slot after its pace slot would leave
        // late and bunch up with the next, over the hook's rate. So at most one reserved slot per hook and process is
        // ahead of its post, and the wait for it is bounded by the other instances' reservations.
        SemaphoreSlim? gate = null;
        if (interval > TimeSpan.Zero)
        {
            gate = _paceGates.GetOrAdd(post.HookName, static _ => new SemaphoreSlim(1, 1));
            try
            {
                await gate.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Release(post);
                return;
            }
        }

        try
        {
            try
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Release(post);
                return;
            }

            handle.HoldSlot();
            try
            {
                if (!await EnoughLeaseAsync(post, leaseEnd, needed).ConfigureAwait(false))
                {
                    return;
                }

                if (gate is not null)
                {
                    var paced = await PaceAsync(post, leaseEnd, interval, stoppingToken).ConfigureAwait(false);
                    gate.Release();
                    gate = null;
                    if (!paced || !await EnoughLeaseAsync(post, leaseEnd, needed).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    Release(post);
                    return;
                }

                await SendAsync(handle, hookOptions, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                handle.ReleaseSlot();
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>Reserves the post's slot in its hook's pace and waits for it.</summary>
    /// <returns>Whether the post may be sent now; otherwise it was given back.</returns>
    private async Task<bool> PaceAsync(OutboxPost post, DateTimeOffset leaseEnd, TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            var wait = await _store.ReservePaceAsync(post.HookName, interval, stoppingToken).ConfigureAwait(false);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Release(post);
            return false;
        }
        catch (Exception e)
        {
            // The store could not reserve the pace: give the post back unsent rather than exceed it.
            OutboxLog.StoreFailed(_logger, TimeSpan.Zero, e);
            await GiveBackAsync(post, leaseEnd).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Whether the post's lease still leaves the hook's time for a post; otherwise gives the post back (or records why it cannot be sent at all).</summary>
    private async Task<bool> EnoughLeaseAsync(OutboxPost post, DateTimeOffset leaseEnd, TimeSpan needed)
    {
        var remaining = leaseEnd - _time.GetUtcNow();
        if (remaining >= needed)
        {
            return true;
        }

        if (_options.LeaseDuration < needed)
        {
            // Hooks reloaded with a longer timeout than the lease: never post what another instance may take over.
            await FailAsync(post, leaseEnd, $"LeaseDuration ({_options.LeaseDuration}) is shorter than the hook's TotalRequestTimeout plus {LeaseMargin.TotalSeconds} s ({needed}), so the post was not sent.", deadLetter: false, retryAfter: null).ConfigureAwait(false);
        }
        else
        {
            OutboxLog.LeaseShort(_logger, post.Id.Value, post.HookName, remaining, needed);
            await GiveBackAsync(post, leaseEnd).ConfigureAwait(false);
        }

        return false;
    }

    private async Task SendAsync(Handle handle, ChatHookClientOptions hookOptions, CancellationToken stoppingToken)
    {
        var post = handle.Post;
        var leaseEnd = handle.LeaseEnd;
        // The send slot is given up as soon as the post is answered: recording the outcome waits for the store's next
        // commit, and the next post need not wait for it.
        try
        {
            await _outbox.Hooks.PostPayloadAsync(post.HookName, post.Payload, _cutOff.Token).ConfigureAwait(false);
        }
        catch (ChatHookException e)
        {
            handle.Done();
            CountAtShutdown(cutOff: false, stoppingToken);
            var reason = Describe(e);
            if (e.Failure == ChatHookFailure.HostError)
            {
                await FailAsync(post, leaseEnd, "The host refused the post: " + reason, deadLetter: true, retryAfter: null).ConfigureAwait(false);
            }
            else if (e.MayHaveBeenDelivered && !hookOptions.Retry.RetryServerErrors)
            {
                await FailAsync(post, leaseEnd, reason + " The post may have been delivered, and the hook does not allow sending it again (Retry.RetryServerErrors); resend it as a dead letter once you know it was not.", deadLetter: true, retryAfter: null).ConfigureAwait(false);
            }
            else
            {
                await FailAsync(post, leaseEnd, reason, deadLetter: false, retryAfter: e.RetryAfter).ConfigureAwait(false);
            }

            return;
        }
        catch (OperationCanceledException) when (_cutOff.IsCancellationRequested)
        {
            handle.Done();
            // Still being sent when the shutdown's time ran out: it may have been delivered.
            CountAtShutdown(cutOff: true, stoppingToken);
            const string CutOff = "The post was cut off while being sent when the process stopped, so it may have been delivered.";
            if (hookOptions.Retry.RetryServerErrors)
            {
                await GiveBackAsync(post, leaseEnd).ConfigureAwait(false);
            }
            else
            {
                await FailAsync(post, leaseEnd, CutOff + " The hook does not allow sending it again (Retry.RetryServerErrors).", deadLetter: true, retryAfter: null).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            handle.Done();

            // Refused before anything was sent: options out of range, a hook removed, an HttpClient that is not safe.
            CountAtShutdown(cutOff: false, stoppingToken);
            await FailAsync(post, leaseEnd, $"{e.GetType().Name}: {e.Message}", deadLetter: false, retryAfter: null).ConfigureAwait(false);
            return;
        }

        handle.Done();
        CountAtShutdown(cutOff: false, stoppingToken);
        Complete(new Delivered(post.Id, post.HookName, post.Attempts, leaseEnd));
    }

    /// <summary>
    /// Queues a delivered post's outcome. One write at a time records every outcome queued meanwhile, so many delivered
    /// posts share one statement and one commit, and no post waits for its own.
    /// </summary>
    private void Complete(Delivered delivered)
    {
        lock (_completionLock)
        {
            _completions.Add(delivered);
            if (!_flushRunning)
            {
                _flushRunning = true;
                _flushing = Task.Run(FlushCompletionsAsync);
            }
        }
    }

    private async Task FlushCompletionsAsync()
    {
        while (true)
        {
            List<Delivered> batch;
            lock (_completionLock)
            {
                if (_completions.Count == 0)
                {
                    _flushRunning = false;
                    return;
                }

                batch = _completions;
                _completions = _spareCompletions;
                _spareCompletions = batch;
            }

            try
            {
                await RecordCompletionsAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A bug here must not stop delivery; the posts' leases run out and they are delivered again.
                OutboxLog.RecordFailed(_logger, batch[0].Id.Value, "delivered", e);
            }

            batch.Clear();
        }
    }

    /// <summary>Records delivered posts in one write, trying again while the latest of their leases holds.</summary>
    private async Task RecordCompletionsAsync(List<Delivered> batch)
    {
        var ids = new OutboxPostId[batch.Count];
        var leaseEnd = DateTimeOffset.MinValue;
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = batch[i].Id;
            if (batch[i].LeaseEnd > leaseEnd)
            {
                leaseEnd = batch[i].LeaseEnd;
            }
        }

        // Recording a post whose lease ran out is harmless: the store changes only posts still leased to this instance.
        if (!await RecordAsync(ids[0], leaseEnd, ids.Length == 1 ? "delivered" : $"delivered, with {ids.Length - 1} more", ct => _store.CompleteAsync(ids, Owner, ct)).ConfigureAwait(false))
        {
            return;
        }

        foreach (var delivered in batch)
        {
            OutboxTelemetry.Delivered.Add(1, new KeyValuePair<string, object?>(ChatHookTelemetry.Tags.HookName, delivered.HookName));
            OutboxLog.Delivered(_logger, delivered.Id.Value, delivered.HookName, delivered.Attempts);
        }
    }

    private void CountAtShutdown(bool cutOff, CancellationToken stoppingToken)
    {
        if (cutOff)
        {
            Interlocked.Increment(ref _cutOffAtShutdown);
        }
        else if (stoppingToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _finishedAtShutdown);
        }
    }

    private async Task FailAsync(OutboxPost post, DateTimeOffset leaseEnd, string reason, bool deadLetter, TimeSpan? retryAfter)
    {
        reason = Clip(reason);
        var attempt = post.Attempts + 1;
        var failure = new KeyValuePair<string, object?>(ChatHookTelemetry.Tags.HookName, post.HookName);
        if (!deadLetter && attempt >= _options.MaxAttempts)
        {
            deadLetter = true;
            reason = Clip($"Gave up after {attempt} attempts. The last failed: {reason}");
        }

        if (deadLetter)
        {
            if (await RecordAsync(post.Id, leaseEnd, "dead-lettered", ct => _store.DeadLetterAsync(post.Id, Owner, reason, ct)).ConfigureAwait(false))
            {
                OutboxTelemetry.DeadLettered.Add(1, failure);
                OutboxLog.DeadLettered(_logger, post.Id.Value, post.HookName, attempt, reason);
            }

            return;
        }

        var delay = Backoff(post.Attempts);
        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait;
        }

        var dueAt = _time.GetUtcNow() + delay;
        if (await RecordAsync(post.Id, leaseEnd, "rescheduled", ct => _store.RescheduleAsync(post.Id, Owner, dueAt, reason, ct)).ConfigureAwait(false))
        {
            OutboxTelemetry.Rescheduled.Add(1, failure);
            OutboxLog.Rescheduled(_logger, post.Id.Value, post.HookName, attempt, _options.MaxAttempts, delay, reason);
        }
    }

    /// <summary>
    /// <see cref="ChatOutboxOptions.RetryDelay"/> doubled for each earlier failure, up to <see cref="ChatOutboxOptions.MaxRetryDelay"/>,
    /// a random time between half and all of it: the client's own back-off (<see cref="RetryDelays"/>).
    /// </summary>
    private TimeSpan Backoff(int earlierFailures)
        => RetryDelays.Exponential(_options.RetryDelay, _options.MaxRetryDelay, earlierFailures, JitterSource.Next);

    /// <summary>
    /// Records an outcome. The engine is the one layer that retries a store (the stores try each call once): a store
    /// that is briefly unreachable is tried again while the lease holds, but never past the host's stop deadline. When
    /// it cannot be recorded, the post stays leased and is delivered again once the lease runs out, which is the one way
    /// a delivered post is sent twice; nothing is lost.
    /// </summary>
    /// <returns>Whether the outcome was recorded.</returns>
    private async Task<bool> RecordAsync(OutboxPostId id, DateTimeOffset leaseEnd, string outcome, Func<CancellationToken, Task> record)
    {
        var abandon = _abandon.Token;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await record(abandon).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                OutboxLog.LeftToLease(_logger, id.Value, outcome);
                return false;
            }
            catch (Exception e)
            {
                if (_time.GetUtcNow() + delay >= leaseEnd - LeaseMargin)
                {
                    OutboxLog.RecordFailed(_logger, id.Value, outcome, e);
                    return false;
                }

                try
                {
                    await Task.Delay(delay, _time, abandon).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    OutboxLog.LeftToLease(_logger, id.Value, outcome);
                    return false;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    /// <summary>Gives a post back unsent at shutdown; the posts are released together once delivery has stopped.</summary>
    private void Release(OutboxPost post)
    {
        lock (_toRelease)
        {
            _toRelease.Add(post.Id);
        }
    }

    private async Task DrainAsync()
    {
        Volatile.Write(ref _draining, 1);
        if (Volatile.Read(ref _active) == 0)
        {
            _drained.TrySetResult();
        }

        // Posts being sent may finish for ShutdownTimeout, and never past the host's own stop deadline (its
        // ShutdownTimeout): then they are cut off, and their outcomes are recorded while the deadline allows. Every wait
        // here ends when the deadline passes, so the host's StopAsync never overruns it; a post whose outcome could not be
        // recorded by then stays leased, and is delivered again (or dead-lettered) when its lease runs out.
        var all = _drained.Task;
        var shutdownTimeout = Task.Delay(_options.ShutdownTimeout, _time, _abandon.Token);
        if (await Task.WhenAny(all, shutdownTimeout).ConfigureAwait(false) != all)
        {
            await _cutOff.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }

        Task flushing;
        lock (_completionLock)
        {
            flushing = _flushing;
        }

        await flushing.ConfigureAwait(false);

        OutboxPostId[] released;
        lock (_toRelease)
        {
            released = _toRelease.ToArray();
            _toRelease.Clear();
        }

        if (released.Length > 0)
        {
            try
            {
                await _store.ReleaseAsync(released, Owner, _abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                OutboxLog.LeftToLease(_logger, released[0].Value, $"{released.Length} released");
            }
            catch (Exception e)
            {
                // Their leases run out and they are delivered later; nothing was sent.
                OutboxLog.RecordFailed(_logger, released[0].Value, $"{released.Length} released", e);
            }
        }

        OutboxLog.Stopped(_logger, released.Length, _finishedAtShutdown, _cutOffAtShutdown);
    }

    /// <summary>Why a post failed, without the webhook URL: the failure, the status, the host's error and validation.</summary>
    private static string Describe(ChatHookException e)
    {
        var text = new System.Text.StringBuilder(e.Failure.ToString());
        if (e.StatusCode is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $" (HTTP {status})");
        }

        if (!string.IsNullOrEmpty(e.Error))
        {
            text.Append(": ").Append(e.Error);
        }

        if (e.Validation.Count > 0)
        {
            text.Append("; validation: ").Append(string.Join("; ", e.Validation));
        }

        if (e.InnerException is { } inner && e.StatusCode is null)
        {
            text.Append(" (").Append(inner.GetType().Name).Append(')');
        }

        text.Append(CultureInfo.InvariantCulture, $"; {e.Attempts} request(s) made.");
        return text.ToString();
    }

    /// <summary>A claimed post in hand: its lease, whether it holds a send slot, and whether it still waits to be sent.</summary>
    private sealed class Handle
    {
        private readonly ChatOutboxDelivery _owner;
        private int _slotHeld;
        private int _answered;

        public Handle(ChatOutboxDelivery owner, OutboxPost post, DateTimeOffset leaseEnd)
        {
            _owner = owner;
            Post = post;
            LeaseEnd = leaseEnd;
        }

        public OutboxPost Post { get; }

        public DateTimeOffset LeaseEnd { get; }

        /// <summary>Marks the send slot the post just took.</summary>
        public void HoldSlot() => Volatile.Write(ref _slotHeld, 1);

        /// <summary>Gives the send slot back, once.</summary>
        public void ReleaseSlot()
        {
            if (Interlocked.Exchange(ref _slotHeld, 0) == 1)
            {
                _owner._slots.Release();
            }
        }

        /// <summary>The post is no longer waiting to be sent (answered, given back or failed), once.</summary>
        public void Answered()
        {
            if (Interlocked.Exchange(ref _answered, 1) == 0)
            {
                _owner.Answered();
            }
        }

        /// <summary>The post was answered: its send slot and its place in hand are free.</summary>
        public void Done()
        {
            ReleaseSlot();
            Answered();
        }
    }

    /// <summary>A delivered post waiting for its outcome to be recorded.</summary>
    private readonly record struct Delivered(OutboxPostId Id, string HookName, int Attempts, DateTimeOffset LeaseEnd);

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..1999] + "…";

    /// <summary>Gives a post back unsent, to be claimed again (by this or another instance).</summary>
    private async Task GiveBackAsync(OutboxPost post, DateTimeOffset leaseEnd)
        => await RecordAsync(post.Id, leaseEnd, "released", ct => _store.ReleaseAsync(new[] { post.Id }, Owner, ct)).ConfigureAwait(false);

    /// <summary>Wakes one waiter of a signal that holds at most one release, unless it is already signalled.</summary>
    internal static void Signal(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }
}
