using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CardGen.Tests.Hooks;

/// <summary>
/// A fake clock that also tells a test when the client has started waiting: a test awaits the timer the client
/// creates for a delay, then advances time past it, so a wait is proven without waiting and without racing.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>Starts at a whole second of the real present, so HTTP dates (second precision) convert exactly.</summary>
    public TestClock()
        : base(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
    {
    }

    /// <summary>The due times of every timer armed so far, in order.</summary>
    public TimeSpan[] Timers => _timers.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Armed(dueTime);

        // A CancellationTokenSource on this clock (as Polly's timeouts make) creates its timer unarmed and arms it
        // with Change: count that as the timer it is.
        return new ArmingTimer(timer, this);
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Enqueue(dueTime);
        }
    }

    /// <summary>
    /// Waits (in real time, at most 30 s) until <paramref name="occurrence"/> timers (counting from 1) that
    /// <paramref name="match"/> exist, and returns the due time of the last of them: for waits whose length a test
    /// checks rather than knows.
    /// </summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, int occurrence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var matching = Timers.Where(match).ToArray();
            if (matching.Length >= occurrence)
            {
                return matching[occurrence - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timer {occurrence} of those asked for was not created; timers so far: {string.Join(", ", Timers)}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Waits (in real time, at most 30 s) until a timer due after <paramref name="dueTime"/> exists.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_timers.Contains(dueTime))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No timer due after {dueTime} was created; timers so far: {string.Join(", ", Timers)}.");
            }

            await Task.Delay(5);
        }
    }

    private sealed class ArmingTimer(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Armed(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
