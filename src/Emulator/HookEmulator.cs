using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CardGen.Emulator;

/// <summary>
/// A local RingCentral incoming-webhook emulator on loopback: the webhook endpoints (v2 and legacy v1) with
/// RingCentral's answers, the webhook management API, fault injection, a record of every post, a JSON inspection
/// API with live events, and the preview page at <c>/</c>.
/// </summary>
/// <example>
/// <code>
/// await using var hook = await HookEmulator.StartAsync();
/// await myEvent.PostToHookAsync(hook.DefaultHook);
/// Assert.Single(hook.Posts);
/// </code>
/// </example>
public sealed class HookEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HookEmulatorOptions _options;
    private readonly HookRegistry _hooks;
    private readonly PostStore _store;
    private readonly CancellationTokenSource _stopping;
    private readonly PlatformCredentials _credentials;
    private readonly AccessTokens _tokens;
    private readonly OAuthEndpoint _oauth;
    private TeamsEndpoint _teams = null!;
    private int _disposed;

    private HookEmulator(WebApplication app, HookEmulatorOptions options, HookRegistry hooks, PostStore store, CancellationTokenSource stopping, string token, PlatformCredentials credentials, AccessTokens tokens, OAuthEndpoint oauth)
    {
        _app = app;
        _options = options;
        _hooks = hooks;
        _store = store;
        _stopping = stopping;
        _credentials = credentials;
        _tokens = tokens;
        _oauth = oauth;
        ManagementToken = token;
    }

    /// <summary>A copy of the options the emulator was started with; changing it has no effect.</summary>
    public HookEmulatorOptions Options => _options.Clone();

    /// <summary>The emulator's address, for example <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The preview page (<c>/</c>).</summary>
    public Uri PageUri => BaseAddress;

    /// <summary>The id of the hook that exists from the start.</summary>
    public string DefaultHookId => _options.DefaultHookId;

    /// <summary>The v2 URL of the hook that exists from the start (a local emulator hook, not a credential).</summary>
    public WebhookUrl DefaultHook => GetUrl(DefaultHookId);

    /// <summary>
    /// A static bearer token the management API (<c>/team-messaging/v1</c>) accepts besides the access tokens the
    /// token endpoint issues; it never expires (a convenience for raw HTTP tests, not something RingCentral has).
    /// </summary>
    public string ManagementToken { get; }

    /// <summary>The OAuth client id the token endpoint (<c>/restapi/oauth/token</c>) accepts, in HTTP Basic with <see cref="ClientSecret"/>.</summary>
    public string ClientId => _credentials.ClientId;

    /// <summary>The OAuth client secret the token endpoint accepts (a local emulator's, not a credential of any real service).</summary>
    public string ClientSecret => _credentials.ClientSecret;

    /// <summary>
    /// A JWT credential the token endpoint accepts as the <c>assertion</c> of the JWT bearer grant: signed by the
    /// emulator, without expiry, the same on every start with the same <see cref="ClientSecret"/>.
    /// </summary>
    public string JwtCredential => _credentials.DefaultJwt;

    /// <summary>The token endpoint's address, <c>{BaseAddress}restapi/oauth/token</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, OAuthEndpoint.Path.TrimStart('/'));

    /// <summary>How many requests the token endpoint received since the start, refused ones included.</summary>
    public long TokenRequests => _oauth.Requests;

    /// <summary>How many access tokens the token endpoint issued since the start.</summary>
    public long IssuedAccessTokens => _oauth.Issued;

    /// <summary>The recorded posts, oldest first (a snapshot of at most <see cref="HookEmulatorOptions.MaxRecordedPosts"/>).</summary>
    public IReadOnlyList<RecordedPost> Posts => _store.Snapshot();

    /// <summary>How many posts were received since the start, including those no longer recorded.</summary>
    public long TotalPosts => _store.Total;

    /// <summary>How many posts were accepted since the start.</summary>
    public long AcceptedPosts => _store.Accepted;

    /// <summary>How many posts were rejected since the start.</summary>
    public long RejectedPosts => _store.Rejected;

    /// <summary>How many posts met a fault or the rate limit since the start.</summary>
    public long FaultedPosts => _store.Faulted;

    /// <summary>About how much memory the recorded posts hold (bounded by <see cref="HookEmulatorOptions.MaxRecordedBytes"/>).</summary>
    public long RecordedBytes => _store.RecordedBytes;

    /// <summary>Every hook the emulator knows, deleted ones included.</summary>
    public IReadOnlyList<EmulatedHook> Hooks => _hooks.All();

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (a free port, a random token).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<HookEmulator> StartAsync(HookEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = options?.Clone() ?? new HookEmulatorOptions();
        Check(options);
        var token = string.IsNullOrEmpty(options.ManagementToken) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : options.ManagementToken;
        var time = options.TimeProvider;
        var credentials = new PlatformCredentials(
            string.IsNullOrEmpty(options.ClientId) ? "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) : options.ClientId,
            string.IsNullOrEmpty(options.ClientSecret) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : options.ClientSecret);
        var tokens = new AccessTokens(time, token);
        var oauth = new OAuthEndpoint(credentials, tokens, new PlatformRateLimiter(options.AuthRateLimit, time), time, options.AccessTokenLifetime);
        var store = new PostStore(options.MaxRecordedPosts, options.MaxRecordedBytes);
        HookEmulator? emulator = null;
        var hooks = new HookRegistry(() => emulator?.BaseAddress ?? new Uri("http://127.0.0.1/"), time, options.RandomSeed ?? Random.Shared.Next(), options.DefaultRateLimit);
        hooks.Create(options.DefaultHookId, new[] { options.DefaultGroupId });
        foreach (var (id, limit) in options.RateLimits)
        {
            if (hooks.Find(id) is null)
            {
                hooks.Create(id, new[] { options.DefaultGroupId });
            }

            hooks.SetRateLimit(id, limit);
        }

        foreach (var (id, faults) in options.Faults)
        {
            if (hooks.Find(id) is null)
            {
                hooks.Create(id, new[] { options.DefaultGroupId });
            }

            foreach (var fault in faults)
            {
                hooks.AddFault(id, fault);
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(HookEmulator).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            // A failed start (a port in use) is reported once, by the caller.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            // The endpoint stops reading at MaxBodyBytes itself; Kestrel's own limit only has to be higher.
            kestrel.Limits.MaxRequestBodySize = Math.Max(30L * 1024 * 1024, options.MaxBodyBytes + 1L);
        });
        builder.Services.AddSingleton(time);

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        emulator = new HookEmulator(app, options, hooks, store, stopping, token, credentials, tokens, oauth);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CardGen.Emulator");
        var webhook = new WebhookEndpoint(options, hooks, store, time, logger);
        var api = new EmulatorApi(options, hooks, store, tokens, new PlatformRateLimiter(options.ApiRateLimit, time), oauth, stopping.Token);
        api.Map(app, webhook, WebRoot(options));

        // Each emulator signs its Teams URLs with a key of its own: a sig from another run is refused, as a stale one is.
        emulator._teams = new TeamsEndpoint(options, hooks, store, time, logger, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        emulator._teams.Map(app);
        app.Lifetime.ApplicationStopping.Register(static s => ((CancellationTokenSource)s!).Cancel(), stopping);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server reported no address.");
            var port = new Uri(address).Port;
            emulator.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            return emulator;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>The URL of a hook.</summary>
    /// <param name="hookId">The hook's id.</param>
    /// <param name="route">
    /// The v2 URL (the default), the legacy v1 one, or <see cref="HookRoute.Teams"/> for a Teams Workflows URL,
    /// <c>{BaseAddress}workflows/{hookId}/triggers/manual/paths/invoke?api-version=2016-06-01&amp;sp=…&amp;sv=1.0&amp;sig=…</c>, whose
    /// <c>sig</c> this emulator issued for the hook (the same hook answers on every route).
    /// </param>
    /// <returns>The URL (whether or not the hook exists).</returns>
    /// <exception cref="ArgumentException"><paramref name="hookId"/> is not a webhook id.</exception>
    public WebhookUrl GetUrl(string hookId, HookRoute route = HookRoute.V2)
    {
        if (!HookIds.IsValid(hookId))
        {
            throw new ArgumentException("Not a webhook id.", nameof(hookId));
        }

        if (route == HookRoute.Teams)
        {
            return WebhookUrl.Parse(new Uri(BaseAddress, TeamsEndpoint.PathOf(hookId)).AbsoluteUri
                + "?api-version=" + TeamsEndpoint.ApiVersion + "&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + _teams.Signature(hookId));
        }

        return WebhookUrl.Parse(new Uri(BaseAddress, (route == HookRoute.V2 ? "webhook/v2/" : "webhook/") + hookId).AbsoluteUri);
    }

    /// <summary>Signs a new JWT credential that the token endpoint accepts until <paramref name="lifetime"/> has passed on the emulator's clock.</summary>
    /// <param name="lifetime">How long it is valid (its <c>exp</c> claim, in whole seconds); <see langword="null"/> for no expiry.</param>
    /// <returns>The JWT.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is negative.</exception>
    public string IssueJwtCredential(TimeSpan? lifetime = null)
    {
        if (lifetime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A JWT credential's lifetime cannot be negative.");
        }

        return _credentials.Jwt.Issue(HookRegistry.CreatorId, lifetime is { } l ? _options.TimeProvider.GetUtcNow() + l : null);
    }

    /// <summary>
    /// Forgets every access token the token endpoint issued, as a password change or an admin's session reset does
    /// on RingCentral: the management API then answers them 401 <c>OAU-213</c> (Token not found). The static
    /// <see cref="ManagementToken"/> stays valid.
    /// </summary>
    public void RevokeAccessTokens() => _tokens.RevokeAll();

    /// <summary>Creates an active hook.</summary>
    /// <param name="id">
    /// The id (a GUID or a three-part token); <see langword="null"/> for a new GUID. A deleted hook's id may be reused:
    /// the new hook starts clean, with none of the deleted one's faults or rate limit (the
    /// <see cref="HookEmulatorOptions.DefaultRateLimit"/> applies to it as to any hook).
    /// </param>
    /// <param name="groupId">The chat it belongs to; <see langword="null"/> for <see cref="HookEmulatorOptions.DefaultGroupId"/>.</param>
    /// <returns>The hook.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a webhook id.</exception>
    /// <exception cref="InvalidOperationException">A hook with <paramref name="id"/> exists.</exception>
    public EmulatedHook CreateHook(string? id = null, string? groupId = null) => _hooks.Create(id, new[] { groupId ?? _options.DefaultGroupId });

    /// <summary>A hook by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The hook (also when deleted), or <see langword="null"/> when unknown.</returns>
    public EmulatedHook? GetHook(string id) => _hooks.Get(id);

    /// <summary>Deletes a hook: its posts then get "Webhook not found!".</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether the hook existed and was not already deleted.</returns>
    public bool DeleteHook(string id) => _hooks.SetStatus(id, HookStatus.Deleted);

    /// <summary>Suspends a hook: its posts then get "Webhook is suspended".</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether the hook exists and is not deleted.</returns>
    public bool SuspendHook(string id) => _hooks.SetStatus(id, HookStatus.Suspended);

    /// <summary>Activates a suspended hook.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether the hook exists and is not deleted.</returns>
    public bool ActivateHook(string id) => _hooks.SetStatus(id, HookStatus.Active);

    /// <summary>Adds a fault to a hook's posts; faults apply in the order added, after the rate limit.</summary>
    /// <param name="hookId">The hook's id.</param>
    /// <param name="fault">The fault.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="fault"/> is out of range.</exception>
    /// <exception cref="KeyNotFoundException">No hook has <paramref name="hookId"/>.</exception>
    public void InjectFault(string hookId, FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _hooks.AddFault(hookId, fault);
    }

    /// <summary>Removes a hook's faults.</summary>
    /// <param name="hookId">The hook's id.</param>
    /// <returns>Whether the hook exists.</returns>
    public bool ClearFaults(string hookId) => _hooks.ClearFaults(hookId);

    /// <summary>A hook's faults still in effect (a <see cref="FaultSpec.Count"/> shows what is left).</summary>
    /// <param name="hookId">The hook's id.</param>
    /// <returns>The faults; empty for an unknown hook.</returns>
    public IReadOnlyList<FaultSpec> GetFaults(string hookId) => _hooks.Faults(hookId);

    /// <summary>Sets or removes a hook's rate limit (it replaces <see cref="HookEmulatorOptions.DefaultRateLimit"/> for that hook).</summary>
    /// <param name="hookId">The hook's id.</param>
    /// <param name="limit">The limit; <see langword="null"/> to fall back to the default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limit"/> is out of range.</exception>
    /// <exception cref="KeyNotFoundException">No hook has <paramref name="hookId"/>.</exception>
    public void SetRateLimit(string hookId, RateLimit? limit) => _hooks.SetRateLimit(hookId, limit);

    /// <summary>Forgets the recorded posts; the counters go on.</summary>
    public void ClearPosts() => _store.Clear();

    /// <summary>A recorded post by number.</summary>
    /// <param name="seq">The post's <see cref="RecordedPost.Seq"/>.</param>
    /// <returns>The post, or <see langword="null"/> when unknown or no longer recorded.</returns>
    public RecordedPost? GetPost(long seq) => _store.Find(seq);

    /// <summary>Waits for a recorded post (one already recorded counts) that matches.</summary>
    /// <param name="match">The condition; <see langword="null"/> for any post.</param>
    /// <param name="timeout">How long to wait (default 10 s).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first matching post.</returns>
    /// <exception cref="TimeoutException">No matching post arrived in time.</exception>
    public Task<RecordedPost> WaitForPostAsync(Func<RecordedPost, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => _store.WaitAsync(match, timeout ?? TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>
    /// Calls <paramref name="observer"/> for every post as it is recorded, including posts the bounded record later
    /// drops (for counting every post of a long run). It runs on the request's thread, possibly on several at once,
    /// before the answer is sent, so keep it short and thread-safe; an exception it throws is ignored.
    /// </summary>
    /// <param name="observer">The callback.</param>
    /// <returns>Dispose it to stop the calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observer"/> is null.</exception>
    public IDisposable ObservePosts(Action<RecordedPost> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return _store.Observe(observer);
    }

    /// <summary>Waits until the emulator stops (Ctrl+C or SIGTERM in a console, or <see cref="DisposeAsync"/>).</summary>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes when the emulator stops.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server: live event streams end, open requests get a few seconds to finish.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Requests still open after the grace period are cut off.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static string? WebRoot(HookEmulatorOptions options)
    {
        var root = options.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(root) ? Path.GetFullPath(root) : null;
    }

    private static void Check(HookEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be 0-65535.");
        }

        if (!HookIds.IsValid(options.DefaultHookId))
        {
            throw new ArgumentException("DefaultHookId is not a webhook id (a GUID or a three-part token).", nameof(options));
        }

        if (options.ErrorHttpStatus is < 200 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ErrorHttpStatus, "ErrorHttpStatus must be an HTTP status (200-599).");
        }

        if (options.MaxBodyBytes < 1024 || options.MaxBodyBytes > 256 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBodyBytes, "MaxBodyBytes must be between 1 KiB and 256 MiB.");
        }

        if (options.RecordedBodyBytes < 0 || options.MaxRecordedPosts < 1 || options.MaxRecordedBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RecordedBodyBytes cannot be negative; MaxRecordedPosts and MaxRecordedBytes must be positive.");
        }

        if (options.EventStreamPingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventStreamPingInterval, "EventStreamPingInterval must be positive.");
        }

        options.DefaultRateLimit?.Check();
        options.AuthRateLimit?.Check();
        options.ApiRateLimit?.Check();
        if (options.AccessTokenLifetime < TimeSpan.FromSeconds(1) || options.AccessTokenLifetime > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AccessTokenLifetime, "AccessTokenLifetime must be between 1 second and 365 days.");
        }

        if (options.ClientId is { } clientId && (clientId.Contains(':', StringComparison.Ordinal) || clientId.Any(char.IsControl)))
        {
            throw new ArgumentException("ClientId cannot contain ':' (it is sent in HTTP Basic as id:secret) or control characters.", nameof(options));
        }
    }
}
