using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using CardGen.Outbox.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CardGen.Outbox.Tests;

/// <summary>A generic host with CardGen's hooks and a SQLite outbox, as a service registers them.</summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    private OutboxHost(IHost host, string path)
    {
        Host = host;
        Path = path;
    }

    public IHost Host { get; }

    public string Path { get; }

    public IChatHooks Hooks => Host.Services.GetRequiredService<IChatHooks>();

    public IChatOutbox Outbox => Host.Services.GetRequiredService<IChatOutbox>();

    /// <summary>Builds the host; <paramref name="hooks"/> adds the hooks, each with fast test options.</summary>
    public static OutboxHost Build(string path, Action<ChatHooksBuilder> hooks, Action<ChatOutboxOptions>? outbox = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var chatHooks = builder.Services.AddChatHooks();
        chatHooks.ConfigureClient(client =>
        {
            client.Retry.MaxRetryAttempts = 0;
            client.Retry.Delay = TimeSpan.FromMilliseconds(10);
            client.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            client.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            client.CircuitBreaker.Enabled = false;
        });
        hooks(chatHooks);
        chatHooks.UseSqliteOutbox(path, options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.RetryDelay = TimeSpan.FromMilliseconds(50);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.LeaseDuration = TimeSpan.FromSeconds(30);
            outbox?.Invoke(options);
        });
        return new OutboxHost(builder.Build(), path);
    }

    public static async Task<OutboxHost> StartAsync(string path, Action<ChatHooksBuilder> hooks, Action<ChatOutboxOptions>? outbox = null)
    {
        var host = Build(path, hooks, outbox);
        await host.Host.StartAsync();
        return host;
    }

    /// <summary>Counts the rows of the outbox table in a state (0 pending, 1 delivered, 2 dead), from another connection.</summary>
    public long Rows(int state)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cardgen_outbox WHERE state = $state";
        command.Parameters.AddWithValue("$state", state);
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 15)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out after {seconds} s waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
