using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace CardGen.JiraRelay.Tests;

/// <summary>A logger provider that keeps every record at every level: its category, its text and its state's values.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Records { get; } = new();

    /// <summary>Every record, one after another, for searching.</summary>
    public string All => string.Join("\n", Records);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}[{eventId.Name}]", formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            provider.Records.Enqueue(string.Join(" | ", parts));
        }
    }
}
