using System;

namespace CardGen.Outbox;

/// <summary>A stored post, as a claim returns it to the instance that will deliver it.</summary>
public sealed class OutboxPost
{
    /// <summary>Creates a claimed post.</summary>
    /// <param name="id">The post's id.</param>
    /// <param name="hookName">The configured name of the hook the post goes to.</param>
    /// <param name="payload">The request body, exactly as it will be posted.</param>
    /// <param name="orderKey">The post's order key, or <see langword="null"/>.</param>
    /// <param name="enqueuedAt">When the post was enqueued.</param>
    /// <param name="attempts">How many delivery attempts were recorded for it before this claim.</param>
    /// <param name="lastError">Why the last recorded attempt failed, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="hookName"/> is null or empty.</exception>
    public OutboxPost(OutboxPostId id, string hookName, ReadOnlyMemory<byte> payload, string? orderKey, DateTimeOffset enqueuedAt, int attempts, string? lastError)
    {
        if (string.IsNullOrEmpty(hookName))
        {
            throw new ArgumentException("An outbox post needs the name of its hook.", nameof(hookName));
        }

        Id = id;
        HookName = hookName;
        Payload = payload;
        OrderKey = orderKey;
        EnqueuedAt = enqueuedAt;
        Attempts = attempts;
        LastError = lastError;
    }

    /// <summary>The post's id.</summary>
    public OutboxPostId Id { get; }

    /// <summary>The configured name of the hook the post goes to.</summary>
    public string HookName { get; }

    /// <summary>The request body, exactly as it will be posted.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The post's order key, or <see langword="null"/>.</summary>
    public string? OrderKey { get; }

    /// <summary>When the post was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>How many delivery attempts were recorded for it before this claim (a released claim counts none).</summary>
    public int Attempts { get; }

    /// <summary>Why the last recorded attempt failed, or <see langword="null"/>.</summary>
    public string? LastError { get; }
}
