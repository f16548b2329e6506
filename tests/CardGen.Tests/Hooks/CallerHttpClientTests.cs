using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace CardGen.Tests.Hooks;

/// <summary>
/// What a caller-supplied <see cref="HttpClient"/> can do that the client's own one never does: follow a redirect.
/// The client cannot stop it, but notices it afterwards and reports it instead of a success.
/// </summary>
public sealed class CallerHttpClientTests : HookClientTest
{
    private HookServer _elsewhere = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _elsewhere = await HookServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _elsewhere.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_that_re_posts_the_message_elsewhere_is_reported_as_maybe_delivered(int status)
    {
        Server.Default = Reply.Json(status, string.Empty, ("Location", $"{_elsewhere.Origin}/collect"));
        using var http = new HttpClient(); // follows redirects, as a default HttpClient does
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger, Retry = { MaxRetryAttempts = 2 } });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal(200, e.StatusCode);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Contains($"was sent to {_elsewhere.Origin}/ instead", e.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect", e.Message, StringComparison.Ordinal);
        Assert.Contains(Logger.Entries, x => x.EventName == "Failed");

        // What the test proves the client could not prevent: the redirect target got the message.
        var moved = Assert.Single(_elsewhere.Received);
        Assert.Equal("POST", moved.Method);
        Assert.Equal(WebhookMessage.ForCard(ValidCard(), activity: "Build 1842 failed").ToJson(), moved.Body);
    }

    [Fact]
    public async Task A_re_posted_message_the_other_host_refused_was_not_delivered()
    {
        Server.Default = Reply.Json(307, string.Empty, ("Location", $"{_elsewhere.Origin}/collect"));
        _elsewhere.Default = Reply.Json(404, """{"error":"no such hook"}""");
        using var http = new HttpClient();
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal(404, e.StatusCode);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Contains("The message was posted there, which refused it", e.Message, StringComparison.Ordinal);
        Assert.Single(_elsewhere.Received);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public async Task A_redirect_that_turns_the_post_into_a_GET_is_reported_as_not_delivered(int status)
    {
        Server.Default = Reply.Json(status, string.Empty, ("Location", $"{_elsewhere.Origin}/webhook/v2/{Id}"));
        using var http = new HttpClient();
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Contains($"was sent to {_elsewhere.Origin}/ instead", e.Message, StringComparison.Ordinal);
        Assert.Contains("the webhook URL's token", e.Message, StringComparison.Ordinal);
        var moved = Assert.Single(_elsewhere.Received);
        Assert.Equal("GET", moved.Method);
        Assert.Equal($"/webhook/v2/{Id}", moved.Path); // the path, and so the token, went to the other host
    }

    [Fact]
    public async Task The_clients_own_HttpClient_does_not_follow_a_redirect()
    {
        Server.Default = Reply.Json(307, string.Empty, ("Location", $"{_elsewhere.Origin}/collect"));
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal(307, e.StatusCode);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Empty(_elsewhere.Received);
    }
}
