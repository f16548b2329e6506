using System;
using System.Globalization;

namespace CardGen.Cards;

/// <summary>How a <see cref="CardDimension"/> is expressed.</summary>
public enum CardDimensionKind
{
    /// <summary><c>"auto"</c>: size to content.</summary>
    Auto,
    /// <summary><c>"stretch"</c>: take the remaining space.</summary>
    Stretch,
    /// <summary>A relative weight, written as a JSON number.</summary>
    Weight,
    /// <summary>A fixed size, written <c>"NNpx"</c>.</summary>
    Pixels,
    /// <summary>Any other string, kept as written (for example a weight written as <c>"2"</c>); the validator judges it.</summary>
    Text,
}

/// <summary>
/// A width or height that the schema types as "string or number": column widths (<c>auto</c>, <c>stretch</c>,
/// a weight or <c>"NNpx"</c>), table column widths and input label widths (a weight or <c>"NNpx"</c>), and
/// image heights (<c>auto</c>, <c>stretch</c> or <c>"NNpx"</c>).
/// </summary>
public readonly struct CardDimension : IEquatable<CardDimension>
{
    private CardDimension(CardDimensionKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        _text = text;
    }

    private readonly string? _text;

    /// <summary><c>"auto"</c>.</summary>
    public static CardDimension Auto => new(CardDimensionKind.Auto, 0, null);

    /// <summary><c>"stretch"</c>.</summary>
    public static CardDimension Stretch => new(CardDimensionKind.Stretch, 0, null);

    /// <summary>How the value is expressed.</summary>
    public CardDimensionKind Kind { get; }

    /// <summary>The weight or the number of pixels; 0 for other kinds.</summary>
    public double Number { get; }

    /// <summary>The text as written, for <see cref="CardDimensionKind.Text"/>.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>A relative weight.</summary>
    /// <param name="weight">The weight; positive and finite.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not positive and finite.</exception>
    public static CardDimension Weight(double weight)
        => weight > 0 && !double.IsInfinity(weight)
            ? new(CardDimensionKind.Weight, weight, null)
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight must be positive and finite.");

    /// <summary>A fixed size in pixels.</summary>
    /// <param name="pixels">The number of pixels; not negative.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative.</exception>
    public static CardDimension Pixels(int pixels)
        => pixels >= 0
            ? new(CardDimensionKind.Pixels, pixels, null)
            : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A pixel size cannot be negative.");

    /// <summary>Reads a string value: <c>auto</c>, <c>stretch</c> (any case), <c>"NNpx"</c>, or anything else kept as text.</summary>
    /// <param name="text">The string as written.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static CardDimension Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        // Only the canonical spellings map to a kind, so that writing gives back exactly what was read.
        if (text == "auto")
        {
            return Auto;
        }

        if (text == "stretch")
        {
            return Stretch;
        }

        if (text.EndsWith("px", StringComparison.Ordinal)
            && Schema.CardFormats.TryParsePixels(text, out var pixels)
            && text == pixels.ToString(CultureInfo.InvariantCulture) + "px")
        {
            return Pixels(pixels);
        }

        return new(CardDimensionKind.Text, 0, text);
    }

    /// <summary>A relative weight.</summary>
    /// <param name="weight">The weight.</param>
#pragma warning disable CA2225 // Weight() is the named alternative.
    public static implicit operator CardDimension(double weight) => Weight(weight);

    /// <summary>Parses a string as <see cref="Parse"/> does.</summary>
    /// <param name="text">The string.</param>
    public static implicit operator CardDimension(string text) => Parse(text);
#pragma warning restore CA2225

    /// <inheritdoc/>
    public bool Equals(CardDimension other)
        => Kind == other.Kind && Number.Equals(other.Number) && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CardDimension other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind * 397) ^ Number.GetHashCode() ^ (_text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>The JSON form: <c>auto</c>, <c>stretch</c>, the weight, <c>NNpx</c> or the text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        CardDimensionKind.Auto => "auto",
        CardDimensionKind.Stretch => "stretch",
        CardDimensionKind.Weight => Number.ToString("R", CultureInfo.InvariantCulture),
        CardDimensionKind.Pixels => Number.ToString("0", CultureInfo.InvariantCulture) + "px",
        _ => Text,
    };

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(CardDimension left, CardDimension right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CardDimension left, CardDimension right) => !left.Equals(right);
}
