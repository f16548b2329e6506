using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// The store's PostgreSQL-specific behaviour on a real server: several instances (each its own data source, as
/// separate processes would have) claiming, leasing, pacing and ordering on one database, the bounded queue, and
/// the caller's own transactions.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class StoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);
    private readonly PostgreSqlFixture _fixture;

    public StoreTests(PostgreSqlFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public async Task ABatchIsStoredInOneStatementAndClaimedOldestFirstWithItsBytes()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var time = new FakeTimeProvider(Start);
        await using var store = await StoreAsync(connectionString, time);

        var entries = Enumerable.Range(0, 50).Select(i => Entry("builds", "{\"text\":\"" + i + "\"}", i % 2 == 0 ? null : "k" + (i % 5))).ToArray();
        var ids = await store.EnqueueAsync(entries, null, 1_000, CancellationToken.None);

        Assert.Equal(50, ids.Count);
        Assert.Equal(ids.OrderBy(i => i.Value), ids);
        var claimed = await store.ClaimAsync("a", 100, TimeSpan.FromMinutes(1), CancellationToken.None);
        // Odd posts share five order keys: only the oldest of each key is claimable, with every unkeyed post.
        Assert.Equal(25 + 5, claimed.Count);
        Assert.Equal(claimed.OrderBy(p => p.Id.Value), claimed);
        var first = claimed[0];
        Assert.Equal(ids[0], first.Id);
        Assert.Equal("{\"text\":\"0\"}", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.Equal(Start, first.EnqueuedAt);
        Assert.Equal(0, first.Attempts);
        Assert.Null(first.LastError);
        Assert.Equal("k1", claimed.Single(p => p.Id == ids[1]).OrderKey);
    }

    [SkippableFact]
    public async Task InstancesClaimingTogetherNeverShareAPost()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var stores = new List<PostgreSqlOutboxStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await StoreAsync(connectionString, TimeProvider.System));
        }

        try
        {
            var all = new List<OutboxPostId>();
            for (var batch = 0; batch < 10; batch++)
            {
                all.AddRange(await stores[0].EnqueueAsync(Enumerable.Range(0, 200).Select(i => Entry("h" + (i % 3), "{}", null)).ToArray(), null, 100_000, CancellationToken.None));
            }

            var claims = new ConcurrentBag<OutboxPostId>();
            await Task.WhenAll(stores.Select((store, n) => Task.Run(async () =>
            {
                while (true)
                {
                    var posts = await store.ClaimAsync("owner" + n, 25, TimeSpan.FromMinutes(5), CancellationToken.None);
                    if (posts.Count == 0)
                    {
                        return;
                    }

                    foreach (var post in posts)
                    {
                        claims.Add(post.Id);
                    }
                }
            })));

            Assert.Equal(all.Count, claims.Count);
            Assert.Equal(all.OrderBy(i => i.Value), claims.OrderBy(i => i.Value));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task AnExpiredLeaseIsTakenOverAndTheFormerHolderCanNoLongerRecordAnOutcome()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var time = new FakeTimeProvider(Start);
        await using var a = await StoreAsync(connectionString, time);
        await using var b = await StoreAsync(connectionString, time);
        var id = (await a.EnqueueAsync([Entry("builds", "{}", null)], null, 10, CancellationToken.None))[0];

        Assert.Single(await a.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Empty(await b.ClaimAsync("b", 10, TimeSpan.FromSeconds(30), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(31));
        var taken = Assert.Single(await b.ClaimAsync("b", 10, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(id, taken.Id);

        // "a" died (or stalled) past its lease: its outcome no longer counts, "b"'s does.
        await a.DeadLetterAsync(id, "a", "late", CancellationToken.None);
        await a.CompleteAsync(new[] { id }, "a", CancellationToken.None);
        Assert.Equal(1, (await b.GetStatisticsAsync(CancellationToken.None)).Pending);
        await b.RescheduleAsync(id, "b", Start.AddMinutes(5), "503 from the host", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        var again = Assert.Single(await a.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(1, again.Attempts);
        Assert.Equal("503 from the host", again.LastError);
        await a.CompleteAsync(new[] { id }, "a", CancellationToken.None);
        var statistics = await b.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(0, statistics.Pending);
        Assert.Null(statistics.OldestPendingEnqueuedAt);
    }

    [SkippableFact]
    public async Task PostsWithAnOrderKeyGoOneAtATimeInEnqueueOrderAcrossInstances()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var time = new FakeTimeProvider(Start);
        await using var a = await StoreAsync(connectionString, time);
        await using var b = await StoreAsync(connectionString, time);
        var ids = await a.EnqueueAsync(Enumerable.Range(0, 4).Select(i => Entry("builds", "{}", "order-1")).Append(Entry("other", "{}", "order-1")).ToArray(), null, 100, CancellationToken.None);

        var first = await a.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([ids[0], ids[4]], first.Select(p => p.Id));   // the same key on another hook is another sequence
        Assert.Empty(await b.ClaimAsync("b", 10, TimeSpan.FromMinutes(1), CancellationToken.None));

        await a.CompleteAsync(new[] { ids[0] }, "a", CancellationToken.None);
        Assert.Equal(ids[1], Assert.Single(await b.ClaimAsync("b", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Id);

        // A retry keeps the place: the next one waits until the rescheduled post is delivered or dead-lettered.
        await b.RescheduleAsync(ids[1], "b", Start.AddSeconds(10), "429", CancellationToken.None);
        Assert.Empty(await a.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ids[1], Assert.Single(await a.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Id);
        await a.DeadLetterAsync(ids[1], "a", "refused", CancellationToken.None);
        Assert.Equal(ids[2], Assert.Single(await a.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Id);
    }

    [SkippableFact]
    public async Task ThePaceOfAHookIsSharedByEveryInstance()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var time = new FakeTimeProvider(Start);
        var stores = new List<PostgreSqlOutboxStore>();
        for (var i = 0; i < 3; i++)
        {
            stores.Add(await StoreAsync(connectionString, time));
        }

        try
        {
            var interval = TimeSpan.FromMilliseconds(250);
            var waits = new ConcurrentBag<TimeSpan>();
            await Task.WhenAll(stores.Select(store => Task.Run(async () =>
            {
                for (var i = 0; i < 40; i++)
                {
                    waits.Add(await store.ReservePaceAsync("builds", interval, CancellationToken.None));
                }
            })));

            // The clock stood still: 120 reservations from three instances are exactly 120 consecutive slots.
            Assert.Equal(Enumerable.Range(0, 120).Select(i => interval * i), waits.OrderBy(w => w));
            Assert.Equal(TimeSpan.Zero, await stores[0].ReservePaceAsync("another hook", interval, CancellationToken.None));
            Assert.Equal(TimeSpan.Zero, await stores[0].ReservePaceAsync("builds", TimeSpan.Zero, CancellationToken.None));

            // Once the clock passes the reserved slots, the next reservation is for now.
            time.Advance(interval * 200);
            Assert.Equal(TimeSpan.Zero, await stores[1].ReservePaceAsync("builds", interval, CancellationToken.None));
            Assert.Equal(interval, await stores[2].ReservePaceAsync("builds", interval, CancellationToken.None));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task AFullQueueRefusesTheWholeBatchAtOnce()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await using var store = await StoreAsync(connectionString, TimeProvider.System);
        await using var other = await StoreAsync(connectionString, TimeProvider.System);

        await store.EnqueueAsync([Entry("h", "{}", null), Entry("h", "{}", null), Entry("h", "{}", null)], null, 5, CancellationToken.None);
        await other.EnqueueAsync([Entry("h", "{}", null)], null, 5, CancellationToken.None);
        var full = await Assert.ThrowsAsync<OutboxFullException>(() => store.EnqueueAsync([Entry("h", "{}", null), Entry("h", "{}", null)], null, 5, CancellationToken.None));
        Assert.Equal(5, full.Capacity);
        Assert.Equal(4, (await store.GetStatisticsAsync(CancellationToken.None)).Pending);
        await other.EnqueueAsync([Entry("h", "{}", null)], null, 5, CancellationToken.None);
        await Assert.ThrowsAsync<OutboxFullException>(() => store.EnqueueAsync([Entry("h", "{}", null)], null, 5, CancellationToken.None));

        // Delivered and dead-lettered posts do not count.
        var claimed = await store.ClaimAsync("a", 2, TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.CompleteAsync(new[] { claimed[0].Id }, "a", CancellationToken.None);
        await store.DeadLetterAsync(claimed[1].Id, "a", "refused", CancellationToken.None);
        Assert.Equal(2, (await store.EnqueueAsync([Entry("h", "{}", null), Entry("h", "{}", null)], null, 5, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task APostEnqueuedInTheCallersTransactionExistsOnlyIfItCommits()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        await using var store = await StoreAsync(connectionString, TimeProvider.System);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var setup = new NpgsqlCommand("CREATE TABLE orders (id int PRIMARY KEY)", connection))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await Execute(connection, rolledBack, "INSERT INTO orders VALUES (1)");
            await store.EnqueueAsync([Entry("h", "{\"text\":\"order 1\"}", null)], rolledBack, 100, CancellationToken.None);
            Assert.Empty(await store.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None));   // not visible before commit
            await rolledBack.RollbackAsync();
        }

        Assert.Empty(await store.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(0, (await store.GetStatisticsAsync(CancellationToken.None)).Pending);

        OutboxPostId id;
        await using (var committed = await connection.BeginTransactionAsync())
        {
            await Execute(connection, committed, "INSERT INTO orders VALUES (2)");
            id = (await store.EnqueueAsync([Entry("h", "{\"text\":\"order 2\"}", null)], committed, 100, CancellationToken.None))[0];
            await committed.CommitAsync();
        }

        var post = Assert.Single(await store.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(id, post.Id);
        Assert.Equal("{\"text\":\"order 2\"}", Encoding.UTF8.GetString(post.Payload.Span));
    }

    [SkippableFact]
    public async Task ATransactionOfAnotherProviderOrDatabaseIsRefusedAndNothingIsStored()
    {
        var connectionString = await _fixture.NewDatabaseAsync();
        var otherDatabase = await _fixture.NewDatabaseAsync();
        await using var store = await StoreAsync(connectionString, TimeProvider.System);

        await using (var sqlite = new SqliteConnection("Data Source=:memory:"))
        {
            await sqlite.OpenAsync();
            await using var sqliteTransaction = await sqlite.BeginTransactionAsync();
            var wrongType = await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync([Entry("h", "{}", null)], sqliteTransaction, 100, CancellationToken.None));
            Assert.Equal("transaction", wrongType.ParamName);
            Assert.Contains("SqliteTransaction", wrongType.Message, StringComparison.Ordinal);
        }

        await using (var elsewhere = new NpgsqlConnection(otherDatabase))
        {
            await elsewhere.OpenAsync();
            await using var transaction = await elsewhere.BeginTransactionAsync();
            var wrongDatabase = await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync([Entry("h", "{}", null)], transaction, 100, CancellationToken.None));
            Assert.Contains(new NpgsqlConnectionStringBuilder(otherDatabase).Database!, wrongDatabase.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await store.GetStatisticsAsync(CancellationToken.None)).Pending);
    }

    internal static async Task<PostgreSqlOutboxStore> StoreAsync(string connectionString, TimeProvider time)
    {
        var store = new PostgreSqlOutboxStore(new PostgreSqlOutboxOptions { ConnectionString = connectionString }, time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    internal static OutboxEntry Entry(string hook, string json, string? orderKey)
        => new(hook, Encoding.UTF8.GetBytes(json), orderKey, Start);

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
