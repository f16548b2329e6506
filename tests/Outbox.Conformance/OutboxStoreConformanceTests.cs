using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Outbox;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CardGen.Outbox.Conformance;

/// <summary>
/// What every <see cref="IChatOutboxStore"/> must do, run against a real database by each store's test project: a
/// subclass says how to create an empty store on a fake clock and how to open a connection to its database. Compiled
/// into each store's test project (<c>&lt;Compile Include="../Outbox.Conformance/**/*.cs" /&gt;</c>, with the
/// <c>Xunit.SkippableFact</c> package), so a store whose server is missing can skip them from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class OutboxStoreConformanceTests : IAsyncLifetime
{
    private const string Owner = "instance-a";
    private const string OtherOwner = "instance-b";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>The clock the store reads; tests move it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The store under test, initialized and empty.</summary>
    protected IChatOutboxStore Store { get; private set; } = null!;

    /// <summary>Creates a store on an empty database that reads <paramref name="time"/>; not yet initialized.</summary>
    protected abstract Task<IChatOutboxStore> CreateStoreAsync(TimeProvider time);

    /// <summary>Opens a connection to the store's database, for transactional enqueues.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync();

    /// <summary>Disposes the store and removes its database.</summary>
    protected virtual async Task DestroyStoreAsync(IChatOutboxStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public virtual async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Time);
        await Store.InitializeAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync() => await DestroyStoreAsync(Store);

    protected OutboxEntry Entry(string text, string hook = "builds", string? orderKey = null)
        => new(hook, Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"), orderKey, Time.GetUtcNow());

    protected async Task<OutboxPostId> EnqueueAsync(string text, string hook = "builds", string? orderKey = null)
        => (await Store.EnqueueAsync(new[] { Entry(text, hook, orderKey) }, null, 1_000, CancellationToken.None)).Single();

    protected Task<IReadOnlyList<OutboxPost>> ClaimAsync(int max = 100, string owner = Owner)
        => Store.ClaimAsync(owner, max, Lease, CancellationToken.None);

    private static string Text(OutboxPost post) => Encoding.UTF8.GetString(post.Payload.Span);

    [SkippableFact]
    public async Task Initializing_twice_keeps_the_posts()
    {
        await EnqueueAsync("one");
        await Store.InitializeAsync(CancellationToken.None);

        Assert.Equal(1, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task A_claim_returns_each_post_as_stored_oldest_first_with_increasing_ids()
    {
        var payload = Encoding.UTF8.GetBytes("{\"text\":\"Zoë’s build \\u2603 ✅\"}");
        var enqueuedAt = Time.GetUtcNow();
        var ids = await Store.EnqueueAsync(
            new[] { new OutboxEntry("builds", payload, "payments", enqueuedAt), Entry("second", "alerts") },
            null,
            1_000,
            CancellationToken.None);

        Assert.Equal(2, ids.Count);
        Assert.True(ids[1].Value > ids[0].Value);
        var posts = await ClaimAsync();
        Assert.Equal(ids, posts.Select(p => p.Id));
        Assert.Equal(payload, posts[0].Payload.ToArray());
        Assert.Equal("builds", posts[0].HookName);
        Assert.Equal("payments", posts[0].OrderKey);
        Assert.Equal(enqueuedAt, posts[0].EnqueuedAt);
        Assert.Equal(0, posts[0].Attempts);
        Assert.Null(posts[0].LastError);
        Assert.Equal("alerts", posts[1].HookName);
        Assert.Null(posts[1].OrderKey);
    }

    [SkippableFact]
    public async Task A_claim_takes_at_most_max_and_never_a_post_another_live_lease_holds()
    {
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync($"post {i}");
        }

        var first = await ClaimAsync(max: 3);
        var second = await ClaimAsync(max: 10, owner: OtherOwner);
        var third = await ClaimAsync(max: 10);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(third);
        Assert.Empty(first.Select(p => p.Id).Intersect(second.Select(p => p.Id)));
    }

    [SkippableFact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_can_no_longer_record_an_outcome()
    {
        var id = await EnqueueAsync("slow");
        Assert.Single(await ClaimAsync());
        Assert.Empty(await ClaimAsync(owner: OtherOwner));

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await ClaimAsync(owner: OtherOwner);
        Assert.Equal(id, Assert.Single(taken).Id);

        // The first owner comes back too late: its outcome must not change the post the other owner holds.
        await Store.CompleteAsync(new[] { id }, Owner, CancellationToken.None);
        await Store.DeadLetterAsync(id, Owner, "late", CancellationToken.None);
        Assert.Equal(1, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
        Assert.Empty(await Store.ListDeadLettersAsync(10, CancellationToken.None));

        await Store.CompleteAsync(new[] { id }, OtherOwner, CancellationToken.None);
        Assert.Equal(0, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task Completing_several_posts_at_once_records_only_those_the_caller_holds()
    {
        var one = await EnqueueAsync("one");
        var two = await EnqueueAsync("two");
        var three = await EnqueueAsync("three");
        Assert.Equal(new[] { one, two }, (await ClaimAsync(max: 2)).Select(p => p.Id));
        Assert.Equal(three, Assert.Single(await ClaimAsync(owner: OtherOwner)).Id);

        await Store.CompleteAsync(new[] { one, two, three }, Owner, CancellationToken.None);

        Assert.Equal(1, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(three, Assert.Single(await ClaimAsync()).Id);
    }

    [SkippableFact]
    public async Task A_delivered_post_is_not_claimed_again_and_is_purged_after_the_retention()
    {
        var id = await EnqueueAsync("done");
        await ClaimAsync();
        await Store.CompleteAsync(new[] { id }, Owner, CancellationToken.None);
        var deliveredAt = Time.GetUtcNow();

        Time.Advance(Lease * 2);
        Assert.Empty(await ClaimAsync());
        Assert.Equal(0, await Store.PurgeDeliveredAsync(deliveredAt - TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(1, await Store.PurgeDeliveredAsync(deliveredAt + TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.False(await Store.DeleteAsync(id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_rescheduled_post_counts_the_attempt_keeps_the_reason_and_waits_until_it_is_due()
    {
        var id = await EnqueueAsync("flaky");
        await ClaimAsync();
        await Store.RescheduleAsync(id, Owner, Time.GetUtcNow() + TimeSpan.FromSeconds(30), "ServerError (HTTP 503)", CancellationToken.None);

        Assert.Empty(await ClaimAsync(owner: OtherOwner));
        Time.Advance(TimeSpan.FromSeconds(31));
        var post = Assert.Single(await ClaimAsync(owner: OtherOwner));
        Assert.Equal(id, post.Id);
        Assert.Equal(1, post.Attempts);
        Assert.Equal("ServerError (HTTP 503)", post.LastError);
    }

    [SkippableFact]
    public async Task A_released_post_is_claimable_at_once_with_no_attempt_counted()
    {
        var id = await EnqueueAsync("interrupted");
        await ClaimAsync();
        await Store.ReleaseAsync(new[] { id }, Owner, CancellationToken.None);

        var post = Assert.Single(await ClaimAsync(owner: OtherOwner));
        Assert.Equal(0, post.Attempts);

        // Only the owner releases.
        await Store.ReleaseAsync(new[] { id }, Owner, CancellationToken.None);
        Assert.Empty(await ClaimAsync());
    }

    [SkippableFact]
    public async Task A_dead_letter_is_listed_with_its_reason_and_can_be_resent_or_deleted()
    {
        var refused = await EnqueueAsync("refused");
        var ambiguous = await EnqueueAsync("ambiguous");
        var enqueuedAt = Time.GetUtcNow();
        await ClaimAsync();
        Time.Advance(TimeSpan.FromSeconds(5));
        await Store.DeadLetterAsync(refused, Owner, "HostError (HTTP 400): bad card", CancellationToken.None);
        await Store.DeadLetterAsync(ambiguous, Owner, "ServerError (HTTP 503); it may have been delivered", CancellationToken.None);

        var letters = await Store.ListDeadLettersAsync(10, CancellationToken.None);
        Assert.Equal(new[] { refused, ambiguous }, letters.Select(l => l.Id));
        Assert.Equal("HostError (HTTP 400): bad card", letters[0].Reason);
        Assert.Equal("builds", letters[0].HookName);
        Assert.Equal(1, letters[0].Attempts);
        Assert.Equal(enqueuedAt, letters[0].EnqueuedAt);
        Assert.Equal(Time.GetUtcNow(), letters[0].DeadLetteredAt);
        Assert.Single(await Store.ListDeadLettersAsync(1, CancellationToken.None));
        var statistics = await Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(0, statistics.Pending);
        Assert.Equal(2, statistics.DeadLettered);
        Assert.Empty(await ClaimAsync(owner: OtherOwner));

        Assert.True(await Store.ResendAsync(ambiguous, CancellationToken.None));
        Assert.False(await Store.ResendAsync(ambiguous, CancellationToken.None));
        var resent = Assert.Single(await ClaimAsync(owner: OtherOwner));
        Assert.Equal(ambiguous, resent.Id);
        Assert.Equal(0, resent.Attempts);

        Assert.True(await Store.DeleteAsync(refused, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(refused, CancellationToken.None));
        Assert.False(await Store.ResendAsync(refused, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(ambiguous, CancellationToken.None)); // leased: being delivered
        Assert.Empty(await Store.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.False(await Store.ResendAsync(new OutboxPostId(long.MaxValue), CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_full_store_refuses_the_whole_enqueue_and_stores_nothing()
    {
        var ids = await Store.EnqueueAsync(new[] { Entry("1"), Entry("2"), Entry("3") }, null, 4, CancellationToken.None);
        Assert.Equal(3, ids.Count);

        var e = await Assert.ThrowsAsync<OutboxFullException>(() => Store.EnqueueAsync(new[] { Entry("4"), Entry("5") }, null, 4, CancellationToken.None));
        Assert.Contains("4", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);

        await Store.EnqueueAsync(new[] { Entry("4") }, null, 4, CancellationToken.None);
        await Assert.ThrowsAsync<OutboxFullException>(() => Store.EnqueueAsync(new[] { Entry("5") }, null, 4, CancellationToken.None));

        // Delivered and dead-lettered posts leave room.
        var posts = await ClaimAsync(max: 2);
        await Store.CompleteAsync(new[] { posts[0].Id }, Owner, CancellationToken.None);
        await Store.DeadLetterAsync(posts[1].Id, Owner, "refused", CancellationToken.None);
        Assert.Equal(2, (await Store.EnqueueAsync(new[] { Entry("5"), Entry("6") }, null, 4, CancellationToken.None)).Count);
        Assert.Equal(4, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
    }

    [SkippableFact]
    public async Task Posts_with_an_order_key_are_claimable_one_at_a_time_in_enqueue_order()
    {
        var a1 = await EnqueueAsync("a1", orderKey: "payments");
        var a2 = await EnqueueAsync("a2", orderKey: "payments");
        var a3 = await EnqueueAsync("a3", orderKey: "payments");
        var free = await EnqueueAsync("free");
        var otherHook = await EnqueueAsync("other hook", hook: "alerts", orderKey: "payments");
        var otherKey = await EnqueueAsync("other key", orderKey: "billing");

        var first = await ClaimAsync();
        Assert.Equal(new[] { a1, free, otherHook, otherKey }, first.Select(p => p.Id));

        // While a1 waits for a retry, a2 stays behind it.
        await Store.RescheduleAsync(a1, Owner, Time.GetUtcNow() + TimeSpan.FromSeconds(10), "503", CancellationToken.None);
        Assert.Empty(await ClaimAsync(owner: OtherOwner));
        Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(a1, Assert.Single(await ClaimAsync(owner: OtherOwner)).Id);
        await Store.CompleteAsync(new[] { a1 }, OtherOwner, CancellationToken.None);

        Assert.Equal(a2, Assert.Single(await ClaimAsync(owner: OtherOwner)).Id);

        // A dead letter no longer holds the rest back.
        await Store.DeadLetterAsync(a2, OtherOwner, "refused", CancellationToken.None);
        Assert.Equal(a3, Assert.Single(await ClaimAsync(owner: OtherOwner)).Id);
    }

    [SkippableFact]
    public async Task The_pace_of_a_hook_spaces_the_slots_it_reserves_and_each_hook_has_its_own()
    {
        var second = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.Zero, await Store.ReservePaceAsync("builds", second, CancellationToken.None));
        Assert.Equal(second, await Store.ReservePaceAsync("builds", second, CancellationToken.None));
        Assert.Equal(2 * second, await Store.ReservePaceAsync("builds", second, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await Store.ReservePaceAsync("alerts", second, CancellationToken.None));

        Time.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), await Store.ReservePaceAsync("builds", second, CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, await Store.ReservePaceAsync("builds", second, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Statistics_count_pending_and_dead_posts_and_date_the_oldest_pending_one()
    {
        var empty = await Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(0, empty.Pending);
        Assert.Null(empty.OldestPendingEnqueuedAt);

        var oldest = Time.GetUtcNow();
        var first = await EnqueueAsync("first");
        Time.Advance(TimeSpan.FromMinutes(3));
        await EnqueueAsync("second");
        var statistics = await Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(2, statistics.Pending);
        Assert.Equal(oldest, statistics.OldestPendingEnqueuedAt);

        await ClaimAsync(max: 1);
        await Store.CompleteAsync(new[] { first }, Owner, CancellationToken.None);
        Assert.Equal(oldest + TimeSpan.FromMinutes(3), (await Store.GetStatisticsAsync(CancellationToken.None)).OldestPendingEnqueuedAt);
    }

    [SkippableFact]
    public async Task Concurrent_enqueues_each_get_their_own_id_and_all_are_stored()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => EnqueueAsync($"concurrent {i}"))));

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
        var claimed = await ClaimAsync(max: 500);
        Assert.Equal(ids.OrderBy(i => i.Value), claimed.Select(p => p.Id));
    }

    [SkippableFact]
    public async Task A_post_enqueued_in_a_transaction_exists_only_once_the_transaction_commits()
    {
        await using var connection = await OpenConnectionAsync();
        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await Store.EnqueueAsync(new[] { Entry("rolled back") }, rolledBack, 1_000, CancellationToken.None);
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0, (await Store.GetStatisticsAsync(CancellationToken.None)).Pending);
        Assert.Empty(await ClaimAsync());

        OutboxPostId id;
        await using (var committed = await connection.BeginTransactionAsync())
        {
            id = (await Store.EnqueueAsync(new[] { Entry("committed") }, committed, 1_000, CancellationToken.None)).Single();
            await committed.CommitAsync();
        }

        var post = Assert.Single(await ClaimAsync());
        Assert.Equal(id, post.Id);
        Assert.Contains("committed", Text(post), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_transactional_enqueue_respects_the_capacity()
    {
        await EnqueueAsync("one");
        await using var connection = await OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await Assert.ThrowsAsync<OutboxFullException>(() => Store.EnqueueAsync(new[] { Entry("two"), Entry("three") }, transaction, 2, CancellationToken.None));
    }
}
