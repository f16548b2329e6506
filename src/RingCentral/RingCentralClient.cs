using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CardGen.RingCentral;

/// <summary>
/// RingCentral's Team Messaging webhook management API (<c>/team-messaging/v1</c>): create a webhook in a chat, list,
/// get, suspend, activate and delete, authenticated with a <see cref="JwtCredential"/>.
/// </summary>
/// <remarks>
/// <para>The client logs in (<c>POST /restapi/oauth/token</c>, JWT bearer grant) on first use and keeps the access
/// token until <see cref="RingCentralClientOptions.RenewBefore"/> its expiry; concurrent calls share one login. A call
/// refused with 401 because the token expired or was revoked (<c>OAU-128</c>, <c>OAU-213</c>, …) logs in again once
/// and is repeated.</para>
/// <para>A 429 is retried after its <c>Retry-After</c>. A create is never retried after an answer that leaves its
/// outcome open (a 5xx, a timeout, a connection lost after sending), since that could create a second webhook;
/// <see cref="RingCentralException.MayHaveSucceeded"/> says so. Other operations repeat safely and are retried.</para>
/// <para>The client secret, the JWT, access tokens and webhook ids appear in no exception message, log line or
/// <c>ToString()</c>. A <see cref="WebhookInfo.Url"/> is a <see cref="WebhookUrl"/>, shown redacted.</para>
/// <para>The client is thread-safe; reuse one instance.</para>
/// </remarks>
public sealed class RingCentralClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RingCentralClientOptions _options;
    private readonly PlatformTransport _transport;
    private readonly TokenSource _tokens;
    private readonly ILogger _logger;
    private readonly Uri _base;
    private int _disposed;

    /// <summary>Creates a client with its own HTTP client (no redirects followed), disposed with it.</summary>
    /// <param name="credential">The credential.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (the production platform).</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="RingCentralClientOptions.Server"/> is not an https URL (or http on loopback) without query or user information.</exception>
    public RingCentralClient(JwtCredential credential, RingCentralClientOptions? options = null)
        : this(CreateHttpClient(), credential, options, ownsHttp: true)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>; its handlers see the credential and tokens in the headers, so add no logging of headers to it.</summary>
    /// <param name="httpClient">The HTTP client; not disposed with this client.</param>
    /// <param name="credential">The credential.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="RingCentralClientOptions.Server"/> is not an https URL (or http on loopback) without query or user information.</exception>
    public RingCentralClient(HttpClient httpClient, JwtCredential credential, RingCentralClientOptions? options = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), credential, options, ownsHttp: false)
    {
    }

    private RingCentralClient(HttpClient http, JwtCredential credential, RingCentralClientOptions? options, bool ownsHttp)
    {
        try
        {
            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            _options = (options ?? new RingCentralClientOptions()).Clone();
            _base = CheckServer(_options.Server);
        }
        catch
        {
            if (ownsHttp)
            {
                http.Dispose();
            }

            throw;
        }

        _http = http;
        _ownsHttp = ownsHttp;
        _logger = _options.Logger ?? NullLogger.Instance;
        TokenSource? tokens = null;
        _transport = new PlatformTransport(http, _options, _logger, () => tokens!.Secrets());
        tokens = new TokenSource(_transport, credential, _options, _logger, new Uri(_base, "restapi/oauth/token"));
        _tokens = tokens;
        ClientId = credential.ClientId;
    }

    /// <summary>RingCentral's production platform, <c>https://platform.ringcentral.com</c>.</summary>
    public static Uri ProductionServer { get; } = new("https://platform.ringcentral.com/");

    /// <summary>RingCentral's developer sandbox, <c>https://platform.devtest.ringcentral.com</c>.</summary>
    public static Uri SandboxServer { get; } = new("https://platform.devtest.ringcentral.com/");

    /// <summary>The platform this client calls.</summary>
    public Uri Server => _base;

    /// <summary>The credential's client id.</summary>
    public string ClientId { get; }

    /// <summary>How many times the client has logged in (got an access token) since it was created.</summary>
    public long Logins => _tokens.Logins;

    /// <summary>Logs in now unless a valid access token is at hand: checks the credential before the first operation.</summary>
    /// <param name="cancellationToken">Cancels the login.</param>
    /// <returns>A task that completes when a token is at hand.</returns>
    /// <exception cref="RingCentralException">The login failed; <see cref="RingCentralException.IsAuthenticationFailure"/> when the credential was refused.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public async Task AuthenticateAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a webhook in a chat (<c>POST /team-messaging/v1/groups/{groupId}/webhooks</c>). Never retried on an answer that leaves the outcome open.</summary>
    /// <param name="groupId">The chat's (group's) id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new webhook; its <see cref="WebhookInfo.Url"/> is the credential to post with.</returns>
    /// <exception cref="ArgumentException"><paramref name="groupId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call.</exception>
    public async Task<WebhookInfo> CreateWebhookAsync(string groupId, CancellationToken cancellationToken = default)
    {
        CheckId(groupId, nameof(groupId));
        var operation = $"create a webhook in group {groupId}";
        var answer = await CallAsync(HttpMethod.Post, $"team-messaging/v1/groups/{groupId}/webhooks", operation, repeatable: false, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        return ReadWebhook(answer, operation, id: null);
    }

    /// <summary>Lists the account's webhooks (<c>GET /team-messaging/v1/webhooks</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhooks.</returns>
    /// <exception cref="RingCentralException">The platform refused or failed the call.</exception>
    public async Task<IReadOnlyList<WebhookInfo>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        const string Operation = "list the account's webhooks";
        var answer = await CallAsync(HttpMethod.Get, "team-messaging/v1/webhooks", Operation, repeatable: true, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        return ReadList(answer, Operation);
    }

    /// <summary>Lists a chat's webhooks (<c>GET /team-messaging/v1/groups/{groupId}/webhooks</c>).</summary>
    /// <param name="groupId">The chat's (group's) id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhooks.</returns>
    /// <exception cref="ArgumentException"><paramref name="groupId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call (404 <c>CMN-102</c> for an unknown group).</exception>
    public async Task<IReadOnlyList<WebhookInfo>> ListGroupWebhooksAsync(string groupId, CancellationToken cancellationToken = default)
    {
        CheckId(groupId, nameof(groupId));
        var operation = $"list the webhooks of group {groupId}";
        var answer = await CallAsync(HttpMethod.Get, $"team-messaging/v1/groups/{groupId}/webhooks", operation, repeatable: true, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        return ReadList(answer, operation);
    }

    /// <summary>Gets a webhook (<c>GET /team-messaging/v1/webhooks/{webhookId}</c>).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhook.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call (404 for an unknown or deleted webhook).</exception>
    public async Task<WebhookInfo> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        CheckId(webhookId, nameof(webhookId));
        var operation = $"get webhook {Redaction.RedactId(webhookId)}";
        var answer = await CallAsync(HttpMethod.Get, "team-messaging/v1/webhooks/" + webhookId, operation, repeatable: true, new[] { webhookId }, cancellationToken).ConfigureAwait(false);
        var list = ReadList(answer, operation);
        return list.Find(w => w.Id == webhookId) ?? (list.Count > 0 ? list[0] : null)
            ?? throw PlatformErrors.Unreadable(answer, operation, "it lists no webhook");
    }

    /// <summary>Suspends a webhook (<c>POST /team-messaging/v1/webhooks/{webhookId}/suspend</c>): its posts are refused until it is activated.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the platform has done it.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call.</exception>
    public Task SuspendWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
        => ChangeAsync(HttpMethod.Post, webhookId, "/suspend", "suspend", cancellationToken);

    /// <summary>Activates a suspended webhook (<c>POST /team-messaging/v1/webhooks/{webhookId}/activate</c>).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the platform has done it.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call.</exception>
    public Task ActivateWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
        => ChangeAsync(HttpMethod.Post, webhookId, "/activate", "activate", cancellationToken);

    /// <summary>Deletes a webhook (<c>DELETE /team-messaging/v1/webhooks/{webhookId}</c>): its URL stops working.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the platform has done it.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or has characters other than letters, digits, '-', '_', '.' and '~'.</exception>
    /// <exception cref="RingCentralException">The platform refused or failed the call (404 for an unknown or already deleted webhook).</exception>
    public Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
        => ChangeAsync(HttpMethod.Delete, webhookId, string.Empty, "delete", cancellationToken);

    /// <summary>Disposes the HTTP client when this client created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _tokens.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>The server and the client id; never a secret.</summary>
    /// <returns>For example <c>RingCentralClient { Server = https://platform.ringcentral.com/, ClientId = abc123 }</c>.</returns>
    public override string ToString() => $"RingCentralClient {{ Server = {_base}, ClientId = {ClientId} }}";

    private async Task ChangeAsync(HttpMethod method, string webhookId, string suffix, string verb, CancellationToken cancellationToken)
    {
        CheckId(webhookId, nameof(webhookId));
        await CallAsync(method, "team-messaging/v1/webhooks/" + webhookId + suffix, $"{verb} webhook {Redaction.RedactId(webhookId)}", repeatable: true, new[] { webhookId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlatformAnswer> CallAsync(HttpMethod method, string path, string operation, bool repeatable, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var target = new Uri(_base, path);
        var renewed = false;
        var attempts = 0;
        while (true)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            var answer = await _transport.SendAsync(() => Request(method, target, token.Value), operation, repeatable, ids, cancellationToken).ConfigureAwait(false);
            attempts += answer.Attempts;
            if (answer.IsSuccess)
            {
                return answer;
            }

            // A refused token did nothing, so even a create may be sent again, once, with a new one.
            if (!renewed && PlatformErrors.RefusesToken(answer, out var code))
            {
                ClientLog.Renewing(_logger, code);
                _tokens.Invalidate(token);
                renewed = true;
                continue;
            }

            var exception = PlatformErrors.From(answer, operation, attempts, _tokens.Secrets(), ids, isAuthenticationFailure: false, mayHaveSucceeded: answer.Status is 408 or >= 500);
            ClientLog.Failed(_logger, exception);
            throw exception;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri target, string token)
    {
        var request = new HttpRequestMessage(method, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static WebhookInfo ReadWebhook(PlatformAnswer answer, string operation, string? id)
    {
        WebhookJson? json;
        try
        {
            json = JsonSerializer.Deserialize(answer.Body, PlatformJsonContext.Default.WebhookJson);
        }
        catch (JsonException)
        {
            json = null;
        }

        return ToInfo(json) ?? throw PlatformErrors.Unreadable(answer, operation, "it is not a webhook (TMWebhookInfo) with an id");
    }

    private static List<WebhookInfo> ReadList(PlatformAnswer answer, string operation)
    {
        WebhookListJson? json;
        try
        {
            json = JsonSerializer.Deserialize(answer.Body, PlatformJsonContext.Default.WebhookListJson);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json?.Records is not { } records)
        {
            throw PlatformErrors.Unreadable(answer, operation, "it is not a list of webhooks ({\"records\":[…]})");
        }

        var list = new List<WebhookInfo>(records.Count);
        foreach (var record in records)
        {
            list.Add(ToInfo(record) ?? throw PlatformErrors.Unreadable(answer, operation, "a record has no id"));
        }

        return list;
    }

    private static WebhookInfo? ToInfo(WebhookJson? json)
    {
        if (json?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        // A uri that is not a webhook URL is left out rather than failing the whole answer: the id still serves.
        var url = WebhookUrl.TryParse(json.Uri, out var parsed) ? parsed : null;
        return new WebhookInfo(
            id,
            json.CreatorId,
            (json.GroupIds ?? new List<string?>()).Where(g => g is not null).Select(g => g!).ToArray(),
            Time(json.CreationTime),
            Time(json.LastModifiedTime),
            url,
            json.Status?.ToUpperInvariant() switch
            {
                "ACTIVE" => WebhookStatus.Active,
                "SUSPENDED" => WebhookStatus.Suspended,
                "DELETED" => WebhookStatus.Deleted,
                _ => WebhookStatus.Unknown,
            });
    }

    private static DateTimeOffset? Time(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static void CheckId(string? id, string name)
    {
        if (id is null)
        {
            throw new ArgumentNullException(name);
        }

        if (id.Length is 0 or > 256)
        {
            throw new ArgumentException($"The {name} is {(id.Length == 0 ? "empty" : "longer than 256 characters")}.", name);
        }

        foreach (var c in id)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '-' or '_' or '.' or '~'))
            {
                throw new ArgumentException($"The {name} has a character other than letters, digits, '-', '_', '.' and '~'; ids in RingCentral's API have none.", name);
            }
        }
    }

    private static Uri CheckServer(Uri server)
    {
        if (!server.IsAbsoluteUri || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The server must be an absolute https URL, for example https://platform.ringcentral.com.", nameof(server));
        }

        if (!string.IsNullOrEmpty(server.UserInfo) || !string.IsNullOrEmpty(server.Query) || !string.IsNullOrEmpty(server.Fragment))
        {
            throw new ArgumentException("The server URL must have no user information, query or fragment.", nameof(server));
        }

        if (server.Scheme == Uri.UriSchemeHttp && !server.IsLoopback)
        {
            throw new ArgumentException($"The server {server.Host} uses http; the credential goes with every login, so only https is allowed (http only on a loopback host, for a local emulator).", nameof(server));
        }

        return server.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? server : new Uri(server.AbsoluteUri + "/");
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(RingCentralClient));
        }
    }

    private static HttpClient CreateHttpClient()
    {
#if NET
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        try
        {
            // Each request has its own timeout (Options.Timeout), on the options' clock.
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }
}
