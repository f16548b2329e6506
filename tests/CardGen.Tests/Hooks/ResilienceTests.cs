using System;
using System.Threading.Tasks;

namespace CardGen.Tests.Hooks;

/// <summary>
/// The circuit breaker and the total timeout of the client's Polly pipeline, on a fake clock: a webhook whose host
/// keeps failing opens its own circuit (and no other's), posts then fail at once without a request, and the post's
/// total time ends it as what it was doing then.
/// </summary>
public sealed class ResilienceTests : HookClientTest
{
    private const string OtherId = "a2f7c0de-3b3b-4d4d-9e9e-0123456789ab";

    private ChatHookClient BreakerClient(TestClock clock) => Client(o =>
    {
        o.TimeProvider = clock;
        o.Retry.MaxRetryAttempts = 0;
        o.CircuitBreaker.MinimumThroughput = 2;
        o.CircuitBreaker.FailureRatio = 0.5;
        o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(10);
    });

    [Fact]
    public async Task Repeated_server_errors_open_the_circuit_and_posts_then_fail_at_once_without_a_request()
    {
        Server.Default = Reply.Json(503, """{"status":"error","error":"down"}""");
        var clock = new TestClock();
        using var client = BreakerClient(clock);

        for (var i = 0; i < 2; i++)
        {
            var failed = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
            Assert.Equal(ChatHookFailure.ServerError, failed.Failure);
        }

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.CircuitOpen, e.Failure);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(TimeSpan.FromSeconds(10), e.RetryAfter);
        Assert.Equal(0, e.Attempts);
        Assert.Equal(2, Server.Received.Count);
        Assert.Contains("circuit", e.Message, StringComparison.Ordinal);

        // After the break a trial post goes through, and its success closes the circuit.
        Server.Default = Reply.Ok();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await client.PostAsync(Hook, ValidCard())).Attempts);
        await client.PostAsync(Hook, ValidCard());
        Assert.Equal(4, Server.Received.Count);
    }

    [Fact]
    public async Task One_webhooks_open_circuit_does_not_stop_posts_to_another()
    {
        Server.Default = Reply.Json(503, string.Empty);
        var clock = new TestClock();
        using var client = BreakerClient(clock);
        for (var i = 0; i < 2; i++)
        {
            await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        }

        Assert.Equal(ChatHookFailure.CircuitOpen, (await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()))).Failure);

        Server.Default = Reply.Ok();
        var other = WebhookUrl.Parse($"{Server.Origin}/webhook/v2/{OtherId}");
        Assert.Equal(200, (await client.PostAsync(other, ValidCard())).StatusCode);
        Assert.Equal($"/webhook/v2/{OtherId}", Server.Received[^1].Path);
    }

    [Fact]
    public async Task Refused_cards_and_rate_limits_do_not_open_the_circuit()
    {
        Server.Enqueue(
            Reply.Json(200, """{"status":"error","error":"bad card"}"""),
            Reply.Json(400, """{"status":"error","error":"bad card"}"""),
            Reply.Json(429, string.Empty, ("Retry-After", "120")),
            Reply.Json(429, string.Empty, ("Retry-After", "120")));
        var clock = new TestClock();
        using var client = BreakerClient(clock);
        for (var i = 0; i < 4; i++)
        {
            var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
            Assert.NotEqual(ChatHookFailure.CircuitOpen, e.Failure);
        }

        Assert.Equal(200, (await client.PostAsync(Hook, ValidCard())).StatusCode);
        Assert.Equal(5, Server.Received.Count);
    }

    [Fact]
    public async Task A_disabled_circuit_breaker_never_opens()
    {
        Server.Default = Reply.Json(503, string.Empty);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.Enabled = false;
            o.CircuitBreaker.MinimumThroughput = 2;
        });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ChatHookFailure.ServerError, (await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()))).Failure);
        }

        Assert.Equal(5, Server.Received.Count);
    }

    [Fact]
    public async Task The_total_timeout_during_a_wait_fails_the_post_as_its_last_attempt_did()
    {
        Server.Default = Reply.Json(429, string.Empty, ("Retry-After", "30"));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(10));

        var e = await post;
        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Single(Server.Received);
        Assert.Contains("TotalRequestTimeout (10 s) before attempt 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_timeout_during_an_attempt_is_a_timeout_that_may_have_delivered()
    {
        Server.Default = Reply.Delayed(TimeSpan.FromSeconds(30));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(2);
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromSeconds(2));

        var e = await post;
        Assert.Equal(ChatHookFailure.Timeout, e.Failure);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("ran out of its TotalRequestTimeout (2 s) during attempt 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_whose_earlier_attempt_may_have_delivered_is_reported_as_maybe_delivered_whatever_the_last_attempt_says()
    {
        // The 503 may have posted the message; the retry is then refused. Saying "not delivered" would invite a resend
        // that posts the message twice.
        Server.Enqueue(Reply.Json(503, string.Empty), Reply.Json(400, """{"status":"error","error":"bad"}"""));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.RetryServerErrors = true;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Jitter = () => 0;
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(500));
        clock.Advance(TimeSpan.FromMilliseconds(500));

        var e = await post;
        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.Equal(2, e.Attempts);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Contains("An earlier attempt of this post may have delivered the message.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_cut_short_by_an_open_circuit_after_an_attempt_that_may_have_delivered_says_it_may_have_been_delivered()
    {
        // One success, then a 503: half of two attempts failed, so the circuit opens, and the 503's retry is refused
        // by the circuit without a request. The 503 may have posted the message all the same.
        Server.Enqueue(Reply.Ok(), Reply.Json(503, string.Empty));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.TimeProvider = clock;
            o.Retry.RetryServerErrors = true;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Jitter = () => 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        await client.PostAsync(Hook, ValidCard());

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(500));
        clock.Advance(TimeSpan.FromMilliseconds(500));

        var e = await post;
        Assert.Equal(ChatHookFailure.CircuitOpen, e.Failure);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(2, Server.Received.Count);
        Assert.True(e.MayHaveBeenDelivered);
    }
}
