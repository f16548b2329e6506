using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CardGen.Emulator;

/// <summary>
/// <c>POST /restapi/oauth/token</c> with the JWT bearer grant: client id and secret in HTTP Basic, the form fields
/// <c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c> and <c>assertion=&lt;JWT&gt;</c>. Issues access
/// tokens that expire on the emulator's clock; errors in RingCentral's OAuth shape
/// (<c>error</c>, <c>error_description</c>, <c>errors[{errorCode, message}]</c>).
/// </summary>
internal sealed class OAuthEndpoint
{
    public const string Path = "/restapi/oauth/token";
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly PlatformCredentials _credentials;
    private readonly AccessTokens _tokens;
    private readonly PlatformRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private long _requests;
    private long _issued;

    public OAuthEndpoint(PlatformCredentials credentials, AccessTokens tokens, PlatformRateLimiter limiter, TimeProvider time, TimeSpan lifetime)
    {
        _credentials = credentials;
        _tokens = tokens;
        _limiter = limiter;
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>Every request the endpoint received, refused ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The access tokens it issued.</summary>
    public long Issued => Interlocked.Read(ref _issued);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await PlatformAnswers.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "CMN-405", "Method is not allowed for this resource.", null).ConfigureAwait(false);
            return;
        }

        // The Auth rate group counts every login attempt, good or bad.
        if (!_limiter.TryAcquire(out var retryAfter))
        {
            await PlatformAnswers.RateLimitedAsync(context, retryAfter).ConfigureAwait(false);
            return;
        }

        if (!TryReadBasic(context.Request.Headers.Authorization.ToString(), out var clientId, out var clientSecret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic";
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "OAU-123", "Client authentication is required", null).ConfigureAwait(false);
            return;
        }

        if (!_credentials.IsClient(clientId, clientSecret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic";
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "OAU-146", "Invalid client credentials", null).ConfigureAwait(false);
            return;
        }

        string? grantType = null;
        string? assertion = null;
        // RingCentral documents the token request as application/x-www-form-urlencoded only; a multipart body is no
        // form here, so it has no grant_type.
        if (context.Request.HasFormContentType
            && context.Request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                grantType = form["grant_type"].ToString();
                assertion = form["assertion"].ToString();
            }
            catch (System.IO.InvalidDataException e)
            {
                // Too many fields, a value too long, a broken multipart body: the client's fault, not a server error.
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "CMN-101", "The request body is not a readable form: " + Formats.Clip(e.Message), null).ConfigureAwait(false);
                return;
            }
        }

        if (grantType != JwtBearerGrant)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "OAU-250", "Unsupported grant type", "grant_type").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(assertion))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "CMN-101", "Parameter [assertion] value is invalid.", "assertion").ConfigureAwait(false);
            return;
        }

        switch (_credentials.Jwt.Check(assertion, _time.GetUtcNow()))
        {
            case JwtProblem.Malformed:
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "OAU-345", "Invalid assertion: not a signed JWT", "assertion").ConfigureAwait(false);
                return;
            case JwtProblem.BadSignature:
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "OAU-345", "Invalid assertion signature", "assertion").ConfigureAwait(false);
                return;
            case JwtProblem.Expired:
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "OAU-210", "Token expired", "assertion").ConfigureAwait(false);
                return;
        }

        var token = _tokens.Issue(_lifetime);
        Interlocked.Increment(ref _issued);
        var answer = new TokenJson(token, "bearer", (long)_lifetime.TotalSeconds, "TeamMessaging", HookRegistry.CreatorId, "emulator");
        context.Response.Headers.CacheControl = "no-store";
        await WebhookEndpoint.WriteJsonAsync(context, StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(answer, EmulatorJson.Context.TokenJson)).ConfigureAwait(false);
    }

    private static Task ErrorAsync(HttpContext context, int status, string error, string code, string message, string? parameter)
    {
        var body = new OAuthError(error, message, new[] { new PlatformErrorItem(code, message, parameter) });
        return WebhookEndpoint.WriteJsonAsync(context, status, JsonSerializer.SerializeToUtf8Bytes(body, EmulatorJson.Context.OAuthError));
    }

    private static bool TryReadBasic(string header, out string clientId, out string clientSecret)
    {
        clientId = clientSecret = string.Empty;
        const string Scheme = "Basic ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            clientId = pair[..colon];
            clientSecret = pair[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
