using System;

namespace CardGen.Outbox;

/// <summary>
/// A post the outbox stopped delivering: the host refused it, a failure left it unknown whether it was posted and its
/// hook does not allow resending, or it ran out of attempts. List, resend or delete it through <see cref="IChatOutbox"/>.
/// </summary>
public sealed class OutboxDeadLetter
{
    /// <summary>Creates a dead letter.</summary>
    /// <param name="id">The post's id.</param>
    /// <param name="hookName">The configured name of the hook the post goes to.</param>
    /// <param name="enqueuedAt">When the post was enqueued.</param>
    /// <param name="attempts">How many delivery attempts were made.</param>
    /// <param name="reason">Why delivery stopped (never the webhook URL).</param>
    /// <param name="deadLetteredAt">When delivery stopped.</param>
    public OutboxDeadLetter(OutboxPostId id, string hookName, DateTimeOffset enqueuedAt, int attempts, string reason, DateTimeOffset deadLetteredAt)
    {
        Id = id;
        HookName = hookName ?? throw new ArgumentNullException(nameof(hookName));
        EnqueuedAt = enqueuedAt;
        Attempts = attempts;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        DeadLetteredAt = deadLetteredAt;
    }

    /// <summary>The post's id.</summary>
    public OutboxPostId Id { get; }

    /// <summary>The configured name of the hook the post goes to.</summary>
    public string HookName { get; }

    /// <summary>When the post was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>How many delivery attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Why delivery stopped (never the webhook URL).</summary>
    public string Reason { get; }

    /// <summary>When delivery stopped.</summary>
    public DateTimeOffset DeadLetteredAt { get; }
}
