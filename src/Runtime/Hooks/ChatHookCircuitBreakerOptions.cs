using System;

namespace CardGen;

/// <summary>
/// When a hook's circuit opens: the <c>CircuitBreaker</c> section of <see cref="ChatHookClientOptions"/>, named as in
/// <c>HttpStandardResilienceOptions.CircuitBreaker</c>. Each webhook has its own circuit, so one host that is down
/// does not stop posts to another.
/// </summary>
/// <remarks>
/// Attempts that show the host or the way to it unwell count as failures: a 5xx, a timeout, a network failure.
/// A refused card (<see cref="ChatHookFailure.HostError"/>) and a rate limit do not. While the circuit is open every
/// post to that webhook fails at once, without a request, with <see cref="ChatHookFailure.CircuitOpen"/>; after
/// <see cref="BreakDuration"/> one trial request decides whether it closes again.
/// </remarks>
public sealed class ChatHookCircuitBreakerOptions
{
    /// <summary>Whether the circuit breaker is on (default <see langword="true"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit (default 0.5; more than 0, at most 1).</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within <see cref="SamplingDuration"/> before the ratio counts (default 10; at least 2).</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over (default 30 s; at least 0.5 s).</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial request (default 15 s; at least 0.5 s).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal ChatHookCircuitBreakerOptions Clone() => (ChatHookCircuitBreakerOptions)MemberwiseClone();
}
