using System;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// When the chat host refuses or fails a post, the sender gets 502 (503 when it should wait, with the host's
/// <c>Retry-After</c>) saying what happened and whether the card may have been posted, and neither the answer nor any
/// log record (CardGen's categories at Trace) holds the webhook token.
/// </summary>
public sealed class HostFailureTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;
    private RunningRelay _relay = null!;

    private string Token => _emulator.DefaultHookId;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });
        _relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("ChatHooks:Retry:MaxRetryAttempts", "1"),
            ("ChatHooks:Retry:Delay", "00:00:00.010"),
            ("ChatHooks:Retry:MaxDelay", "00:00:02"),
            ("ChatHooks:CircuitBreaker:Enabled", "false"));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_card_the_host_refuses_becomes_a_502_with_its_error_and_without_the_token()
    {
        _emulator.DeleteHook(Token);

        var answer = await _relay.PostAsync("/jira", Payloads.IssueCreated());

        Assert.True(answer.Status == 502, answer.ToString());
        Assert.Equal("failed", answer["status"]);
        Assert.Equal("HostError", answer["failure"]);
        Assert.Equal("False", answer["mayHaveBeenDelivered"]);
        Assert.Equal("issues", answer["hook"]);
        Assert.StartsWith("The chat host refused the card (HTTP ", answer["problem"], StringComparison.Ordinal);
        Assert.EndsWith("Nothing was posted.", answer["problem"], StringComparison.Ordinal);
        AssertNoToken(answer);
        Assert.Contains(_relay.Logs.Records, r => r.StartsWith("Error CardGen.JiraRelay[PostFailed]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_becomes_a_502_that_says_the_card_may_have_been_posted()
    {
        _emulator.InjectFault(Token, FaultSpec.ServerError(500));

        var answer = await _relay.PostAsync("/jira", Payloads.IssueUpdated());

        Assert.True(answer.Status == 502, answer.ToString());
        Assert.Equal("ServerError", answer["failure"]);
        Assert.Equal("500", answer["hostStatus"]);
        Assert.Equal("True", answer["mayHaveBeenDelivered"]);
        Assert.Contains("The chat host failed (HTTP 500)", answer["problem"], StringComparison.Ordinal);
        Assert.Contains("The card may have been posted all the same.", answer["problem"], StringComparison.Ordinal);
        AssertNoToken(answer);
    }

    [Fact]
    public async Task A_dropped_connection_becomes_a_502()
    {
        _emulator.InjectFault(Token, FaultSpec.Drop());

        var answer = await _relay.PostAsync("/ci", Payloads.BuildFailed());

        Assert.True(answer.Status == 502, answer.ToString());
        Assert.Equal("Network", answer["failure"]);
        Assert.Null(answer["hostStatus"]);
        AssertNoToken(answer);
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_client_waits_becomes_a_503_with_the_hosts_retry_after()
    {
        _emulator.InjectFault(Token, FaultSpec.TooManyRequests(TimeSpan.FromSeconds(30)));

        var answer = await _relay.PostAsync("/jira", Payloads.CommentCreated());

        Assert.True(answer.Status == 503, answer.ToString());
        Assert.Equal("RateLimited", answer["failure"]);
        Assert.Equal(TimeSpan.FromSeconds(30), answer.RetryAfter);
        Assert.Contains("Retry after 30 s.", answer["problem"], StringComparison.Ordinal);
        AssertNoToken(answer);
    }

    private void AssertNoToken(Answer answer)
    {
        Assert.DoesNotContain(Token, answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/webhook/", answer.Body, StringComparison.Ordinal);
        Assert.NotEmpty(_relay.Logs.Records);
        Assert.DoesNotContain(Token, _relay.Logs.All, StringComparison.OrdinalIgnoreCase);
    }
}
