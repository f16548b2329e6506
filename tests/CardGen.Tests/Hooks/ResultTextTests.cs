using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Tests.Hooks;

/// <summary>What a response and an exception show when logged: enough to act on, never the webhook id.</summary>
public sealed class ResultTextTests : HookClientTest
{
    [Fact]
    public async Task A_response_shows_its_status_attempts_and_body()
    {
        using var client = Client();
        var response = await client.PostAsync(Hook, ValidCard());

        Assert.Equal("""HTTP 200 in 1 attempt(s): {"status":"OK"}""", response.ToString());
    }

    [Fact]
    public async Task A_response_clips_its_body_to_one_short_line_without_the_id()
    {
        Server.Default = Reply.Json(201, $$"""{"status":"OK","echo":"{{Id.ToUpperInvariant()}}",{{"\r\n"}}"pad":"{{new string('x', 1000)}}"}""");
        using var client = Client();
        var response = await client.PostAsync(Hook, ValidCard());

        var text = response.ToString() ?? string.Empty;
        WebhookUrlTests.AssertNoSecret(text);
        Assert.StartsWith("""HTTP 201 in 1 attempt(s): {"status":"OK","echo":"D1F7…",  "pad":"xxx""", text, StringComparison.Ordinal);
        Assert.EndsWith("x\u2026", text, StringComparison.Ordinal);
        Assert.True(text.Length <= 240, $"{text.Length} characters");
        Assert.DoesNotContain('\n', text);
        Assert.Contains(Id.ToUpperInvariant(), response.Body, StringComparison.Ordinal); // the body itself is as received
    }

    [Fact]
    public async Task A_cause_whose_text_shows_the_id_is_left_out_and_the_exception_says_so()
    {
        // Some handlers name the request URL in their exceptions; the id must not reach ToString() through them.
        using var http = new HttpClient(new UrlNamingFailure());
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.Network, e.Failure);
        Assert.Null(e.InnerException);
        Assert.Contains("POST d1f7\u2026 failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("The underlying HttpRequestException is left out because its text shows the webhook URL.", e.Message, StringComparison.Ordinal);
        WebhookUrlTests.AssertNoSecret(e.ToString());
    }

    [Fact]
    public async Task A_cause_without_the_id_is_kept_with_its_own_causes()
    {
        using var http = new HttpClient(new UrlNamingFailure(nameUrl: false));
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        var inner = Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.IsType<IOException>(inner.InnerException);
        Assert.Contains("socket reset", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("left out", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Fails every request the way a logging or proxy handler might: naming the URL, in a nested exception.</summary>
    private sealed class UrlNamingFailure(bool nameUrl = true) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new HttpRequestException(
                nameUrl ? $"POST {request.RequestUri!.Segments[^1]} failed" : "POST failed",
                new IOException(nameUrl ? $"socket reset while sending to {request.RequestUri}" : "socket reset"));
    }
}
