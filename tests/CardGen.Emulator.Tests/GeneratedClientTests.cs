using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CardGen.Emulator.Tests;

/// <summary>The generated <c>PostToHookAsync</c> and <see cref="ChatHookClient"/> against the emulator.</summary>
public sealed class GeneratedClientTests : IAsyncLifetime, IDisposable
{
    private readonly RecordingLogger _log = new();
    private HookEmulator _emulator = null!;
    private ChatHookClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync();
        _client = new ChatHookClient(new ChatHookClientOptions { Logger = _log, Retry = { Delay = TimeSpan.FromMilliseconds(50) } });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task PostSucceedsAndTheRecordedCardIsTheGeneratedJson()
    {
        var deployment = DeploymentFinished.Sample();

        var response = await deployment.PostToHookAsync(_client, _emulator.DefaultHook);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.DoesNotContain(post.Findings, f => f.Severity == Validation.FindingSeverity.Error);
        var card = Assert.Single(post.Cards);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(deployment.ToCardJson()).RootElement, card), card.GetRawText());
        Assert.Equal("billing-api 2.14.1 deployed to production", post.Activity);
        AssertNoSecret(_emulator.DefaultHookId);
    }

    [Fact]
    public async Task SharedClientPostsToo()
    {
        var response = await DeploymentFinished.Sample().PostToHookAsync(_emulator.DefaultHook);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(PostVerdict.Accepted, (await _emulator.WaitForPostAsync()).Verdict);
    }

    [Fact]
    public async Task CardsGoToTheV2UrlWhenGivenAV1Url()
    {
        await DeploymentFinished.Sample().PostToHookAsync(_client, _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.V1));

        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(HookRoute.V2, post.Route);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
    }

    [Fact]
    public async Task InvalidCardIsRefusedBeforeAnythingIsSent()
    {
        var release = new ReleaseNotes { Version = "3.0", Notes = "**New**" };

        var e = await Assert.ThrowsAsync<CardValidationException>(() => release.PostToHookAsync(_client, _emulator.DefaultHook));

        Assert.Contains(e.Result.Errors, f => f.RuleId == "CV004");
        Assert.Equal(0, _emulator.TotalPosts);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task TheEmulatorRejectsWhatTheClientWasToldNotToCheck()
    {
        using var unchecked_ = new ChatHookClient(new ChatHookClientOptions { ValidateCards = false, Logger = _log });
        var release = new ReleaseNotes { Version = "3.0" };

        var e = await Assert.ThrowsAsync<ChatHookException>(() => release.PostToHookAsync(unchecked_, _emulator.DefaultHook));

        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.Equal(200, e.StatusCode);
        Assert.Equal("Invalid AdaptiveCard payload", e.Error);
        Assert.Contains("payload.attachments[0] does not match any schema", e.Validation);
        Assert.Contains(e.Validation, v => v.Contains("CV004", StringComparison.Ordinal));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Rejected, post.Verdict);
        Assert.Contains(post.Findings, f => f.RuleId == "CV004" && f.Path.StartsWith("$.attachments[0]", StringComparison.Ordinal));
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task DeletedHookThrowsWithRingCentralsError()
    {
        var hook = _emulator.CreateHook();
        _emulator.DeleteHook(hook.Id);

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(_client, hook.Url));

        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.Equal("Webhook not found!", e.Error);
        Assert.Equal(1, e.Attempts);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Single(_emulator.Posts);
        AssertNoSecret(hook.Id, e);
    }

    [Fact]
    public async Task SuspendedHookThrows()
    {
        var hook = _emulator.CreateHook();
        _emulator.SuspendHook(hook.Id);

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(_client, hook.Url));

        Assert.Equal("Webhook is suspended", e.Error);
        AssertNoSecret(hook.Id, e);
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterRetryAfter()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.FromSeconds(1)) with { Count = 1 });

        var response = await DeploymentFinished.Sample().PostToHookAsync(_client, _emulator.DefaultHook);

        Assert.Equal(2, response.Attempts);
        var posts = _emulator.Posts;
        Assert.Equal(new[] { PostVerdict.Fault, PostVerdict.Accepted }, posts.Select(p => p.Verdict));
        Assert.Equal(429, posts[0].HttpStatus);

        // The retry came no sooner than Retry-After (1 s) after the 429 was answered (the default back-off here is 50 ms).
        var gap = posts[1].ReceivedAt - posts[0].AnsweredAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"the retry came {gap.TotalMilliseconds} ms after the 429");
        AssertNoSecret(_emulator.DefaultHookId);
    }

    [Fact]
    public async Task TooManyRequestsThatPersistFailsAsRateLimited()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.Zero));
        using var client = new ChatHookClient(new ChatHookClientOptions { Retry = { MaxRetryAttempts = 1 }, Logger = _log });

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(client, _emulator.DefaultHook));

        Assert.Equal(ChatHookFailure.RateLimited, e.Failure);
        Assert.Equal(2, _emulator.Posts.Count);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task ServerErrorIsNotRetriedByDefault()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError(503));

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(_client, _emulator.DefaultHook));

        Assert.Equal(ChatHookFailure.ServerError, e.Failure);
        Assert.Equal(503, e.StatusCode);
        Assert.True(e.MayHaveBeenDelivered);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Fault, post.Verdict);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task ServerErrorIsRetriedWhenOptedIn()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError(502) with { Count = 1 });
        using var client = new ChatHookClient(new ChatHookClientOptions { Retry = { RetryServerErrors = true, Delay = TimeSpan.FromMilliseconds(50) }, Logger = _log });

        var response = await DeploymentFinished.Sample().PostToHookAsync(client, _emulator.DefaultHook);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(new[] { PostVerdict.Fault, PostVerdict.Accepted }, _emulator.Posts.Select(p => p.Verdict));
        AssertNoSecret(_emulator.DefaultHookId);
    }

    [Fact]
    public async Task DroppedConnectionIsANetworkFailureThatMayHaveBeenDelivered()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Drop());

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(_client, _emulator.DefaultHook));

        Assert.Equal(ChatHookFailure.Network, e.Failure);
        Assert.Single(_emulator.Posts);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task CancellationReachesTheCaller()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeploymentFinished.Sample().PostToHookAsync(_client, _emulator.DefaultHook, cts.Token));

        Assert.True(cts.IsCancellationRequested);
        var post = await _emulator.WaitForPostAsync();
        Assert.Equal(PostVerdict.Fault, post.Verdict);
        Assert.Contains("went away", post.Fault, StringComparison.Ordinal);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    [Fact]
    public async Task TimeoutIsReportedWithoutTheSecret()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromSeconds(30)));
        using var client = new ChatHookClient(new ChatHookClientOptions { AttemptTimeout = { Timeout = TimeSpan.FromMilliseconds(300) }, Retry = { MaxRetryAttempts = 0 }, Logger = _log });

        var e = await Assert.ThrowsAsync<ChatHookException>(() => DeploymentFinished.Sample().PostToHookAsync(client, _emulator.DefaultHook));

        Assert.Equal(ChatHookFailure.Timeout, e.Failure);
        AssertNoSecret(_emulator.DefaultHookId, e);
    }

    /// <summary>The hook id appears in no log line and no exception text (message, ToString, inner exceptions).</summary>
    private void AssertNoSecret(string hookId, Exception? exception = null)
    {
        Assert.NotEmpty(_log.Lines.Concat(exception is null ? Array.Empty<string>() : new[] { exception.Message }));
        foreach (var line in _log.Lines)
        {
            Assert.DoesNotContain(hookId, line, StringComparison.OrdinalIgnoreCase);
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(hookId, e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hookId, e.ToString(), StringComparison.OrdinalIgnoreCase);
            if (e is ChatHookException hookException)
            {
                Assert.DoesNotContain(hookId, hookException.WebhookUrl, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(hookException.Validation, v => v.Contains(hookId, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>Keeps every formatted log line (with its exception) at every level.</summary>
    private sealed class RecordingLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            _lines.Enqueue(exception is null ? line : line + " | " + exception);
        }
    }
}
