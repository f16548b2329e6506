using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// A wrong connection string, a server that is not there, and a server that goes away mid-run: clear errors that
/// never show the password, nothing acknowledged lost, and work resuming when the database is back.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class BadInputTests
{
    private readonly PostgreSqlFixture _fixture;

    public BadInputTests(PostgreSqlFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public async Task AWrongPasswordFailsStartUpNamingTheServerButNotThePassword()
    {
        var cluster = _fixture.Require();
        var good = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync());
        const string Wrong = "not-the-Passw0rd-42";
        var wrong = new NpgsqlConnectionStringBuilder(good.ConnectionString) { Password = Wrong };
        await using var store = new PostgreSqlOutboxStore(new PostgreSqlOutboxOptions { ConnectionString = wrong.ConnectionString });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        var all = error.ToString();
        Assert.DoesNotContain(Wrong, all, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, all, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"host 127.0.0.1, port {cluster.Port}, database {good.Database}, user {PostgreSqlCluster.UserName}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotThereFailsStartUpSayingWhere()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        const string Secret = "Secret-Passw0rd-77";
        await using var store = new PostgreSqlOutboxStore(new PostgreSqlOutboxOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=app;Username=app;Password={Secret};Timeout=3",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"could not prepare its tables in its database (host 127.0.0.1, port {port}, database app, user app)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConnectionStringThatIsNotOneIsRefusedAtRegistrationWithoutQuotingIt()
    {
        const string Secret = "Secret-Passw0rd-99";
        var services = new ServiceCollection();
        var hooks = services.AddChatHooks();

        var error = Assert.Throws<ArgumentException>(() => hooks.UsePostgreSqlOutbox($"Host=db;Password={Secret};Colour={Secret}"));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("connectionString", error.ParamName);
        Assert.Throws<ArgumentException>(() => hooks.UsePostgreSqlOutbox(" "));
    }

    [SkippableFact]
    public async Task ADatabaseRestartMidRunLosesNothingAndWorkResumes()
    {
        var cluster = _fixture.Require();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var store = await StoreTests.StoreAsync(connectionString, TimeProvider.System);
        var ids = await store.EnqueueAsync(Enumerable.Range(0, 10).Select(_ => StoreTests.Entry("h", "{}", null)).ToArray(), null, 100, CancellationToken.None);
        var claimed = await store.ClaimAsync("a", 4, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(4, claimed.Count);

        await cluster.StopAsync();
        try
        {
            // An enqueue while the database is down fails at once, saying so: the caller knows nothing was acknowledged.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.EnqueueAsync([StoreTests.Entry("h", "{}", null)], null, 100, CancellationToken.None));
            Assert.Contains("could not store the post in its database", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(cluster.Password, refused.ToString(), StringComparison.Ordinal);

            // The store tries each call once and says why it failed, at once: the delivery engine owns the retries (while
            // the lease holds), so they never stack up in two layers.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var unreachable = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteAsync(new[] { claimed[0].Id }, "a", CancellationToken.None));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"CompleteAsync took {watch.Elapsed} to fail.");
            Assert.Contains("could not reach its database", unreachable.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(cluster.Password, unreachable.ToString(), StringComparison.Ordinal);
            await cluster.StartAsync();
            await store.CompleteAsync(new[] { claimed[0].Id }, "a", CancellationToken.None);
        }
        finally
        {
            if (!cluster.IsRunning)
            {
                await cluster.StartAsync();
            }
        }

        foreach (var post in claimed.Skip(1))
        {
            await store.CompleteAsync(new[] { post.Id }, "a", CancellationToken.None);
        }

        var rest = await store.ClaimAsync("a", 100, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(ids.Skip(4), rest.Select(p => p.Id));
        Assert.Equal(6, (await store.GetStatisticsAsync(CancellationToken.None)).Pending);
    }
}
