using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Emulator.Tests;

/// <summary>The Teams Workflows endpoint over HTTP: raw requests for its answers, and CardGen's client against it.</summary>
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Build 12 failed","wrap":true}]}""";

    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private WebhookUrl Hook => _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams);

    private static string Message(string card) => $$"""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{{card}}}]}""";

    [Fact]
    public async Task TheHooksTeamsUrlIsATeamsWorkflowUrlOfTheSameHook()
    {
        var hook = Hook;

        Assert.Equal(ChatHost.Teams, hook.ChatHost);
        Assert.Equal(WebhookFormat.TeamsWorkflow, hook.Format);
        var uri = hook.RevealUri();
        Assert.Equal($"/workflows/{_emulator.DefaultHookId}/triggers/manual/paths/invoke", uri.AbsolutePath);
        Assert.Contains("api-version=2016-06-01", uri.Query, StringComparison.Ordinal);
        var sig = Sig(uri);
        Assert.Equal(43, sig.Length);
        Assert.DoesNotContain(sig, hook.ToString(), StringComparison.Ordinal);
        Assert.Equal(hook, _emulator.GetUrl(_emulator.DefaultHookId, HookRoute.Teams));
    }

    [Fact]
    public async Task AWellFormedPostIsAccepted202WithAnEmptyBody()
    {
        var answer = await Raw.PostAsync(Hook.RevealUri(), Message(Card));

        Assert.Equal(202, answer.Status);
        Assert.Equal(string.Empty, answer.Text);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(HookRoute.Teams, post.Route);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.Equal(202, post.HttpStatus);
        Assert.Equal("Build 12 failed", Assert.Single(post.Cards).GetProperty("body")[0].GetProperty("text").GetString());
        Assert.DoesNotContain(Sig(Hook.RevealUri()), post.ToString() + post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePowerPlatformShapeOfTheUrlReachesTheSameHook()
    {
        var uri = Hook.RevealUri();
        var other = new Uri(_emulator.BaseAddress, "powerautomate/automations/direct" + uri.PathAndQuery);

        var answer = await Raw.PostAsync(other, Message(Card));

        Assert.Equal(202, answer.Status);
        Assert.Equal(ChatHost.Teams, WebhookUrl.Parse(other.AbsoluteUri).ChatHost);
    }

    [Theory]
    [InlineData(null, 401, "DirectApiAuthorizationRequired")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401, "DirectApiInvalidAuthorizationSignature")]
    public async Task AMissingOrWrongSignatureIsRefused401(string? sig, int status, string code)
    {
        var uri = Hook.RevealUri().AbsoluteUri;
        var cut = uri[..uri.IndexOf("&sig=", StringComparison.Ordinal)];
        var answer = await Raw.PostAsync(new Uri(sig is null ? cut : cut + "&sig=" + sig), Message(Card));

        Assert.Equal(status, answer.Status);
        Assert.Equal(code, answer.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(PostVerdict.Rejected, Assert.Single(_emulator.Posts).Verdict);
        Assert.Equal(EmulatorRules.TeamsSignature, Assert.Single(_emulator.Posts[0].Findings).RuleId);
    }

    [Fact]
    public async Task ASignatureIssuedForAnotherHookIsRefused()
    {
        var other = _emulator.CreateHook();
        var mine = Hook.RevealUri().AbsoluteUri;
        var theirs = _emulator.GetUrl(other.Id, HookRoute.Teams).RevealUri().AbsoluteUri;
        var forged = mine[..mine.IndexOf("&sig=", StringComparison.Ordinal)] + theirs[theirs.IndexOf("&sig=", StringComparison.Ordinal)..];

        var answer = await Raw.PostAsync(new Uri(forged), Message(Card));

        Assert.Equal(401, answer.Status);
    }

    [Fact]
    public async Task AnUnknownWorkflowIs404AndADisabledOneIs400()
    {
        var missing = await Raw.PostAsync(new Uri(_emulator.BaseAddress, "workflows/0000000000000000000000000000dead/triggers/manual/paths/invoke?api-version=2016-06-01&sig=" + new string('A', 43)), Message(Card));
        Assert.Equal(404, missing.Status);
        Assert.Equal("WorkflowNotFound", missing.Json.GetProperty("error").GetProperty("code").GetString());

        var hook = _emulator.CreateHook();
        Assert.True(_emulator.SuspendHook(hook.Id));
        var disabled = await Raw.PostAsync(_emulator.GetUrl(hook.Id, HookRoute.Teams).RevealUri(), Message(Card));
        Assert.Equal(400, disabled.Status);
        Assert.Equal("WorkflowTriggerIsNotEnabled", disabled.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WithoutApiVersionTheTriggerAnswersMissingApiVersionParameter()
    {
        var uri = Hook.RevealUri().AbsoluteUri.Replace("api-version=2016-06-01&", string.Empty, StringComparison.Ordinal);

        var answer = await Raw.PostAsync(new Uri(uri), Message(Card));

        Assert.Equal(400, answer.Status);
        Assert.Equal("MissingApiVersionParameter", answer.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"attachments":[]}""", "$.type")]
    [InlineData("""{"type":"message"}""", "$.attachments")]
    [InlineData("""{"type":"message","attachments":[]}""", "$.attachments")]
    [InlineData("""{"type":"message","attachments":[{"type":"AdaptiveCard","version":"1.3","body":[]}]}""", "$.attachments[0].contentType")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive"}]}""", "$.attachments[0].content")]
    [InlineData("""[1]""", "$")]
    public async Task ABadEnvelopeIsRefused400SayingWhere(string body, string path)
    {
        var answer = await Raw.PostAsync(Hook.RevealUri(), body);

        Assert.Equal(400, answer.Status);
        Assert.Equal(TeamsPayloadCheckerCode, answer.Json.GetProperty("error").GetProperty("code").GetString());
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Rejected, post.Verdict);
        Assert.Contains(post.Findings, f => f.Path == path);
    }

    [Fact]
    public async Task ACardNewerThanTeamsRendersIsRefused()
    {
        var answer = await Raw.PostAsync(Hook.RevealUri(), Message(Card.Replace("1.5", "1.6", StringComparison.Ordinal)));

        Assert.Equal(400, answer.Status);
        Assert.Equal("InvalidAdaptiveCard", answer.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("1.5", answer.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(_emulator.Posts[0].Findings, f => f.Path.StartsWith("$.attachments[0].content", StringComparison.Ordinal) && f.Severity == Validation.FindingSeverity.Error);
    }

    [Fact]
    public async Task AMessageOverTwentyEightKilobytesIsRefused413()
    {
        var text = new string('x', HostProfile.Teams.MaxPayloadBytes!.Value);
        var answer = await Raw.PostAsync(Hook.RevealUri(), Message(Card.Replace("Build 12 failed", text, StringComparison.Ordinal)));

        Assert.Equal(413, answer.Status);
        Assert.Equal("RequestEntityTooLarge", answer.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheClientPostsACardAndAGeneratedCardInTheTeamsEnvelope()
    {
        using var client = new ChatHookClient();
        var card = new AdaptiveCard(CardVersion.V1_5) { Body = { new TextBlock("Nightly build is green") } };

        var response = await client.PostAsync(Hook, card);
        var generated = await DeploymentFinished.Sample().PostToHookAsync(client, Hook);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal(202, generated.StatusCode);
        Assert.All(_emulator.Posts, p => Assert.Equal(PostVerdict.Accepted, p.Verdict));
        var sent = JsonDocument.Parse(_emulator.Posts[1].Body).RootElement;
        Assert.Equal("message", sent.GetProperty("type").GetString());
        var attachment = Assert.Single(sent.GetProperty("attachments").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(DeploymentFinished.Sample().ToCardJson()).RootElement, attachment.GetProperty("content")));
    }

    [Fact]
    public async Task TheClientReportsARefusalWithTheCodeAndWithoutTheSignature()
    {
        using var client = new ChatHookClient();
        var uri = Hook.RevealUri().AbsoluteUri;
        var wrong = WebhookUrl.Parse(uri[..(uri.IndexOf("&sig=", StringComparison.Ordinal) + 5)] + "ZZZZ" + new string('Q', 39));

        var e = await Assert.ThrowsAsync<ChatHookException>(() => client.PostAsync(wrong, new AdaptiveCard(CardVersion.V1_5) { Body = { new TextBlock("x") } }));

        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.Equal(401, e.StatusCode);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Contains("DirectApiInvalidAuthorizationSignature", e.Message, StringComparison.Ordinal);
        Assert.Contains("copy the workflow's URL again", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('Q', 39), e.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("sig=ZZZZ\u2026", e.WebhookUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientRefusesATooLargeMessageBeforeSendingAnything()
    {
        using var client = new ChatHookClient(new ChatHookClientOptions { ValidateCards = false });
        var card = new AdaptiveCard(CardVersion.V1_5) { Body = { new TextBlock(new string('x', 30_000)) } };

        var e = await Assert.ThrowsAsync<ChatHookException>(() => client.PostAsync(Hook, card));

        Assert.Equal(ChatHookFailure.PayloadTooLarge, e.Failure);
        Assert.Equal(0, e.Attempts);
        Assert.False(e.MayHaveBeenDelivered);
        Assert.Contains("28,000", e.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task TheClientRetriesAThrottledPostAfterItsRetryAfter()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.Zero) with { Count = 1 });
        using var client = new ChatHookClient(new ChatHookClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(10) } });

        var response = await client.PostAsync(Hook, new AdaptiveCard(CardVersion.V1_5) { Body = { new TextBlock("x") } });

        Assert.Equal(2, response.Attempts);
        Assert.Equal(new[] { 429, 202 }, _emulator.Posts.Select(p => p.HttpStatus));
    }

    [Fact]
    public async Task TheClientChecksTeamsCardsAgainstTheTeamsProfile()
    {
        using var client = new ChatHookClient();
        var card = new AdaptiveCard(CardVersion.V1_6) { Body = { new TextBlock("x") } };

        var e = await Assert.ThrowsAsync<CardValidationException>(() => client.PostAsync(Hook, card));

        Assert.Contains("Teams", e.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Posts);
    }

    private const string TeamsPayloadCheckerCode = "InvalidTeamsMessage";

    private static string Sig(Uri uri) => uri.Query.Split('&').Single(p => p.StartsWith("sig=", StringComparison.Ordinal))[4..];
}
