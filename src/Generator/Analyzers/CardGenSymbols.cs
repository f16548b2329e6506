using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CardGen.Generator.Analyzers;

/// <summary>The CardGen types an analyzer needs, resolved once per compilation.</summary>
internal sealed class CardGenSymbols
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, CardTarget> _targets = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, int> _memberActions = new(SymbolEqualityComparer.Default);

    private CardGenSymbols(Compilation compilation, INamedTypeSymbol chatCard)
    {
        ChatCard = chatCard;
        CardPart = compilation.GetTypeByMetadataName(KnownNames.CardPartAttribute);
        Defaults = compilation.GetTypeByMetadataName(KnownNames.DefaultsAttribute);
        CardText = compilation.GetTypeByMetadataName(KnownNames.CardTextAttribute);
        CardFact = compilation.GetTypeByMetadataName(KnownNames.CardFactAttribute);
        CardFacts = compilation.GetTypeByMetadataName(KnownNames.CardFactsAttribute);
        CardImage = compilation.GetTypeByMetadataName(KnownNames.CardImageAttribute);
        CardAction = compilation.GetTypeByMetadataName(KnownNames.CardActionAttribute);
        CardSection = compilation.GetTypeByMetadataName(KnownNames.CardSectionAttribute);
        CardIgnore = compilation.GetTypeByMetadataName(KnownNames.CardIgnoreAttribute);
        ChatCardBuilder = compilation.GetTypeByMetadataName(KnownNames.ChatCardBuilder);
        CardObject = compilation.GetTypeByMetadataName(KnownNames.CardObject);
        CardBuilder = compilation.GetTypeByMetadataName(KnownNames.CardBuilder);
        Mappings = KnownNames.Mappings
            .Select(m => (compilation.GetTypeByMetadataName(m.MetadataName), m.Kind))
            .Where(m => m.Item1 is not null)
            .Select(m => (m.Item1!, m.Kind))
            .ToArray();
    }

    public INamedTypeSymbol ChatCard { get; }

    public INamedTypeSymbol? CardPart { get; }

    public INamedTypeSymbol? Defaults { get; }

    public INamedTypeSymbol? CardText { get; }

    public INamedTypeSymbol? CardFact { get; }

    public INamedTypeSymbol? CardFacts { get; }

    public INamedTypeSymbol? CardImage { get; }

    public INamedTypeSymbol? CardAction { get; }

    public INamedTypeSymbol? CardSection { get; }

    public INamedTypeSymbol? CardIgnore { get; }

    public INamedTypeSymbol? ChatCardBuilder { get; }

    public INamedTypeSymbol? CardObject { get; }

    /// <summary>The general card builder a generated builder's <c>Configure</c> hands to its callback.</summary>
    public INamedTypeSymbol? CardBuilder { get; }

    /// <summary>The project defaults: <c>[assembly: ChatCardDefaults]</c> over the MSBuild properties, as the generator combines them.</summary>
    public ProjectDefaults ProjectDefaults { get; private set; } = ProjectDefaults.None;

    /// <summary>Resolves the symbols, or returns <see langword="null"/> when the compilation does not reference CardGen.</summary>
    public static CardGenSymbols? TryCreate(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        if (compilation.GetTypeByMetadataName(KnownNames.ChatCardAttribute) is not { } chatCard)
        {
            return null;
        }

        var symbols = new CardGenSymbols(compilation, chatCard);
        var msbuild = CardTargets.FromBuildProperties(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions);
        var assembly = symbols.Defaults is { } defaultsType
            ? CardTargets.FromAttributes(compilation.Assembly.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, defaultsType)))
            : ProjectDefaults.None;
        symbols.ProjectDefaults = CardTargets.Combine(msbuild, assembly);
        return symbols;
    }

    /// <summary>The member mapping attributes (<see cref="KnownNames.Mappings"/>) this compilation has, with what each makes of a member.</summary>
    private (INamedTypeSymbol Type, ItemKind Kind)[] Mappings { get; }

    /// <summary>Whether <paramref name="attribute"/> is one of the member mapping attributes.</summary>
    public bool IsMapping(INamedTypeSymbol? attribute) => MappingKind(attribute) is not null;

    /// <summary>What a member mapping attribute makes of a member, or <see langword="null"/> for another attribute.</summary>
    public ItemKind? MappingKind(INamedTypeSymbol? attribute)
    {
        foreach (var (type, kind) in Mappings)
        {
            if (Is(attribute, type))
            {
                return kind;
            }
        }

        return null;
    }

    public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The host and version a <c>[ChatCard]</c> type targets (cached per type).</summary>
    public CardTarget GetTarget(INamedTypeSymbol cardType)
        => _targets.GetOrAdd(cardType, type => FindAttribute(type, ChatCard) is { } attribute ? ResolveTarget(attribute) : CardTarget.None);

    /// <summary>How many actions a <c>[ChatCard]</c> type's own <c>[CardAction]</c> members add (cached per type).</summary>
    public int GetMemberActionCount(INamedTypeSymbol cardType, System.Threading.CancellationToken cancellationToken)
        => _memberActions.GetOrAdd(cardType, type =>
        {
            var members = CardGenerator.Parser.CollectMembers(type, cancellationToken);
            return members.Values.Count(m => m.Symbol is { } symbol && FindAttribute(symbol, CardAction) is not null && FindAttribute(symbol, CardIgnore) is null);
        });

    /// <summary>The card's target, resolved by the generator's own rules (<see cref="CardTargets.Resolve"/>).</summary>
    public CardTarget ResolveTarget(AttributeData chatCard) => CardReader.ResolveTarget(chatCard, ProjectDefaults);
}

/// <summary>The host and schema version a card is written for, and where its <c>[ChatCard]</c> attribute is.</summary>
internal readonly record struct CardTarget(ResolvedTarget Resolved, Location? Attribute)
{
    public static CardTarget None => default;

    public HostProfile? Profile => Resolved.Profile;

    public CardVersion Version => Resolved.Version;

    public string? VersionText => Resolved.VersionText;

    /// <summary>Where the version came from when the card did not set it (for messages); <see langword="null"/> when it did.</summary>
    public string? VersionSource => Resolved.VersionSource;

    public CardTargetState State => Resolved.State;

    /// <summary>The [ChatCard] attribute, as the one additional location of a CARDGEN005 diagnostic (where the version is raised).</summary>
    public IEnumerable<Location>? AdditionalLocations => Attribute is null ? null : new[] { Attribute };

    public bool IsValid => State == CardTargetState.Valid;

    public ImmutableDictionary<string, string?> VersionProperties(CardVersion required)
        => ImmutableDictionary<string, string?>.Empty
            .Add(Diagnostics.DiagnosticDescriptors.RequiredVersionProperty, required.ToString())
            .Add(Diagnostics.DiagnosticDescriptors.HostMaxVersionProperty, Profile?.MaxVersion.ToString());
}
