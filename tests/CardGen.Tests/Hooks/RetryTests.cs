using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CardGen.Tests.Hooks;

/// <summary>
/// Which failures are retried and how long the client waits, on a fake clock. A failure that proves nothing was sent
/// (the connection was never made) is retried by default; one that may have posted the message (a reset after the
/// request was sent, a 5xx, a timeout) only with <see cref="ChatHookRetryOptions.RetryServerErrors"/>. Computed
/// back-off is jittered; a host's <c>Retry-After</c> is waited exactly.
/// </summary>
public sealed class RetryTests : HookClientTest
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private static Task Ok(RawExchange exchange) => Answer(exchange, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"status\":\"OK\"}");

    private static async Task Answer(RawExchange exchange, string response)
    {
        await exchange.WriteAsync(response);
        exchange.Close();
    }

    [Fact]
    public async Task A_refused_connection_is_retried_by_default_and_the_post_then_succeeds()
    {
        // The port is bound but not listening, so the first connection is refused; it listens before the retry.
        await using var host = RawHttpServer.Bind(Ok);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Jitter = () => 0.5;
        });

        var post = client.PostAsync(WebhookUrl.Parse($"{host.Origin}/webhook/v2/{Id}"), ValidCard());
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(750)); // half of 1 s, plus half of the other half
        Assert.Equal(0, host.Accepted);
        host.Listen();
        clock.Advance(TimeSpan.FromMilliseconds(749));
        Assert.False(post.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var response = await post;
        Assert.Equal(2, response.Attempts);
        var request = Assert.Single(host.Received);
        Assert.Equal($"/webhook/v2/{Id}", request.Path);
        var retry = Assert.Single(Logger.Entries, e => e.EventName == "Retrying");
        Assert.Equal(ChatHookFailure.Network, retry.Values["Failure"]);
        Assert.Equal(0.75, retry.Values["DelaySeconds"]);
    }

    [Fact]
    public async Task A_host_that_keeps_refusing_fails_after_MaxAttempts_as_not_delivered()
    {
        await using var host = RawHttpServer.Bind(Ok);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Jitter = () => 0;
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(WebhookUrl.Parse($"{host.Origin}/webhook/v2/{Id}"), ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(500));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        var e = await post;
        Assert.Equal(ChatHookFailure.Network, e.Failure);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(0, host.Accepted);
        Assert.Equal(2, Logger.Entries.Count(x => x.EventName == "Retrying"));
    }

    [Fact]
    public async Task A_reset_after_the_request_was_sent_is_not_retried_by_default()
    {
        await using var host = RawHttpServer.Start(exchange =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });
        using var client = Client(o => o.TimeProvider = new TestClock());

        var e = await Fails<ChatHookException>(() => client.PostAsync(WebhookUrl.Parse($"{host.Origin}/webhook/v2/{Id}"), ValidCard()));

        Assert.Equal(ChatHookFailure.Network, e.Failure);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Single(host.Received);
        Assert.DoesNotContain(Logger.Entries, x => x.EventName == "Retrying");
    }

    [Fact]
    public async Task A_reset_after_the_request_was_sent_is_retried_when_RetryServerErrors_is_set()
    {
        var requests = 0;
        await using var host = RawHttpServer.Start(exchange =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                exchange.Reset();
                return Task.CompletedTask;
            }

            return Ok(exchange);
        });
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.RetryServerErrors = true;
            o.Retry.Delay = TimeSpan.FromSeconds(2);
            o.Jitter = () => 0;
        });

        var post = client.PostAsync(WebhookUrl.Parse($"{host.Origin}/webhook/v2/{Id}"), ValidCard());
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await post).Attempts);
        Assert.Equal(2, host.Received.Count);
    }

    [Theory]
    [InlineData(0.0, 200, 400, 500)]
    [InlineData(0.5, 300, 600, 750)]
    [InlineData(0.75, 350, 700, 875)]
    public async Task Computed_waits_are_jittered_between_half_and_all_of_the_doubling_delay(double random, double first, double second, double third)
    {
        // Without Retry-After the n-th wait is drawn from [d/2, d], d = Retry.Delay * 2^(n-1) capped at Retry.MaxDelay.
        Server.Default = Reply.Json(429, string.Empty);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.Delay = TimeSpan.FromMilliseconds(400);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            o.Jitter = () => random;
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        foreach (var (wait, attempt) in new[] { first, second, third }.Select((ms, i) => (TimeSpan.FromMilliseconds(ms), i + 1)))
        {
            Assert.Equal(wait, await clock.WaitForTimerAsync(t => t != AttemptTimeout, attempt));
            Assert.Equal(attempt, Server.Received.Count);
            clock.Advance(wait);
        }

        var e = await post;
        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.Equal(4, Server.Received.Count);
    }

    [Fact]
    public async Task Computed_waits_from_the_default_random_source_stay_within_the_bounds()
    {
        Server.Default = Reply.Json(503, string.Empty);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.RetryServerErrors = true;
            o.Retry.MaxRetryAttempts = 5;
            o.Retry.Delay = TimeSpan.FromMilliseconds(400);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        for (var retry = 1; retry <= 5; retry++)
        {
            var wait = await clock.WaitForTimerAsync(t => t != AttemptTimeout, retry);
            var full = TimeSpan.FromMilliseconds(Math.Min(400 * Math.Pow(2, retry - 1), 2000));
            // The random number is below 1, so a wait is never the full delay: that is what shows the jitter.
            Assert.InRange(wait, full / 2, full - TimeSpan.FromTicks(1));
            clock.Advance(wait);
        }

        Assert.Equal(6, (await post).Attempts);
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(503, true)]
    public async Task Retry_After_is_waited_exactly_without_jitter(int status, bool retryServerErrors)
    {
        Server.Enqueue(Reply.Json(status, string.Empty, ("Retry-After", "2")));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.RetryServerErrors = retryServerErrors;
            o.Retry.Delay = TimeSpan.FromSeconds(2);
            o.Jitter = () => 0;
        });

        var post = client.PostAsync(Hook, ValidCard());
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.WaitForTimerAsync(t => t != AttemptTimeout, 1));
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(post.IsCompleted);
        Assert.Single(Server.Received);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, (await post).Attempts);
        var retry = Assert.Single(Logger.Entries, e => e.EventName == "Retrying");
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(2.0, retry.Values["DelaySeconds"]);
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, false)]
    [InlineData(HttpRequestError.ConnectionError, false)]
    [InlineData(HttpRequestError.SecureConnectionError, false)]
    [InlineData(HttpRequestError.ResponseEnded, true)]
    [InlineData(HttpRequestError.InvalidResponse, true)]
    [InlineData(HttpRequestError.Unknown, true)]
    public void Only_a_connection_that_was_never_made_proves_nothing_was_sent(HttpRequestError error, bool mayHaveBeenSent)
        => Assert.Equal(mayHaveBeenSent, ChatHookClient.MayHaveBeenSent(new HttpRequestException(error, "failed")));
}
