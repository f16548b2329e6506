using System;
using System.Collections.Generic;

namespace CardGen.Emulator;

/// <summary>How a <see cref="HookEmulator"/> listens, answers and records.</summary>
public sealed class HookEmulatorOptions
{
    /// <summary>The id of the hook that exists at start unless <see cref="DefaultHookId"/> says otherwise.</summary>
    public const string WellKnownDefaultHookId = "0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de";

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// A static bearer token the management API (<c>/team-messaging/v1</c>) accepts besides the access tokens of the
    /// token endpoint, and which never expires; <see langword="null"/> (the default) for a random one, readable from
    /// <see cref="HookEmulator.ManagementToken"/>.
    /// </summary>
    public string? ManagementToken { get; set; }

    /// <summary>
    /// The OAuth client id the token endpoint (<c>/restapi/oauth/token</c>) accepts; <see langword="null"/> (the
    /// default) for a random one, readable from <see cref="HookEmulator.ClientId"/>.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The OAuth client secret the token endpoint accepts; <see langword="null"/> (the default) for a random one,
    /// readable from <see cref="HookEmulator.ClientSecret"/>. The emulator's JWT credentials are signed with a key
    /// derived from it, so the same secret gives the same <see cref="HookEmulator.JwtCredential"/> on every start.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long an access token from the token endpoint is valid (default 1 hour, RingCentral's default), on <see cref="TimeProvider"/>.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The limit of the token endpoint (RingCentral's <c>Auth</c> rate group: 5 a minute by default there);
    /// <see langword="null"/> (the default) for none. Over it, 429 with <c>Retry-After</c> and <c>CMN-301</c>.
    /// </summary>
    public RateLimit? AuthRateLimit { get; set; }

    /// <summary>
    /// The limit of the management API (RingCentral's <c>Medium</c> rate group: 40 a minute by default there);
    /// <see langword="null"/> (the default) for none. Over it, 429 with <c>Retry-After</c> and <c>CMN-301</c>.
    /// </summary>
    public RateLimit? ApiRateLimit { get; set; }

    /// <summary>The id of the hook created at start (default <see cref="WellKnownDefaultHookId"/>); a GUID or a three-part token.</summary>
    public string DefaultHookId { get; set; } = WellKnownDefaultHookId;

    /// <summary>The chat (group) id the default hook belongs to.</summary>
    public string DefaultGroupId { get; set; } = "1000001";

    /// <summary>
    /// The HTTP status of an error envelope (<c>"status":"error"</c>): 200 by default, as RingCentral answers; a
    /// 4xx status makes clients that only check the status code see the failure.
    /// </summary>
    public int ErrorHttpStatus { get; set; } = 200;

    /// <summary>The largest request body accepted (default 2 MiB); a larger one is refused unread beyond this size.</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How much of each raw body is kept for inspection (default 256 KiB); the rest is cut off and flagged.</summary>
    public int RecordedBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many posts are kept (default 1,000); older ones are dropped while the counters go on.</summary>
    public int MaxRecordedPosts { get; set; } = 1000;

    /// <summary>
    /// About how much memory the recorded posts may hold in all (default 64 MiB); the oldest are dropped beyond it,
    /// so that large posts cannot grow the emulator without bound. The newest post is always kept.
    /// </summary>
    public long MaxRecordedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The rate limit of every hook without its own in <see cref="RateLimits"/>; <see langword="null"/> (the default) for none.</summary>
    public RateLimit? DefaultRateLimit { get; set; }

    /// <summary>Rate limits by hook id.</summary>
    public IDictionary<string, RateLimit> RateLimits { get; private set; } = new Dictionary<string, RateLimit>(StringComparer.Ordinal);

    /// <summary>Faults injected from the start, by hook id.</summary>
    public IDictionary<string, IList<FaultSpec>> Faults { get; private set; } = new Dictionary<string, IList<FaultSpec>>(StringComparer.Ordinal);

    /// <summary>The seed of the random numbers that decide rate-based faults; <see langword="null"/> (the default) for a random seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>
    /// The emulator's clock: rate-limit windows, injected delays and the times recorded on posts and hooks (default
    /// <see cref="TimeProvider.System"/>). A test sets a fake one to move a rate-limit window on without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How often the live event stream (<c>/api/events</c>) sends a keep-alive comment (default 15 s).</summary>
    public TimeSpan EventStreamPingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The folder the page is served from; <see langword="null"/> (the default) for <c>wwwroot</c> beside the emulator's assembly.</summary>
    public string? WebRootPath { get; set; }

    /// <summary>Whether to log requests and the server's life cycle to the console (default <see langword="false"/>).</summary>
    public bool ConsoleLogging { get; set; }

    /// <summary>A copy, so that the running emulator does not see later changes.</summary>
    internal HookEmulatorOptions Clone()
    {
        var copy = (HookEmulatorOptions)MemberwiseClone();
        copy.RateLimits = new Dictionary<string, RateLimit>(RateLimits, StringComparer.Ordinal);
        copy.Faults = new Dictionary<string, IList<FaultSpec>>(StringComparer.Ordinal);
        foreach (var (id, faults) in Faults)
        {
            copy.Faults[id] = new List<FaultSpec>(faults);
        }

        return copy;
    }

    /// <summary>
    /// Also take posts at <c>/webhooks/v2/{id}</c> and <c>/webhooks/{id}</c> (plural), a typo in some RingCentral docs
    /// (default <see langword="false"/>: those paths get 404, as every client and the rest of the docs use the singular).
    /// </summary>
    public bool AcceptPluralWebhookPath { get; set; }

    /// <summary>Also answer the legacy management paths under <c>/restapi/v1.0/glip</c> (default <see langword="true"/>).</summary>
    public bool LegacyManagementPaths { get; set; } = true;
}

/// <summary>A fixed-window rate limit: at most <see cref="Requests"/> posts per <see cref="Window"/>; more get HTTP 429 with <c>Retry-After</c>.</summary>
/// <param name="Requests">The posts allowed in one window (at least 1).</param>
/// <param name="Window">The window's length (positive).</param>
public sealed record RateLimit(int Requests, TimeSpan Window)
{
    internal void Check()
    {
        if (Requests < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Requests), Requests, "A rate limit allows at least one request per window.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "A rate limit's window must be positive.");
        }
    }
}
