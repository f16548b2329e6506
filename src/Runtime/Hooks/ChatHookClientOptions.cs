using System;
using CardGen.Schema;
using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>How a <see cref="ChatHookClient"/> posts: retries, timeouts, card validation and logging.</summary>
/// <remarks>The client reads these values at the start of each post, so a change applies to later posts.</remarks>
public sealed class ChatHookClientOptions
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(int.MaxValue);

    private int _maxAttempts = 3;
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(60);
    private TimeSpan _defaultRetryDelay = TimeSpan.FromSeconds(1);
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private HostProfile _host = HostProfile.RingCentral;
    private TimeProvider _timeProvider = TimeProvider.System;
    private Func<double> _jitter = JitterSource.Next;

    /// <summary>
    /// How many requests one post may make in total (default 3, at least 1). Within this budget the client always
    /// retries what certainly posted nothing: HTTP 429, and a connection that was never made (DNS failure, connection
    /// refused or unreachable, TLS handshake failure). What may have posted the message (a 5xx, a timeout, a
    /// connection lost after the request was sent) is retried only when <see cref="RetryServerErrors"/> is set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be at least 1.");
    }

    /// <summary>
    /// The longest the client waits before a retry (default 60 s). A <c>Retry-After</c> beyond it fails the post at
    /// once (with <see cref="ChatHookException.RetryAfter"/> set) instead of waiting; the delay computed back-off draws
    /// from (see <see cref="DefaultRetryDelay"/>) is capped at it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = CheckDelay(value);
    }

    /// <summary>
    /// The delay back-off starts from when the host sends no <c>Retry-After</c> (default 1 s). Retry <c>n</c> waits a
    /// random time between half and all of <c>d = DefaultRetryDelay × 2^(n−1)</c>, with <c>d</c> capped at
    /// <see cref="MaxRetryDelay"/> ("equal jitter"), so clients that failed together do not retry together. A host's
    /// <c>Retry-After</c> (on 429, or on a 5xx that is retried) is waited exactly, without jitter.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan DefaultRetryDelay
    {
        get => _defaultRetryDelay;
        set => _defaultRetryDelay = CheckDelay(value);
    }

    /// <summary>
    /// Whether to retry failures that may have posted the message (default <see langword="false"/>): 5xx responses,
    /// timeouts, and network failures after the connection was made (a reset or a cut response). A post is not
    /// idempotent: such a failure may come after the host posted the message, so a retry may post it twice. Set it
    /// when a duplicate is better than a lost message. Failures that posted nothing (429, a connection never made)
    /// are retried either way.
    /// </summary>
    public bool RetryServerErrors { get; set; }

    /// <summary>The time allowed for each attempt, from sending to reading the response (default 30 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative (other than infinite) or longer than about 24 days.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value == System.Threading.Timeout.InfiniteTimeSpan || (value > TimeSpan.Zero && value <= MaxTimerDelay)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive (at most about 24 days) or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>The host profile cards are validated against (default <see cref="HostProfile.RingCentral"/>).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public HostProfile Host
    {
        get => _host;
        set => _host = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Whether to validate every card attachment against <see cref="Host"/> before sending (default
    /// <see langword="true"/>). A card with an error throws <see cref="CardValidationException"/> and nothing is sent.
    /// </summary>
    public bool ValidateCards { get; set; } = true;

    /// <summary>
    /// Where the client logs (Debug: each attempt; Information: each post; Warning: retries and failures). Log lines
    /// name the webhook only by its redacted URL.
    /// </summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// The clock the client waits on: retry delays, the per-attempt <see cref="Timeout"/> and the reading of a
    /// <c>Retry-After</c> date (default <see cref="TimeProvider.System"/>). Tests set a fake one to prove the waits
    /// without waiting.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Where the random part of computed back-off comes from: a number in [0, 1) per wait. Tests set a fixed one to
    /// prove the waits exactly.
    /// </summary>
    internal Func<double> Jitter
    {
        get => _jitter;
        set => _jitter = value ?? throw new ArgumentNullException(nameof(value));
    }

    private static TimeSpan CheckDelay(TimeSpan value)
        => value >= TimeSpan.Zero && value <= MaxTimerDelay
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A retry delay must be zero or positive, and at most about 24 days.");
}
