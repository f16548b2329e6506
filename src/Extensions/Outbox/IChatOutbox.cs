using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Outbox;

/// <summary>
/// The durable outbox that <c>UseOutbox</c>, <c>UseSqliteOutbox</c> or <c>UsePostgreSqlOutbox</c> registered:
/// enqueue posts (in the caller's transaction, or in an order), read statistics, and list, resend or delete dead letters.
/// </summary>
public interface IChatOutbox
{
    /// <summary>
    /// Validates a message's cards for the hook's host, writes it exactly as <see cref="IChatHooks.PostAsync(string, WebhookMessage, System.Threading.CancellationToken)"/> would,
    /// and stores it, in the caller's transaction when one is given.
    /// </summary>
    /// <param name="hookName">The hook's name, as configured.</param>
    /// <param name="message">The message.</param>
    /// <param name="transaction">The caller's open transaction on the outbox's database: the post is stored when it commits, and not at all when it rolls back. <see langword="null"/> to store it at once.</param>
    /// <param name="orderKey">Posts of the hook with the same key are delivered one at a time, in enqueue order; <see langword="null"/> for no order.</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>The stored post's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hookName"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name, or <paramref name="transaction"/> is not one of the outbox's database; nothing was stored.</exception>
    /// <exception cref="CardValidationException">A card has a validation error for the hook's host; nothing was stored.</exception>
    /// <exception cref="OutboxFullException">The outbox holds <see cref="ChatOutboxOptions.Capacity"/> pending posts; nothing was stored.</exception>
    /// <exception cref="InvalidOperationException">The message has neither text nor a card, or the store cannot be written (the message says why); nothing was stored.</exception>
    Task<OutboxPostId> EnqueueAsync(string hookName, WebhookMessage message, DbTransaction? transaction = null, string? orderKey = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the pending and dead-lettered posts and finds the oldest pending one.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    Task<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists dead-lettered posts, oldest first, each with why delivery stopped.</summary>
    /// <param name="max">The most to list (1 or more).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dead letters.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is less than 1.</exception>
    Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a dead-lettered post pending again, with its attempts reset: it is delivered again, possibly a second time
    /// when its failure was ambiguous.
    /// </summary>
    /// <param name="id">The post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it was a dead letter and is pending now; <see langword="false"/> when no dead letter has that id.</returns>
    Task<bool> ResendAsync(OutboxPostId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a dead-lettered (or pending, not being delivered) post.</summary>
    /// <param name="id">The post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it was deleted.</returns>
    Task<bool> DeleteAsync(OutboxPostId id, CancellationToken cancellationToken = default);
}
