using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CardGen.Extensions.Tests;

/// <summary>
/// The leak test: a generic host with logging at Trace into a capturing provider, the OpenTelemetry SDK with
/// its HttpClient instrumentation and CardGen's source and meter, in-memory exporters, posting through
/// <see cref="IChatHooks"/> to the real emulator (a success, a host error, a 429 and a dropped connection, then a success
/// and a refused signature on Teams hooks). The webhook token and the Teams <c>sig</c> are in no log record, span and no
/// metric tag, while CardGen's spans and metrics are there.
/// </summary>
/// <remarks>
/// CardGen's ActivitySource and Meter are process-wide, so this test runs alone (its collection is not parallelized)
/// and counts only what its own hooks, named <c>leak-…</c>, reported; it checks every record and span for the token.
/// </remarks>
[Collection(Name)]
public sealed class LeakTests
{
    public const string Name = "Process-wide telemetry";

    [Fact]
    public async Task The_webhook_token_is_in_no_log_record_span_or_metric_while_the_telemetry_is_there()
    {
        var token = Guid.NewGuid().ToString();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = token });
        var suspended = emulator.CreateHook();
        emulator.SuspendHook(suspended.Id);
        var teams = emulator.GetUrl(token, HookRoute.Teams).RevealUri().AbsoluteUri;
        var sig = teams[(teams.IndexOf("&sig=", StringComparison.Ordinal) + 5)..];
        var forged = "Zz9" + new string('q', 40);
        var forgedTeams = teams.Replace(sig, forged, StringComparison.Ordinal);

        var logs = new CapturingLoggerProvider();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatHooks:Hooks:leak-builds:Url"] = emulator.DefaultHook.RevealUri().AbsoluteUri,
            ["ChatHooks:Hooks:leak-builds:Retry:MaxDelay"] = "00:00:00.5", // a 429's Retry-After of 1 s then fails at once
            ["ChatHooks:Hooks:leak-paused:Url"] = suspended.Uri.AbsoluteUri,
            ["ChatHooks:Hooks:leak-teams:Url"] = teams,
            ["ChatHooks:Hooks:leak-forged:Url"] = forgedTeams,
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        builder.Services.AddChatHooks(builder.Configuration.GetSection("ChatHooks"));
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.SetSampler(new AlwaysOnSampler()).AddSource(ChatHookTelemetry.SourceName).AddHttpClientInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddMeter(ChatHookTelemetry.MeterName).AddHttpClientInstrumentation().AddInMemoryExporter(metrics));

        var outcomes = new List<string>();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var hooks = host.Services.GetRequiredService<IChatHooks>();

            await hooks.PostAsync("leak-builds", new WebhookMessage { Text = "success" });
            outcomes.Add("Delivered");
            outcomes.Add((await Assert.ThrowsAsync<ChatHookException>(() => hooks.PostAsync("leak-paused", new WebhookMessage { Text = "host error" }))).Failure.ToString());
            emulator.InjectFault(token, FaultSpec.TooManyRequests(TimeSpan.FromSeconds(1)) with { Count = 1 });
            outcomes.Add((await Assert.ThrowsAsync<ChatHookException>(() => BuildFailed.Sample().PostToHookAsync(hooks, "leak-builds"))).Failure.ToString());
            emulator.InjectFault(token, FaultSpec.Drop() with { Count = 1 });
            outcomes.Add((await Assert.ThrowsAsync<ChatHookException>(() => hooks.PostAsync("leak-builds", new WebhookMessage { Text = "dropped" }))).Failure.ToString());
            await BuildFailed.Sample().PostToHookAsync(hooks, "leak-teams");
            outcomes.Add("Delivered");
            outcomes.Add((await Assert.ThrowsAsync<ChatHookException>(() => BuildFailed.Sample().PostToHookAsync(hooks, "leak-forged"))).Failure.ToString());

            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            await host.StopAsync();
        }

        Assert.Equal(new[] { "Delivered", "HostError", "RateLimited", "Network", "Delivered", "HostError" }, outcomes);

        // The telemetry is there: one CardGen span per post, with its outcome; no System.Net.Http request span.
        var cardGen = spans.Where(s => s.Source.Name == ChatHookTelemetry.SourceName && ((string?)s.GetTagItem("cardgen.hook.name"))?.StartsWith("leak-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(outcomes, cardGen.Select(s => (string?)s.GetTagItem("cardgen.outcome")));
        Assert.All(cardGen.Take(4), s => Assert.Equal("POST /webhook/v2/{id}", s.DisplayName));
        Assert.All(cardGen.Skip(4), s => Assert.Equal("POST /workflows/{id}/triggers/manual/paths/invoke", s.DisplayName));
        Assert.All(cardGen, s => Assert.EndsWith("\u2026", (string?)s.GetTagItem("url.full"), StringComparison.Ordinal));
        Assert.Equal("Webhook is suspended", cardGen[1].GetTagItem("cardgen.host_error"));
        Assert.Equal(429, cardGen[2].GetTagItem("http.response.status_code"));
        Assert.Equal(202, cardGen[4].GetTagItem("http.response.status_code"));
        Assert.Equal(401, cardGen[5].GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(spans, s => s.Source.Name == "System.Net.Http" && s.OperationName.Contains("HttpRequestOut", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.GetTagItem("url.path") is not null || (s.GetTagItem("url.full") is string u && !u.EndsWith("\u2026", StringComparison.Ordinal)));

        // Each export adds the same cumulative Metric objects again (the flush, then the shutdown): read each once.
        var allPoints = MetricPoints(metrics.Distinct()).ToList();
        var points = allPoints.Where(p => !p.Metric.StartsWith("cardgen.", StringComparison.Ordinal) || p.Tags.Any(t => t.StartsWith("cardgen.hook.name=leak-", StringComparison.Ordinal))).ToList();
        Assert.Equal(6, Sum(points, "cardgen.chat_hook.posts"));
        Assert.Equal(4, Sum(points, "cardgen.chat_hook.failures"));
        Assert.Equal(6, Count(points, "cardgen.chat_hook.post.duration"));
        Assert.Equal(6, Count(points, "cardgen.chat_hook.payload.size"));
        Assert.Contains(points, p => p.Metric == "cardgen.chat_hook.failures" && p.Tags.Contains("cardgen.failure=HostError") && p.Tags.Contains("cardgen.hook.name=leak-paused"));

        // ... and the token, the Teams sig and the forged sig are in none of it.
        var secrets = new[] { token, suspended.Id, sig[4..], forged[4..] };
        var records = logs.Records.ToList();
        Assert.Contains(records, r => r.Category == "CardGen.ChatHooks" && r.EventName == "Posted");
        Assert.Contains(records, r => r.Category == "CardGen.ChatHooks" && r.EventName == "Failed");
        var leaks = new List<string>();
        leaks.AddRange(records.Where(r => Leaks(r.Text, secrets)).Select(r => $"log {r.Category}/{r.EventName}: {r.Text}"));
        foreach (var span in spans)
        {
            var texts = new List<string?> { span.DisplayName, span.OperationName, span.StatusDescription };
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)));
            texts.AddRange(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
            leaks.AddRange(texts.Where(t => t is not null && Leaks(t, secrets)).Select(t => $"span {span.DisplayName}: {t}"));
        }

        leaks.AddRange(allPoints.SelectMany(p => p.Tags.Where(t => Leaks(t, secrets)).Select(t => $"metric {p.Metric}: {t}")));

        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts", "leak");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(
            Path.Combine(artifacts, "services.txt"),
            $"posts {outcomes.Count}\nlog records {records.Count}\nspans {spans.Count} (CardGen {cardGen.Count})\nmetric points {points.Count}\nleaks {leaks.Count}\n");
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.EventName == "Sending"); // Trace and Debug reach the provider
        Assert.Empty(leaks);
    }

    private static bool Leaks(string text, params string[] tokens) => tokens.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));

    private static long Sum(IEnumerable<Point> points, string metric) => points.Where(p => p.Metric == metric).Sum(p => p.Sum);

    private static long Count(IEnumerable<Point> points, string metric) => points.Where(p => p.Metric == metric).Sum(p => p.Count);

    private static IEnumerable<Point> MetricPoints(IEnumerable<Metric> metrics)
    {
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new List<string>();
                foreach (var tag in point.Tags)
                {
                    tags.Add($"{tag.Key}={tag.Value}");
                }

                var (sum, count) = metric.MetricType switch
                {
                    MetricType.LongSum => (point.GetSumLong(), 0L),
                    MetricType.Histogram => (0L, point.GetHistogramCount()),
                    _ => (0L, 0L),
                };
                yield return new Point(metric.Name, tags, sum, count);
            }
        }
    }

    private sealed record Point(string Metric, List<string> Tags, long Sum, long Count);
}

/// <summary>Tests that read CardGen's process-wide ActivitySource and Meter, run without other tests beside them.</summary>
[CollectionDefinition(LeakTests.Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
}
