using System;

namespace CardGen.Outbox;

/// <summary>How much an outbox holds.</summary>
public sealed class OutboxStatistics
{
    /// <summary>Creates statistics.</summary>
    /// <param name="pending">Posts waiting to be delivered (due, scheduled for a retry, or being delivered).</param>
    /// <param name="deadLettered">Posts in the dead-letter state.</param>
    /// <param name="oldestPendingEnqueuedAt">When the oldest pending post was enqueued; <see langword="null"/> when none is pending.</param>
    public OutboxStatistics(long pending, long deadLettered, DateTimeOffset? oldestPendingEnqueuedAt)
    {
        Pending = pending;
        DeadLettered = deadLettered;
        OldestPendingEnqueuedAt = oldestPendingEnqueuedAt;
    }

    /// <summary>Posts waiting to be delivered (due, scheduled for a retry, or being delivered).</summary>
    public long Pending { get; }

    /// <summary>Posts in the dead-letter state.</summary>
    public long DeadLettered { get; }

    /// <summary>When the oldest pending post was enqueued; <see langword="null"/> when none is pending.</summary>
    public DateTimeOffset? OldestPendingEnqueuedAt { get; }
}
