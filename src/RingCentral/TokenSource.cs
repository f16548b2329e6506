using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CardGen.RingCentral;

/// <summary>An access token and when it stops being used.</summary>
internal sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset renewAt, DateTimeOffset expiresAt)
    {
        Value = value;
        RenewAt = renewAt;
        ExpiresAt = expiresAt;
    }

    public string Value { get; }

    public DateTimeOffset RenewAt { get; }

    public DateTimeOffset ExpiresAt { get; }
}

/// <summary>
/// Logs in with the JWT bearer grant and keeps the access token: one login serves every call until the token is
/// due for renewal, and concurrent callers share a single login (RingCentral counts logins against a small rate
/// limit and a cap on parallel sessions, and asks clients to authenticate in one thread and share the tokens).
/// </summary>
internal sealed class TokenSource : IDisposable
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private const int RememberedTokens = 8;

    private readonly PlatformTransport _transport;
    private readonly JwtCredential _credential;
    private readonly RingCentralClientOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _tokenEndpoint;
    private readonly string _basic;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<string> _issued = new();
    private AccessToken? _current;
    private long _logins;

    public TokenSource(PlatformTransport transport, JwtCredential credential, RingCentralClientOptions options, ILogger logger, Uri tokenEndpoint)
    {
        _transport = transport;
        _credential = credential;
        _options = options;
        _logger = logger;
        _tokenEndpoint = tokenEndpoint;
        _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.ClientId + ":" + credential.ClientSecret));
    }

    /// <summary>How many logins succeeded.</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Every secret this source knows, for scrubbing text: the client secret, the JWT, the Basic value and recent tokens.</summary>
    public IEnumerable<string?> Secrets()
    {
        var secrets = new List<string?> { _credential.ClientSecret, _credential.Jwt, _basic };
        lock (_issued)
        {
            secrets.AddRange(_issued);
        }

        return secrets;
    }

    public async Task<AccessToken> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _options.TimeProvider.GetUtcNow() < current.RenewAt)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited behind the login that just finished takes its token.
            current = _current;
            var now = _options.TimeProvider.GetUtcNow();
            if (current is not null && now < current.RenewAt)
            {
                return current;
            }

            try
            {
                var fresh = await LoginAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, fresh);
                return fresh;
            }
            catch (RingCentralException e) when (!e.IsAuthenticationFailure && current is not null && now < current.ExpiresAt)
            {
                // An early renewal that failed for a passing reason (a 429, a 5xx): the old token is still good.
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="stale"/> (the platform refused it), unless another call already replaced it.</summary>
    public void Invalidate(AccessToken stale) => Interlocked.CompareExchange(ref _current, null, stale);

    public void Dispose() => _gate.Dispose();

    private async Task<AccessToken> LoginAsync(CancellationToken cancellationToken)
    {
        const string Operation = "log in with the JWT credential";
        ClientLog.LoggingIn(_logger, _tokenEndpoint);
        var answer = await _transport.SendAsync(BuildRequest, Operation, repeatable: true, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            // 400, 401 and 403 say the credential or the app's grant is wrong: no retry can help.
            throw PlatformErrors.From(answer, Operation, answer.Attempts, Secrets(), Array.Empty<string>(), isAuthenticationFailure: answer.Status is 400 or 401 or 403, mayHaveSucceeded: false);
        }

        TokenJson? token;
        try
        {
            token = JsonSerializer.Deserialize(answer.Body, PlatformJsonContext.Default.TokenJson);
        }
        catch (JsonException)
        {
            token = null;
        }

        if (token?.AccessToken is not { Length: > 0 } value
            || token.ExpiresIn is not > 0
            || (token.TokenType is { } type && !string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase)))
        {
            throw PlatformErrors.Unreadable(answer, Operation, "it is not a bearer token with access_token and a positive expires_in");
        }

        lock (_issued)
        {
            _issued.Enqueue(value);
            while (_issued.Count > RememberedTokens)
            {
                _issued.Dequeue();
            }
        }

        var lifetime = TimeSpan.FromSeconds(Math.Min(token.ExpiresIn.Value, 10L * 365 * 86_400));
        var margin = _options.RenewBefore < TimeSpan.FromTicks(lifetime.Ticks / 2) ? _options.RenewBefore : TimeSpan.FromTicks(lifetime.Ticks / 2);
        var now = _options.TimeProvider.GetUtcNow();
        Interlocked.Increment(ref _logins);
        ClientLog.LoggedIn(_logger, lifetime);
        return new AccessToken(value, now + lifetime - margin, now + lifetime);
    }

    private HttpRequestMessage BuildRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("grant_type", JwtBearerGrant),
                new KeyValuePair<string, string>("assertion", _credential.Jwt),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
