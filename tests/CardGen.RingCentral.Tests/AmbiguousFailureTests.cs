using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CardGen.RingCentral.Tests;

/// <summary>
/// Answers the emulator does not give (a 5xx from the management API), from a small real server on loopback: a
/// create is never repeated after an answer that leaves its outcome open; a repeatable call is.
/// </summary>
public sealed class AmbiguousFailureTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private int _creates;
    private int _lists;

    private Uri BaseAddress => new(System.Linq.Enumerable.First(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/restapi/oauth/token", () => Results.Text("""{"access_token":"emu-at-fixed","token_type":"bearer","expires_in":3600}""", "application/json"));
        _server.MapPost("/team-messaging/v1/groups/{id}/webhooks", () =>
        {
            Interlocked.Increment(ref _creates);
            return Results.Text("""{"errorCode":"CMN-201","message":"Service Temporary Unavailable","errors":[{"errorCode":"CMN-201","message":"Service Temporary Unavailable"}]}""", "application/json", statusCode: 503);
        });
        _server.MapGet("/team-messaging/v1/webhooks", () => Interlocked.Increment(ref _lists) == 1
            ? Results.StatusCode(502)
            : Results.Text("""{"records":[{"id":"3053f6cf-b6de-418c-a6cd-2eb222cdab4e","groupIds":["1"],"status":"Active","uri":"http://127.0.0.1:9/webhook/v2/3053f6cf-b6de-418c-a6cd-2eb222cdab4e"}]}""", "application/json"));
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ACreateAnswered503IsNotRepeatedAndMayHaveSucceeded()
    {
        using var client = new RingCentralClient(new JwtCredential("id", "secret-value", "a.b.c"), new RingCentralClientOptions { Server = BaseAddress, TimeProvider = new TestClock() });

        var e = await Assert.ThrowsAsync<RingCentralException>(() => client.CreateWebhookAsync("1"));

        Assert.Equal(1, _creates);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal("CMN-201", e.ErrorCode);
        Assert.True(e.MayHaveSucceeded);
        Assert.Contains("may have taken effect", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListAnswered502IsRepeatedAfterTheDocumentedBackOff()
    {
        var clock = new TestClock();
        using var client = new RingCentralClient(new JwtCredential("id", "secret-value", "a.b.c"), new RingCentralClientOptions { Server = BaseAddress, TimeProvider = clock });

        var call = client.ListWebhooksAsync();
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));
        var list = await call;

        Assert.Equal(2, _lists);
        var hook = Assert.Single(list);
        Assert.Equal(WebhookStatus.Active, hook.Status);
        Assert.DoesNotContain("3053f6cf-b6de", hook.ToString(), StringComparison.Ordinal);
        Assert.Equal("3053\u2026", hook.RedactedId);
    }
}
