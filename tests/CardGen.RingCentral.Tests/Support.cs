using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CardGen.RingCentral.Tests;

/// <summary>One log call, with everything it could leak in one string.</summary>
internal sealed record LogEntry(LogLevel Level, string? EventName, string AllText);

/// <summary>An <see cref="ILogger"/> that keeps every entry, at every level, with its structured values.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}") : Enumerable.Empty<string>();
        _entries.Enqueue(new LogEntry(logLevel, eventId.Name, string.Join("\n", new[] { formatter(state, exception), exception?.ToString() ?? string.Empty }.Concat(values))));
    }
}

/// <summary>
/// A fake clock that also tells a test when the client has started waiting: a test awaits the timer the client
/// creates for a delay, then advances time past it, so a wait is proven without waiting and without racing.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public TestClock()
        : base(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000))
    {
    }

    public TimeSpan[] Timers => _timers.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        return timer;
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
}

internal static class Clients
{
    public static JwtCredential Credential(this HookEmulator emulator) => new(emulator.ClientId, emulator.ClientSecret, emulator.JwtCredential);

    public static RingCentralClient Client(this HookEmulator emulator, CapturingLogger? logger = null, TimeProvider? clock = null, Action<RingCentralClientOptions>? configure = null)
    {
        var options = new RingCentralClientOptions { Server = emulator.BaseAddress, Logger = logger };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        configure?.Invoke(options);
        return new RingCentralClient(emulator.Credential(), options);
    }

    /// <summary>Every secret a test run could leak: the client secret, the JWT, and the prefix of every access token the emulator issues.</summary>
    public static string[] Secrets(this HookEmulator emulator) => new[] { emulator.ClientSecret, emulator.JwtCredential, "emu-at-" };

    public static void AssertNoSecret(string? text, IEnumerable<string> secrets)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
