using System;
using Microsoft.Extensions.Logging;

namespace CardGen.Tool;

/// <summary>
/// Shows the clients' warnings (a retry and the wait before it, a failure) on standard error as they happen, so that a
/// wait for a <c>Retry-After</c> is visible. The clients' log lines never contain a secret.
/// </summary>
internal sealed class ProgressLogger : ILogger
{
    private readonly ToolConsole _console;

    public ProgressLogger(ToolConsole console) => _console = console;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel) && eventId.Name is "Retrying" or "Renewing")
        {
            _console.Error.WriteLine("cardgen: " + formatter(state, exception));
        }
    }
}
