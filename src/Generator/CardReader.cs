using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CardGen.Generator.Analyzers;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator;

/// <summary>What reading a type came to: the model the generator writes, and every problem found on the way.</summary>
/// <param name="Model">
/// The card or part; its stub (<see cref="CardTypeModel.Problem"/> set) when an error was found; <see langword="null"/>
/// when nothing can be generated for the type at all.
/// </param>
/// <param name="Diagnostics">The problems to report on the type, in the order they were found.</param>
internal sealed record CardReading(CardTypeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Reads a <c>[ChatCard]</c> or <c>[CardPart]</c> type in one pass over its members: the model the generator writes
/// code from and the problems <see cref="ChatCardAnalyzer"/> reports. The generator writes a type's members exactly
/// when the reading found no error (otherwise a stub); the analyzer only reports what the reading found, so the two
/// cannot disagree. Checks that depend on the card's host and version run when the project defaults are known (the
/// analyzer); the generator applies the same ones to the model once it has them (<see cref="CardGenerator.Resolve"/>).
/// </summary>
internal sealed partial class CardReader
{
    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private string? _firstError;
    private int _errorCount;
    private bool _doesNotCompile;
    private bool _quiet;
    private bool _undecided;
    private Location? _typeLocation;

    private CardReader(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        _type = type;
        _cancellationToken = cancellationToken;
    }

    private Location TypeLocation => _typeLocation ??= _type.Locations[0];

    /// <summary>
    /// Reads an annotated type. <paramref name="card"/> and <paramref name="part"/> are its <c>[ChatCard]</c> and
    /// <c>[CardPart]</c> attributes (one at least); <paramref name="defaults"/>, when given, lets the host and version
    /// checks run too.
    /// </summary>
    public static CardReading Read(INamedTypeSymbol type, AttributeData? card, AttributeData? part, ProjectDefaults? defaults, CancellationToken cancellationToken)
    {
        var reader = new CardReader(type, cancellationToken);
        var model = reader.ReadType(card, part, defaults);
        return new CardReading(model, reader._diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Reads a plain type (neither attribute) whose members carry mapping attributes: a base some card builds on. Its
    /// members are reported here, where they are declared, once; the cards built on it count their errors but report
    /// nothing for them.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> ReadPlainBase(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var reader = new CardReader(type, cancellationToken);
        var members = CardGenerator.Parser.CollectMembers(type, cancellationToken);
        reader.ReadMembers(isPart: false, target: null, members, new MemberReading(members), ownOnly: true);
        return reader._diagnostics.ToEquatableArray();
    }

    /// <summary>The card's target, resolved over the project defaults by the generator's own rules (<see cref="CardTargets.Resolve"/>).</summary>
    public static CardTarget ResolveTarget(AttributeData chatCard, ProjectDefaults defaults)
    {
        var host = ChatHost.Default;
        string? version = null;
        foreach (var argument in chatCard.NamedArguments)
        {
            if (argument.Key == "Host" && argument.Value.Value is int h)
            {
                host = (ChatHost)h;
            }
            else if (argument.Key == "Version")
            {
                version = argument.Value.Value as string;
            }
        }

        var reference = chatCard.ApplicationSyntaxReference;
        var location = reference is null ? null : Location.Create(reference.SyntaxTree, reference.Span);
        return new CardTarget(CardTargets.Resolve(host, version, defaults), location);
    }

    /// <summary>
    /// Reads the type: its members from its symbols, or, when <paramref name="declared"/> is given, from its declaration
    /// (then a reading that would end in a stub stops and marks itself undecided instead).
    /// </summary>
    private CardTypeModel? ReadType(AttributeData? card, AttributeData? part, ProjectDefaults? defaults, DeclaredMembers? declared = null)
    {
        var attribute = card ?? part!;
        var isPart = card is null;
        var alsoPart = card is not null && part is not null;
        var shape = ReadShape(KnownNames.ShortName(isPart ? KnownNames.CardPartAttribute : KnownNames.ChatCardAttribute), attribute);

        CardTarget? target = card is not null && defaults is not null ? ResolveTarget(card, defaults) : null;
        var members = declared?.Members ?? CardGenerator.Parser.CollectMembers(_type, _cancellationToken);
        var reading = new MemberReading(members);
        if (declared is null)
        {
            ReadMembers(isPart: part is not null, target, members, reading, ownOnly: false);
        }
        else
        {
            ReadDeclaredMembers(isPart: part is not null, target, declared, reading);
        }

        string? title = null, summary = null, version = null, iconUrl = null;
        var host = ChatHost.Default;
        List<TemplatePartModel>? titleParts = new(), summaryParts = new();
        if (card is not null)
        {
            ReadCardAttribute(card, target, members, reading, ref title, ref summary, ref version, ref iconUrl, ref host, ref titleParts, ref summaryParts);
        }
        else
        {
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Title": title = argument.Value.Value as string; break;
                    case "Summary": summary = argument.Value.Value as string; break;
                }
            }
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (declared is not null && (shape != Shape.Extendable || _firstError is not null || _doesNotCompile || members.Values.Any(m => m.Type.TypeKind == TypeKind.Error)))
        {
            // A stub lists what the symbols say is mapped, and the type is worth its symbols' cost only here.
            _undecided = true;
            return null;
        }

        var shell = CardGenerator.Parser.Shell(_type, isPart, alsoPart);
        if (shape != Shape.Extendable)
        {
            return CardGenerator.Parser.Unextendable(_type, shell, shape == Shape.Partial ? CannotExtendId : NotPartialId, members, title, summary, _cancellationToken);
        }

        if (_firstError is { } error)
        {
            return CardGenerator.Parser.Stub(shell, CardGenerator.Parser.Reported(error), members, title, summary, _cancellationToken);
        }

        if (_doesNotCompile || members.Values.Any(m => m.Type.TypeKind == TypeKind.Error))
        {
            return CardGenerator.Parser.Stub(shell, "the type of one of its members does not compile", members, title, summary, _cancellationToken);
        }

        return shell with
        {
            Version = version,
            Host = host,
            Title = titleParts!.ToEquatableArray(),
            Summary = summaryParts!.ToEquatableArray(),
            HasTitle = !string.IsNullOrWhiteSpace(title),
            HasSummary = !string.IsNullOrWhiteSpace(summary),
            IconUrl = iconUrl,
            Members = members.Keys.Where(reading.Described.ContainsKey).Select(n => reading.Described[n]).ToEquatableArray(),
            Items = reading.Items.OrderBy(i => i.Order).ThenBy(i => i.DeclarationIndex).ToEquatableArray(),
        };
    }

    private enum Shape
    {
        Extendable,

        /// <summary>Partial, but generic, a ref struct, file-local or nested where it cannot be added to (CARDGEN002).</summary>
        Partial,

        /// <summary>Not partial (CARDGEN001).</summary>
        NotPartial,
    }

    /// <summary>CARDGEN001 and CARDGEN002: whether code can be added to the type.</summary>
    private Shape ReadShape(string attributeName, AttributeData attribute)
    {
        var declaration = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (declaration is null)
        {
            return Shape.Extendable;
        }

        var shape = Shape.Extendable;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(NotPartial, declaration.Identifier.GetLocation(), _type.Name, attributeName);
            shape = Shape.NotPartial;
        }

        string? reason = null;
        var containerNotPartial = false;
        if (_type.IsGenericType)
        {
            reason = "it is generic; a card type cannot have type parameters";
        }
        else if (_type.IsStatic)
        {
            reason = "it is static, and a card is rendered from an instance of it";
        }
        else if (_type.IsRefLikeType)
        {
            reason = "it is a ref struct, which cannot be stored or boxed as the generated code needs";
        }
        else if (_type.IsFileLocal)
        {
            reason = "it is file-local, and the generated code is in another file, which cannot add to it";
        }
        else
        {
            for (var outer = _type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.IsGenericType)
                {
                    reason = $"it is nested in the generic type '{outer.Name}'";
                    break;
                }

                if (outer.IsFileLocal)
                {
                    reason = $"it is nested in the file-local type '{outer.Name}', and the generated code is in another file, which cannot add to it";
                    break;
                }

                if (!CardGenerator.Parser.IsPartialEverywhere(outer, _cancellationToken))
                {
                    reason = $"it is nested in '{outer.Name}', which is not partial; declare '{outer.Name}' partial too";
                    containerNotPartial = true;
                    break;
                }
            }
        }

        if (reason is not null)
        {
            var properties = containerNotPartial
                ? ImmutableDictionary<string, string?>.Empty.Add(ContainerNotPartialProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            Report(CannotExtend, declaration.Identifier.GetLocation(), null, properties, _type.Name, reason);
            shape = shape == Shape.Extendable ? Shape.Partial : shape;
        }

        return shape;
    }

    /// <summary>What the member loop collects for the model: the mapped items and the members described on the way.</summary>
    private sealed class MemberReading
    {
        private readonly Dictionary<string, int> _index = new();

        public MemberReading(Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members)
        {
            foreach (var name in members.Keys)
            {
                _index.Add(name, _index.Count);
            }
        }

        public Dictionary<string, MemberModel> Described { get; } = new();

        public List<ItemModel> Items { get; } = new();

        public bool HasMapping { get; set; }

        public int IndexOf(string name) => _index[name];

        /// <summary>Describes a member once; only one that stays on the card (<paramref name="keep"/>) joins the model's members.</summary>
        public MemberModel Describe(string name, ITypeSymbol type, bool keep, CancellationToken cancellationToken)
        {
            if (Described.TryGetValue(name, out var model))
            {
                return model;
            }

            model = CardGenerator.Parser.Describe(name, type, cancellationToken);
            if (keep)
            {
                Described.Add(name, model);
            }

            return model;
        }
    }

    /// <summary>
    /// Reads every mapped member of the type and its bases, once: a base's member is reported where it is declared
    /// (its errors still make this type a stub), except one of a base with no declaration here or a generic plain base,
    /// which is reported on this type.
    /// </summary>
    private void ReadMembers(bool isPart, CardTarget? target, Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members, MemberReading reading, bool ownOnly)
    {
        var actions = 0;
        var mapped = new List<MappingUse>(2);
        for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var own = SymbolEqualityComparer.Default.Equals(current, _type);
            if (!own && ownOnly)
            {
                break;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                var attributes = member.GetAttributes();
                if (attributes.IsEmpty)
                {
                    continue;
                }

                mapped.Clear();
                MappingUse? ignore = null;
                foreach (var attribute in attributes)
                {
                    if (!IsCardGenAttribute(attribute.AttributeClass))
                    {
                        continue;
                    }

                    if (KnownNames.MappingByTypeName(attribute.AttributeClass!.Name) is { } mapping)
                    {
                        mapped.Add(new MappingUse(attribute, mapping));
                    }
                    else if (attribute.AttributeClass.Name == KnownNames.TypeName(KnownNames.CardIgnoreAttribute))
                    {
                        ignore = new MappingUse(attribute, null);
                    }
                }

                if (mapped.Count == 0)
                {
                    continue;
                }

                var site = new MemberSite(member, member.Name, member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type, null);
                var visible = members.TryGetValue(member.Name, out var entry) && SymbolEqualityComparer.Default.Equals(entry.Symbol, member);
                if (own)
                {
                    ReadOwnMember(isPart, target, site, mapped, ignore, visible, reading, ref actions);
                    continue;
                }

                if (ignore is null && visible)
                {
                    CountMapping(mapped[0], own: false, target, reading, ref actions);

                    // A plain base compiled into another assembly has no declaration here, and a generic plain base
                    // is only known with its type arguments here: their members are reported on this type. Any
                    // other base reports its own; its errors still count here.
                    var reportHere = (current.DeclaringSyntaxReferences.IsEmpty || current.IsGenericType) && !IsAnnotated(current);
                    var wasQuiet = _quiet;
                    _quiet = !reportHere;
                    ReadMapping(isPart, target, site, mapped[0], reading, keep: true, at: TypeLocation);
                    _quiet = wasQuiet;
                }
            }
        }
    }

    /// <summary>
    /// Reads a mapped member of the type itself: the first mapping counts, a second one or <c>[CardIgnore]</c> beside it
    /// is reported. <paramref name="visible"/> is false for a member another of the same name hides.
    /// </summary>
    private void ReadOwnMember(bool isPart, CardTarget? target, MemberSite member, List<MappingUse> mapped, MappingUse? ignore, bool visible, MemberReading reading, ref int actions)
    {
        var first = mapped[0];
        var firstName = first.Mapping!.ShortName;
        if (ignore is null && visible)
        {
            CountMapping(first, own: true, target, reading, ref actions);
        }

        if (ignore is not null)
        {
            Report(ConflictingMapping, first.Location(_cancellationToken), member.Name, firstName, KnownNames.ShortName(KnownNames.CardIgnoreAttribute), "[CardIgnore] keeps the member off the card");
        }

        for (var i = 1; i < mapped.Count; i++)
        {
            Report(ConflictingMapping, mapped[i].Location(_cancellationToken), member.Name, firstName, mapped[i].Mapping!.ShortName, $"only [{firstName}] is used");
        }

        ReadMapping(isPart, target, member, first, reading, keep: ignore is null && visible, at: null);
    }

    /// <summary>Counts a member that stays on the card; past the host's most actions in a row, reports it (on the card's own members).</summary>
    private void CountMapping(MappingUse first, bool own, CardTarget? target, MemberReading reading, ref int actions)
    {
        reading.HasMapping = true;
        if (first.Mapping!.Kind != ItemKind.Action)
        {
            return;
        }

        actions++;
        foreach (var profile in own && target is { IsValid: true } t ? t.Resolved.Profiles : System.Array.Empty<HostProfile>())
        {
            if (actions == profile.MaxActions + 1)
            {
                Report(HostPresentation, first.Location(_cancellationToken), _type.Name,
                    $"has more than {profile.MaxActions} actions; {profile.Name} shows at most {profile.MaxActions} in a row and drops the rest");
            }
        }
    }

    /// <summary>Whether the type carries <c>[ChatCard]</c> or <c>[CardPart]</c>.</summary>
    private static bool IsAnnotated(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (IsCardGenAttribute(attribute.AttributeClass)
                && attribute.AttributeClass!.Name is var name
                && (name == KnownNames.TypeName(KnownNames.ChatCardAttribute) || name == KnownNames.TypeName(KnownNames.CardPartAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCardGenAttribute(INamedTypeSymbol? type)
        => type?.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

    private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        => Report(descriptor, location, null, null, arguments);

    /// <summary>
    /// Records a problem. An error makes the type a stub; while reading a base's member that the base reports itself
    /// (<see cref="_quiet"/>) the error counts but nothing is recorded.
    /// </summary>
    private void Report(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, ImmutableDictionary<string, string?>? properties, params object?[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _firstError ??= descriptor.Id;
            _errorCount++;
        }

        if (!_quiet)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additionalLocations, properties, arguments));
        }
    }
}
