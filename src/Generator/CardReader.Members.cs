using System.Collections.Generic;
using System.Linq;
using CardGen.Generator.Analyzers;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator;

internal sealed partial class CardReader
{
    /// <summary>
    /// Reads one mapped member: checks it (CARDGEN004, 005, 007, 012, 013) and, when <paramref name="keep"/> and it has
    /// no error, adds its item to the model. <paramref name="at"/> reports on the type instead of the attribute.
    /// </summary>
    private void ReadMapping(bool isPart, CardTarget? target, MemberSite member, MappingUse attribute, MemberReading reading, bool keep, Location? at)
    {
        var errorsBefore = _errorCount;
        Location? attributeLocation = null;
        Location LocationOf() => at ?? (attributeLocation ??= attribute.Location(_cancellationToken));
        var mapping = attribute.Mapping!;
        var name = mapping.ShortName;
        var itemKind = mapping.Kind;

        if (member.Symbol is { } symbol && CannotBeRead(symbol) is { } cannot)
        {
            Report(MemberCannotRender, LocationOf(), name, member.Name, cannot);
            return;
        }

        var memberType = member.Type;
        if (memberType.TypeKind == TypeKind.Error)
        {
            return; // The compiler reports it; the type gets a stub.
        }

        var model = reading.Describe(member.Name, memberType, keep, _cancellationToken);
        if (!CardGenerator.Parser.CanRender(itemKind, model.Kind))
        {
            var typeName = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var reason = itemKind == ItemKind.Section && DeclaredPart(memberType) is { } part
                ? $"its [CardPart] type '{part.Name}' is not generated; fix the diagnostics reported on '{part.Name}' first"
                : $"its type '{typeName}' {Accepts(itemKind)}{(itemKind != ItemKind.Facts && CardGenerator.Parser.CanRender(ItemKind.Facts, model.Kind) ? "; a dictionary renders as a list of facts with [CardFacts]" : string.Empty)}";
            Report(MemberCannotRender, LocationOf(), name, member.Name, reason);
            return;
        }

        if (itemKind == ItemKind.Action && isPart)
        {
            Report(ActionInPart, LocationOf(), _type.Name);
        }

        // Not ToDictionary: while the user types, an argument can be named twice (CS0643), and the reader must not throw.
        var named = new Dictionary<string, object?>(System.StringComparer.Ordinal);
        AttributeSyntax? syntax = null;
        var syntaxRead = false;
        AttributeSyntax? Syntax()
        {
            // Reported on the type itself (at), the attribute's own syntax is not used for locations.
            if (!syntaxRead)
            {
                syntaxRead = true;
                syntax = at is not null ? null : attribute.Syntax(_cancellationToken);
            }

            return syntax;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            named[argument.Key] = argument.Value;
            switch (argument.Key)
            {
                case "Format" when argument.Value is string format && FormatRules.Problem(model.Kind, memberType, format) is { } problem:
                    Report(InvalidLiteral, ArgumentLocation(Syntax(), "Format") ?? LocationOf(), $"Format \"{format}\" on '{member.Name}'", problem);
                    break;
                case "MaxLines" when argument.Value is int lines && lines < 0:
                    Report(InvalidLiteral, ArgumentLocation(Syntax(), "MaxLines") ?? LocationOf(), $"MaxLines = {lines}", "the most lines to show cannot be negative; use 0 for no limit");
                    break;
                case "Markdown" when argument.Value is true && CarriesOutsideData(member):
                    Report(MarkdownFromOutside, ArgumentLocation(Syntax(), "Markdown") ?? LocationOf(), member.Name);
                    break;
                case "Size" or "Weight" or "Color" or "Style" when argument.Value is int value
                    && ModelEnums.Of(itemKind, argument.Key) is { } valueEnum && (value < 0 || value >= valueEnum.Count):
                    Report(InvalidLiteral, ArgumentLocation(Syntax(), argument.Key) ?? LocationOf(), $"{argument.Key} value {value}", $"it is not a value of {valueEnum.Name}");
                    break;
                case "Style" when argument.Value is int style && target is { } t:
                    CheckStyle(itemKind, style, ArgumentSyntax(Syntax(), "Style"), LocationOf(), t);
                    break;
            }
        }

        string? title = null;
        if (attribute.HasTitleArgument)
        {
            title = attribute.TitleArgument;
            var titleLocation = Syntax()?.ArgumentList?.Arguments.Count > 0 && Syntax()!.ArgumentList!.Arguments[0].NameEquals is null
                ? Syntax()!.ArgumentList!.Arguments[0].GetLocation()
                : LocationOf();
            if (itemKind == ItemKind.Action && string.IsNullOrWhiteSpace(title))
            {
                Report(InvalidLiteral, titleLocation, title is null ? "A null action title" : $"The action title \"{title}\"", "an action needs a title, or its button is blank");
            }
            else if (itemKind == ItemKind.Fact && title is null)
            {
                Report(InvalidLiteral, titleLocation, "A null fact title", "a fact needs a title; use [CardFact] without arguments for the member's name");
            }
        }

        if (!keep || _errorCount != errorsBefore)
        {
            return;
        }

        string? Str(string key) => named.TryGetValue(key, out var v) ? v as string : null;
        int Int(string key) => named.TryGetValue(key, out var v) && v is int i ? i : 0;
        bool Bool(string key, bool fallback) => named.TryGetValue(key, out var v) && v is bool b ? b : fallback;

        title = itemKind switch
        {
            ItemKind.Fact => attribute.ConstructorArgumentCount == 1 ? title ?? Str("Title") : Str("Title") ?? model.Name,
            ItemKind.Action => title,
            ItemKind.Section => Str("Title"),
            _ => null,
        };

        if ((itemKind == ItemKind.Action && string.IsNullOrWhiteSpace(title)) || (itemKind == ItemKind.Fact && title is null))
        {
            _doesNotCompile = true; // A title argument that does not compile: the compiler reports it.
            return;
        }

        reading.Items.Add(new ItemModel(
            itemKind,
            model.Name,
            Int("Order"),
            reading.IndexOf(member.Name),
            title,
            Str("Format"),
            Str("AltText"),
            itemKind == ItemKind.Text ? (FontSize)Int("Size") : default,
            (FontWeight)Int("Weight"),
            (TextColor)Int("Color"),
            Bool("IsSubtle", false),
            Bool("Wrap", true),
            Bool("Markdown", false),
            Int("MaxLines"),
            itemKind == ItemKind.Image ? (ImageSize)Int("Size") : default,
            itemKind == ItemKind.Image ? (ImageStyle)Int("Style") : default,
            itemKind == ItemKind.Action ? (ActionStyle)Int("Style") : default,
            itemKind == ItemKind.Section ? (ContainerStyle)Int("Style") : default,
            Bool("Separator", false)));
    }

