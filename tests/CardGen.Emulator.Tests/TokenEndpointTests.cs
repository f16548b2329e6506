using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace CardGen.Emulator.Tests;

/// <summary>
/// The token endpoint (<c>POST /restapi/oauth/token</c>, JWT bearer grant) over HTTP, and the management API's check
/// of the access tokens it issues, with the emulator's clock faked so that tokens and credentials expire on demand.
/// </summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions
    {
        TimeProvider = _clock,
        AccessTokenLifetime = TimeSpan.FromMinutes(10),
    });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AJwtGrantWithTheClientsCredentialsGetsATokenTheManagementApiTakes()
    {
        var answer = await RequestTokenAsync();

        Assert.Equal(200, answer.Status);
        Assert.Equal("bearer", answer.Str("token_type"));
        Assert.Equal(600, answer.Json.GetProperty("expires_in").GetInt64());
        Assert.Equal("TeamMessaging", answer.Str("scope"));
        Assert.Equal("no-store", answer.Response.Headers.CacheControl?.ToString());
        var token = answer.Str("access_token")!;
        Assert.NotEqual(_emulator.ManagementToken, token);

        var list = await Raw.SendAsync(HttpMethod.Get, _emulator.At("team-messaging/v1/webhooks"), token);

        Assert.Equal(200, list.Status);
        Assert.Equal(1, _emulator.TokenRequests);
        Assert.Equal(1, _emulator.IssuedAccessTokens);
    }

    [Fact]
    public async Task TheIssuedTokenExpiresOnTheEmulatorsClock()
    {
        var token = (await RequestTokenAsync()).Str("access_token")!;

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var before = await Raw.SendAsync(HttpMethod.Get, _emulator.At("team-messaging/v1/webhooks"), token);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Raw.SendAsync(HttpMethod.Get, _emulator.At("team-messaging/v1/webhooks"), token);

        Assert.Equal(200, before.Status);
        Assert.Equal(401, after.Status);
        Assert.Equal("OAU-128", after.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal("Bearer", after.Response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task RevokedTokensAreNotFoundButTheStaticTokenStaysValid()
    {
        var token = (await RequestTokenAsync()).Str("access_token")!;

        _emulator.RevokeAccessTokens();
        var revoked = await Raw.SendAsync(HttpMethod.Get, _emulator.At("team-messaging/v1/webhooks"), token);
        var staticToken = await Raw.SendAsync(HttpMethod.Get, _emulator.At("team-messaging/v1/webhooks"), _emulator.ManagementToken);

        Assert.Equal(401, revoked.Status);
        Assert.Equal("OAU-213", revoked.Json.GetProperty("errorCode").GetString());
        Assert.Equal(200, staticToken.Status);
    }

    [Fact]
    public async Task MissingOrWrongClientCredentialsAreInvalidClient()
    {
        var none = await RequestTokenAsync(basic: null);
        var wrongSecret = await RequestTokenAsync(basic: Basic(_emulator.ClientId, "not-the-secret"));
        var wrongId = await RequestTokenAsync(basic: Basic("someone-else", _emulator.ClientSecret));
        var notBase64 = await RequestTokenAsync(basic: "%%%");

        Assert.Equal(401, none.Status);
        Assert.Equal("invalid_client", none.Str("error"));
        Assert.Equal("OAU-123", none.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal("Basic", none.Response.Headers.WwwAuthenticate.Single().Scheme);
        foreach (var wrong in new[] { wrongSecret, wrongId })
        {
            Assert.Equal(401, wrong.Status);
            Assert.Equal("invalid_client", wrong.Str("error"));
            Assert.Equal("Invalid client credentials", wrong.Str("error_description"));
            Assert.Equal("OAU-146", wrong.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        }

        Assert.Equal("OAU-123", notBase64.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal(0, _emulator.IssuedAccessTokens);
    }

    [Fact]
    public async Task AnotherGrantTypeIsUnsupported()
    {
        var password = await RequestTokenAsync(grantType: "password");
        var none = await RequestTokenAsync(grantType: null);

        Assert.All(new[] { password, none }, a =>
        {
            Assert.Equal(400, a.Status);
            Assert.Equal("invalid_request", a.Str("error"));
            Assert.Equal("OAU-250", a.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.!!!")]
    public async Task AMalformedAssertionIsRefused(string assertion)
    {
        var answer = await RequestTokenAsync(assertion: assertion);

        Assert.Equal(400, answer.Status);
        Assert.Equal(assertion.Length == 0 ? "invalid_request" : "invalid_grant", answer.Str("error"));
        Assert.Equal("assertion", answer.Json.GetProperty("errors")[0].GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task AJwtWithAnotherSignatureIsRefused()
    {
        await using var other = await HookEmulator.StartAsync();
        var parts = _emulator.JwtCredential.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + (parts[2][0] == 'A' ? "B" : "A") + parts[2][1..];

        var foreign = await RequestTokenAsync(assertion: other.JwtCredential);
        var changed = await RequestTokenAsync(assertion: tampered);

        Assert.All(new[] { foreign, changed }, a =>
        {
            Assert.Equal(400, a.Status);
            Assert.Equal("invalid_grant", a.Str("error"));
            Assert.Equal("Invalid assertion signature", a.Str("error_description"));
            Assert.Equal("OAU-345", a.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        });
    }

    [Fact]
    public async Task AnExpiredJwtCredentialIsRefusedAndOneWithoutExpiryIsNot()
    {
        var shortLived = _emulator.IssueJwtCredential(TimeSpan.FromMinutes(5));

        var fresh = await RequestTokenAsync(assertion: shortLived);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await RequestTokenAsync(assertion: shortLived);
        var lasting = await RequestTokenAsync(assertion: _emulator.JwtCredential);

        Assert.Equal(200, fresh.Status);
        Assert.Equal(400, expired.Status);
        Assert.Equal("invalid_grant", expired.Str("error"));
        Assert.Equal("OAU-210", expired.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal(200, lasting.Status);
    }

    [Fact]
    public async Task TheSameSecretGivesTheSameDefaultCredentialOnEveryStart()
    {
        await using var first = await HookEmulator.StartAsync(new HookEmulatorOptions { ClientId = "ci-client", ClientSecret = "ci-secret" });
        await using var second = await HookEmulator.StartAsync(new HookEmulatorOptions { ClientId = "ci-client", ClientSecret = "ci-secret" });

        Assert.Equal("ci-client", first.ClientId);
        Assert.Equal(first.JwtCredential, second.JwtCredential);
        Assert.NotEqual(first.JwtCredential, _emulator.JwtCredential);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "many")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data\r\n\r\nbroken")]
    public async Task AFormTheServerCannotReadIsA400NotA500(string contentType, string body)
    {
        var text = body == "many" ? string.Join("&", Enumerable.Range(0, 2000).Select(i => "f" + i + "=1")) : body;
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator.TokenEndpoint) { Content = new StringContent(text) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(_emulator.ClientId, _emulator.ClientSecret));

        var answer = await Raw.SendAsync(request);

        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid_request", answer.Str("error"));
    }

    [Fact]
    public async Task OnlyPostIsAllowed()
    {
        var get = await Raw.SendAsync(HttpMethod.Get, _emulator.TokenEndpoint);

        Assert.Equal(405, get.Status);
        Assert.Equal("POST", get.Response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task TheAuthRateLimitAnswers429WithRetryAfterUntilTheWindowPasses()
    {
        await using var limited = await HookEmulator.StartAsync(new HookEmulatorOptions
        {
            TimeProvider = _clock,
            AuthRateLimit = new RateLimit(2, TimeSpan.FromSeconds(60)),
        });

        var first = await RequestTokenAsync(limited);
        _clock.Advance(TimeSpan.FromSeconds(15));
        var second = await RequestTokenAsync(limited, basic: Basic(limited.ClientId, "wrong"));
        var third = await RequestTokenAsync(limited);
        _clock.Advance(TimeSpan.FromSeconds(45));
        var fourth = await RequestTokenAsync(limited);

        Assert.Equal(200, first.Status);
        Assert.Equal(401, second.Status);
        Assert.Equal(429, third.Status);
        Assert.Equal(TimeSpan.FromSeconds(45), third.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("CMN-301", third.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal(200, fourth.Status);
    }

    [Fact]
    public async Task TheApiRateLimitAnswers429WithRetryAfter()
    {
        await using var limited = await HookEmulator.StartAsync(new HookEmulatorOptions
        {
            TimeProvider = _clock,
            ApiRateLimit = new RateLimit(1, TimeSpan.FromSeconds(30)),
        });
        var token = (await RequestTokenAsync(limited)).Str("access_token")!;

        var first = await Raw.SendAsync(HttpMethod.Get, limited.At("team-messaging/v1/webhooks"), token);
        var second = await Raw.SendAsync(HttpMethod.Post, limited.At("team-messaging/v1/groups/5/webhooks"), token);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var third = await Raw.SendAsync(HttpMethod.Get, limited.At("team-messaging/v1/webhooks"), token);

        Assert.Equal(200, first.Status);
        Assert.Equal(429, second.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), second.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("CMN-301", second.Json.GetProperty("errorCode").GetString());
        Assert.Single(limited.Hooks);
        Assert.Equal(200, third.Status);
    }

    private static string Basic(string id, string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));

    private Task<RawAnswer> RequestTokenAsync(string? basic = "", string? grantType = JwtGrant, string? assertion = null)
        => RequestTokenAsync(_emulator, basic, grantType, assertion);

    private static async Task<RawAnswer> RequestTokenAsync(HookEmulator emulator, string? basic = "", string? grantType = JwtGrant, string? assertion = null)
    {
        var form = new List<KeyValuePair<string, string>>();
        if (grantType is not null)
        {
            form.Add(new("grant_type", grantType));
        }

        form.Add(new("assertion", assertion ?? emulator.JwtCredential));
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic.Length == 0 ? Basic(emulator.ClientId, emulator.ClientSecret) : basic);
        }

        return await Raw.SendAsync(request);
    }
}
