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

    /// <summary>
    /// How many requests one post may make in total (default 3, at least 1). HTTP 429 is always retried within
    /// this budget; 5xx, timeouts and network failures only when <see cref="RetryServerErrors"/> is set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be at least 1.");
    }

    /// <summary>
    /// The longest the client waits before a retry (default 60 s). A <c>Retry-After</c> beyond it fails the post at
    /// once (with <see cref="ChatHookException.RetryAfter"/> set) instead of waiting; computed back-off is capped at it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = CheckDelay(value);
    }

    /// <summary>
    /// The wait before the first retry when the host sends no <c>Retry-After</c> (default 1 s); it doubles for each
    /// further retry, up to <see cref="MaxRetryDelay"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan DefaultRetryDelay
    {
        get => _defaultRetryDelay;
        set => _defaultRetryDelay = CheckDelay(value);
    }

    /// <summary>
    /// Whether to retry 5xx responses, timeouts and network failures (default <see langword="false"/>). A post is not
    /// idempotent: a 5xx or a timeout after the body was sent may have posted the message, so a retry may post it
    /// twice. Set it when a duplicate is better than a lost message.
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

    private static TimeSpan CheckDelay(TimeSpan value)
        => value >= TimeSpan.Zero && value <= MaxTimerDelay
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A retry delay must be zero or positive, and at most about 24 days.");
}
