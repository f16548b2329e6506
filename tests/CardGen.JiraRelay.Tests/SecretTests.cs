using System;
using System.Text;
using System.Threading.Tasks;
using CardGen.Emulator;
using CardGen.JiraRelay.Relay;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// With <c>Relay:Secret</c> set, a request is relayed only when it is signed with the secret (Jira's
/// <c>X-Hub-Signature</c>, HMAC-SHA256 of the body) or carries it as <c>?token=</c>; anything else gets 401 and posts
/// nothing, and the secret is in no answer or log record.
/// </summary>
public sealed class SecretTests : IAsyncLifetime
{
    private const string Secret = "It0sA-made-up-relay-secret-for-tests";
    private HookEmulator _emulator = null!;
    private RunningRelay _relay = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });
        _relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("Relay:Secret", Secret));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_body_signed_with_the_secret_is_relayed()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.IssueCreated().ToJsonString());
        var signature = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

        var answer = await _relay.PostAsync("/jira", body, "application/json", r => r.Headers.Add("X-Hub-Signature", signature));

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(signature, RequestSecret.Sign(Secret, body));
        Assert.Equal(1, _emulator.AcceptedPosts);
    }

    [Fact]
    public async Task The_secret_as_a_token_in_the_url_is_relayed()
    {
        var answer = await _relay.PostAsync("/ci?token=" + Uri.EscapeDataString(Secret), Payloads.BuildFailed());

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(1, _emulator.AcceptedPosts);
        Assert.DoesNotContain(Secret, _relay.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("signature of another body")]
    [InlineData("signature with another secret")]
    [InlineData("signature cut short")]
    [InlineData("signature not hex")]
    [InlineData("sha1 signature")]
    [InlineData("wrong token")]
    [InlineData("token prefix")]
    public async Task A_request_without_the_secret_gets_401_and_posts_nothing(string how)
    {
        var body = Encoding.UTF8.GetBytes(Payloads.IssueCreated().ToJsonString());
        var other = Encoding.UTF8.GetBytes(Payloads.CommentCreated().ToJsonString());
        var good = RequestSecret.Sign(Secret, body);
        var (header, path) = how switch
        {
            "none" => (null, "/jira"),
            "signature of another body" => (RequestSecret.Sign(Secret, other), "/jira"),
            "signature with another secret" => (RequestSecret.Sign(Secret + "x", body), "/jira"),
            "signature cut short" => (good[..^2], "/jira"),
            "signature not hex" => ("sha256=" + new string('z', 64), "/jira"),
            "sha1 signature" => ("sha1=" + good["sha256=".Length..], "/jira"),
            "wrong token" => (null, "/jira?token=not-the-secret"),
            _ => (null, "/jira?token=" + Secret[..^1]),
        };

        var answer = await _relay.PostAsync(path, body, "application/json", r =>
        {
            if (header is not null)
            {
                r.Headers.Add("X-Hub-Signature", header);
            }
        });

        Assert.True(answer.Status == 401, answer.ToString());
        Assert.Contains("neither signed with the relay's secret (X-Hub-Signature: sha256=<HMAC-SHA256 of the body>) nor carries it (?token=)", answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
        Assert.DoesNotContain(Secret, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, _relay.Logs.All, StringComparison.Ordinal);
    }
}
