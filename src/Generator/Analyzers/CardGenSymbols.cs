using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CardGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CardGen.Generator.Analyzers;

/// <summary>The CardGen types an analyzer needs, resolved once per compilation.</summary>
internal sealed class CardGenSymbols
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, CardTarget> _targets = new(SymbolEqualityComparer.Default);

    private CardGenSymbols(Compilation compilation, INamedTypeSymbol chatCard)
    {
        ChatCard = chatCard;
        CardPart = compilation.GetTypeByMetadataName("CardGen.CardPartAttribute");
        Defaults = compilation.GetTypeByMetadataName("CardGen.ChatCardDefaultsAttribute");
        CardText = compilation.GetTypeByMetadataName("CardGen.CardTextAttribute");
        CardFact = compilation.GetTypeByMetadataName("CardGen.CardFactAttribute");
        CardFacts = compilation.GetTypeByMetadataName("CardGen.CardFactsAttribute");
        CardImage = compilation.GetTypeByMetadataName("CardGen.CardImageAttribute");
        CardAction = compilation.GetTypeByMetadataName("CardGen.CardActionAttribute");
        CardSection = compilation.GetTypeByMetadataName("CardGen.CardSectionAttribute");
        CardIgnore = compilation.GetTypeByMetadataName("CardGen.CardIgnoreAttribute");
        ChatCardBuilder = compilation.GetTypeByMetadataName("CardGen.ChatCardBuilder`1");
        CardObject = compilation.GetTypeByMetadataName("CardGen.Cards.CardObject");
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

    /// <summary>The project defaults: <c>[assembly: ChatCardDefaults]</c> over the MSBuild properties, as the generator combines them.</summary>
    public ProjectDefaultsInfo ProjectDefaults { get; private set; } = new(0, null, null);

    /// <summary>Resolves the symbols, or returns <see langword="null"/> when the compilation does not reference CardGen.</summary>
    public static CardGenSymbols? TryCreate(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        if (compilation.GetTypeByMetadataName("CardGen.ChatCardAttribute") is not { } chatCard)
        {
            return null;
        }

        var symbols = new CardGenSymbols(compilation, chatCard);
        var options = analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions;
        options.TryGetValue("build_property.CardGenDefaultHost", out var msbuildHost);
        options.TryGetValue("build_property.CardGenDefaultVersion", out var msbuildVersion);
        var host = CardGenerator.ParseHost(msbuildHost);
        var version = string.IsNullOrWhiteSpace(msbuildVersion) ? null : msbuildVersion!.Trim();
        string? versionSource = version is null ? null : "the CardGenDefaultVersion MSBuild property";

        if (symbols.Defaults is { } defaultsType)
        {
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, defaultsType))
                {
                    continue;
                }

                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Host" && argument.Value.Value is int h && h != 0)
                    {
                        host = h;
                    }
                    else if (argument.Key == "Version" && argument.Value.Value is string v)
                    {
                        version = v;
                        versionSource = "[assembly: ChatCardDefaults]";
                    }
                }
            }
        }

        symbols.ProjectDefaults = new ProjectDefaultsInfo(host, version, versionSource);
        return symbols;
    }

    /// <summary>Whether <paramref name="attribute"/> is one of the member mapping attributes.</summary>
    public bool IsMapping(INamedTypeSymbol? attribute)
        => attribute is not null
            && (Is(attribute, CardText) || Is(attribute, CardFact) || Is(attribute, CardFacts) || Is(attribute, CardImage)
                || Is(attribute, CardAction) || Is(attribute, CardSection));

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

    /// <summary>
    /// Applies the project defaults exactly as the generator does: the attribute, then <c>[assembly: ChatCardDefaults]</c>,
    /// then the MSBuild properties, then RingCentral at its version.
    /// </summary>
    public CardTarget ResolveTarget(AttributeData chatCard)
    {
        var host = 0;
        string? version = null;
        foreach (var argument in chatCard.NamedArguments)
        {
            if (argument.Key == "Host" && argument.Value.Value is int h)
            {
                host = h;
            }
            else if (argument.Key == "Version")
            {
                version = argument.Value.Value as string;
            }
        }

        var versionSource = version is null ? ProjectDefaults.VersionSource : null;
        var reference = chatCard.ApplicationSyntaxReference;
        var location = reference is null ? null : Location.Create(reference.SyntaxTree, reference.Span);
        host = host != 0 ? host : ProjectDefaults.Host != 0 ? ProjectDefaults.Host : 1;
        if (host is < 0 or > 2)
        {
            return CardTarget.None;
        }

        var profile = host == 2 ? HostProfile.Generic : HostProfile.RingCentral;
        var text = version ?? ProjectDefaults.Version ?? profile.MaxVersion.ToString();
        if (!CardVersion.TryParse(text, out var parsed) || parsed < CardVersion.V1_0)
        {
            return new CardTarget(profile, default, text, versionSource, CardTargetState.InvalidVersion, location);
        }

        return new CardTarget(profile, parsed, text, versionSource, parsed > profile.MaxVersion ? CardTargetState.AboveHost : CardTargetState.Valid, location);
    }
}

/// <summary>Project-wide defaults, and where the version came from (for messages).</summary>
internal sealed record ProjectDefaultsInfo(int Host, string? Version, string? VersionSource);

internal enum CardTargetState
{
    None,
    Valid,
    InvalidVersion,
    AboveHost,
}

/// <summary>The host and schema version a card is written for.</summary>
internal readonly record struct CardTarget(HostProfile? Profile, CardVersion Version, string? VersionText, string? VersionSource, CardTargetState State, Location? Attribute)
{
    public static CardTarget None => new(null, default, null, null, CardTargetState.None, null);

    /// <summary>The <c>[ChatCard]</c> attribute, as the one additional location of a CARDGEN005 diagnostic (where the version is raised).</summary>
    public IEnumerable<Location>? AdditionalLocations => Attribute is null ? null : new[] { Attribute };

    public bool IsValid => State == CardTargetState.Valid;

    public ImmutableDictionary<string, string?> VersionProperties(CardVersion required)
        => ImmutableDictionary<string, string?>.Empty
            .Add(Diagnostics.DiagnosticDescriptors.RequiredVersionProperty, required.ToString())
            .Add(Diagnostics.DiagnosticDescriptors.HostMaxVersionProperty, Profile?.MaxVersion.ToString());
}
