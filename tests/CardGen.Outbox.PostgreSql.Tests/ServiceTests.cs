using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// <c>UsePostgreSqlOutbox</c> in a generic host delivering to the emulator: the caller's transaction decides whether a
/// post exists, start-up fails clearly on a database it cannot use, and delivery resumes after a database restart.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class ServiceTests
{
    private readonly PostgreSqlFixture _fixture;

    public ServiceTests(PostgreSqlFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public async Task ARolledBackTransactionPostsNothingAndACommittedOneIsDelivered()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await using var emulator = await HookEmulator.StartAsync();
        using var host = Host(connectionString, emulator);
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<IChatOutbox>();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, null, "CREATE TABLE orders (id int PRIMARY KEY)");

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Execute(connection, transaction, "INSERT INTO orders VALUES (1)");
            await outbox.EnqueueAsync("builds", new WebhookMessage { Text = "order 1 shipped" }, transaction);
            await transaction.RollbackAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Execute(connection, transaction, "INSERT INTO orders VALUES (2)");
            await outbox.EnqueueAsync("builds", new WebhookMessage { Text = "order 2 shipped" }, transaction);
            await transaction.CommitAsync();
        }

        var post = await emulator.WaitForPostAsync(timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("order 2 shipped", post.Text);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        await WaitEmptyAsync(outbox);
        await Task.Delay(500);
        Assert.Equal(1, emulator.TotalPosts);
        await host.StopAsync();
    }

    [SkippableFact]
    public async Task StartUpWithAWrongPasswordFailsNamingTheDatabaseButNotThePassword()
    {
        var cluster = _fixture.Require();
        var good = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync());
        const string Wrong = "Wrong-Passw0rd-Start";
        await using var emulator = await HookEmulator.StartAsync();
        using var host = Host(new NpgsqlConnectionStringBuilder(good.ConnectionString) { Password = Wrong }.ConnectionString, emulator);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.DoesNotContain(Wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"database {good.Database}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DeliveryResumesWhenTheDatabaseComesBackAndNothingAcknowledgedIsLost()
    {
        var cluster = _fixture.Require();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var emulator = await HookEmulator.StartAsync();
        // A pace of 20 posts a second keeps delivery going while the server is stopped under it.
        using var host = Host(connectionString, emulator, TimeSpan.FromMilliseconds(50));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<IChatHooks>();
        var outbox = host.Services.GetRequiredService<IChatOutbox>();

        for (var i = 0; i < 60; i++)
        {
            await hooks.EnqueueAsync("builds", new WebhookMessage { Text = "before " + i });
        }

        await emulator.WaitForPostAsync(p => p.Text == "before 10", TimeSpan.FromSeconds(30));
        await cluster.StopAsync();
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => hooks.EnqueueAsync("builds", new WebhookMessage { Text = "while down" }));
            Assert.DoesNotContain(cluster.Password, refused.ToString(), StringComparison.Ordinal);
            await Task.Delay(2000);
        }
        finally
        {
            await cluster.StartAsync();
        }

        for (var i = 0; i < 10; i++)
        {
            await hooks.EnqueueAsync("builds", new WebhookMessage { Text = "after " + i });
        }

        await emulator.WaitForPostAsync(p => p.Text == "after 9", TimeSpan.FromSeconds(60));
        await WaitEmptyAsync(outbox);
        var texts = emulator.Posts.Where(p => p.Verdict == PostVerdict.Accepted).Select(p => p.Text!).ToArray();
        foreach (var expected in Enumerable.Range(0, 60).Select(i => "before " + i).Concat(Enumerable.Range(0, 10).Select(i => "after " + i)))
        {
            Assert.Contains(expected, texts);
        }

        Assert.DoesNotContain("while down", texts);
        await host.StopAsync();
    }

    [SkippableFact]
    public async Task StoppingTheHostClosesTheStoresPooledConnections()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await using var emulator = await HookEmulator.StartAsync();
        using var host = Host(connectionString, emulator);
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<IChatOutbox>();
        await host.Services.GetRequiredService<IChatHooks>().EnqueueAsync("builds", new WebhookMessage { Text = "before the stop" });
        await emulator.WaitForPostAsync(timeout: TimeSpan.FromSeconds(30));
        await WaitEmptyAsync(outbox);
        Assert.True(await OutboxConnectionsAsync(connectionString) > 0);

        await host.StopAsync();

        // Stopped, not yet disposed: the data source the store created for itself is closed, no connection is left.
        Assert.Equal(0, await OutboxConnectionsAsync(connectionString));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => outbox.GetStatisticsAsync());
    }

    /// <summary>The store's connections to the test's database, as the server sees them.</summary>
    private static async Task<long> OutboxConnectionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'CardGen outbox'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static IHost Host(string connectionString, HookEmulator emulator, TimeSpan? interval = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddChatHooks()
            .AddHook("builds", emulator.DefaultHook, client =>
            {
                client.AttemptTimeout = new ChatHookTimeoutOptions(TimeSpan.FromSeconds(5));
                client.TotalRequestTimeout = new ChatHookTimeoutOptions(TimeSpan.FromSeconds(5));
            })
            .UsePostgreSqlOutbox(connectionString, outbox =>
            {
                outbox.PollInterval = TimeSpan.FromMilliseconds(100);
                outbox.RetryDelay = TimeSpan.FromMilliseconds(100);
                outbox.LeaseDuration = TimeSpan.FromSeconds(10);
                outbox.MinimumPostInterval = interval ?? TimeSpan.Zero;
            });
        return builder.Build();
    }

    private static async Task WaitEmptyAsync(IChatOutbox outbox)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await outbox.GetStatisticsAsync(timeout.Token)).Pending > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
