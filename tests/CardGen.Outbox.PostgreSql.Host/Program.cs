using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen;
using CardGen.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CardGen.Outbox.PostgreSql.Host;

/// <summary>
/// A service with the PostgreSQL outbox, configured from the environment (<c>CARDGEN_HOST_*</c>): it delivers, enqueues
/// <c>ENQUEUE</c> posts of text <c>{PREFIX}-{n}</c> over the hooks in turn (printing <c>ACK n</c> once each is
/// stored), and with <c>UNTIL_EMPTY</c> stops gracefully once the outbox holds nothing pending, printing <c>EMPTY</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        var connectionString = Required("CONNECTION");
        // "name=url;name=url": the hooks, in the order enqueued posts take them.
        var hooks = Required("HOOKS").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(h => h.Split('=', 2)).Select(p => (Name: p[0], Url: p[1])).ToArray();
        var enqueue = Int("ENQUEUE", 0);
        var first = Int("FIRST", 0);
        var prefix = Environment.GetEnvironmentVariable("CARDGEN_HOST_PREFIX") ?? "post";
        var interval = TimeSpan.FromMilliseconds(Int("INTERVAL_MS", 0));
        var untilEmpty = Environment.GetEnvironmentVariable("CARDGEN_HOST_UNTIL_EMPTY") == "1";
        var timeout = TimeSpan.FromSeconds(Int("TIMEOUT_SECONDS", 3));

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("CardGen", LogLevel.Error);
        var chatHooks = builder.Services.AddChatHooks();
        foreach (var (name, url) in hooks)
        {
            chatHooks.AddHook(name, url, client =>
            {
                // Every retry goes back through the outbox, so each request takes a slot of the hook's shared pace.
                client.Retry.MaxRetryAttempts = 0;
                client.Retry.RetryServerErrors = true;
                client.AttemptTimeout = new ChatHookTimeoutOptions(timeout);
                client.TotalRequestTimeout = new ChatHookTimeoutOptions(timeout);
                client.ValidateCards = false;
            });
        }

        chatHooks.UsePostgreSqlOutbox(connectionString, outbox =>
        {
            outbox.LeaseDuration = TimeSpan.FromSeconds(Int("LEASE_SECONDS", 6));
            outbox.BatchSize = Int("BATCH", 64);
            outbox.MaxConcurrentPosts = Int("CONCURRENCY", 16);
            outbox.RetryDelay = TimeSpan.FromMilliseconds(Int("RETRY_DELAY_MS", 200));
            outbox.MaxRetryDelay = TimeSpan.FromSeconds(2);
            outbox.MaxAttempts = 100;
            outbox.PollInterval = TimeSpan.FromMilliseconds(200);
            outbox.MinimumPostInterval = interval;
        });

        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        Console.WriteLine("STARTED");
        var chat = host.Services.GetRequiredService<IChatHooks>();
        var outbox = host.Services.GetRequiredService<IChatOutbox>();
        for (var n = first; n < first + enqueue; n++)
        {
            var hook = hooks[n % hooks.Length].Name;
            var id = await chat.EnqueueAsync(hook, new WebhookMessage { Text = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}") }).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK {n} {id}"));
        }

        if (untilEmpty)
        {
            while (true)
            {
                var statistics = await outbox.GetStatisticsAsync().ConfigureAwait(false);
                if (statistics.Pending == 0)
                {
                    break;
                }

                await Task.Delay(200).ConfigureAwait(false);
            }

            Console.WriteLine("EMPTY");
            await host.StopAsync().ConfigureAwait(false);
            return 0;
        }

        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static string Required(string name)
        => Environment.GetEnvironmentVariable("CARDGEN_HOST_" + name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"CARDGEN_HOST_{name} is not set.");

    private static int Int(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable("CARDGEN_HOST_" + name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
