using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Tests.Hooks;

namespace CardGen.Tests.Generated;

/// <summary>The generated PostToHookAsync against a real HTTP server on loopback.</summary>
public sealed class PostToHookTests : IAsyncLifetime
{
    private readonly CapturingLogger _logger = new();
    private readonly List<Exception> _exceptions = new();
    private HookServer _server = null!;

    private WebhookUrl Hook => WebhookUrl.Parse($"{_server.Origin}/webhook/v2/{WebhookUrlTests.Id}");

    public async Task InitializeAsync() => _server = await HookServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var entry in _logger.Entries)
        {
            WebhookUrlTests.AssertNoSecret(entry.AllText);
        }

        foreach (var exception in _exceptions)
        {
            WebhookUrlTests.AssertNoSecret(exception.ToString());
        }
    }

    private ChatHookClient Client() => new(new ChatHookClientOptions { Logger = _logger, Retry = { Delay = TimeSpan.FromMilliseconds(20) }, AttemptTimeout = { Timeout = TimeSpan.FromSeconds(5) } });

    [Fact]
    public async Task A_generated_card_is_posted_as_the_RingCentral_envelope()
    {
        using var client = Client();

        var response = await GeneratedCardTests.Build().PostToHookAsync(client, Hook);

        Assert.Equal(200, response.StatusCode);
        var request = Assert.Single(_server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/webhook/v2/{WebhookUrlTests.Id}", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Build 1842 of payments-api failed", body.RootElement.GetProperty("activity").GetString());
        var card = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal(GeneratedCardTests.Build().ToCardJson(), card.GetRawText());
    }

    [Fact]
    public async Task Status_error_with_HTTP_200_reaches_the_caller_with_the_hosts_reasons()
    {
        _server.Default = Reply.Json(200, """{"status":"error","message":"Your request was accepted, however a post was not generated","error":"Invalid AdaptiveCard payload","validation":["payload.attachments[0] does not match any schema"]}""");
        using var client = Client();

        var exception = await Assert.ThrowsAsync<ChatHookException>(() => GeneratedCardTests.Issue().PostToHookAsync(client, Hook));
        _exceptions.Add(exception);

        Assert.Equal(ChatHookFailure.HostError, exception.Failure);
        Assert.Equal("Invalid AdaptiveCard payload", exception.Error);
        Assert.Equal(new[] { "payload.attachments[0] does not match any schema" }, exception.Validation);
    }

    [Fact]
    public async Task Rate_limits_are_honoured_through_Retry_After()
    {
        _server.Enqueue(Reply.Json(429, """{"status":"error"}""", ("Retry-After", "1")), Reply.Ok());
        using var client = Client();
        var started = DateTimeOffset.UtcNow;

        var response = await GeneratedCardTests.Build().PostToHookAsync(client, Hook);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, _server.Received.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not waited for.");
    }

    [Fact]
    public async Task A_card_invalid_for_the_host_throws_before_anything_is_sent()
    {
        using var client = Client();

        // ReleasePublished targets Adaptive Cards 1.5; RingCentral renders 1.3.
        var exception = await Assert.ThrowsAsync<CardValidationException>(() => GeneratedCardTests.Release().PostToHookAsync(client, Hook));
        _exceptions.Add(exception);

        Assert.Empty(_server.Received);
        Assert.Contains("CV004", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_are_checked_and_cancellation_is_honoured()
    {
        using var client = Client();
        await Assert.ThrowsAsync<ArgumentNullException>(() => GeneratedCardTests.Build().PostToHookAsync(client, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => GeneratedCardTests.Build().PostToHookAsync(null!, Hook));

        _server.Default = Reply.Delayed(TimeSpan.FromSeconds(3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GeneratedCardTests.Build().PostToHookAsync(client, Hook, cancel.Token));
    }
}