    /// <summary>
    /// The version a mapping's style needs (the style property's and the value's own), with the element it is on and
    /// the value; <see langword="null"/> for no style, or one that is not a value of its enum.
    /// </summary>
    internal static (string TypeName, string ValueName, CardVersion Required)? StyleRequirement(ItemKind itemKind, int style)
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
            return null;
        }

        var enumSpec = SchemaCatalog.GetEnum(enumName!);
        if (style < 0 || style >= enumSpec.Values.Count)
        {
            return null;
        }

        var value = enumSpec.Values[style];
        return (typeName, value.Name, Max(property.Since, value.Since));
    }

    /// <summary>The newest version an item's style needs, or <see langword="null"/>.</summary>
    internal static CardVersion? StyleRequirement(ItemModel item)
        => StyleRequirement(item.Kind, item.Kind switch
        {
            ItemKind.Action => (int)item.ActionStyle,
            ItemKind.Section => (int)item.ContainerStyle,
            ItemKind.Image => (int)item.ImageStyle,
            _ => 0,
        })?.Required;

    /// <summary>CARDGEN005 for a style newer than the card's version.</summary>
    private void CheckStyle(ItemKind itemKind, int style, AttributeArgumentSyntax? argument, Location fallback, CardTarget target)
    {
        if (!target.IsValid || StyleRequirement(itemKind, style) is not { } requirement || requirement.Required <= target.Version)
        {
            return;
        }

        // Reported on this card even for a base's member the base reports itself: only the card knows its version.
        var wasQuiet = _quiet;
        _quiet = false;
        var properties = target.VersionProperties(requirement.Required)
            .Add(FeatureProperty, "Style")
            .Add(RemoveProperty, argument is null ? null : RemoveArgument);
        Report(FeatureNeedsNewerVersion, argument?.GetLocation() ?? fallback, target.AdditionalLocations, properties,
            $"The {requirement.TypeName} style '{requirement.ValueName}'", requirement.Required.ToString(), _type.Name, target.Version.ToString(), HostNote(target, requirement.Required));
        _quiet = wasQuiet;
    }

    internal static string HostNote(CardTarget target, CardVersion required)
        => target.Profile is { } profile && required > profile.MaxVersion
            ? $", and {profile.Name} renders at most {profile.MaxVersion}"
            : string.Empty;

    internal static CardVersion Max(CardVersion a, CardVersion b) => a > b ? a : b;

    /// <summary>Why a property or field a mapping is on cannot be read as an instance value, or <see langword="null"/>.</summary>
    private static string? CannotBeRead(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: true } => "an indexer cannot be read without arguments",
        IPropertySymbol { GetMethod: null } => "the property has no getter, so its value cannot be read",
        IFieldSymbol { IsConst: true } => "a constant is not an instance member; use a property that returns it",
        { IsStatic: true } => "it is static; only instance members are rendered",
        _ => null,
    };

    /// <summary>
    /// Whether a member's value can come from outside: a string that is a field or a property with a setter or an
    /// auto-implemented getter (not one computed in code).
    /// </summary>
    private bool CarriesOutsideData(MemberSite member)
    {
        if (member.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        switch (member.Symbol)
        {
            case IFieldSymbol:
                return true;
            case IPropertySymbol property:
                if (property.SetMethod is not null)
                {
                    return true;
                }

                foreach (var reference in property.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax declaration)
                    {
                        return IsAutoImplemented(declaration);
                    }
                }

                return true;
            case null:
                // Read from syntax: the declaration is all there is of it.
                return member.Declaration is not PropertyDeclarationSyntax declared || HasSetter(declared) || IsAutoImplemented(declared);
            default:
                return false;
        }
    }

    /// <summary>An auto-property (<c>{ get; }</c>) is set from outside through a constructor; a computed one is not.</summary>
    private static bool IsAutoImplemented(PropertyDeclarationSyntax declaration)
        => declaration.ExpressionBody is null
            && declaration.AccessorList is { } accessors
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>The [CardPart] type a section member holds (directly, in an array or in a one-argument generic collection), if any.</summary>
    private static INamedTypeSymbol? DeclaredPart(ITypeSymbol type)
    {
        static bool IsPart(INamedTypeSymbol candidate)
            => candidate.GetAttributes().Any(a => IsCardGenAttribute(a.AttributeClass) && a.AttributeClass!.Name == KnownNames.TypeName(KnownNames.CardPartAttribute));

        var candidate = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } generic when !IsPart(generic) => generic.TypeArguments[0],
            _ => type,
        };
        return candidate is INamedTypeSymbol named && IsPart(named) ? named : null;
    }

    private static string Accepts(ItemKind kind) => kind switch
    {
        ItemKind.Text or ItemKind.Fact => "is not a value CardGen can write as text (a string, number, date, enum, bool, char, Uri or IFormattable)",
        ItemKind.Image => "is not an image URL; use a Uri or an absolute URL string",
        ItemKind.Action => "is not a URL to open; use a Uri or an absolute URL string",
        ItemKind.Facts => "is not a dictionary of values; use IEnumerable<KeyValuePair<string, T>> with a value type CardGen can write",
        _ => "is not a [CardPart] type or a collection of one",
    };

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
}
