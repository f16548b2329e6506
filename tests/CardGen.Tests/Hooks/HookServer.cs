using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CardGen.Tests.Hooks;

/// <summary>One request the server received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? ContentType, string Body);

/// <summary>A scripted answer: status, body, headers and an optional delay before answering.</summary>
internal sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, string ContentType = "application/json")
{
    public static Reply Ok() => new(200, """{"status":"OK"}""");

    public static Reply Json(int status, string body, params (string Name, string Value)[] headers)
        => new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static Reply Delayed(TimeSpan delay) => Ok() with { Delay = delay };

    /// <summary>A reply whose body is these bytes exactly, for bodies that are not valid UTF-8.</summary>
    public static Reply Raw(int status, byte[] body) => new(status, string.Empty) { Bytes = body };

    /// <summary>The body as bytes, sent instead of <see cref="Body"/> when set.</summary>
    public byte[]? Bytes { get; init; }
}

/// <summary>
/// A loopback Kestrel server on an ephemeral port that answers with scripted replies (then <see cref="Default"/>)
/// and records every request.
/// </summary>
internal sealed class HookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private HookServer(WebApplication app) => _app = app;

    /// <summary>The server's origin, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin { get; private set; } = string.Empty;

    /// <summary>The reply once the script is used up.</summary>
    public Reply Default { get; set; } = Reply.Ok();

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    public static async Task<HookServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var server = new HookServer(app);
        ((IApplicationBuilder)app).Run(server.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Origin = addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Queues replies for the next requests.</summary>
    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.ContentType, body));

        var reply = _script.TryDequeue(out var next) ? next : Default;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Bytes is { } bytes)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else if (reply.Body.Length > 0)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }
}
