using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace CardGen.Extensions.Tests;

/// <summary>A logger provider that keeps every record at every level: its text, its state's values, its exception and its scopes.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<LogRecordText> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { category, eventId.Name ?? string.Empty, formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            provider._scopes?.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), parts);
            provider.Records.Enqueue(new LogRecordText(category, logLevel, eventId.Name, string.Join("\n", parts)));
        }
    }
}

internal sealed record LogRecordText(string Category, LogLevel Level, string? EventName, string Text);
