using System;
using System.Globalization;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

/// <summary>
/// An Adaptive Card schema version (<c>major.minor</c>), such as <c>1.3</c>.
/// </summary>
/// <remarks>
/// Versions compare numerically (<c>1.10</c> is newer than <c>1.9</c>). Parsing accepts up to four
/// numeric parts, as the shared C++ object model does, and keeps the first two.
/// </remarks>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
readonly struct CardVersion : IEquatable<CardVersion>, IComparable<CardVersion>
{
    /// <summary>Adaptive Cards 1.0.</summary>
    public static readonly CardVersion V1_0 = new(1, 0);
    /// <summary>Adaptive Cards 1.1: Media, select actions, pixel sizes.</summary>
    public static readonly CardVersion V1_1 = new(1, 1);
    /// <summary>Adaptive Cards 1.2: RichTextBlock, ActionSet, ToggleVisibility, fallback, requires.</summary>
    public static readonly CardVersion V1_2 = new(1, 2);
    /// <summary>Adaptive Cards 1.3: input labels and validation. The version RingCentral renders.</summary>
    public static readonly CardVersion V1_3 = new(1, 3);
    /// <summary>Adaptive Cards 1.4: Action.Execute, refresh, authentication.</summary>
    public static readonly CardVersion V1_4 = new(1, 4);
    /// <summary>Adaptive Cards 1.5: Table, RTL, heading style, action tooltips and modes.</summary>
    public static readonly CardVersion V1_5 = new(1, 5);
    /// <summary>Adaptive Cards 1.6: metadata, label position, dynamic type-ahead, caption sources.</summary>
    public static readonly CardVersion V1_6 = new(1, 6);

    /// <summary>The newest version CardGen knows.</summary>
    public static CardVersion Latest => V1_6;

    /// <summary>Creates a version from its parts.</summary>
    /// <param name="major">The major part; not negative.</param>
    /// <param name="minor">The minor part; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative.</exception>
    public CardVersion(int major, int minor)
    {
        if (major < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(major), major, "A version part cannot be negative.");
        }

        if (minor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minor), minor, "A version part cannot be negative.");
        }

        Major = major;
        Minor = minor;
    }

    /// <summary>The major part.</summary>
    public int Major { get; }

    /// <summary>The minor part.</summary>
    public int Minor { get; }

    /// <summary>Parses <c>major.minor</c> (up to four numeric parts; the first two are kept).</summary>
    /// <param name="text">The version text, for example <c>"1.3"</c>.</param>
    /// <param name="version">The parsed version, or default when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a version.</returns>
    public static bool TryParse(string? text, out CardVersion version)
    {
        version = default;
        if (text is null || text.Length == 0 || text.Length > 64)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length < 2 || parts.Length > 4)
        {
            return false;
        }

        var numbers = new int[2];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part.Length > 9)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            if (i < 2)
            {
                numbers[i] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        version = new CardVersion(numbers[0], numbers[1]);
        return true;
    }

    /// <summary>Parses <c>major.minor</c>.</summary>
    /// <param name="text">The version text, for example <c>"1.3"</c>.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a version.</exception>
    public static CardVersion Parse(string text)
        => TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not an Adaptive Card version; expected major.minor, for example 1.3.");

    /// <inheritdoc/>
    public bool Equals(CardVersion other) => Major == other.Major && Minor == other.Minor;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CardVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Major * 397) ^ Minor;

    /// <inheritdoc/>
    public int CompareTo(CardVersion other)
        => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Returns <c>major.minor</c>.</summary>
    /// <returns>The version text.</returns>
    public override string ToString()
        => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether both are the same version.</returns>
    public static bool operator ==(CardVersion left, CardVersion right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether the versions differ.</returns>
    public static bool operator !=(CardVersion left, CardVersion right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is older.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(CardVersion left, CardVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is newer.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(CardVersion left, CardVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is older or the same.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(CardVersion left, CardVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is newer or the same.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(CardVersion left, CardVersion right) => left.CompareTo(right) >= 0;
}
