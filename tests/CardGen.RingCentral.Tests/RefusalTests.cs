using System;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.RingCentral.Tests;

/// <summary>Refused credentials and rate limits: typed errors with the platform's codes, waits honoured on a fake clock, no secret shown.</summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task AWrongClientSecretIsInvalidClientAndNotRetried()
    {
        await using var emulator = await HookEmulator.StartAsync();
        var log = new CapturingLogger();
        var wrongSecret = "wrong-" + emulator.ClientSecret;
        using var client = new RingCentralClient(new JwtCredential(emulator.ClientId, wrongSecret, emulator.JwtCredential), new RingCentralClientOptions { Server = emulator.BaseAddress, Logger = log });

        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.CreateWebhookAsync("5"));

        Assert.True(e.IsAuthenticationFailure);
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("invalid_client", e.Error);
        Assert.Equal("OAU-146", e.ErrorCode);
        Assert.Equal("Invalid client credentials", e.Errors.Single().Message);
        Assert.False(e.MayHaveSucceeded);
        Assert.Equal(1, emulator.TokenRequests);
        Assert.Single(emulator.Hooks);
        var secrets = emulator.Secrets().Append(wrongSecret).ToArray();
        Clients.AssertNoSecret(e.ToString(), secrets);
        Assert.All(log.Entries, entry => Clients.AssertNoSecret(entry.AllText, secrets));
    }

    [Fact]
    public async Task ABadJwtIsInvalidGrant()
    {
        await using var emulator = await HookEmulator.StartAsync();
        await using var other = await HookEmulator.StartAsync();
        using var client = new RingCentralClient(new JwtCredential(emulator.ClientId, emulator.ClientSecret, other.JwtCredential), new RingCentralClientOptions { Server = emulator.BaseAddress });

        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.AuthenticateAsync());

        Assert.True(e.IsAuthenticationFailure);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("invalid_grant", e.Error);
        Assert.Equal("OAU-345", e.ErrorCode);
        Clients.AssertNoSecret(e.ToString(), emulator.Secrets().Append(other.JwtCredential));
    }

    [Fact]
    public async Task A429OnTheTokenEndpointIsWaitedOutThenTheLoginSucceeds()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, AuthRateLimit = new RateLimit(1, TimeSpan.FromSeconds(40)) });
        using (var first = emulator.Client(clock: clock))
        {
            await first.AuthenticateAsync();
        }

        var log = new CapturingLogger();
        using var client = emulator.Client(log, clock);
        var call = client.ListWebhooksAsync();
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(40));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(40));
        var list = await call;

        Assert.NotEmpty(list);
        Assert.Equal(3, emulator.TokenRequests);
        var retry = Assert.Single(log.Entries, e => e.EventName == "Retrying");
        Assert.Contains("429", retry.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A429WhoseRetryAfterIsTooLongFailsAtOnceWithRetryAfter()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, AuthRateLimit = new RateLimit(1, TimeSpan.FromSeconds(60)) });
        using (var first = emulator.Client(clock: clock))
        {
            await first.AuthenticateAsync();
        }

        using var client = emulator.Client(clock: clock, configure: o => o.MaxRetryDelay = TimeSpan.FromSeconds(10));
        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.AuthenticateAsync());

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("CMN-301", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(60), e.RetryAfter);
        Assert.False(e.IsAuthenticationFailure);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("retry after 60 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A429OnAManagementCallIsWaitedOutEvenForACreate()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, ApiRateLimit = new RateLimit(1, TimeSpan.FromSeconds(45)) });
        using var client = emulator.Client(clock: clock);

        // 45 s, so that the wait's timer is not mistaken for a request's 30 s timeout on the same fake clock.
        await client.ListWebhooksAsync();
        var create = client.CreateWebhookAsync("88");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(45));
        clock.Advance(TimeSpan.FromSeconds(45));
        var created = await create;

        Assert.Equal(WebhookStatus.Active, created.Status);
        Assert.Equal(2, emulator.Hooks.Count);
    }

    [Fact]
    public async Task ManagementCallsThatStayRateLimitedFailWithTheLastRetryAfter()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, ApiRateLimit = new RateLimit(1, TimeSpan.FromSeconds(120)) });
        using var client = emulator.Client(clock: clock);

        await client.ListWebhooksAsync();
        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.GetWebhookAsync(emulator.DefaultHookId));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.False(e.MayHaveSucceeded);
        Assert.DoesNotContain(emulator.DefaultHookId, e.Message, StringComparison.Ordinal);
    }
}
