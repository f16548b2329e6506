using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>The webhook endpoints answer as RingCentral does, through a real HTTP connection.</summary>
public sealed class WebhookContractTests : IAsyncLifetime
{
    private const string NotGenerated = "Your request was accepted, however a post was not generated";
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Uri Default => _emulator.V2(_emulator.DefaultHookId);

    [Fact]
    public async Task V2TextOnlyIsAcceptedWithExactlyStatusOk()
    {
        var answer = await Raw.PostAsync(Default, """{"text":"Hello world"}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"status":"OK"}""", answer.Text);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.Equal(HookRoute.V2, post.Route);
        Assert.Equal(_emulator.DefaultHookId, post.HookId);
        Assert.Equal("Hello world", post.Text);
        Assert.Empty(post.Cards);
    }

    [Fact]
    public async Task V2AttachmentsOnlyIsAcceptedAndTheCardIsRecorded()
    {
        var answer = await Raw.PostAsync(Default, $$"""{"activity":"Build bot","attachments":[{{Raw.Card}}]}""");

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal("Build bot", post.Activity);
        var card = Assert.Single(post.Cards);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("Deploy OK", card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task V2TextAndAttachmentsTogetherAreAcceptedAndUnknownFieldsIgnored()
    {
        var answer = await Raw.PostAsync(Default, $$"""{"text":"see card","title":"T","iconUri":"https://example.com/i.png","author_name":"ignored","attachments":[{{Raw.Card}},{{Raw.Card}}]}""");

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal("see card", post.Text);
        Assert.Equal("T", post.Title);
        Assert.Equal(2, post.Cards.Count);
    }

    [Fact]
    public async Task CardWarningsAreAcceptedAndRecorded()
    {
        // No fallbackText: RingCentral shows a generic notification (a warning, not an error).
        var answer = await Raw.PostAsync(Default, """{"attachments":[{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"x"}]}]}""");

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(_emulator.Posts);
        Assert.Contains(post.Findings, f => f.RuleId == "CV064" && f.Severity == Validation.FindingSeverity.Warning && f.Path.StartsWith("$.attachments[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitActionIsAcceptedButFlagged()
    {
        // A plain incoming webhook has no outbound URL, so the click goes nowhere; RingCentral still shows the card.
        var answer = await Raw.PostAsync(Default, """{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[{"type":"TextBlock","text":"Approve?"}],"actions":[{"type":"Action.Submit","title":"Approve"}]}]}""");

        Assert.Equal("OK", answer.Str("status"));
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == "CV060" && f.Severity == Validation.FindingSeverity.Warning && f.Path == "$.attachments[0].actions[0].type");
    }

    [Fact]
    public async Task InvalidCardGetsTheDocumentedEnvelopeWithRuleAndPath()
    {
        var answer = await Raw.PostAsync(Default, """{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"x","body":[{"type":"TextBlock","text":"x","size":"huge"}]}]}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("error", answer.Str("status"));
        Assert.Equal(NotGenerated, answer.Str("message"));
        Assert.Equal("Invalid AdaptiveCard payload", answer.Str("error"));
        var validation = answer.Validation();
        Assert.Equal("payload.attachments[0] does not match any schema", validation[0]);
        Assert.Contains(validation, v => v.StartsWith("payload.attachments[0].body[0].size: CV040", StringComparison.Ordinal));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Rejected, post.Verdict);
        Assert.Contains(post.Findings, f => f.RuleId == "CV040" && f.Path == "$.attachments[0].body[0].size" && f.Severity == Validation.FindingSeverity.Error);
        Assert.Single(post.Cards); // the rejected card is still there to inspect
    }

    [Fact]
    public async Task CardNewerThanRingCentralSupportsIsRejected()
    {
        var answer = await Raw.PostAsync(Default, """{"attachments":[{"type":"AdaptiveCard","version":"1.5","fallbackText":"x","body":[{"type":"TextBlock","text":"x"}]}]}""");

        Assert.Equal("Invalid AdaptiveCard payload", answer.Str("error"));
        Assert.Contains(answer.Validation(), v => v.Contains("CV004", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsStyleWrapperDoesNotMatchAnySchema()
    {
        var answer = await Raw.PostAsync(Default, $$"""{"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{{Raw.Card}}}]}""");

        Assert.Equal("error", answer.Str("status"));
        Assert.Equal("payload.attachments[0] does not match any schema", answer.Validation()[0]);
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == EmulatorRules.AttachmentType);
    }

    [Theory]
    [InlineData("""{}""", EmulatorRules.NoContent)]
    [InlineData("""{"text":"   "}""", EmulatorRules.NoContent)]
    [InlineData("""{"attachments":[]}""", EmulatorRules.NoContent)]
    [InlineData("""{"text":5}""", EmulatorRules.Envelope)]
    [InlineData("""{"attachments":{"type":"AdaptiveCard"}}""", EmulatorRules.Envelope)]
    [InlineData("""["text"]""", EmulatorRules.Envelope)]
    [InlineData("""{"text":"x","activity":["a"]}""", EmulatorRules.Envelope)]
    [InlineData("""{"attachments":["card"]}""", EmulatorRules.AttachmentType)]
    [InlineData("""{"attachments":[{"type":"Event","startTime":"2020-01-01"}]}""", EmulatorRules.AttachmentType)]
    public async Task EnvelopeShapeIsCheckedStrictly(string body, string rule)
    {
        var answer = await Raw.PostAsync(Default, body);

        Assert.Equal("error", answer.Str("status"));
        Assert.Equal(NotGenerated, answer.Str("message"));
        Assert.NotEmpty(answer.Validation());
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Rejected, post.Verdict);
        Assert.Contains(post.Findings, f => f.RuleId == rule);
    }

    [Fact]
    public async Task UnknownHookIsNotFound()
    {
        var id = Guid.NewGuid().ToString();
        var answer = await Raw.PostAsync(_emulator.V2(id), """{"text":"x"}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("error", answer.Str("status"));
        Assert.Equal(NotGenerated, answer.Str("message"));
        Assert.Equal("Webhook not found!", answer.Str("error"));
        Assert.Equal(id, Assert.Single(_emulator.Posts).HookId);
    }

    [Fact]
    public async Task DeletedHookIsNotFound()
    {
        var hook = _emulator.CreateHook();
        Assert.Equal("OK", (await Raw.PostAsync(hook.Uri, """{"text":"x"}""")).Str("status"));
        Assert.True(_emulator.DeleteHook(hook.Id));

        var answer = await Raw.PostAsync(hook.Uri, """{"text":"x"}""");

        Assert.Equal("Webhook not found!", answer.Str("error"));
        Assert.Equal(HookStatus.Deleted, _emulator.GetHook(hook.Id)!.Status);
    }

    [Fact]
    public async Task SuspendedHookIsRefusedUntilActivated()
    {
        var hook = _emulator.CreateHook();
        Assert.True(_emulator.SuspendHook(hook.Id));

        var suspended = await Raw.PostAsync(hook.Uri, """{"text":"x"}""");
        Assert.True(_emulator.ActivateHook(hook.Id));
        var active = await Raw.PostAsync(hook.Uri, """{"text":"x"}""");

        Assert.Equal("error", suspended.Str("status"));
        Assert.Equal(NotGenerated, suspended.Str("message"));
        Assert.Equal("Webhook is suspended", suspended.Str("error"));
        Assert.Equal("OK", active.Str("status"));
    }

    [Fact]
    public async Task ADeletedOrSuspendedHookAnswersAsSuchBeforeAnyFaultOrRateLimit()
    {
        var deleted = _emulator.CreateHook();
        _emulator.SetRateLimit(deleted.Id, new RateLimit(1, TimeSpan.FromMinutes(1)));
        Assert.Equal("OK", (await Raw.PostAsync(deleted.Uri, """{"text":"x"}""")).Str("status"));
        Assert.True(_emulator.DeleteHook(deleted.Id));

        var suspended = _emulator.CreateHook();
        _emulator.InjectFault(suspended.Id, FaultSpec.ServerError(503));
        Assert.True(_emulator.SuspendHook(suspended.Id));

        var gone = await Raw.PostAsync(deleted.Uri, """{"text":"x"}""");
        var paused = await Raw.PostAsync(suspended.Uri, """{"text":"x"}""");

        Assert.Equal(200, gone.Status);
        Assert.Null(gone.Response.Headers.RetryAfter);
        Assert.Equal("Webhook not found!", gone.Str("error"));
        Assert.Equal(200, paused.Status);
        Assert.Equal("Webhook is suspended", paused.Str("error"));
        Assert.All(_emulator.Posts.Skip(1), p => Assert.Null(p.Fault));

        // Active again, the hook meets its fault.
        Assert.True(_emulator.ActivateHook(suspended.Id));
        Assert.Equal(503, (await Raw.PostAsync(suspended.Uri, """{"text":"x"}""")).Status);
    }

    [Fact]
    public async Task ErrorStatusIsConfigurable()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { ErrorHttpStatus = 400 });

        var notFound = await Raw.PostAsync(emulator.V2(Guid.NewGuid().ToString()), """{"text":"x"}""");
        var invalid = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), """{"text":1}""");
        var ok = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), """{"text":"x"}""");

        Assert.Equal(400, notFound.Status);
        Assert.Equal("Webhook not found!", notFound.Str("error"));
        Assert.Equal(400, invalid.Status);
        Assert.Equal(200, ok.Status);
        Assert.Equal(400, emulator.Posts[0].HttpStatus);
    }

    [Fact]
    public async Task OptionsChangedAfterTheStartHaveNoEffect()
    {
        var options = new HookEmulatorOptions { ErrorHttpStatus = 400 };
        await using var emulator = await HookEmulator.StartAsync(options);
        options.ErrorHttpStatus = 500;
        emulator.Options.ErrorHttpStatus = 500;

        var answer = await Raw.PostAsync(emulator.V2(Guid.NewGuid().ToString()), """{"text":"x"}""");

        Assert.Equal(400, answer.Status);
        Assert.Equal(400, emulator.Options.ErrorHttpStatus);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JsonContentTypeIsAcceptedWithOrWithoutCharset(string contentType)
    {
        var answer = await Raw.PostAsync(Default, """{"text":"x"}""", contentType);

        Assert.Equal("OK", answer.Str("status"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task OtherContentTypesAreRejected(string? contentType)
    {
        var answer = await Raw.PostAsync(Default, """{"text":"x"}""", contentType);

        Assert.Equal("error", answer.Str("status"));
        Assert.Equal("Unsupported Content-Type", answer.Str("error"));
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == EmulatorRules.ContentType);
    }

    [Theory]
    [InlineData("""{"text":"x",}""")]
    [InlineData("""{"text":"x" /* comment */}""")]
    [InlineData("// comment\n{\"text\":\"x\"}")]
    [InlineData("{\"text\":\"line\nbreak\"}")]
    [InlineData("""{"text":"x"} trailing""")]
    [InlineData("""{"text":'x'}""")]
    [InlineData("")]
    [InlineData("""{"text":"x""")]
    public async Task MalformedJsonIsRejected(string body)
    {
        var answer = await Raw.PostAsync(Default, body);

        Assert.Equal("error", answer.Str("status"));
        Assert.Equal("Invalid JSON payload", answer.Str("error"));
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == EmulatorRules.MalformedJson);
    }

    [Fact]
    public async Task DeeplyNestedJsonIsReadAsDeepAsTheClientReadsIt()
    {
        // 100 levels of metadata inside a card: the client's reader (up to 128 levels) takes it, so the emulator must
        // not call it malformed JSON; 200 levels are beyond both.
        static string Nested(int depth) => "{\"attachments\":[{\"type\":\"AdaptiveCard\",\"version\":\"1.3\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\"}],\"metadata\":"
            + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}]}";

        var deep = await Raw.PostAsync(Default, Nested(100));
        Assert.NotEqual("Invalid JSON payload", deep.Str("error"));

        var tooDeep = await Raw.PostAsync(Default, Nested(200));
        Assert.Equal("Invalid JSON payload", tooDeep.Str("error"));
    }

