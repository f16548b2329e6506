using System;

namespace CardGen.Outbox;

/// <summary>
/// The outbox already holds <see cref="ChatOutboxOptions.Capacity"/> pending posts, so nothing was stored. Thrown at
/// once, without waiting for room: deliver faster, raise the capacity, or shed the post.
/// </summary>
public sealed class OutboxFullException : InvalidOperationException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public OutboxFullException()
        : base("The outbox is full, so nothing was stored.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public OutboxFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OutboxFullException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the capacity.</summary>
    /// <param name="capacity">The capacity the store holds.</param>
    public OutboxFullException(long capacity)
        : base($"The outbox holds {capacity} pending posts, its capacity (ChatOutboxOptions.Capacity), so nothing was stored.")
    {
        Capacity = capacity;
    }

    /// <summary>The capacity that was reached, when known; 0 otherwise.</summary>
    public long Capacity { get; }
}
