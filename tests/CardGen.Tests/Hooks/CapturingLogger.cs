using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace CardGen.Tests.Hooks;

/// <summary>One log call: the level, event name, formatted message, structured values and exception text.</summary>
internal sealed record LogEntry(LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, object?> Values, string? Exception)
{
    /// <summary>Everything the entry could leak, in one string.</summary>
    public string AllText
        => string.Join("\n", new[] { Message, Exception ?? string.Empty }.Concat(Values.Select(v => $"{v.Key}={v.Value}")));
}

/// <summary>An <see cref="ILogger"/> that keeps every entry, at every level.</summary>
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
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        _entries.Enqueue(new LogEntry(logLevel, eventId.Name, formatter(state, exception), values, exception?.ToString()));
    }
}
