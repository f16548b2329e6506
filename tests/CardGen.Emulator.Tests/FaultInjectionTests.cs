using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;

namespace CardGen.Emulator.Tests;

/// <summary>Faults injected per hook, from the .NET API, the admin endpoint and configuration; and the rate limit.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string Text = """{"text":"x"}""";
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { RandomSeed = 1234 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Uri Default => _emulator.V2(_emulator.DefaultHookId);

    [Fact]
    public async Task TooManyRequestsForTheNextTwoThenOk()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.FromSeconds(7)) with { Count = 2 });

        var first = await Raw.PostAsync(Default, Text);
        var second = await Raw.PostAsync(Default, Text);
        var third = await Raw.PostAsync(Default, Text);

        Assert.Equal(429, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(429, second.Status);
        Assert.Equal(200, third.Status);
        Assert.Equal(new[] { PostVerdict.Fault, PostVerdict.Fault, PostVerdict.Accepted }, _emulator.Posts.Select(p => p.Verdict));
        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorWithTheChosenStatus(int status)
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError(status) with { Count = 1 });

        var answer = await Raw.PostAsync(Default, Text);

        Assert.Equal(status, answer.Status);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Fault, post.Verdict);
        Assert.Equal(status, post.HttpStatus);
        Assert.NotNull(post.Fault);
    }

    [Fact]
    public async Task DelayHoldsTheAnswerThenHandlesThePost()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Delayed(TimeSpan.FromMilliseconds(300)) with { Count = 1 });

        var answer = await Raw.PostAsync(Default, Text);

        Assert.Equal("OK", answer.Str("status"));
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.True(post.AnsweredAt - post.ReceivedAt >= TimeSpan.FromMilliseconds(290), $"answered after {(post.AnsweredAt - post.ReceivedAt).TotalMilliseconds} ms");
        Assert.Contains("delay", post.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropAbortsTheConnection()
    {
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Drop() with { Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => Raw.PostAsync(Default, Text));
        var after = await Raw.PostAsync(Default, Text);

        Assert.Equal("OK", after.Str("status"));
        var dropped = _emulator.Posts[0];
        Assert.Equal(PostVerdict.Fault, dropped.Verdict);
        Assert.Equal(0, dropped.HttpStatus);
        Assert.Null(dropped.ResponseBody);
    }

    [Fact]
    public async Task RateBasedFaultsHitAboutThatShareAndAreReproducibleWithASeed()
    {
        async Task<string> RunAsync()
        {
            await using var emulator = await HookEmulator.StartAsync();
            emulator.InjectFault(emulator.DefaultHookId, FaultSpec.ServerError() with { Rate = 0.3, Seed = 42 });
            var pattern = new char[100];
            for (var i = 0; i < pattern.Length; i++)
            {
                pattern[i] = (await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), Text)).Status == 503 ? 'F' : '.';
            }

            return new string(pattern);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        var faults = first.Count(c => c == 'F');
        Assert.InRange(faults, 15, 45);
    }

    [Fact]
    public async Task TheEmulatorsSeedReproducesFaultsWithoutTheirOwn()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { RandomSeed = seed });
            emulator.InjectFault(emulator.DefaultHookId, FaultSpec.TooManyRequests(TimeSpan.Zero) with { Rate = 0.5 });
            var pattern = new char[40];
            for (var i = 0; i < pattern.Length; i++)
            {
                pattern[i] = (await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), Text)).Status == 429 ? 'F' : '.';
            }

            return new string(pattern);
        }

        var first = await RunAsync(99);
        var second = await RunAsync(99);
        var other = await RunAsync(100);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other); // 2^-40 odds of a false failure
    }

    [Fact]
    public async Task RateZeroNeverFaultsAndRateOneAlwaysDoes()
    {
        var other = _emulator.CreateHook();
        _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError() with { Rate = 0 });
        _emulator.InjectFault(other.Id, FaultSpec.ServerError());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await Raw.PostAsync(Default, Text)).Status);
            Assert.Equal(503, (await Raw.PostAsync(other.Uri, Text)).Status);
        }

        Assert.True(_emulator.ClearFaults(other.Id));
        Assert.Equal(200, (await Raw.PostAsync(other.Uri, Text)).Status);
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfterOnceTheWindowIsFull()
    {
        _emulator.SetRateLimit(_emulator.DefaultHookId, new RateLimit(3, TimeSpan.FromMinutes(1)));

        var statuses = new int[5];
        RawAnswer? limited = null;
        for (var i = 0; i < statuses.Length; i++)
        {
            var answer = await Raw.PostAsync(Default, Text);
            statuses[i] = answer.Status;
            limited = answer.Status == 429 ? answer : limited;
        }

        Assert.Equal(new[] { 200, 200, 200, 429, 429 }, statuses);
        Assert.InRange(limited!.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("CMN-301", limited.Json.GetProperty("errorCode").GetString());
        var posts = _emulator.Posts;
        Assert.Contains("rate limit", posts[^1].Fault, StringComparison.Ordinal);

        _emulator.SetRateLimit(_emulator.DefaultHookId, null);
        Assert.Equal(200, (await Raw.PostAsync(Default, Text)).Status);
    }

    [Fact]
    public async Task RateLimitWindowResets()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock });
        emulator.SetRateLimit(emulator.DefaultHookId, new RateLimit(1, TimeSpan.FromSeconds(2)));
        var hook = emulator.V2(emulator.DefaultHookId);

        Assert.Equal(200, (await Raw.PostAsync(hook, Text)).Status);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var limited = await Raw.PostAsync(hook, Text);
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Response.Headers.RetryAfter?.Delta); // 0.5 s left, rounded up
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(200, (await Raw.PostAsync(hook, Text)).Status);
        Assert.Equal(clock.GetUtcNow(), emulator.Posts[^1].ReceivedAt);
    }

    [Fact]
    public async Task AdminEndpointAddsListsAndClearsFaults()
    {
        var added = await Raw.SendAsync(HttpMethod.Post, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/faults"), json: """{"kind":"tooManyRequests","retryAfterSeconds":3,"count":1}""");
        Assert.Equal(200, added.Status);
        Assert.Equal("tooManyRequests", added.Str("kind"));

        var hooks = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/hooks"));
        var hook = hooks.Json.GetProperty("hooks").EnumerateArray().Single(h => h.GetProperty("id").GetString() == _emulator.DefaultHookId);
        Assert.Equal(1, hook.GetProperty("faults").GetArrayLength());
        Assert.True(hook.GetProperty("isDefault").GetBoolean());

        var limited = await Raw.PostAsync(Default, Text);
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Response.Headers.RetryAfter?.Delta);

        await Raw.SendAsync(HttpMethod.Post, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/faults"), json: """{"kind":"503"}""");
        Assert.Equal(503, (await Raw.PostAsync(Default, Text)).Status);
        var cleared = await Raw.SendAsync(HttpMethod.Delete, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/faults"));
        Assert.Equal(204, cleared.Status);
        Assert.Equal(200, (await Raw.PostAsync(Default, Text)).Status);
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""")]
    [InlineData("""{"kind":"serverError","statusCode":404}""")]
    [InlineData("""{"kind":"drop","rate":2}""")]
    [InlineData("""not json""")]
    public async Task AdminEndpointRefusesBadFaults(string json)
    {
        var answer = await Raw.SendAsync(HttpMethod.Post, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/faults"), json: json);

        Assert.Equal(400, answer.Status);
        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
    }

    [Fact]
    public async Task AdminEndpointSetsTheRateLimit()
    {
        var set = await Raw.SendAsync(HttpMethod.Put, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/rate-limit"), json: """{"requests":1,"windowSeconds":60}""");

        Assert.Equal(204, set.Status);
        Assert.Equal(200, (await Raw.PostAsync(Default, Text)).Status);
        Assert.Equal(429, (await Raw.PostAsync(Default, Text)).Status);
        Assert.Equal(204, (await Raw.SendAsync(HttpMethod.Delete, _emulator.At($"api/hooks/{_emulator.DefaultHookId}/rate-limit"))).Status);
        Assert.Equal(200, (await Raw.PostAsync(Default, Text)).Status);
    }

    [Fact]
    public async Task FaultsAndRateLimitsFromOptions()
    {
        var options = new HookEmulatorOptions();
        options.Faults[options.DefaultHookId] = new[] { FaultSpec.ServerError(502) with { Count = 1 } };
        var other = Guid.NewGuid().ToString();
        options.RateLimits[other] = new RateLimit(1, TimeSpan.FromMinutes(5));
        await using var emulator = await HookEmulator.StartAsync(options);

        Assert.Equal(502, (await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), Text)).Status);
        Assert.Equal(200, (await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), Text)).Status);
        Assert.Equal(200, (await Raw.PostAsync(emulator.V2(other), Text)).Status);
        Assert.Equal(429, (await Raw.PostAsync(emulator.V2(other), Text)).Status);
    }

    [Fact]
    public void FaultsFromConfigurationText()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
            {
                ["PORT"] = "0",
                ["TOKEN"] = "t",
                ["ERROR_STATUS"] = "400",
                ["RATE_LIMIT"] = "40/60",
                ["FAULTS"] = "429:2@0.1; 503x3; delay:250; drop@0.05",
                ["SEED"] = "7",
            })
            .Build();

        var options = EmulatorConfiguration.Read(configuration);

        Assert.Equal("t", options.ManagementToken);
        Assert.Equal(400, options.ErrorHttpStatus);
        Assert.Equal(new RateLimit(40, TimeSpan.FromSeconds(60)), options.DefaultRateLimit);
        Assert.Equal(7, options.RandomSeed);
        var faults = options.Faults[options.DefaultHookId];
        Assert.Equal(FaultSpec.TooManyRequests(TimeSpan.FromSeconds(2)) with { Rate = 0.1 }, faults[0]);
        Assert.Equal(FaultSpec.ServerError(503) with { Count = 3 }, faults[1]);
        Assert.Equal(FaultSpec.Delayed(TimeSpan.FromMilliseconds(250)), faults[2]);
        Assert.Equal(FaultSpec.Drop() with { Rate = 0.05 }, faults[3]);
        Assert.Throws<FormatException>(() => EmulatorConfiguration.ParseFault("boom"));
        Assert.Throws<FormatException>(() => EmulatorConfiguration.ParseFault("404"));
        Assert.Throws<FormatException>(() => EmulatorConfiguration.ParseFault("drop@1.5"));
    }

    [Fact]
    public async Task ARecreatedHookStartsWithoutTheDeletedOnesFaultsAndRateLimit()
    {
        var hook = _emulator.CreateHook();
        _emulator.InjectFault(hook.Id, FaultSpec.ServerError(502));
        _emulator.SetRateLimit(hook.Id, new RateLimit(1, TimeSpan.FromHours(1)));
        Assert.Equal(502, (await Raw.PostAsync(hook.Uri, Text)).Status);
        Assert.True(_emulator.DeleteHook(hook.Id));

        var again = _emulator.CreateHook(hook.Id);

        Assert.Empty(_emulator.GetFaults(again.Id));
        Assert.Equal(200, (await Raw.PostAsync(again.Uri, Text)).Status);
        Assert.Equal(200, (await Raw.PostAsync(again.Uri, Text)).Status); // the old one-per-hour window is gone too
    }

    [Fact]
    public async Task AHookDeletedThroughTheManagementApiAndRecreatedStartsWithoutTheFaultsSetOverHttp()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { ManagementToken = "t" });
        var id = emulator.DefaultHookId;
        Assert.Equal(200, (await Raw.SendAsync(HttpMethod.Post, emulator.At($"api/hooks/{id}/faults"), json: """{"kind":"serverError","statusCode":500}""")).Status);
        Assert.Equal(204, (await Raw.SendAsync(HttpMethod.Put, emulator.At($"api/hooks/{id}/rate-limit"), json: """{"requests":1,"windowSeconds":3600}""")).Status);
        Assert.Equal(200, (await Raw.SendAsync(HttpMethod.Delete, emulator.At("team-messaging/v1/webhooks/" + id), bearer: "t")).Status);

        emulator.CreateHook(id); // tests re-create the well-known default hook this way

        var listed = (await Raw.SendAsync(HttpMethod.Get, emulator.At("api/hooks"))).Json.GetProperty("hooks").EnumerateArray().Single(h => h.GetProperty("id").GetString() == id);
        Assert.Equal("Active", listed.GetProperty("status").GetString());
        Assert.Empty(listed.GetProperty("faults").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("rateLimit").ValueKind);
        Assert.Equal(200, (await Raw.PostAsync(emulator.V2(id), Text)).Status);
        Assert.Equal(200, (await Raw.PostAsync(emulator.V2(id), Text)).Status);
        var fetched = await Raw.SendAsync(HttpMethod.Get, emulator.At("team-messaging/v1/webhooks/" + id), bearer: "t");
        Assert.Equal("Active", fetched.Json.GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARecreatedHookStillMeetsTheDefaultRateLimitLikeAnyHook()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultRateLimit = new RateLimit(1, TimeSpan.FromHours(1)) });
        var hook = emulator.CreateHook();
        emulator.SetRateLimit(hook.Id, new RateLimit(100, TimeSpan.FromHours(1)));
        emulator.DeleteHook(hook.Id);

        emulator.CreateHook(hook.Id);

        Assert.Equal(200, (await Raw.PostAsync(emulator.V2(hook.Id), Text)).Status);
        Assert.Equal(429, (await Raw.PostAsync(emulator.V2(hook.Id), Text)).Status);
    }

    [Theory]
    [InlineData("429:1e300")]
    [InlineData("429:-1e300")]
    [InlineData("delay:1e300")]
    [InlineData("delay:-1e300")]
    [InlineData("delay:Infinity")]
    [InlineData("429:NaN")]
    [InlineData("drop@NaN")]
    [InlineData("503x99999999999")]
    public void OutOfRangeFaultTextIsAFormatErrorNamingTheFault(string text)
    {
        var e = Assert.Throws<FormatException>(() => EmulatorConfiguration.ParseFault(text));

        Assert.Contains(text.Split('x')[0], e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1/1e300")]
    [InlineData("1/Infinity")]
    [InlineData("1/NaN")]
    [InlineData("0/60")]
    [InlineData("99999999999/60")]
    public void OutOfRangeRateLimitTextIsAFormatErrorNamingTheKey(string text)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?> { ["RATE_LIMIT"] = text })
            .Build();

        var e = Assert.Throws<FormatException>(() => EmulatorConfiguration.Read(configuration));

        Assert.Contains("RATE_LIMIT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFaultsAreRefusedByTheApi()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.ServerError(404)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _emulator.InjectFault(_emulator.DefaultHookId, FaultSpec.Drop() with { Rate = -0.1 }));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => _emulator.InjectFault(Guid.NewGuid().ToString(), FaultSpec.Drop()));
    }
}
