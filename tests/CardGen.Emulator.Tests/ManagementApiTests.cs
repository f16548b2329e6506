using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>The webhook management API under <c>/team-messaging/v1</c> (and the legacy <c>/restapi/v1.0/glip</c>).</summary>
public sealed class ManagementApiTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { ManagementToken = "test-token" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<RawAnswer> Call(HttpMethod method, string path, string? token = "test-token") => Raw.SendAsync(method, _emulator.At(path), token);

    [Fact]
    public async Task CreateInAGroupReturnsWebhookInfoWhoseUriWorks()
    {
        var created = await Call(HttpMethod.Post, "team-messaging/v1/groups/6090227714/webhooks");

        Assert.Equal(200, created.Status);
        var info = created.Json;
        var id = info.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("6090227714", info.GetProperty("groupIds")[0].GetString());
        Assert.Equal("Active", info.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("creatorId").GetString()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", info.GetProperty("creationTime").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", info.GetProperty("lastModifiedTime").GetString());
        var uri = new Uri(info.GetProperty("uri").GetString()!);
        Assert.Equal(new Uri(_emulator.BaseAddress, "webhook/v2/" + id), uri);

        var post = await Raw.PostAsync(uri, """{"text":"to the new hook"}""");

        Assert.Equal("OK", post.Str("status"));
        Assert.Equal(id, _emulator.Posts.Single().HookId);
    }

    [Fact]
    public async Task ListGetDeleteActivateSuspend()
    {
        var id = (await Call(HttpMethod.Post, "team-messaging/v1/groups/77/webhooks")).Json.GetProperty("id").GetString()!;

        var list = await Call(HttpMethod.Get, "team-messaging/v1/webhooks");
        Assert.Equal(200, list.Status);
        var ids = list.Json.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, ids);
        Assert.Contains(_emulator.DefaultHookId, ids);

        var group = await Call(HttpMethod.Get, "team-messaging/v1/groups/77/webhooks");
        Assert.Equal(id, Assert.Single(group.Json.GetProperty("records").EnumerateArray()).GetProperty("id").GetString());

        var get = await Call(HttpMethod.Get, "team-messaging/v1/webhooks/" + id);
        Assert.Equal(200, get.Status);
        Assert.Equal(id, Assert.Single(get.Json.GetProperty("records").EnumerateArray()).GetProperty("id").GetString());

        var both = await Call(HttpMethod.Get, $"team-messaging/v1/webhooks/{id},{_emulator.DefaultHookId}");
        Assert.Equal(2, both.Json.GetProperty("records").GetArrayLength());

        var suspend = await Call(HttpMethod.Post, $"team-messaging/v1/webhooks/{id}/suspend");
        Assert.Equal(200, suspend.Status);
        Assert.Equal("", suspend.Text);
        Assert.Equal("Suspended", (await Call(HttpMethod.Get, "team-messaging/v1/webhooks/" + id)).Json.GetProperty("records")[0].GetProperty("status").GetString());
        Assert.Equal("Webhook is suspended", (await Raw.PostAsync(_emulator.V2(id), """{"text":"x"}""")).Str("error"));

        var activate = await Call(HttpMethod.Post, $"team-messaging/v1/webhooks/{id}/activate");
        Assert.Equal(200, activate.Status);
        Assert.Equal("OK", (await Raw.PostAsync(_emulator.V2(id), """{"text":"x"}""")).Str("status"));

        var delete = await Call(HttpMethod.Delete, "team-messaging/v1/webhooks/" + id);
        Assert.Equal(200, delete.Status);
        Assert.Equal("", delete.Text);
        Assert.Equal("Webhook not found!", (await Raw.PostAsync(_emulator.V2(id), """{"text":"x"}""")).Str("error"));
        Assert.Equal(404, (await Call(HttpMethod.Get, "team-messaging/v1/webhooks/" + id)).Status);
        Assert.Equal(404, (await Call(HttpMethod.Delete, "team-messaging/v1/webhooks/" + id)).Status);
        Assert.Equal(404, (await Call(HttpMethod.Post, $"team-messaging/v1/webhooks/{id}/activate")).Status);
        Assert.DoesNotContain(id, (await Call(HttpMethod.Get, "team-messaging/v1/webhooks")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "team-messaging/v1/groups/1/webhooks")]
    [InlineData("GET", "team-messaging/v1/webhooks")]
    [InlineData("GET", "team-messaging/v1/webhooks/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de")]
    [InlineData("DELETE", "team-messaging/v1/webhooks/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de")]
    [InlineData("POST", "team-messaging/v1/webhooks/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de/suspend")]
    [InlineData("POST", "team-messaging/v1/webhooks/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de/activate")]
    [InlineData("GET", "restapi/v1.0/glip/webhooks")]
    public async Task EveryOperationNeedsTheBearerToken(string method, string path)
    {
        var none = await Call(new HttpMethod(method), path, token: null);
        var wrong = await Call(new HttpMethod(method), path, token: "not-the-token");

        Assert.Equal(401, none.Status);
        Assert.Equal("AGW-401", none.Json.GetProperty("errorCode").GetString());
        Assert.Equal("AGW-401", none.Json.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal(401, wrong.Status);
        Assert.Equal("OAU-213", wrong.Json.GetProperty("errorCode").GetString());
        Assert.Equal("Bearer", none.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HookStatus.Active, _emulator.GetHook(_emulator.DefaultHookId)!.Status);
    }

    [Fact]
    public async Task LegacyGlipPathsWorkToo()
    {
        var created = await Call(HttpMethod.Post, "restapi/v1.0/glip/groups/5/webhooks");
        var id = created.Json.GetProperty("id").GetString()!;

        var suspend = await Call(HttpMethod.Post, $"restapi/v1.0/glip/webhooks/{id}/suspend");

        Assert.Equal(200, suspend.Status);
        Assert.Equal(HookStatus.Suspended, _emulator.GetHook(id)!.Status);
    }

    [Fact]
    public async Task UnknownGroupAndWebhookAre404InPlatformFormat()
    {
        var group = await Call(HttpMethod.Get, "team-messaging/v1/groups/999999/webhooks");
        var hook = await Call(HttpMethod.Get, "team-messaging/v1/webhooks/" + Guid.NewGuid());

        Assert.Equal(404, group.Status);
        Assert.Equal("CMN-102", group.Json.GetProperty("errorCode").GetString());
        Assert.Equal("groupId", group.Json.GetProperty("errors")[0].GetProperty("parameterName").GetString());
        Assert.Equal(404, hook.Status);
        Assert.Equal("webhookId", hook.Json.GetProperty("errors")[0].GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task WrongMethodIs405()
    {
        var answer = await Call(HttpMethod.Put, "team-messaging/v1/webhooks");

        Assert.Equal(405, answer.Status);
        Assert.Equal(JsonValueKind.String, answer.Json.GetProperty("errorCode").ValueKind);
    }
}
