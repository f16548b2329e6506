using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Legacy;
using Microsoft.Extensions.Logging;

// These tests give the builders bad colours and URLs on purpose, to see them refused at run time.
#pragma warning disable CARDGEN015, CARDGEN016, CARDGEN017

namespace CardGen.Emulator.Tests;

/// <summary>
/// <see cref="ChatHookClient.PostAsync(WebhookUrl, LegacyMessage, System.Threading.CancellationToken)"/> against the
/// real emulator over loopback HTTP: a legacy message goes to the v1 route of whichever URL it is given, is refused
/// before sending when it breaks a documented rule, and the host's errors (in HTTP 200 too) come back as
/// <see cref="ChatHookException"/> without the webhook id.
/// </summary>
public sealed class LegacyMessageClientTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static LegacyMessage Sample()
    {
        var message = new LegacyMessage { Activity = "Jira", Title = "**PROJ-1** updated", Icon = "https://example.com/jira.png", Body = "Status changed" };
        message.Attachments.Add(new LegacyCard
        {
            Fallback = "PROJ-1 moved to Done",
            Color = "#00ff2a",
            AuthorName = "Ann",
            Title = "PROJ-1",
            Text = "Moved to *Done*",
            Footer = "Jira Cloud",
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(1600000000),
        }.AddField("Priority", "High", LegacyFieldStyle.Short));
        return message;
    }

    [Theory]
    [InlineData(HookRoute.V1)]
    [InlineData(HookRoute.V2)]
    public async Task A_legacy_message_to_either_url_reaches_the_v1_route_as_written(HookRoute given)
    {
        using var client = new ChatHookClient();
        var message = Sample();

        var response = await client.PostAsync(_emulator.GetUrl(_emulator.DefaultHookId, given), message);

        Assert.Equal(200, response.StatusCode);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal((PostVerdict.Accepted, HookRoute.V1), (post.Verdict, post.Route));
        Assert.Equal(message.ToJson(), post.Body);
        Assert.Equal(("Status changed", "**PROJ-1** updated", "Jira"), (post.Text, post.Title, post.Activity));
        Assert.DoesNotContain(post.Findings, f => f.Severity != Validation.FindingSeverity.Info);
    }

    [Fact]
    public async Task A_message_that_breaks_a_rule_is_refused_before_sending_naming_the_rule_and_path()
    {
        using var client = new ChatHookClient();
        var message = Sample();
        message.Attachments[0].Color = "green";
        message.Attachments[0].Fields[0].Value = new string('v', 301);

        var error = await Assert.ThrowsAsync<LegacyValidationException>(() => client.PostAsync(_emulator.DefaultHook, message));

        Assert.Equal("message", error.ParamName);
        Assert.Equal(
            [(LegacyRules.InvalidColor, "$.attachments[0].color"), (LegacyRules.FieldTooLong, "$.attachments[0].fields[0].value")],
            error.Result.Errors.Select(f => (f.RuleId, f.Path)));
        Assert.Contains("LV040 at $.attachments[0].color", error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task Text_that_cannot_be_sent_is_refused_even_without_validation()
    {
        using var client = new ChatHookClient(new ChatHookClientOptions { ValidateCards = false });
        var message = new LegacyMessage { Body = "half \udc00 a character" };

        var error = await Assert.ThrowsAsync<LegacyValidationException>(() => client.PostAsync(_emulator.DefaultHook, message));

        Assert.Equal((LegacyRules.MalformedJson, "$.body"), (error.Result.Errors.Single().RuleId, error.Result.Errors.Single().Path));
        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task The_hosts_error_in_http_200_is_a_host_error_with_its_validation_lines()
    {
        // Without the client's own check, the emulator refuses 21 attachments as RingCentral does: HTTP 200, "status":"error".
        using var client = new ChatHookClient(new ChatHookClientOptions { ValidateCards = false });
        var message = new LegacyMessage { Body = "b" };
        for (var i = 0; i < 21; i++)
        {
            message.Attachments.Add(new LegacyCard { Fallback = "f", Title = "t", Text = "x" });
        }

        var error = await Assert.ThrowsAsync<ChatHookException>(() => client.PostAsync(_emulator.DefaultHook, message));

        Assert.Equal(ChatHookFailure.HostError, error.Failure);
        Assert.Equal(200, error.StatusCode);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Equal("Too many attachments", error.Error);
        Assert.Contains(error.Validation, v => v.Contains("at most 20", StringComparison.Ordinal));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal((PostVerdict.Rejected, HookRoute.V1), (post.Verdict, post.Route));
        Assert.Contains(post.Findings, f => f.RuleId == LegacyRules.TooManyAttachments);
    }

    [Fact]
    public async Task A_suspended_or_unknown_hook_fails_without_the_id_in_the_exception_or_the_logs()
    {
        var logger = new ListLogger();
        using var client = new ChatHookClient(new ChatHookClientOptions { Logger = logger });
        var hook = _emulator.CreateHook();
        _emulator.SuspendHook(hook.Id);
        const string Unknown = "5eed4bad-0000-4000-8000-0000000dead0";

        var suspended = await Assert.ThrowsAsync<ChatHookException>(() => client.PostAsync(_emulator.GetUrl(hook.Id, HookRoute.V2), Sample()));
        var unknown = await Assert.ThrowsAsync<ChatHookException>(() => client.PostAsync(_emulator.GetUrl(Unknown, HookRoute.V1), Sample()));

        Assert.Equal((ChatHookFailure.HostError, "Webhook is suspended"), (suspended.Failure, suspended.Error));
        Assert.Equal((ChatHookFailure.HostError, "Webhook not found!"), (unknown.Failure, unknown.Error));
        Assert.EndsWith("/webhook/" + hook.Id[..4] + "\u2026", suspended.WebhookUrl, StringComparison.Ordinal);
        foreach (var (id, text) in new[] { (hook.Id, suspended.ToString()), (Unknown, unknown.ToString()), (hook.Id, logger.Text), (Unknown, logger.Text) })
        {
            Assert.DoesNotContain(id[4..], text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(logger.Lines, l => l.Contains("instead of the v2 URL", StringComparison.Ordinal));
        Assert.Equal([HookRoute.V1, HookRoute.V1], _emulator.Posts.Select(p => p.Route));
    }

    [Fact]
    public async Task An_adaptive_card_json_on_the_v1_route_is_refused_as_the_client_would()
    {
        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{{Raw.Card}}]}""");

        Assert.Equal("Invalid AdaptiveCard payload", answer.Str("error"));
        var client = LegacyValidator.Validate($$"""{"attachments":[{{Raw.Card}}]}""");
        Assert.Equal(client.Errors.Select(f => f.RuleId), _emulator.Posts.Single().Findings.Where(f => f.Severity == Validation.FindingSeverity.Error).Select(f => f.RuleId));
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string[] Lines => _lines.ToArray();

        public string Text => string.Join("\n", _lines);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            if (state is System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> values)
            {
                line += " " + string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            _lines.Enqueue(line + (exception is null ? string.Empty : " " + exception));
        }
    }
}
