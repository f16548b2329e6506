using System;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.RingCentral.Tests;

/// <summary>The whole life of a webhook through the client, against the emulator's token endpoint and management API.</summary>
public sealed class WebhookLifecycleTests : IAsyncLifetime
{
    private readonly CapturingLogger _log = new();
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CreateListGetSuspendActivateDeleteWithOneLogin()
    {
        using var client = _emulator.Client(_log);

        var created = await client.CreateWebhookAsync("6090227714");
        Assert.Equal(WebhookStatus.Active, created.Status);
        Assert.Equal(new[] { "6090227714" }, created.GroupIds);
        Assert.NotNull(created.CreationTime);
        Assert.False(string.IsNullOrEmpty(created.CreatorId));
        Assert.Equal(_emulator.GetUrl(created.Id), created.Url);

        // The created URL is a working webhook.
        await ChatHookClient.Shared.PostAsync(created.Url!, new WebhookMessage { Text = "to the new hook" });
        Assert.Equal(created.Id, _emulator.Posts.Single().HookId);

        var inGroup = await client.ListGroupWebhooksAsync("6090227714");
        Assert.Equal(created.Id, Assert.Single(inGroup).Id);
        var all = await client.ListWebhooksAsync();
        Assert.Contains(all, w => w.Id == created.Id);
        Assert.Contains(all, w => w.Id == _emulator.DefaultHookId);

        await client.SuspendWebhookAsync(created.Id);
        Assert.Equal(WebhookStatus.Suspended, (await client.GetWebhookAsync(created.Id)).Status);
        Assert.Equal(HookStatus.Suspended, _emulator.GetHook(created.Id)!.Status);

        await client.ActivateWebhookAsync(created.Id);
        Assert.Equal(WebhookStatus.Active, (await client.GetWebhookAsync(created.Id)).Status);

        await client.DeleteWebhookAsync(created.Id);
        Assert.Equal(HookStatus.Deleted, _emulator.GetHook(created.Id)!.Status);
        Assert.DoesNotContain(await client.ListWebhooksAsync(), w => w.Id == created.Id);

        // Eleven calls, one login.
        Assert.Equal(1, _emulator.TokenRequests);
        Assert.Equal(1, client.Logins);
        var secrets = _emulator.Secrets().Append(created.Id).ToArray();
        Assert.NotEmpty(_log.Entries);
        foreach (var entry in _log.Entries)
        {
            Clients.AssertNoSecret(entry.AllText, secrets);
        }

        Clients.AssertNoSecret(created.ToString(), secrets);
        Assert.Contains(created.RedactedId, created.ToString(), StringComparison.Ordinal);
        Clients.AssertNoSecret(client.ToString(), secrets);
    }

    [Fact]
    public async Task UnknownOrDeletedWebhooksAre404WithThePlatformsCodeAndARedactedId()
    {
        using var client = _emulator.Client(_log);
        var unknown = Guid.NewGuid().ToString();

        var get = await Assert.ThrowsAsync<RingCentralException>(() => client.GetWebhookAsync(unknown));
        var delete = await Assert.ThrowsAsync<RingCentralException>(() => client.DeleteWebhookAsync(unknown));
        var group = await Assert.ThrowsAsync<RingCentralException>(() => client.ListGroupWebhooksAsync("424242"));

        foreach (var e in new[] { get, delete })
        {
            Assert.Equal(404, e.StatusCode);
            Assert.Equal("CMN-102", e.ErrorCode);
            Assert.Equal("webhookId", e.Errors.Single().ParameterName);
            Assert.False(e.MayHaveSucceeded);
            Assert.False(e.IsAuthenticationFailure);
            Assert.DoesNotContain(unknown, e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(unknown, e.Operation, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(unknown[..4] + "\u2026", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(404, group.StatusCode);
        Assert.Equal("groupId", group.Errors.Single().ParameterName);
        Assert.Equal(1, _emulator.TokenRequests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12/34")]
    [InlineData("a,b")]
    [InlineData("id with space")]
    [InlineData("id?x=1")]
    public async Task ABadIdIsRefusedBeforeAnythingIsSent(string id)
    {
        using var client = _emulator.Client(_log);

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.GetWebhookAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateWebhookAsync(id));

        Assert.Equal("webhookId", get.ParamName);
        Assert.Equal(0, _emulator.TokenRequests);
    }

    [Theory]
    [InlineData("http://platform.example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://user:pw@platform.ringcentral.com/")]
    [InlineData("https://platform.ringcentral.com/?x=1")]
    public void AServerThatWouldExposeTheCredentialIsRefused(string server)
    {
        var e = Assert.Throws<ArgumentException>(() => new RingCentralClient(_emulator.Credential(), new RingCentralClientOptions { Server = new Uri(server) }));

        Clients.AssertNoSecret(e.Message, _emulator.Secrets());
    }

    [Fact]
    public void TheCredentialShowsOnlyItsClientId()
    {
        var credential = _emulator.Credential();

        Assert.Contains(_emulator.ClientId, credential.ToString(), StringComparison.Ordinal);
        Clients.AssertNoSecret(credential.ToString(), _emulator.Secrets());
        var e = Assert.Throws<ArgumentException>(() => new JwtCredential("id", "secret with space", "jwt"));
        Assert.DoesNotContain("secret with space", e.Message, StringComparison.Ordinal);
    }
}
