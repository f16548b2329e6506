using System;
using CardGen.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CardGen;

/// <summary>The options as they were when a post started: a later change to them does not reach a post under way.</summary>
internal sealed class Settings
{
    public Settings(ChatHookClientOptions options)
    {
        options.ThrowIfInvalid();
        MaxAttempts = options.Retry.MaxRetryAttempts + 1;
        MaxRetryDelay = options.Retry.MaxDelay;
        DefaultRetryDelay = options.Retry.Delay;
        UseJitter = options.Retry.UseJitter;
        RetryServerErrors = options.Retry.RetryServerErrors;
        Timeout = options.AttemptTimeout.Timeout;
        TotalTimeout = options.TotalRequestTimeout.Timeout;
        Breaker = new BreakerSettings(
            options.CircuitBreaker.Enabled,
            options.CircuitBreaker.FailureRatio,
            options.CircuitBreaker.MinimumThroughput,
            options.CircuitBreaker.SamplingDuration,
            options.CircuitBreaker.BreakDuration,
            options.TimeProvider);
        Host = options.Host;
        ValidateCards = options.ValidateCards;
        Logger = options.Logger ?? NullLogger.Instance;
        Time = options.TimeProvider;
        Jitter = options.Jitter;
    }

    public Func<double> Jitter { get; }

    public int MaxAttempts { get; }

    public TimeSpan MaxRetryDelay { get; }

    public TimeSpan DefaultRetryDelay { get; }

    public bool UseJitter { get; }

    public bool RetryServerErrors { get; }

    public TimeSpan Timeout { get; }

    public TimeSpan TotalTimeout { get; }

    public BreakerSettings Breaker { get; }

    /// <summary>The profile cards are checked against, or <see langword="null"/> for the hook's own host's.</summary>
    public HostProfile? Host { get; }

    public TimeProvider Time { get; }

    public bool ValidateCards { get; }

    public ILogger Logger { get; }
}

/// <summary>What a webhook's resilience pipeline is built from; a post with other values gets a new pipeline.</summary>
internal sealed record BreakerSettings(bool Enabled, double FailureRatio, int MinimumThroughput, TimeSpan SamplingDuration, TimeSpan BreakDuration, TimeProvider Time);
