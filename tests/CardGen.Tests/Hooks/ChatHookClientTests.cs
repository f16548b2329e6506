using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Validation;
using Microsoft.Extensions.Logging;

namespace CardGen.Tests.Hooks;

/// <summary>
/// The client against a loopback server with scripted replies. Every test gets its own server, and afterwards
/// checks that no log line and no exception text contained the webhook id.
/// </summary>
public sealed class ChatHookClientTests : HookClientTest
{
    [Fact]
    public async Task A_card_is_posted_as_the_v2_envelope_with_a_json_content_type()
    {
        using var client = Client();
        var response = await client.PostAsync(Hook, ValidCard());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Equal("""{"status":"OK"}""", response.Body);

        var request = Assert.Single(Server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/webhook/v2/{Id}", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Build 1842 failed", body.RootElement.GetProperty("activity").GetString());
        var attachment = Assert.Single(body.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("type").GetString());
        Assert.Equal("1.3", attachment.GetProperty("version").GetString());
        Assert.Equal("Build 1842 failed", attachment.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.False(attachment.TryGetProperty("contentType", out _));
        Assert.Equal(request.Body, WebhookMessage.ForCard(ValidCard(), activity: "Build 1842 failed").ToJson());

        var posted = Assert.Single(Logger.Entries, e => e.Level == LogLevel.Information);
        Assert.Equal("Posted", posted.EventName);
        Assert.Equal(RedactedHook, posted.Values["Hook"]);
        Assert.Equal(1, posted.Values["Attempts"]);
        Assert.Equal(1, posted.Values["Cards"]);
        Assert.Equal(200, posted.Values["StatusCode"]);
        Assert.Equal($"Posted to {RedactedHook} in 1 attempt(s): 1 card(s), HTTP 200", posted.Message);
        var sending = Assert.Single(Logger.Entries, e => e.Level == LogLevel.Debug && e.EventName == "Sending");
        Assert.Equal(RedactedHook, sending.Values["Hook"]);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body), sending.Values["Bytes"]);
        Assert.Equal(1, sending.Values["Attempt"]);
        Assert.Equal(3, sending.Values["MaxAttempts"]);
    }

    [Fact]
    public async Task A_message_with_all_fields_is_posted_as_written()
    {
        using var client = Client();
        var message = WebhookMessage.ForCard(ValidCard(), activity: "CI", title: "**Failed**", iconUri: "https://ci.example.com/icon.png");
        message.Text = "See the card";
        await client.PostAsync(Hook, message);
        Assert.Equal(message.ToJson(), Assert.Single(Server.Received).Body);
    }

    [Fact]
    public async Task Every_message_to_a_v1_hook_goes_to_its_v2_form()
    {
        // WebhookMessage is the v2 schema (text, iconUri); the v1 route reads body and icon, so a text-only message
        // must be moved too, not only one that carries cards.
        using var client = Client();
        await client.PostAsync(V1Hook, ValidCard());
        await client.PostAsync(V1Hook, new WebhookMessage { Text = "plain", IconUri = "https://ci.example.com/icon.png" });
        await client.PostAsync(Hook, new WebhookMessage { Text = "plain" });

        Assert.Equal(new[] { $"/webhook/v2/{Id}", $"/webhook/v2/{Id}", $"/webhook/v2/{Id}" }, Server.Received.Select(r => r.Path));
        var moved = Logger.Entries.Where(e => e.EventName == "UpgradedToV2").ToArray();
        Assert.Equal(2, moved.Length);
        Assert.All(moved, e => Assert.Equal(RedactedHook, e.Values["Hook"]));
        Assert.All(moved, e => Assert.Equal($"{Server.Origin}/webhook/d1f7\u2026", e.Values["V1Hook"]));
    }

    [Fact]
    public async Task Status_error_with_HTTP_200_is_a_host_error_with_the_error_and_validation()
    {
        Server.Default = Reply.Json(200, """{"status":"error","message":"Your request was accepted, however a post was not generated","error":"Invalid AdaptiveCard payload","validation":["payload.attachments[0] does not match any schema"]}""");
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.Equal(200, e.StatusCode);
        Assert.Equal("Invalid AdaptiveCard payload", e.Error);
        Assert.Equal(new[] { "payload.attachments[0] does not match any schema" }, e.Validation);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(RedactedHook, e.WebhookUrl);
        Assert.Equal($"RingCentral rejected the post to {RedactedHook}: Invalid AdaptiveCard payload (payload.attachments[0] does not match any schema)", e.Message);
        Assert.Single(Server.Received);
        Assert.Contains(Logger.Entries, x => x.Level == LogLevel.Warning && x.EventName == "Failed");
    }

    [Fact]
    public async Task An_error_object_is_summarized_and_an_echoed_id_is_redacted()
    {
        Server.Enqueue(
            Reply.Json(200, """{"status":"error","error":{"code":"CMN-101","message":"Parameter [attachments] is invalid","response":{"validation":[{"message":"attachments[0].type"}]}}}"""),
            Reply.Json(200, $$"""{"status":"error","message":"Your request was accepted, however a post was not generated","error":"Webhook not found! {{Id}}"}"""),
            Reply.Json(404, $$"""{"error":"Unknown webhook {{Id.ToUpperInvariant()}}"}"""),
            Reply.Json(400, "Bad Request"));
        using var client = Client();

        var first = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal("Parameter [attachments] is invalid (CMN-101)", first.Error);
        Assert.Equal(new[] { "attachments[0].type" }, first.Validation);

        var second = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.HostError, second.Failure);
        Assert.Equal("Webhook not found! d1f7\u2026", second.Error);

        var third = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.HostError, third.Failure);
        Assert.Equal(404, third.StatusCode);
        Assert.Contains("HTTP 404", third.Message, StringComparison.Ordinal);

        var fourth = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.HostError, fourth.Failure);
        Assert.Equal(400, fourth.StatusCode);
        Assert.Null(fourth.Error);
    }

    [Fact]
    public async Task Retry_After_is_honoured_on_429_and_the_post_then_succeeds()
    {
        Server.Enqueue(Reply.Json(429, """{"status":"error","error":"Too many requests"}""", ("Retry-After", "1")));
        var clock = new TestClock();
        using var client = Client(o => o.TimeProvider = clock);

        var post = client.PostAsync(Hook, ValidCard());
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(post.IsCompleted);
        Assert.Single(Server.Received);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await post;
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Server.Received.Count);
        var retry = Assert.Single(Logger.Entries, e => e.EventName == "Retrying");
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(1.0, retry.Values["DelaySeconds"]);
    }

    [Fact]
    public async Task A_host_that_keeps_rate_limiting_fails_after_MaxAttempts()
    {
        Server.Default = Reply.Json(429, string.Empty, ("Retry-After", "0"));
        using var client = Client(o => o.Retry.MaxRetryAttempts = 2);

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(3, Server.Received.Count);
        Assert.Equal(2, Logger.Entries.Count(x => x.EventName == "Retrying"));
    }

    [Fact]
    public async Task A_429_without_Retry_After_waits_a_doubling_delay()
    {
        Server.Default = Reply.Json(429, string.Empty);
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromMilliseconds(300);
            o.TimeProvider = clock;
            o.Jitter = () => 0.5; // the wait is drawn from [d/2, d]; RetryTests checks the bounds
        });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(225));
        clock.Advance(TimeSpan.FromMilliseconds(224));
        Assert.Single(Server.Received);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        // The second wait doubles.
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(450));
        Assert.Equal(2, Server.Received.Count);
        clock.Advance(TimeSpan.FromMilliseconds(450));

        var e = await post;
        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.Null(e.RetryAfter);
        Assert.Equal(3, Server.Received.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Retry_After_beyond_MaxRetryDelay_fails_at_once(bool asDate)
    {
        var clock = new TestClock();
        var value = asDate ? clock.GetUtcNow().AddHours(1).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "120";
        Server.Default = Reply.Json(429, string.Empty, ("Retry-After", value));
        using var client = Client(o =>
        {
            o.Retry.MaxDelay = TimeSpan.FromSeconds(60);
            o.TimeProvider = clock;
        });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.Equal(1, e.Attempts);
        Assert.Single(Server.Received);
        Assert.DoesNotContain(clock.Timers, t => t != TimeSpan.FromSeconds(5)); // only the attempt's timeout, no wait
        if (asDate)
        {
            Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
        }
        else
        {
            Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
            Assert.Contains("retry after 120 s, longer than Retry.MaxDelay (60 s)", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_5xx_is_a_server_error_that_may_have_been_delivered_and_is_not_retried()
    {
        Server.Default = Reply.Json(500, """{"status":"error","error":"Internal error"}""");
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.ServerError, e.Failure);
        Assert.Equal(500, e.StatusCode);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.Equal("Internal error", e.Error);
        Assert.Contains("RetryServerErrors", e.Message, StringComparison.Ordinal);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task A_5xx_is_retried_when_RetryServerErrors_is_set()
    {
        Server.Enqueue(Reply.Json(503, string.Empty), Reply.Json(502, "<html>bad gateway</html>"));
        using var client = Client(o => o.Retry.RetryServerErrors = true);

        var response = await client.PostAsync(Hook, ValidCard());
        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, Server.Received.Count);
    }

    [Fact]
    public async Task A_5xx_still_fails_after_MaxAttempts_when_retried()
    {
        Server.Default = Reply.Json(500, string.Empty);
        using var client = Client(o =>
        {
            o.Retry.RetryServerErrors = true;
            o.Retry.MaxRetryAttempts = 1;
        });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.ServerError, e.Failure);
        Assert.Equal(2, e.Attempts);
        Assert.Equal(2, Server.Received.Count);
    }

    [Fact]
    public async Task A_slow_host_times_out_per_attempt()
    {
        Server.Default = Reply.Delayed(TimeSpan.FromSeconds(30));
        var clock = new TestClock();
        using var client = Client(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300);
            o.TimeProvider = clock;
        });

        // The server holds the reply for 30 s; the attempt's timeout, on the client's clock, ends the post at once
        // and is not retried.
        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(300));
        clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(post.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var e = await post;
        Assert.Equal(ChatHookFailure.Timeout, e.Failure);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Null(e.StatusCode);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("timed out after 0.3 s", e.Message, StringComparison.Ordinal);
        Assert.True(Server.Received.Count <= 1, $"{Server.Received.Count} requests arrived; a timeout must not be retried.");
    }

    [Fact]
    public async Task The_timeout_of_a_given_HttpClient_also_counts_as_a_timeout()
    {
        Server.Default = Reply.Delayed(TimeSpan.FromSeconds(10));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.Timeout, e.Failure);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_OperationCanceledException()
    {
        // The server holds the reply for 30 s and the client's own timeout is on a clock that never moves, so only
        // the caller's token can end this post early.
        Server.Default = Reply.Delayed(TimeSpan.FromSeconds(30));
        using var client = Client(o => o.TimeProvider = new TestClock());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Hook, ValidCard(), cts.Token));
        Keep(e);
        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.IsType<TaskCanceledException>(e); // as HttpClient throws it, so a catch (TaskCanceledException) still works
    }

    [Fact]
    public async Task Caller_cancellation_also_ends_a_wait_between_retries()
    {
        Server.Default = Reply.Json(429, string.Empty, ("Retry-After", "30"));
        var clock = new TestClock();
        using var client = Client(o => o.TimeProvider = clock);
        using var cts = new CancellationTokenSource();

        var post = Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Hook, ValidCard(), cts.Token));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        var e = await post;
        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var client = Client();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Hook, ValidCard(), new CancellationToken(canceled: true)));
        Assert.Empty(Server.Received);
    }

    [Fact]
    public async Task A_TextBlock_without_text_is_refused_before_anything_is_sent()
    {
        using var client = Client();
        var card = new AdaptiveCard(CardVersion.V1_3) { FallbackText = "x", Body = { new TextBlock() } };

        var e = await Fails<CardValidationException>(() => client.PostAsync(Hook, card));
        Assert.False(e.Result.IsValid);
        var error = Assert.Single(e.Result.Errors);
        Assert.Contains(error.RuleId, e.Message, StringComparison.Ordinal);
        Assert.Contains(error.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains(error.Message, e.Message, StringComparison.Ordinal);
        Assert.Contains("RingCentral", e.Message, StringComparison.Ordinal);
        Assert.Equal("card", e.ParamName);
        Assert.Empty(Server.Received);
        Assert.Contains(Logger.Entries, x => x.EventName == "InvalidCard");
    }

    [Fact]
    public async Task An_Action_Execute_is_refused_for_RingCentral_but_sent_to_a_generic_host()
    {
        var card = new AdaptiveCard(CardVersion.V1_3) { FallbackText = "x", Body = { new TextBlock("Approve?") }, Actions = { new ExecuteAction { Title = "Approve" } } };

        using (var client = Client())
        {
            var message = new WebhookMessage { Text = "see below" };
            message.Attachments.Add(ValidCard());
            message.Attachments.Add(card);
            var e = await Fails<CardValidationException>(() => client.PostAsync(Hook, message));
            Assert.Contains(e.Result.Errors, f => f.RuleId is CardRules.ActionNotSupported or CardRules.NewerThanTarget);
            Assert.StartsWith("The card in attachments[1] is not valid for RingCentral", e.Message, StringComparison.Ordinal);
            Assert.Equal("message", e.ParamName);
            Assert.Empty(Server.Received);
        }

        using (var generic = Client(o => o.Host = HostProfile.Generic))
        {
            await generic.PostAsync(Hook, card);
            Assert.Single(Server.Received);
        }
    }

    [Fact]
    public async Task ValidateCards_false_sends_an_invalid_card()
    {
        using var client = Client(o => o.ValidateCards = false);
        await client.PostAsync(Hook, new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock() } });
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task An_empty_message_is_refused_before_anything_is_sent()
    {
        using var client = Client();
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostAsync(Hook, new WebhookMessage { Activity = "only" }));
        Assert.Empty(Server.Received);
    }

    [Theory]
    [InlineData(200, "OK", "not JSON")]
    [InlineData(200, "", "empty body")]
    [InlineData(200, """{"result":"OK"}""", "without \"status\":\"OK\"")]
    [InlineData(200, """["OK"]""", "JSON array")]
    [InlineData(204, "", "empty body")]
    public async Task A_2xx_that_is_not_the_webhook_protocol_is_an_unexpected_response(int status, string body, string detail)
    {
        Server.Default = Reply.Json(status, body);
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal(status, e.StatusCode);
        Assert.True(e.MayHaveBeenDelivered);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task The_status_is_compared_ignoring_case()
    {
        Server.Default = Reply.Json(200, """{"status":"ok"}""");
        using var client = Client();
        Assert.Equal(200, (await client.PostAsync(Hook, ValidCard())).StatusCode);
    }

    [Fact]
    public async Task A_huge_response_body_is_cut_off_at_64_KiB()
    {
        Server.Default = Reply.Json(200, """{"status":"OK","pad":" """ + new string('x', 200_000) + "\"}");
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Contains("larger than 64 KiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        Server.Default = Reply.Json(302, string.Empty, ("Location", "https://elsewhere.example.com/collect"));
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal(302, e.StatusCode);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_failure_that_was_not_delivered()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(WebhookUrl.Parse($"http://127.0.0.1:{port}/webhook/v2/{Id}"), ValidCard()));
        Assert.Equal(ChatHookFailure.Network, e.Failure);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Null(e.StatusCode);
        Assert.Equal(3, e.Attempts); // nothing was sent, so each attempt was safe to make
        Assert.IsAssignableFrom<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_given_HttpClient_is_not_disposed_with_the_client()
    {
        using var http = new HttpClient();
        using (var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger }))
        {
            await client.PostAsync(Hook, ValidCard());
        }

        using var again = new ChatHookClient(http);
        await again.PostAsync(Hook, ValidCard());
        Assert.Equal(2, Server.Received.Count);
    }

    [Fact]
    public async Task A_disposed_client_refuses_to_post()
    {
        var client = Client();
        client.Dispose();
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Empty(Server.Received);
    }

    [Fact]
    public async Task Shared_is_one_instance_that_Dispose_leaves_working()
    {
        var shared = ChatHookClient.Shared;
        Assert.Same(shared, ChatHookClient.Shared);
        shared.Dispose();
        var response = await shared.PostAsync(Hook, new WebhookMessage { Text = "still alive" });
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Arguments_and_options_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => new ChatHookClient((HttpClient)null!));
        using var client = new ChatHookClient();
        Assert.NotNull(client.Options);
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostAsync(null!, ValidCard()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostAsync(Hook, (AdaptiveCard)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostAsync(Hook, (WebhookMessage)null!));

        var options = new ChatHookClientOptions();
        Assert.Equal(2, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.Delay);
        Assert.True(options.Retry.UseJitter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(4), options.TotalRequestTimeout.Timeout);
        Assert.False(options.Retry.RetryServerErrors);
        Assert.True(options.CircuitBreaker.Enabled);
        Assert.True(options.ValidateCards);
        Assert.Null(options.Host); // each hook's own host's profile
        Assert.Empty(options.Validate());
        Assert.Throws<ArgumentNullException>(() => options.Retry = null!);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        options.AttemptTimeout.Timeout = Timeout.InfiniteTimeSpan;
        options.Retry.MaxRetryAttempts = 0;
        Assert.Empty(options.Validate());
    }

    [Fact]
    public async Task Options_out_of_range_fail_the_post_naming_each_before_anything_is_sent()
    {
        using var client = Client(o =>
        {
            o.Retry.MaxRetryAttempts = -1;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(-1);
            o.Retry.Delay = TimeSpan.FromSeconds(-1);
            o.AttemptTimeout.Timeout = TimeSpan.Zero;
            o.CircuitBreaker.FailureRatio = 0;
        });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.PostAsync(Hook, ValidCard()));
        foreach (var name in new[] { "Retry.MaxRetryAttempts is -1", "Retry.MaxDelay", "Retry.Delay", "AttemptTimeout.Timeout is 00:00:00", "CircuitBreaker.FailureRatio is 0" })
        {
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Server.Received);
    }

    [Fact]
    public void The_exceptions_have_the_standard_constructors()
    {
        var plain = new ChatHookException("m", new InvalidOperationException());
        Assert.Equal(ChatHookFailure.UnexpectedResponse, plain.Failure);
        Assert.Empty(plain.Validation);
        Assert.Equal(string.Empty, plain.WebhookUrl);
        Assert.NotEmpty(new ChatHookException().Message);
        Assert.Equal("m", new ChatHookException("m").Message);

        var validation = new CardValidationException("bad");
        Assert.Empty(validation.Result.Findings);
        Assert.NotEmpty(new CardValidationException().Message);
        Assert.IsType<ArgumentException>(new CardValidationException("m", new ArgumentException()).InnerException);

        var result = CardValidator.Validate("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock"}]}""", HostProfile.RingCentral);
        var fromResult = new CardValidationException(result);
        Assert.Same(result, fromResult.Result);
        Assert.Contains(CardRules.MissingRequiredProperty, fromResult.Message, StringComparison.Ordinal);
    }
}
