using System;

namespace CardGen.Outbox;

/// <summary>A post to store in an outbox: the hook it goes to and the request body, exactly as it will be posted.</summary>
public sealed class OutboxEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="hookName">The configured name of the hook the post goes to (never its URL, which is a credential).</param>
    /// <param name="payload">The request body, exactly as it will be posted.</param>
    /// <param name="orderKey">Posts of one hook with the same key are delivered in enqueue order; <see langword="null"/> for no order.</param>
    /// <param name="enqueuedAt">When the post was enqueued.</param>
    /// <exception cref="ArgumentException"><paramref name="hookName"/> is null or empty.</exception>
    public OutboxEntry(string hookName, ReadOnlyMemory<byte> payload, string? orderKey, DateTimeOffset enqueuedAt)
    {
        if (string.IsNullOrEmpty(hookName))
        {
            throw new ArgumentException("An outbox entry needs the name of its hook.", nameof(hookName));
        }

        HookName = hookName;
        Payload = payload;
        OrderKey = orderKey;
        EnqueuedAt = enqueuedAt;
    }

    /// <summary>The configured name of the hook the post goes to.</summary>
    public string HookName { get; }

    /// <summary>The request body, exactly as it will be posted.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Posts of one hook with the same key are delivered in enqueue order; <see langword="null"/> for no order.</summary>
    public string? OrderKey { get; }

    /// <summary>When the post was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; }
}
