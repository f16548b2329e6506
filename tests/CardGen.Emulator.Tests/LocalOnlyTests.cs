using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>
/// The page, the inspection and admin API and the management API answer only requests addressed to a loopback host
/// and sent from a loopback page, and admin writes take only JSON: a web page the developer visits can neither
/// post a form to the admin API (no CORS preflight for <c>text/plain</c>) nor read or drive it through DNS
/// rebinding (its requests carry the attacker's host name). The webhook routes stay open, as RingCentral's are.
/// </summary>
public sealed class LocalOnlyTests : IAsyncLifetime
{
    private const string Token = "local-only-token";
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { ManagementToken = Token });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private int Port => _emulator.BaseAddress.Port;

    private string Hook => _emulator.DefaultHookId;

    /// <summary>Every route but the webhooks: method, path, and a JSON body for the writes.</summary>
    public static TheoryData<string, string, string?> Surface => new()
    {
        { "GET", "/", null },
        { "GET", "/index.html", null },
        { "GET", "/app.js", null },
        { "GET", "/no-such-page", null },
        { "GET", "/api/posts", null },
        { "GET", "/api/posts/1", null },
        { "DELETE", "/api/posts", null },
        { "GET", "/api/events", null },
        { "GET", "/API/Hooks", null },
        { "POST", $"/api/hooks/{HookEmulatorOptions.WellKnownDefaultHookId}/faults", """{"kind":"serverError"}""" },
        { "DELETE", $"/api/hooks/{HookEmulatorOptions.WellKnownDefaultHookId}/faults", null },
        { "PUT", $"/api/hooks/{HookEmulatorOptions.WellKnownDefaultHookId}/rate-limit", """{"requests":1,"windowSeconds":60}""" },
        { "DELETE", $"/api/hooks/{HookEmulatorOptions.WellKnownDefaultHookId}/rate-limit", null },
        { "GET", "/team-messaging/v1/webhooks", null },
        { "POST", "/team-messaging/v1/groups/1/webhooks", null },
        { "POST", $"/restapi/v1.0/glip/webhooks/{HookEmulatorOptions.WellKnownDefaultHookId}/suspend", null },
        { "DELETE", $"/team-messaging/v1/webhooks/{HookEmulatorOptions.WellKnownDefaultHookId}", null },
    };

    [Theory]
    [MemberData(nameof(Surface))]
    public async Task AForeignHostIsRefusedWith403(string method, string path, string? json)
    {
        await Raw.PostAsync(_emulator.V2(Hook), """{"text":"kept"}""");
        foreach (var host in new[] { "evil.example", $"evil.example:{Port}", $"127.0.0.1.nip.io:{Port}", $"localhost.evil.example:{Port}", "10.0.0.1", "127.0.0.2" })
        {
            var answer = await SendAsync(method, path, host, json);

            Assert.True(answer.Status == 403, $"{method} {path} with Host {host} answered {answer.Status}: {answer.Text}");
            Assert.StartsWith("application/json", answer.Header("content-type"), StringComparison.Ordinal);
            Assert.Contains("Host", Error(answer), StringComparison.Ordinal);
        }

        AssertNothingChanged();
    }

    [Theory]
    [MemberData(nameof(Surface))]
    public async Task AForeignOriginIsRefusedWith403(string method, string path, string? json)
    {
        await Raw.PostAsync(_emulator.V2(Hook), """{"text":"kept"}""");
        foreach (var origin in new[] { "http://evil.example", $"http://evil.example:{Port}", "null", "file://" })
        {
            var answer = await SendAsync(method, path, $"127.0.0.1:{Port}", json, $"Origin: {origin}");

            Assert.True(answer.Status == 403, $"{method} {path} from Origin {origin} answered {answer.Status}: {answer.Text}");
            Assert.Contains("Origin", Error(answer), StringComparison.Ordinal);
        }

        AssertNothingChanged();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost:1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("[::1]")]
    public async Task LoopbackHostsOfAnyPortAreServed(string host)
    {
        host = host.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var page = await SendAsync("GET", "/", host, null);
        var posts = await SendAsync("GET", "/api/posts", host, null, $"Origin: http://{host}");
        var management = await SendAsync("GET", "/team-messaging/v1/webhooks", host, null);

        Assert.Equal(200, page.Status);
        Assert.Equal(200, posts.Status);
        Assert.Equal(200, management.Status);
    }

    [Fact]
    public async Task WebhookRoutesTakePostsAddressedToAnyHost()
    {
        // A client may reach the emulator through any name that resolves to loopback, as it reaches RingCentral by name.
        var v2 = await SendAsync("POST", $"/webhook/v2/{Hook}", "chat.example.test", """{"text":"any host"}""", "Origin: http://elsewhere.example");
        var v1 = await SendAsync("POST", $"/webhook/{Hook}", "hooks.internal:8080", """{"body":"any host"}""");

        Assert.Equal("""{"status":"OK"}""", v2.Text);
        Assert.Equal("""{"status":"OK"}""", v1.Text);
        Assert.Equal(2, _emulator.AcceptedPosts);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/jsonx")]
    [InlineData(null)]
    public async Task AdminWritesTakeOnlyJson(string? contentType)
    {
        var header = contentType is null ? null : "Content-Type: " + contentType;
        var fault = await SendAsync("POST", $"/api/hooks/{Hook}/faults", $"127.0.0.1:{Port}", """{"kind":"serverError"}""", header, contentTypeSet: true);
        var limit = await SendAsync("PUT", $"/api/hooks/{Hook}/rate-limit", $"127.0.0.1:{Port}", """{"requests":1,"windowSeconds":60}""", header, contentTypeSet: true);

        foreach (var answer in new[] { fault, limit })
        {
            Assert.True(answer.Status == 415, $"Content-Type {contentType ?? "(none)"} answered {answer.Status}: {answer.Text}");
            Assert.Contains("application/json", Error(answer), StringComparison.Ordinal);
        }

        Assert.Empty(_emulator.GetFaults(Hook));
        Assert.Equal(200, (await Raw.PostAsync(_emulator.V2(Hook), """{"text":"x"}""")).Status);
        Assert.Equal(200, (await Raw.PostAsync(_emulator.V2(Hook), """{"text":"x"}""")).Status);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    public async Task AdminWritesTakeJsonFromThePageItself(string contentType)
    {
        var answer = await SendAsync("POST", $"/api/hooks/{Hook}/faults", $"127.0.0.1:{Port}", """{"kind":"serverError"}""", $"Content-Type: {contentType}\r\nOrigin: http://127.0.0.1:{Port}", contentTypeSet: true);

        Assert.True(answer.Status == 200, answer.Text);
        Assert.Single(_emulator.GetFaults(Hook));
    }

    private void AssertNothingChanged()
    {
        Assert.Empty(_emulator.GetFaults(Hook));
        Assert.Equal(HookStatus.Active, _emulator.GetHook(Hook)!.Status);
        Assert.Single(_emulator.Hooks);
        Assert.Single(_emulator.Posts);
    }

    private static string Error(SocketAnswer answer)
    {
        using var json = System.Text.Json.JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("error").GetString()!;
    }

    private async Task<SocketAnswer> SendAsync(string method, string path, string host, string? json, string? extraHeaders = null, bool contentTypeSet = false)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nAuthorization: Bearer {Token}");
        var body = json is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(json);
        if (json is not null && !contentTypeSet)
        {
            head.Append("\r\nContent-Type: application/json");
        }

        if (extraHeaders is not null)
        {
            head.Append("\r\n").Append(extraHeaders);
        }

        head.Append("\r\nContent-Length: ").Append(body.Length);
        var answer = await RawSocket.SendAsync(Port, head.ToString(), body);
        Assert.NotNull(answer);
        return answer!;
    }
}
