using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;
using CardGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// Checks each <c>[ChatCard]</c> and <c>[CardPart]</c> type and its members: the shape the generator needs (CARDGEN001,
/// 002), templates (003), mapping attributes (004, 013, 014), versions and hosts (005, 006), literals (007), empty cards
/// (009), host presentation (011) and markdown from outside data (012).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChatCardAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        NotPartial, CannotExtend, TemplatePlaceholder, MemberCannotRender, FeatureNeedsNewerVersion, HostDoesNotSupport,
        InvalidLiteral, EmptyCard, HostPresentation, MarkdownFromOutside, ActionInPart, ConflictingMapping);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CardGenSymbols.TryCreate(start.Compilation, start.Options) is not { } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, CardGenSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? card = null, part = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (CardGenSymbols.Is(attribute.AttributeClass, symbols.ChatCard))
            {
                card = attribute;
            }
            else if (CardGenSymbols.Is(attribute.AttributeClass, symbols.CardPart))
            {
                part = attribute;
            }
        }

        if (card is null && part is null)
        {
            // A plain type whose members carry mapping attributes is a base some card builds on: its members are
            // checked here, where they are declared, once (the cards report nothing for them).
            if (!type.IsGenericType && MayHaveMappedMembers(type, context.CancellationToken))
            {
                var ownMembers = CardGenerator.Parser.CollectMembers(type, context.CancellationToken);
                CheckMembers(context, symbols, type, isPart: false, target: null, ownMembers, type.Locations[0], context.CancellationToken);
            }

            return;
        }

        var cancellationToken = context.CancellationToken;
        var attributeName = card is not null ? "ChatCard" : "CardPart";
        CheckShape(context, type, attributeName, card ?? part!, cancellationToken);
        if (card is not null && Templates.TemplateCards.IsTemplateCard(card))
        {
            return; // A template card's members are its data; TemplateCardAnalyzer checks the template.
        }

        var target = card is not null ? symbols.ResolveTarget(card) : CardTarget.None;
        var members = CardGenerator.Parser.CollectMembers(type, cancellationToken);
        var hasMapping = CheckMembers(context, symbols, type, isPart: part is not null, card is not null ? target : (CardTarget?)null, members, type.Locations[0], cancellationToken);

        if (card is not null)
        {
            CheckCardAttribute(context, type, card, target, members, hasMapping, cancellationToken);
        }
    }

    private static void CheckShape(SymbolAnalysisContext context, INamedTypeSymbol type, string attributeName, AttributeData attribute, CancellationToken cancellationToken)
    {
        var declaration = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (declaration is null)
        {
            return;
        }

        var identifier = declaration.Identifier.GetLocation();
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            context.ReportDiagnostic(Diagnostic.Create(NotPartial, identifier, type.Name, attributeName));
        }

        string? reason = null;
        var containerNotPartial = false;
        if (type.IsGenericType)
        {
            reason = "it is generic; a card type cannot have type parameters";
        }
        else if (type.IsRefLikeType)
        {
            reason = "it is a ref struct, which cannot be stored or boxed as the generated code needs";
        }
        else if (type.IsFileLocal)
        {
            reason = "it is file-local, and the generated code is in another file, which cannot add to it";
        }
        else
        {
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
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

                if (!CardGenerator.Parser.IsPartialEverywhere(outer, cancellationToken))
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
            context.ReportDiagnostic(Diagnostic.Create(CannotExtend, identifier, properties, type.Name, reason));
        }
    }

    /// <summary>Checks every mapped member declared in the type; returns whether the card has any mapped member (its bases' included).</summary>
    private static bool CheckMembers(
        SymbolAnalysisContext context,
        CardGenSymbols symbols,
        INamedTypeSymbol type,
        bool isPart,
        CardTarget? target,
        Dictionary<string, (ISymbol Symbol, ITypeSymbol Type)> members,
        Location typeLocation,
        CancellationToken cancellationToken)
    {
        var hasMapping = false;
        var actions = 0;
        var mapped = new List<AttributeData>(2);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var own = SymbolEqualityComparer.Default.Equals(current, type);
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
                AttributeData? ignore = null;
                foreach (var attribute in attributes)
                {
                    if (symbols.IsMapping(attribute.AttributeClass))
                    {
                        mapped.Add(attribute);
                    }
                    else if (CardGenSymbols.Is(attribute.AttributeClass, symbols.CardIgnore))
                    {
                        ignore = attribute;
                    }
                }

                if (mapped.Count == 0)
                {
                    continue;
                }

                var visible = members.TryGetValue(member.Name, out var entry) && SymbolEqualityComparer.Default.Equals(entry.Symbol, member);
                if (ignore is null && visible)
                {
                    hasMapping = true;
                    if (CardGenSymbols.Is(mapped[0].AttributeClass, symbols.CardAction))
                    {
                        actions++;
                        foreach (var profile in own && target is { IsValid: true } t ? t.Resolved.Profiles : System.Array.Empty<HostProfile>())
                        {
                            if (actions == profile.MaxActions + 1)
                            {
                                Report(context, HostPresentation, Location(mapped[0], cancellationToken), type.Name,
                                    $"has more than {profile.MaxActions} actions; {profile.Name} shows at most {profile.MaxActions} in a row and drops the rest");
                            }
                        }
                    }
                }

                if (!own)
                {
                    // A base type's members are reported where they are declared. A plain base compiled into another
                    // assembly has no declaration here, and a generic plain base is only known with its type
                    // arguments here: their members are reported on this type.
                    if (ignore is null && visible && (current.DeclaringSyntaxReferences.IsEmpty || current.IsGenericType)
                        && CardGenSymbols.FindAttribute(current, symbols.ChatCard) is null && CardGenSymbols.FindAttribute(current, symbols.CardPart) is null)
                    {
                        CheckMapping(context, symbols, type, isPart, target, member, mapped[0], cancellationToken, typeLocation);
                    }

                    continue;
                }

                var first = mapped[0].AttributeClass!.Name;
                if (ignore is not null)
                {
                    Report(context, ConflictingMapping, Location(mapped[0], cancellationToken), member.Name, Short(first), "CardIgnore", "[CardIgnore] keeps the member off the card");
                }

                for (var i = 1; i < mapped.Count; i++)
                {
                    Report(context, ConflictingMapping, Location(mapped[i], cancellationToken), member.Name, Short(first), Short(mapped[i].AttributeClass!.Name), $"only [{Short(first)}] is used");
                }

                CheckMapping(context, symbols, type, isPart, target, member, mapped[0], cancellationToken);
            }
        }

        return hasMapping;
    }

    private static string Short(string attributeName)
        => attributeName.EndsWith("Attribute", System.StringComparison.Ordinal) ? attributeName.Substring(0, attributeName.Length - "Attribute".Length) : attributeName;

    private static void CheckMapping(
        SymbolAnalysisContext context,
        CardGenSymbols symbols,
        INamedTypeSymbol type,
        bool isPart,
        CardTarget? target,
        ISymbol member,
        AttributeData attribute,
        CancellationToken cancellationToken,
        Location? at = null)
    {
        var name = Short(attribute.AttributeClass!.Name);
        var location = at ?? Location(attribute, cancellationToken);

        ITypeSymbol memberType;
        switch (member)
        {
            case IPropertySymbol property when property.IsIndexer:
                Report(context, MemberCannotRender, location, name, member.Name, "an indexer cannot be read without arguments");
                return;
            case IPropertySymbol property when property.GetMethod is null:
                Report(context, MemberCannotRender, location, name, member.Name, "the property has no getter, so its value cannot be read");
                return;
            case IPropertySymbol property:
                memberType = property.Type;
                break;
            case IFieldSymbol { IsConst: true }:
                Report(context, MemberCannotRender, location, name, member.Name, "a constant is not an instance member; use a property that returns it");
                return;
            case IFieldSymbol field:
                memberType = field.Type;
                break;
            default:
                return;
        }

        if (member.IsStatic)
        {
            Report(context, MemberCannotRender, location, name, member.Name, "it is static; only instance members are rendered");
            return;
        }

        if (memberType.TypeKind == TypeKind.Error)
        {
            return;
        }

        var itemKind = ItemKindOf(symbols, attribute.AttributeClass);
        var model = CardGenerator.Parser.Describe(member.Name, memberType);
        if (!CardGenerator.Parser.CanRender(itemKind, model.Kind))
        {
            var typeName = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var reason = itemKind == ItemKind.Section && DeclaredPart(symbols, memberType) is { } part
                ? $"its [CardPart] type '{part.Name}' is not generated; fix the diagnostics reported on '{part.Name}' first"
                : $"its type '{typeName}' {Accepts(itemKind)}{(itemKind != ItemKind.Facts && CardGenerator.Parser.CanRender(ItemKind.Facts, model.Kind) ? "; a dictionary renders as a list of facts with [CardFacts]" : string.Empty)}";
            Report(context, MemberCannotRender, location, name, member.Name, reason);
            return;
        }

        if (itemKind == ItemKind.Action && isPart)
        {
            Report(context, ActionInPart, location, type.Name);
        }

        // Reported on the card itself (at), the attribute's own syntax is not used for locations.
        var syntax = at is not null ? null : attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Format" when argument.Value.Value is string format && FormatRules.Problem(model.Kind, memberType, format) is { } problem:
                    Report(context, InvalidLiteral, ArgumentLocation(syntax, "Format") ?? location, $"Format \"{format}\" on '{member.Name}'", problem);
                    break;
                case "MaxLines" when argument.Value.Value is int lines && lines < 0:
                    Report(context, InvalidLiteral, ArgumentLocation(syntax, "MaxLines") ?? location, $"MaxLines = {lines}", "the most lines to show cannot be negative; use 0 for no limit");
                    break;
                case "Markdown" when argument.Value.Value is true && CarriesOutsideData(member, cancellationToken):
                    Report(context, MarkdownFromOutside, ArgumentLocation(syntax, "Markdown") ?? location, member.Name);
                    break;
                case "Size" or "Weight" or "Color" or "Style" when argument.Value.Value is int value
                    && ModelEnums.Of(itemKind, argument.Key) is { } valueEnum && (value < 0 || value >= valueEnum.Count):
                    Report(context, InvalidLiteral, ArgumentLocation(syntax, argument.Key) ?? location, $"{argument.Key} value {value}", $"it is not a value of {valueEnum.Name}");
                    break;
                case "Style" when argument.Value.Value is int style && target is { } t:
                    CheckStyle(context, itemKind, style, ArgumentSyntax(syntax, "Style"), location, t);
                    break;
            }
        }

        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive)
        {
            var title = attribute.ConstructorArguments[0].Value as string;
            var titleLocation = syntax?.ArgumentList?.Arguments.Count > 0 && syntax.ArgumentList.Arguments[0].NameEquals is null
                ? syntax.ArgumentList.Arguments[0].GetLocation()
                : location;
            if (itemKind == ItemKind.Action && string.IsNullOrWhiteSpace(title))
            {
                Report(context, InvalidLiteral, titleLocation, title is null ? "A null action title" : $"The action title \"{title}\"", "an action needs a title, or its button is blank");
            }
            else if (itemKind == ItemKind.Fact && title is null)
            {
                Report(context, InvalidLiteral, titleLocation, "A null fact title", "a fact needs a title; use [CardFact] without arguments for the member's name");
            }
        }
    }

    /// <summary>Style values of the mapping attributes, checked against the catalog for the card's version.</summary>
    private static void CheckStyle(SymbolAnalysisContext context, ItemKind itemKind, int style, AttributeArgumentSyntax? argument, Location fallback, CardTarget target)
    {
        var (typeName, enumName) = itemKind switch
        {
            ItemKind.Action => (SchemaCatalog.TypeNames.OpenUrl, SchemaCatalog.EnumNames.ActionStyle),
            ItemKind.Section => (SchemaCatalog.TypeNames.Container, SchemaCatalog.EnumNames.ContainerStyle),
            ItemKind.Image => (SchemaCatalog.TypeNames.Image, SchemaCatalog.EnumNames.ImageStyle),
            _ => (null, null),
        };
        if (typeName is null || style == 0 || !SchemaCatalog.TryGetType(typeName, out var spec) || !spec.TryGetProperty("style", out var property))
        {
            return;
        }

        var location = argument?.GetLocation() ?? fallback;
        var enumSpec = SchemaCatalog.GetEnum(enumName!);
        if (style < 0 || style >= enumSpec.Values.Count || !target.IsValid)
        {
            return;
        }

        var value = enumSpec.Values[style];
        var required = Max(property.Since, value.Since);
        if (required > target.Version)
        {
            var properties = target.VersionProperties(required)
                .Add(FeatureProperty, "Style")
                .Add(RemoveProperty, argument is null ? null : RemoveArgument);
            context.ReportDiagnostic(Diagnostic.Create(FeatureNeedsNewerVersion, location, target.AdditionalLocations, properties,
                $"The {typeName} style '{value.Name}'", required.ToString(), context.Symbol.Name, target.Version.ToString(), HostNote(target, required)));
        }
    }

    internal static string HostNote(CardTarget target, CardVersion required)
        => target.Profile is { } profile && required > profile.MaxVersion
            ? $", and {profile.Name} renders at most {profile.MaxVersion}"
            : string.Empty;

    internal static CardVersion Max(CardVersion a, CardVersion b) => a > b ? a : b;

    /// <summary>
    /// Whether a member's value can come from outside: a string that is a field or a property with a setter or an
    /// auto-implemented getter (not one computed in code).
    /// </summary>
    private static bool CarriesOutsideData(ISymbol member, CancellationToken cancellationToken)
    {
        switch (member)
        {
            case IFieldSymbol field:
                return field.Type.SpecialType == SpecialType.System_String;
            case IPropertySymbol property when property.Type.SpecialType == SpecialType.System_String:
                if (property.SetMethod is not null)
                {
                    return true;
                }

                foreach (var reference in property.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration)
                    {
                        // An auto-property ({ get; }) is set from outside through a constructor; a computed one is not.
                        return declaration.ExpressionBody is null
                            && declaration.AccessorList is { } accessors
                            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The [CardPart] type a section member holds (directly, in an array or in a one-argument generic collection), if any.</summary>
    private static INamedTypeSymbol? DeclaredPart(CardGenSymbols symbols, ITypeSymbol type)
    {
        var candidate = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } generic when CardGenSymbols.FindAttribute(generic, symbols.CardPart) is null => generic.TypeArguments[0],
            _ => type,
        };
        return candidate is INamedTypeSymbol named && CardGenSymbols.FindAttribute(named, symbols.CardPart) is not null ? named : null;
    }

    private static ItemKind ItemKindOf(CardGenSymbols symbols, INamedTypeSymbol? attribute)
        => CardGenSymbols.Is(attribute, symbols.CardText) ? ItemKind.Text
            : CardGenSymbols.Is(attribute, symbols.CardFact) ? ItemKind.Fact
            : CardGenSymbols.Is(attribute, symbols.CardFacts) ? ItemKind.Facts
            : CardGenSymbols.Is(attribute, symbols.CardImage) ? ItemKind.Image
            : CardGenSymbols.Is(attribute, symbols.CardAction) ? ItemKind.Action
            : ItemKind.Section;

    private static string Accepts(ItemKind kind) => kind switch
    {
        ItemKind.Text or ItemKind.Fact => "is not a value CardGen can write as text (a string, number, date, enum, bool, char, Uri or IFormattable)",
        ItemKind.Image => "is not an image URL; use a Uri or an absolute URL string",
        ItemKind.Action => "is not a URL to open; use a Uri or an absolute URL string",
        ItemKind.Facts => "is not a dictionary of values; use IEnumerable<KeyValuePair<string, T>> with a value type CardGen can write",
        _ => "is not a [CardPart] type or a collection of one",
    };

    private static void CheckCardAttribute(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        AttributeData card,
        CardTarget target,
        Dictionary<string, (ISymbol Symbol, ITypeSymbol Type)> members,
        bool hasMapping,
        CancellationToken cancellationToken)
    {
        var syntax = card.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = syntax?.Name.GetLocation() ?? type.Locations[0];
        string? title = null, summary = null;
        var hasSummary = false;
        foreach (var argument in card.NamedArguments)
        {
            var argumentSyntax = ArgumentSyntax(syntax, argument.Key);
            var location = argumentSyntax?.GetLocation() ?? attributeLocation;
            switch (argument.Key)
            {
                case "Title":
                    title = argument.Value.Value as string;
                    if (title is not null)
                    {
                        CheckTemplate(context, type, "Title", title, argumentSyntax?.Expression, location, members);
                    }

                    break;
                case "Summary":
                    summary = argument.Value.Value as string;
                    hasSummary = !string.IsNullOrWhiteSpace(summary);
                    if (summary is not null)
                    {
                        CheckTemplate(context, type, "Summary", summary, argumentSyntax?.Expression, location, members);
                    }

                    break;
                case "IconUrl" when argument.Value.Value is string icon && !CardFormats.IsAbsoluteUrl(icon):
                    Report(context, InvalidLiteral, location, $"IconUrl \"{icon}\"", "the icon must be an absolute http(s) URL or a data URI");
                    break;
                case "Host" when argument.Value.Value is int host && !CardTargets.IsHostValue((ChatHost)host):
                    Report(context, InvalidLiteral, location, $"Host value {host}", "it is not a ChatHost value");
                    break;
                case "Version" when argument.Value.Value is string:
                    CheckVersion(context, target, location);
                    break;
            }
        }

        if (target.State == CardTargetState.InvalidHost && target.Resolved.HostSource is { } hostSource)
        {
            Report(context, InvalidLiteral, attributeLocation, $"The host from {hostSource} \"{target.Resolved.HostText}\"", "it is not a ChatHost value (RingCentral, Teams or Generic)");
        }

        if (target.VersionSource is not null)
        {
            CheckVersion(context, target, attributeLocation);
        }

        foreach (var profile in target.IsValid && !hasSummary ? target.Resolved.Profiles : System.Array.Empty<HostProfile>())
        {
            if (profile.FallbackTextIsNotification)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    HostPresentation,
                    attributeLocation,
                    ImmutableDictionary<string, string?>.Empty.Add(MissingSummaryProperty, "true"),
                    type.Name,
                    $"has no Summary; {profile.Name} shows it as the notification text, and without it mobile notifications read \"New Card Sent\""));
            }
        }

        if (string.IsNullOrWhiteSpace(title) && !hasMapping)
        {
            Report(context, EmptyCard, type.Locations[0], type.Name);
        }
    }

    private static void CheckVersion(SymbolAnalysisContext context, CardTarget target, Location location)
    {
        var source = target.VersionSource is null ? "Version" : $"The version from {target.VersionSource}";
        if (target.State == CardTargetState.InvalidVersion)
        {
            Report(context, InvalidLiteral, location, $"{source} \"{target.VersionText}\"", $"a version is major.minor, from 1.0 to {CardVersion.Latest}");
        }
        else if (target.State == CardTargetState.AboveHost)
        {
            // Once for each host the version is too new for.
            foreach (var profile in target.Resolved.Profiles)
            {
                if (target.Version > profile.MaxVersion)
                {
                    Report(context, HostDoesNotSupport, location, $"{source} \"{target.VersionText}\"", profile.Name,
                        $"{profile.Name} renders Adaptive Cards up to {profile.MaxVersion}, and shows a newer card's fallback text instead");
                }
            }
        }
    }

    private static void CheckTemplate(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        string property,
        string template,
        ExpressionSyntax? expression,
        Location whole,
        Dictionary<string, (ISymbol Symbol, ITypeSymbol Type)> members)
    {
        var spans = LiteralSpans.TryCreate(expression);
        Location At(int start, int length)
            => spans is not null && expression is not null
                ? Microsoft.CodeAnalysis.Location.Create(expression.SyntaxTree, spans.Map(start, length))
                : whole;

        if (!CardTemplate.TryParse(template, out var parts, out var error, out var errorAt))
        {
            Report(context, TemplatePlaceholder, At(errorAt, 1), $"The {property} template", type.Name, error!);
            return;
        }

        foreach (var part in parts)
        {
            if (part.Member is not { } name)
            {
                continue;
            }

            var location = At(part.Start, part.Length);
            if (!members.TryGetValue(name, out var member))
            {
                var suggestion = FormatRules.Closest(name, members.Keys);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (suggestion is not null && spans is not null && spans.IsVerbatimRange(part.Start, part.Length))
                {
                    properties = properties.Add(SuggestionProperty, suggestion);
                }

                context.ReportDiagnostic(Diagnostic.Create(TemplatePlaceholder, location, properties,
                    $"'{{{name}}}' in {property}", type.Name,
                    suggestion is null ? $"no readable property or field is named '{name}'" : $"no readable property or field is named '{name}'; did you mean '{suggestion}'?"));
                continue;
            }

            if (member.Type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            var kind = CardGenerator.Parser.Classify(member.Type).Kind;
            if (!CardGenerator.Parser.IsScalar(kind))
            {
                Report(context, TemplatePlaceholder, location, $"'{{{name}}}' in {property}", type.Name,
                    $"'{name}' is a {member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, which a template cannot format; use a string, number, date, enum or another IFormattable member");
                continue;
            }

            if (part.Format is { } format && FormatRules.Problem(kind, member.Type, format) is { } problem)
            {
                var formatStart = part.Start + part.Length;
                var colon = template.IndexOf(':', formatStart);
                var formatLocation = colon >= 0 ? At(colon + 1, format.Length) : location;
                Report(context, TemplatePlaceholder, formatLocation, $"The format of '{{{name}}}' in {property}", type.Name, problem);
            }
        }
    }

    internal static AttributeArgumentSyntax? ArgumentSyntax(AttributeSyntax? attribute, string name)
    {
        if (attribute?.ArgumentList is not { } list)
        {
            return null;
        }

        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static Location? ArgumentLocation(AttributeSyntax? attribute, string name) => ArgumentSyntax(attribute, name)?.GetLocation();

    private static readonly string[] MappingAttributeNames = { "CardText", "CardFact", "CardFacts", "CardImage", "CardAction", "CardSection" };

    /// <summary>A syntax-only first look (no binding): does a member declaration carry an attribute named like a mapping one?</summary>
    private static bool MayHaveMappedMembers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                foreach (var list in member.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        var name = attribute.Name switch
                        {
                            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => string.Empty,
                        };
                        if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
                        {
                            name = name.Substring(0, name.Length - "Attribute".Length);
                        }

                        if (System.Array.IndexOf(MappingAttributeNames, name) >= 0)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static Location Location(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Microsoft.CodeAnalysis.Location.None;

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        => context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
}
