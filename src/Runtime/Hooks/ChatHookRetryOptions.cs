using System;

namespace CardGen;

/// <summary>
/// Which failed attempts a post repeats, and how long it waits before each: the <c>Retry</c> section of
/// <see cref="ChatHookClientOptions"/>, named as in <c>HttpStandardResilienceOptions.Retry</c>.
/// </summary>
/// <remarks>
/// A post is not idempotent, so only what certainly posted nothing is always retried: HTTP 429 (after its
/// <c>Retry-After</c>) and a connection that was never made (DNS failure, connection refused or unreachable, TLS
/// handshake failure). What may have posted the message (a 5xx, a timeout, a connection lost after the request was
/// sent) is retried only with <see cref="RetryServerErrors"/>. An open circuit is never retried.
/// </remarks>
public sealed class ChatHookRetryOptions
{
    /// <summary>
    /// How many times one post may be retried after its first attempt (default 2, so at most 3 requests; 0 to 100).
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>
    /// The delay back-off starts from when the host sends no <c>Retry-After</c> (default 1 s). Retry <c>n</c> waits
    /// <c>d = Delay × 2^(n−1)</c>, capped at <see cref="MaxDelay"/>; with <see cref="UseJitter"/> a random time between
    /// half and all of <c>d</c> ("equal jitter"), so clients that failed together do not retry together. A host's
    /// <c>Retry-After</c> is waited exactly, without jitter.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest the client waits before a retry (default 60 s). A <c>Retry-After</c> beyond it fails the post at
    /// once (with <see cref="ChatHookException.RetryAfter"/> set) instead of waiting; computed back-off is capped at it.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether computed back-off is randomized between half and all of its delay (default <see langword="true"/>).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Whether to retry failures that may have posted the message (default <see langword="false"/>): 5xx responses,
    /// timeouts, and network failures after the connection was made (a reset or a cut response). Such a failure may
    /// come after the host posted the message, so a retry may post it twice. Set it when a duplicate is better than
    /// a lost message. Failures that posted nothing (429, a connection never made) are retried either way.
    /// </summary>
    public bool RetryServerErrors { get; set; }

    internal ChatHookRetryOptions Clone() => (ChatHookRetryOptions)MemberwiseClone();
}