    [Fact]
    public async Task InvalidUtf8IsRejected()
    {
        var answer = await Raw.PostAsync(Default, new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' });

        Assert.Equal("Invalid JSON payload", answer.Str("error"));
    }

    [Fact]
    public async Task TooLargeBodyIsRefusedWithoutReadingItAll()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxBodyBytes = 64 * 1024, RecordedBodyBytes = 1024 });
        var big = $$"""{"text":"{{new string('a', 200 * 1024)}}"}""";

        var answer = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), big);

        Assert.Equal("error", answer.Str("status"));
        Assert.Equal("Request body is too large", answer.Str("error"));
        var post = Assert.Single(emulator.Posts);
        Assert.True(post.BodyTruncated);
        Assert.True(post.Body.Length <= 1024);
        Assert.Contains(post.Findings, f => f.RuleId == EmulatorRules.BodyTooLarge);

        // The server is still there.
        Assert.Equal("OK", (await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), """{"text":"x"}""")).Str("status"));
    }

    [Fact]
    public async Task TooLargeChunkedBodyIsRefused()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxBodyBytes = 64 * 1024 });
        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes($$"""{"text":"{{new string('a', 200 * 1024)}}"}"""));
        using var content = new StreamContent(stream); // no Content-Length: sent chunked
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.V2(emulator.DefaultHookId)) { Content = content };

        var answer = await Raw.SendAsync(request);

        Assert.Equal("Request body is too large", answer.Str("error"));
        Assert.True(emulator.Posts.Single().BodyTruncated);
    }

    [Fact]
    public async Task LargeRecordedBodyIsCutAndFlagged()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { RecordedBodyBytes = 100 });
        var text = new string('b', 5000);

        var answer = await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), $$"""{"text":"{{text}}"}""");

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(emulator.Posts);
        Assert.True(post.BodyTruncated);
        Assert.Equal(100, post.Body.Length);
        Assert.Equal(5011, post.BodyBytes);
        Assert.Equal(text, post.Text);
    }

    [Fact]
    public async Task ThreePartTokenIdsWork()
    {
        var hook = _emulator.CreateHook("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvdCI6ImMiLCJvaSI6IjEyMyIsImlkIjoiNDU2In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");

        var v2 = await Raw.PostAsync(hook.Uri, """{"text":"x"}""");
        var v1 = await Raw.PostAsync(hook.V1Uri, """{"body":"x"}""");

        Assert.Equal("OK", v2.Str("status"));
        Assert.Equal("OK", v1.Str("status"));
        Assert.All(_emulator.Posts, p => Assert.Equal(hook.Id, p.HookId));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("short")]
    [InlineData("has%20space-but-long-enough-id")]
    public async Task MalformedIdsAreNotFound(string id)
    {
        var answer = await Raw.PostAsync(new Uri(_emulator.BaseAddress, "webhook/v2/" + id), """{"text":"x"}""");

        Assert.Equal("Webhook not found!", answer.Str("error"));
    }

    [Fact]
    public void CreatingAHookWithAMalformedIdThrows()
    {
        Assert.Throws<ArgumentException>(() => _emulator.CreateHook("no/slashes-in-webhook-ids-at-all"));
        Assert.Throws<InvalidOperationException>(() => _emulator.CreateHook(_emulator.DefaultHookId));
    }

    [Fact]
    public async Task LegacyV1BodyIsAccepted()
    {
        var body = """
            {"icon":"https://example.com/i.png","activity":"Jira","title":"**PROJ-1** updated","body":"Status changed",
             "attachments":[{"type":"Card","fallback":"f","color":"#00ff2a","pretext":"p","author_name":"Ann","title":"t","text":"body text",
               "fields":[{"title":"Priority","value":"High","short":true}],"footer":"foot","ts":1600000000}]}
            """;

        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), body);

        Assert.Equal("""{"status":"OK"}""", answer.Text);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(HookRoute.V1, post.Route);
        Assert.Equal("Status changed", post.Text);
        Assert.Equal("**PROJ-1** updated", post.Title);
        Assert.Equal("Jira", post.Activity);
    }

    [Fact]
    public async Task LegacyV1WithTextInsteadOfBodyIsRejectedWithAHint()
    {
        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), """{"text":"x"}""");

        Assert.Equal("error", answer.Str("status"));
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == Legacy.LegacyRules.NoContent && f.Message.Contains("'body'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LegacyTwentyOneAttachmentsAreTooMany()
    {
        var card = """{"type":"Card","fallback":"f","title":"t","text":"x"}""";
        var twenty = string.Join(",", Enumerable.Repeat(card, 20));
        var ok = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"body":"x","attachments":[{{twenty}}]}""");
        var tooMany = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"body":"x","attachments":[{{twenty}},{{card}}]}""");

        Assert.Equal("OK", ok.Str("status"));
        Assert.Equal("Too many attachments", tooMany.Str("error"));
        Assert.Contains(tooMany.Validation(), v => v.Contains("at most 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LegacyFieldLimitsAreEnforced()
    {
        var longTitle = new string('t', 301);
        var longText = new string('x', 1001);
        var title = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{"fallback":"f","title":"{{longTitle}}","text":"x"}]}""");
        var text = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{"fallback":"f","title":"t","text":"{{longText}}"}]}""");
        var nested = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{"fallback":"f","title":"t","text":"x","fields":[{"title":"a","value":"{{longTitle}}"}]}]}""");
        var atLimit = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{"fallback":"f","title":"{{new string('t', 300)}}","text":"{{new string('x', 1000)}}"}]}""");

        Assert.Equal("Invalid attachment payload", title.Str("error"));
        Assert.Contains(title.Validation(), v => v.StartsWith("payload.attachments[0].title", StringComparison.Ordinal));
        Assert.Contains(text.Validation(), v => v.StartsWith("payload.attachments[0].text", StringComparison.Ordinal));
        Assert.Contains(nested.Validation(), v => v.StartsWith("payload.attachments[0].fields[0].value", StringComparison.Ordinal));
        Assert.Equal("OK", atLimit.Str("status"));
    }

    [Fact]
    public async Task LegacyAttachmentsOverOnePointFiveMegabytesAreRejected()
    {
        var card = $$"""{"fallback":"f","title":"t","text":"x","fields":[{{string.Join(",", Enumerable.Repeat($$"""{"title":"a","value":"{{new string('v', 290)}}"}""", 300))}}]}""";
        var body = $$"""{"body":"x","attachments":[{{string.Join(",", Enumerable.Repeat(card, 18))}}]}""";
        Assert.True(body.Length > 1536 * 1024);

        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), body);

        Assert.Equal("Attachments too large", answer.Str("error"));
    }

    [Fact]
    public async Task LegacyMissingRequiredFieldsAreOnlyWarnings()
    {
        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), """{"attachments":[{"type":"Card","text":"only text"}]}""");

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(_emulator.Posts);
        Assert.Contains(post.Findings, f => f.RuleId == Legacy.LegacyRules.MissingRequiredField && f.Path == "$.attachments[0].fallback" && f.Severity == Validation.FindingSeverity.Warning);
    }

    [Fact]
    public async Task AdaptiveCardOnTheV1UrlIsRejected()
    {
        var answer = await Raw.PostAsync(_emulator.V1(_emulator.DefaultHookId), $$"""{"attachments":[{{Raw.Card}}]}""");

        Assert.Equal("Invalid AdaptiveCard payload", answer.Str("error"));
        Assert.Equal("payload.attachments[0] does not match any schema", answer.Validation()[0]);
        Assert.Contains(_emulator.Posts.Single().Findings, f => f.RuleId == Legacy.LegacyRules.AdaptiveCardOnV1);
    }

    [Fact]
    public async Task LegacyV2CardAttachmentIsAccepted()
    {
        var answer = await Raw.PostAsync(Default, """{"attachments":[{"type":"Card","fallback":"f","color":"#00ff2a","intro":"i","author":{"name":"Ann","uri":"https://example.com","iconUri":"https://example.com/a.png"},"title":"t","body":"text","fields":[{"title":"a","value":"b","style":"Short"}],"footnote":{"text":"f","time":"2020-01-01T00:00:00Z"}}]}""");

        Assert.Equal("OK", answer.Str("status"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethodsOnWebhookPathsGet405(string method)
    {
        var answer = await Raw.SendAsync(new HttpMethod(method), Default);

        Assert.Equal(405, answer.Status);
        Assert.Equal("POST", answer.Response.Content.Headers.Allow.Single());
        Assert.Equal("error", answer.Str("status"));
        Assert.Empty(_emulator.Posts);
    }

    [Theory]
    [InlineData("/webhooks/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de")]
    [InlineData("/webhook/v2/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de/extra")]
    [InlineData("/nothing/here")]
    [InlineData("/webhook/v3/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de")]
    [InlineData("/%ff%fe")]
    public async Task OddPathsGetAJsonNotFound(string path)
    {
        var answer = await Raw.PostAsync(new Uri(_emulator.BaseAddress, path), """{"text":"x"}""");

        Assert.Equal(404, answer.Status);
        Assert.Equal("error", answer.Str("status"));
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("   at ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluralPathTypoIsAcceptedOnlyWhenAskedFor()
    {
        await using var lenient = await HookEmulator.StartAsync(new HookEmulatorOptions { AcceptPluralWebhookPath = true });

        var strict = await Raw.PostAsync(new Uri(_emulator.BaseAddress, "webhooks/v2/" + _emulator.DefaultHookId), """{"text":"x"}""");
        var v2 = await Raw.PostAsync(new Uri(lenient.BaseAddress, "webhooks/v2/" + lenient.DefaultHookId), """{"text":"x"}""");
        var v1 = await Raw.PostAsync(new Uri(lenient.BaseAddress, "webhooks/" + lenient.DefaultHookId), """{"body":"x"}""");

        Assert.Equal(404, strict.Status);
        Assert.Contains(strict.Validation(), v => v.Contains("singular", StringComparison.Ordinal));
        Assert.Equal("OK", v2.Str("status"));
        Assert.Equal("OK", v1.Str("status"));
        Assert.Equal(new[] { HookRoute.V2, HookRoute.V1 }, lenient.Posts.Select(p => p.Route));
    }

    [Fact]
    public async Task PageAnswersWithANoteWhenNotInstalled()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { WebRootPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-" + Guid.NewGuid()) });

        var answer = await Raw.SendAsync(HttpMethod.Get, emulator.PageUri);

        Assert.Equal(200, answer.Status);
        Assert.Contains("/api/posts", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageIsServedFromTheWebRoot()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("emulator-page-");
        try
        {
            await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(root.FullName, "index.html"), "<!doctype html><title>posts</title>");
            await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { WebRootPath = root.FullName });

            var answer = await Raw.SendAsync(HttpMethod.Get, emulator.PageUri);

            Assert.Equal(200, answer.Status);
            Assert.Equal("text/html", answer.Response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<title>posts</title>", answer.Text, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AbortedUploadDoesNotHurtTheServer()
    {
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, _emulator.BaseAddress.Port);
            var stream = tcp.GetStream();
            var head = $"POST /webhook/v2/{_emulator.DefaultHookId} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{\"text\":\"";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
        }

        var answer = await Raw.PostAsync(Default, """{"text":"after"}""");

        Assert.Equal("OK", answer.Str("status"));
        Assert.Equal("after", (await _emulator.WaitForPostAsync(p => p.Verdict == PostVerdict.Accepted)).Text);
    }
}
