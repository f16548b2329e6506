using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Outbox;

/// <summary>
/// Where a durable outbox keeps its posts: a database that the delivery engine of <c>UseOutbox</c> claims posts from,
/// each under a lease, and records their outcome in. <c>CardGen.Outbox.Sqlite</c> and <c>CardGen.Outbox.PostgreSql</c>
/// implement it.
/// </summary>
/// <remarks>
/// <para>Stores read the time from the <see cref="TimeProvider"/> registered in the services
/// (<see cref="TimeProvider.System"/> when none), so tests can use a fake clock.</para>
/// <para>A post is pending (due now or later, possibly leased to an instance delivering it), delivered (kept for the
/// retention, then purged) or dead-lettered. Every method that records an outcome takes the id of the lease owner: a
/// post whose lease another instance took over is not changed, and the method does nothing.</para>
/// <para>Every method is safe to call concurrently.</para>
/// </remarks>
public interface IChatOutboxStore
{
    /// <summary>
    /// Creates or migrates the schema. Called once at start-up, before any other method; a store that cannot be
    /// reached or written throws an exception that says why (never with a password).
    /// </summary>
    /// <param name="cancellationToken">Cancels the initialization.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores posts, all or none. They are durable when the task completes or, with a transaction, when the caller
    /// commits it.
    /// </summary>
    /// <param name="entries">The posts.</param>
    /// <param name="transaction">The caller's open transaction on this store's database, to store the posts in; <see langword="null"/> for none.</param>
    /// <param name="capacity">The most pending posts the store may hold afterwards.</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>The posts' ids, in the order of <paramref name="entries"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> is not a transaction of this store's provider or database.</exception>
    /// <exception cref="OutboxFullException">Storing them would hold more than <paramref name="capacity"/> pending posts; nothing was stored.</exception>
    Task<IReadOnlyList<OutboxPostId>> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, DbTransaction? transaction, long capacity, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due posts that no live lease holds (an expired lease is taken over), leased
    /// to <paramref name="ownerId"/> until now plus <paramref name="lease"/>. Of the posts of one hook with the same
    /// order key, only the oldest undelivered one is claimable (a dead-lettered one no longer holds the others back).
    /// </summary>
    /// <param name="ownerId">The claiming instance's id.</param>
    /// <param name="max">The most posts to claim.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed posts, oldest first; empty when none is due.</returns>
    Task<IReadOnlyList<OutboxPost>> ClaimAsync(string ownerId, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records posts as delivered, all in one write (the engine gathers the posts delivered while the previous write
    /// was committing); they are kept for the retention, then purged. A post whose lease another instance took over
    /// is left as it is.
    /// </summary>
    /// <param name="ids">The posts.</param>
    /// <param name="ownerId">The lease owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the outcomes are recorded.</returns>
    Task CompleteAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt, records why, releases the lease, and makes the post due again at <paramref name="dueAt"/>.</summary>
    /// <param name="id">The post.</param>
    /// <param name="ownerId">The lease owner.</param>
    /// <param name="dueAt">When to try again.</param>
    /// <param name="reason">Why the attempt failed (never the webhook URL).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    Task RescheduleAsync(OutboxPostId id, string ownerId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and moves the post to the dead-letter state with its reason.</summary>
    /// <param name="id">The post.</param>
    /// <param name="ownerId">The lease owner.</param>
    /// <param name="reason">Why delivery stopped (never the webhook URL).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    Task DeadLetterAsync(OutboxPostId id, string ownerId, string reason, CancellationToken cancellationToken);

    /// <summary>Gives claimed posts back, due at once, counting no attempt (a graceful shutdown).</summary>
    /// <param name="ids">The posts.</param>
    /// <param name="ownerId">The lease owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the posts are released.</returns>
    Task ReleaseAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves a hook's next send slot, at least <paramref name="interval"/> after the last slot any instance sharing
    /// this store reserved for it.
    /// </summary>
    /// <param name="hookName">The hook.</param>
    /// <param name="interval">The least time between two posts to the hook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How long to wait before sending; <see cref="TimeSpan.Zero"/> to send now.</returns>
    Task<TimeSpan> ReservePaceAsync(string hookName, TimeSpan interval, CancellationToken cancellationToken);

    /// <summary>Counts the pending and dead-lettered posts and finds the oldest pending one.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    Task<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Lists dead-lettered posts, oldest first.</summary>
    /// <param name="max">The most to list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dead letters.</returns>
    Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Makes a dead-lettered post pending again, due at once, with its attempts reset.</summary>
    /// <param name="id">The post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the post was dead-lettered and is now pending; <see langword="false"/> when no dead letter has that id.</returns>
    Task<bool> ResendAsync(OutboxPostId id, CancellationToken cancellationToken);

    /// <summary>Deletes a post that is not leased to an instance delivering it (a dead letter, typically).</summary>
    /// <param name="id">The post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the post was deleted.</returns>
    Task<bool> DeleteAsync(OutboxPostId id, CancellationToken cancellationToken);

    /// <summary>Deletes the posts delivered before <paramref name="deliveredBefore"/>.</summary>
    /// <param name="deliveredBefore">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken);
}
