using System;

namespace CardGen.Cards;

/// <summary>
/// What a renderer shows when it cannot render an element, action or column (1.2): either nothing
/// (<see cref="Drop"/>, written <c>"drop"</c>) or another object of the same family.
/// </summary>
/// <typeparam name="T">The family: <see cref="CardElement"/>, <see cref="CardAction"/> or <see cref="Column"/>.</typeparam>
public sealed class Fallback<T>
    where T : CardObject
{
    private Fallback(T? content) => Content = content;

    /// <summary>Remove the object when it cannot be rendered.</summary>
    public static Fallback<T> Drop { get; } = new(null);

    /// <summary>The replacement, or <see langword="null"/> for <see cref="Drop"/>.</summary>
    public T? Content { get; }

    /// <summary>Whether this is <see cref="Drop"/>.</summary>
    public bool IsDrop => Content is null;

    /// <summary>Falls back to <paramref name="content"/>.</summary>
    /// <param name="content">The replacement.</param>
    /// <returns>The fallback.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static Fallback<T> To(T content) => new(content ?? throw new ArgumentNullException(nameof(content)));

    /// <summary>Falls back to <paramref name="content"/>.</summary>
    /// <param name="content">The replacement.</param>
#pragma warning disable CA2225 // To() is the named alternative.
    public static implicit operator Fallback<T>(T content) => To(content);
#pragma warning restore CA2225
}
