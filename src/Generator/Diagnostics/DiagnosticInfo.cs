using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CardGen.Generator.Diagnostics;

/// <summary>
/// Where a diagnostic is, as values: the file, the span and its lines. Equal when those are; the syntax tree it was
/// taken from is kept beside them (not compared) only to turn it back into a source <see cref="Location"/>, so that
/// <c>#pragma warning disable</c> and the IDE see it in the file.
/// </summary>
internal sealed class LocationInfo : System.IEquatable<LocationInfo>
{
    private readonly SyntaxTree? _tree;

    private LocationInfo(SyntaxTree? tree, string filePath, TextSpan span, LinePositionSpan lineSpan)
    {
        _tree = tree;
        FilePath = filePath;
        Span = span;
        LineSpan = lineSpan;
    }

    public string FilePath { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    /// <summary>The location's values, or <see langword="null"/> for <see cref="Location.None"/>.</summary>
    public static LocationInfo? From(Location location)
        => location.IsInSource || location.Kind == LocationKind.ExternalFile
            ? new LocationInfo(location.SourceTree, location.GetLineSpan().Path, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public Location ToLocation() => _tree is not null ? Location.Create(_tree, Span) : Location.Create(FilePath, Span, LineSpan);

    public bool Equals(LocationInfo? other)
        => other is not null && FilePath == other.FilePath && Span == other.Span && LineSpan.Equals(other.LineSpan);

    public override bool Equals(object? obj) => Equals(obj as LocationInfo);

    public override int GetHashCode() => unchecked((FilePath.GetHashCode() * 397) ^ Span.GetHashCode());
}

/// <summary>
/// A diagnostic as values — its rule, where it is, its additional locations, its properties and its message arguments —
/// so a reading of a type can carry its problems without holding a <see cref="Diagnostic"/>.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo? Location,
    EquatableArray<LocationInfo> AdditionalLocations,
    EquatableArray<DiagnosticProperty> Properties,
    EquatableArray<string> MessageArgs)
{
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public static DiagnosticInfo Create(
        DiagnosticDescriptor descriptor,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        params object?[] messageArgs)
        => new(
            descriptor,
            LocationInfo.From(location),
            (additionalLocations ?? Enumerable.Empty<Location>()).Select(LocationInfo.From).Where(l => l is not null).Select(l => l!).ToEquatableArray(),
            (properties ?? ImmutableDictionary<string, string?>.Empty).OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => new DiagnosticProperty(p.Key, p.Value)).ToEquatableArray(),
            messageArgs.Select(a => a?.ToString() ?? string.Empty).ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(
            Descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocations.Select(l => l.ToLocation()),
            Properties.ToImmutableDictionary(p => p.Key, p => p.Value),
            MessageArgs.Cast<object?>().ToArray());
}

/// <summary>One property of a <see cref="DiagnosticInfo"/> (what a code fix reads).</summary>
internal sealed record DiagnosticProperty(string Key, string? Value);
