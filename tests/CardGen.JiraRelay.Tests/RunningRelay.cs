using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CardGen.JiraRelay.Relay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// The relay as it runs: built by its own <see cref="RelayHost"/> (appsettings.json included), listening on a free
/// loopback port, with the given settings over its configuration and every log record captured.
/// </summary>
internal sealed class RunningRelay : IAsyncDisposable
{
    private RunningRelay(RelayHost host, CapturingLoggerProvider logs, HttpClient http)
    {
        Host = host;
        Logs = logs;
        Http = http;
    }

    public RelayHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    /// <summary>Builds and starts the relay; <paramref name="settings"/> go over appsettings.json and the environment.</summary>
    public static async Task<RunningRelay> StartAsync(params (string Key, string? Value)[] settings)
    {
        var logs = new CapturingLoggerProvider();
        var host = await RelayHost.BuildAsync([], builder =>
        {
            // The test's settings go last, over these defaults.
            builder.Configuration.AddInMemoryCollection([new("Urls", "http://127.0.0.1:0"), new("Relay:EmulatorPort", "0"), new("Logging:LogLevel:Default", "Trace")]);
            builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            builder.Logging.AddProvider(logs);
        });
        try
        {
            await host.App.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        var http = new HttpClient { BaseAddress = new Uri(host.App.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        return new RunningRelay(host, logs, http);
    }

    /// <summary>Posts <paramref name="payload"/> as JSON to <paramref name="path"/>; returns the status and the answer.</summary>
    public Task<Answer> PostAsync(string path, JsonNode payload, Action<HttpRequestMessage>? change = null)
        => PostAsync(path, Encoding.UTF8.GetBytes(payload.ToJsonString()), "application/json", change);

    /// <summary>Posts raw bytes; <paramref name="contentType"/> null sends no Content-Type.</summary>
    public async Task<Answer> PostAsync(string path, byte[] body, string? contentType, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        change?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, text, response.Headers.RetryAfter?.Delta);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
    }
}

/// <summary>The relay's answer: its HTTP status, its JSON body and its <c>Retry-After</c>.</summary>
internal sealed record Answer(int Status, string Body, TimeSpan? RetryAfter)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? this[string property] => Json.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    public override string ToString() => $"HTTP {Status}: {Body}";
}
