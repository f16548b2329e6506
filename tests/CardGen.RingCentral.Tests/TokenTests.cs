using System;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.RingCentral.Tests;

/// <summary>The access token: cached, shared under concurrency, renewed before expiry and once after the platform refuses it.</summary>
public sealed class TokenTests
{
    [Fact]
    public async Task ParallelCallsOnAFreshClientShareOneLogin()
    {
        await using var emulator = await HookEmulator.StartAsync();
        using var client = emulator.Client();

        var lists = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => client.ListWebhooksAsync())));

        Assert.All(lists, l => Assert.Contains(l, w => w.Id == emulator.DefaultHookId));
        Assert.Equal(1, emulator.TokenRequests);
        Assert.Equal(1, client.Logins);
    }

    [Fact]
    public async Task TheTokenIsRenewedBeforeItExpiresWithoutA401()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.FromMinutes(10) });
        var log = new CapturingLogger();
        using var client = emulator.Client(log, clock, o => o.RenewBefore = TimeSpan.FromMinutes(1));

        await client.ListWebhooksAsync();
        clock.Advance(TimeSpan.FromMinutes(9) - TimeSpan.FromSeconds(1));
        await client.ListWebhooksAsync();
        Assert.Equal(1, emulator.TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(1));
        await client.ListWebhooksAsync();

        Assert.Equal(2, emulator.TokenRequests);
        Assert.Equal(2, client.Logins);
        Assert.DoesNotContain(log.Entries, e => e.EventName == "Renewing");
    }

    [Fact]
    public async Task AShortTokenIsRenewedAtHalfItsLifetime()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.FromMinutes(4) });
        using var client = emulator.Client(clock: clock);

        await client.ListWebhooksAsync();
        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await client.ListWebhooksAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.ListWebhooksAsync();

        Assert.Equal(2, emulator.TokenRequests);
    }

    [Fact]
    public async Task ATokenThePlatformSaysExpiredIsReplacedOnceAndTheCallRepeated()
    {
        // The emulator's clock runs ahead of the client's: the client holds a token it still thinks good.
        var serverClock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = serverClock, AccessTokenLifetime = TimeSpan.FromMinutes(10) });
        var log = new CapturingLogger();
        using var client = emulator.Client(log, new TestClock());

        await client.ListWebhooksAsync();
        serverClock.Advance(TimeSpan.FromMinutes(10));
        var created = await client.CreateWebhookAsync("77");

        Assert.Equal(2, emulator.TokenRequests);
        Assert.Equal(HookStatus.Active, emulator.GetHook(created.Id)!.Status);
        Assert.Equal(2, emulator.Hooks.Count);
        var renewing = Assert.Single(log.Entries, e => e.EventName == "Renewing");
        Assert.Contains("OAU-128", renewing.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedTokenIsReplacedOnce()
    {
        await using var emulator = await HookEmulator.StartAsync();
        using var client = emulator.Client();

        await client.ListWebhooksAsync();
        emulator.RevokeAccessTokens();
        await client.SuspendWebhookAsync(emulator.DefaultHookId);

        Assert.Equal(2, emulator.TokenRequests);
        Assert.Equal(HookStatus.Suspended, emulator.GetHook(emulator.DefaultHookId)!.Status);
    }

    [Fact]
    public async Task AnExpiredJwtCredentialIsAnAuthenticationFailureWithoutRetries()
    {
        var clock = new TestClock();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { TimeProvider = clock });
        var jwt = emulator.IssueJwtCredential(TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(1));
        using var client = new RingCentralClient(new JwtCredential(emulator.ClientId, emulator.ClientSecret, jwt), new RingCentralClientOptions { Server = emulator.BaseAddress, TimeProvider = clock });

        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.ListWebhooksAsync());

        Assert.True(e.IsAuthenticationFailure);
        Assert.Equal("invalid_grant", e.Error);
        Assert.Equal("OAU-210", e.ErrorCode);
        Assert.Equal(1, emulator.TokenRequests);
        Clients.AssertNoSecret(e.ToString(), emulator.Secrets().Append(jwt));
    }
}
