using System;
using System.Globalization;

namespace CardGen;

/// <summary>
/// The id a durable outbox gave a stored post (<see cref="IChatHooks.EnqueueAsync"/>): unique within its store, and
/// what the dead-letter API (list, resend, delete) names a post by.
/// </summary>
public readonly struct OutboxPostId : IEquatable<OutboxPostId>
{
    /// <summary>Creates an id from the number the store gave the post.</summary>
    /// <param name="value">The number.</param>
    public OutboxPostId(long value) => Value = value;

    /// <summary>The number the store gave the post.</summary>
    public long Value { get; }

    /// <summary>Whether two ids are the same.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they hold the same number.</returns>
    public static bool operator ==(OutboxPostId left, OutboxPostId right) => left.Equals(right);

    /// <summary>Whether two ids differ.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they hold different numbers.</returns>
    public static bool operator !=(OutboxPostId left, OutboxPostId right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(OutboxPostId other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OutboxPostId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The number, in invariant culture.</summary>
    /// <returns>The number.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
