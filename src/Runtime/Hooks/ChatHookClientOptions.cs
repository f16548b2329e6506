using System;
using System.Collections.Generic;
using System.Globalization;
using CardGen.Schema;
using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>
/// How a <see cref="ChatHookClient"/> posts: retries, timeouts and a circuit breaker (shaped as
/// <c>HttpStandardResilienceOptions</c>, and bindable from configuration), card validation and logging.
/// </summary>
/// <remarks>
/// The client reads these values at the start of each post, so a change applies to later posts; a post with values
/// out of range throws <see cref="ArgumentException"/> naming them before anything is sent (see <see cref="Validate"/>).
/// A change to <see cref="CircuitBreaker"/> starts each webhook's circuit afresh.
/// </remarks>
public sealed class ChatHookClientOptions
{
    /// <summary>The longest delay or timeout a timer takes.</summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(24);

    private ChatHookRetryOptions _retry = new();
    private ChatHookTimeoutOptions _attemptTimeout = new(TimeSpan.FromSeconds(30));
    private ChatHookTimeoutOptions _totalRequestTimeout = new(TimeSpan.FromMinutes(4));
    private ChatHookCircuitBreakerOptions _circuitBreaker = new();
    private TimeProvider _timeProvider = TimeProvider.System;
    private Func<double> _jitter = JitterSource.Next;

    /// <summary>Which failures are retried and how long the client waits between attempts.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ChatHookRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The time allowed for each request, from sending to reading the response (default 30 s). An attempt that runs
    /// out fails with <see cref="ChatHookFailure.Timeout"/>, and the message may have been delivered.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ChatHookTimeoutOptions AttemptTimeout
    {
        get => _attemptTimeout;
        set => _attemptTimeout = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The time allowed for a whole post, every attempt and wait included (default 4 min, enough for the default three
    /// attempts of 30 s and two waits of at most a minute).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ChatHookTimeoutOptions TotalRequestTimeout
    {
        get => _totalRequestTimeout;
        set => _totalRequestTimeout = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>When a webhook's circuit opens, so that posts to a host that is down fail at once.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ChatHookCircuitBreakerOptions CircuitBreaker
    {
        get => _circuitBreaker;
        set => _circuitBreaker = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The host profile cards are validated against, or <see langword="null"/> (the default) for the profile of the
    /// host each hook URL posts to: <see cref="HostProfile.RingCentral"/> for a RingCentral URL,
    /// <see cref="HostProfile.Teams"/> for a Teams Workflows URL (<see cref="WebhookUrl.ChatHost"/>). The envelope, the
    /// size limit and how answers read always follow the URL.
    /// </summary>
    public HostProfile? Host { get; set; }

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
    /// The clock the client waits on: retry delays, both timeouts, the circuit breaker and the reading of a
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

    /// <summary>Copies these options, each section included, so that the copy can be changed on its own.</summary>
    /// <returns>The copy.</returns>
    public ChatHookClientOptions Clone()
    {
        var copy = (ChatHookClientOptions)MemberwiseClone();
        copy._retry = _retry.Clone();
        copy._attemptTimeout = _attemptTimeout.Clone();
        copy._totalRequestTimeout = _totalRequestTimeout.Clone();
        copy._circuitBreaker = _circuitBreaker.Clone();
        return copy;
    }

    /// <summary>Checks every value's range, as a post does before it sends anything.</summary>
    /// <returns>One line per value out of range, naming it (for example <c>Retry.MaxRetryAttempts is -1; it must be 0 to 100.</c>); empty when all are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Retry.MaxRetryAttempts is < 0 or > 100)
        {
            errors.Add(Invalid("Retry.MaxRetryAttempts", Retry.MaxRetryAttempts, "0 to 100"));
        }

        CheckDelay(errors, "Retry.Delay", Retry.Delay, allowZero: true);
        CheckDelay(errors, "Retry.MaxDelay", Retry.MaxDelay, allowZero: true);
        CheckTimeout(errors, "AttemptTimeout.Timeout", AttemptTimeout.Timeout);
        CheckTimeout(errors, "TotalRequestTimeout.Timeout", TotalRequestTimeout.Timeout);
        if (double.IsNaN(CircuitBreaker.FailureRatio) || CircuitBreaker.FailureRatio is <= 0 or > 1)
        {
            errors.Add(Invalid("CircuitBreaker.FailureRatio", CircuitBreaker.FailureRatio, "more than 0 and at most 1"));
        }

        if (CircuitBreaker.MinimumThroughput < 2)
        {
            errors.Add(Invalid("CircuitBreaker.MinimumThroughput", CircuitBreaker.MinimumThroughput, "at least 2"));
        }

        CheckBreakerTime(errors, "CircuitBreaker.SamplingDuration", CircuitBreaker.SamplingDuration);
        CheckBreakerTime(errors, "CircuitBreaker.BreakDuration", CircuitBreaker.BreakDuration);
        return errors;
    }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names each.</exception>
    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The ChatHookClientOptions are not valid, so nothing was sent: " + string.Join(" ", errors), "options");
        }
    }

    private static void CheckDelay(List<string> errors, string name, TimeSpan value, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value > MaxTimerDelay)
        {
            errors.Add(Invalid(name, value, "zero or positive, and at most 24 days"));
        }
    }

    private static void CheckTimeout(List<string> errors, string name, TimeSpan value)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value > MaxTimerDelay))
        {
            errors.Add(Invalid(name, value, "positive and at most 24 days, or Timeout.InfiniteTimeSpan (-00:00:00.001) for none"));
        }
    }

    private static void CheckBreakerTime(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.FromMilliseconds(500) || value > MaxTimerDelay)
        {
            errors.Add(Invalid(name, value, "at least 0.5 s and at most 24 days"));
        }
    }

    private static string Invalid(string name, object value, string range)
        => string.Format(CultureInfo.InvariantCulture, "{0} is {1}; it must be {2}.", name, value, range);
}
