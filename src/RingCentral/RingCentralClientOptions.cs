using System;
using Microsoft.Extensions.Logging;

namespace CardGen.RingCentral;

/// <summary>Where and how a <see cref="RingCentralClient"/> calls RingCentral.</summary>
/// <remarks>The client copies these values when it is created; later changes do not reach it.</remarks>
public sealed class RingCentralClientOptions
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(int.MaxValue);

    private Uri _server = RingCentralClient.ProductionServer;
    private int _maxAttempts = 3;
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(60);
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private TimeSpan _renewBefore = TimeSpan.FromMinutes(5);
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// The platform's address (default <see cref="RingCentralClient.ProductionServer"/>; <see cref="RingCentralClient.SandboxServer"/>
    /// for the sandbox, or a local emulator). https, or http on a loopback host only, since the credential goes with every login.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Uri Server
    {
        get => _server;
        set => _server = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How many requests one operation may make (default 3, at least 1). A 429 is retried after its <c>Retry-After</c>
    /// (every operation, since the platform did nothing); a 5xx, a timeout or a lost connection only for operations
    /// that can be repeated safely (list, get, suspend, activate, delete, and logins), never for a create.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be at least 1.");
    }

    /// <summary>
    /// The longest the client waits before a retry (default 60 s). A <c>Retry-After</c> beyond it fails the operation at
    /// once, with <see cref="RingCentralException.RetryAfter"/> set; a 429 without <c>Retry-After</c> waits 30 s, as
    /// RingCentral advises, capped at this value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 24 days.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = value >= TimeSpan.Zero && value <= MaxTimerDelay ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryDelay must be zero or positive, and at most about 24 days.");
    }

    /// <summary>The time allowed for each request, from sending to reading the answer (default 30 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than about 24 days.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero && value <= MaxTimerDelay ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive and at most about 24 days.");
    }

    /// <summary>
    /// How long before its expiry an access token is renewed (default 5 minutes; at most half the token's lifetime),
    /// so that no call carries a token that expires on the way. The lifetime is the answer's <c>expires_in</c>, never
    /// assumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RenewBefore
    {
        get => _renewBefore;
        set => _renewBefore = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RenewBefore cannot be negative.");
    }

    /// <summary>The clock for token lifetimes, retry waits and timeouts (default <see cref="TimeProvider.System"/>); tests set a fake one.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Where the client logs (Debug: each request; Information: logins; Warning: retries and failures). No line contains a secret.</summary>
    public ILogger? Logger { get; set; }

    internal RingCentralClientOptions Clone() => (RingCentralClientOptions)MemberwiseClone();
}
