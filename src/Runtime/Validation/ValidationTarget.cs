using System;
using CardGen.Schema;

namespace CardGen.Validation;

/// <summary>What a card is validated against: a chat host and the schema version it renders.</summary>
public readonly struct ValidationTarget : IEquatable<ValidationTarget>
{
    /// <summary>Creates a target.</summary>
    /// <param name="host">The host profile.</param>
    /// <param name="version">The schema version; defaults to the host's newest.</param>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is newer than the host renders.</exception>
    public ValidationTarget(HostProfile host, CardVersion? version = null)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var v = version ?? host.MaxVersion;
        if (v > host.MaxVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), v, $"{host.Name} renders Adaptive Cards up to {host.MaxVersion}.");
        }

        _host = host;
        _version = v;
    }

    private readonly HostProfile? _host;
    private readonly CardVersion _version;

    /// <summary>The host profile (the generic one for a default target).</summary>
    public HostProfile Host => _host ?? HostProfile.Generic;

    /// <summary>The schema version the card must fit (the host's newest for a default target).</summary>
    public CardVersion Version => _version == default ? Host.MaxVersion : _version;

    /// <summary>A generic host that renders <paramref name="version"/>.</summary>
    /// <param name="version">The schema version.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is newer than CardGen knows.</exception>
    public static ValidationTarget ForVersion(CardVersion version) => new(HostProfile.Generic, version);

    /// <summary>A host at its newest version.</summary>
    /// <param name="host">The host profile.</param>
    /// <returns>The target.</returns>
    public static ValidationTarget ForHost(HostProfile host) => new(host);

    /// <summary>A host at its newest version.</summary>
    /// <param name="host">The host profile.</param>
#pragma warning disable CA2225 // ForHost and ForVersion are the named alternatives.
    public static implicit operator ValidationTarget(HostProfile host) => new(host);

    /// <summary>A generic host that renders <paramref name="version"/>.</summary>
    /// <param name="version">The schema version.</param>
    public static implicit operator ValidationTarget(CardVersion version) => ForVersion(version);
#pragma warning restore CA2225

    /// <inheritdoc/>
    public bool Equals(ValidationTarget other) => ReferenceEquals(Host, other.Host) && Version == other.Version;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValidationTarget other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Host.GetHashCode() ^ Version.GetHashCode();

    /// <summary>For example <c>RingCentral (Adaptive Cards 1.3)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Host.Name} (Adaptive Cards {Version})";

    /// <summary>Equality.</summary>
    /// <param name="left">The left target.</param>
    /// <param name="right">The right target.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(ValidationTarget left, ValidationTarget right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left target.</param>
    /// <param name="right">The right target.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ValidationTarget left, ValidationTarget right) => !left.Equals(right);
}
