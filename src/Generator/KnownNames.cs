using CardGen.Generator.Models;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// The metadata names of the CardGen types the generator and the analyzers look for, and the one table of member
/// mapping attributes: every other place names them through this class.
/// </summary>
internal static class KnownNames
{
    /// <summary>The namespace of CardGen's attributes.</summary>
    public const string Namespace = "CardGen";

    public const string ChatCardAttribute = "CardGen.ChatCardAttribute";
    public const string CardPartAttribute = "CardGen.CardPartAttribute";
    public const string DefaultsAttribute = "CardGen.ChatCardDefaultsAttribute";
    public const string CardIgnoreAttribute = "CardGen.CardIgnoreAttribute";
    public const string CardTextAttribute = "CardGen.CardTextAttribute";
    public const string CardFactAttribute = "CardGen.CardFactAttribute";
    public const string CardFactsAttribute = "CardGen.CardFactsAttribute";
    public const string CardImageAttribute = "CardGen.CardImageAttribute";
    public const string CardActionAttribute = "CardGen.CardActionAttribute";
    public const string CardSectionAttribute = "CardGen.CardSectionAttribute";
    public const string ChatCardBuilder = "CardGen.ChatCardBuilder`1";
    public const string CardObject = "CardGen.Cards.CardObject";
    public const string CardBuilder = "CardGen.Cards.CardBuilder";
    public const string LegacyCard = "CardGen.Legacy.LegacyCard";
    public const string LegacyField = "CardGen.Legacy.LegacyField";
    public const string LegacyMessage = "CardGen.Legacy.LegacyMessage";

    /// <summary>The member mapping attributes, each with what it makes of a member, in declaration order of <see cref="ItemKind"/>.</summary>
    public static readonly MappingAttribute[] Mappings =
    {
        new(CardTextAttribute, ItemKind.Text),
        new(CardFactAttribute, ItemKind.Fact),
        new(CardFactsAttribute, ItemKind.Facts),
        new(CardImageAttribute, ItemKind.Image),
        new(CardActionAttribute, ItemKind.Action),
        new(CardSectionAttribute, ItemKind.Section),
    };

    /// <summary>A type's name without its namespace: <c>CardGen.CardTextAttribute</c> → <c>CardTextAttribute</c>.</summary>
    public static string TypeName(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);

    /// <summary>An attribute's name as written in source: <c>CardGen.CardTextAttribute</c> → <c>CardText</c>.</summary>
    public static string ShortName(string metadataName) => WithoutSuffix(TypeName(metadataName));

    /// <summary>The mapping a CardGen attribute type of this name (<c>CardTextAttribute</c>) makes, or <see langword="null"/>.</summary>
    public static MappingAttribute? MappingByTypeName(string typeName)
    {
        foreach (var mapping in Mappings)
        {
            if (mapping.TypeName == typeName)
            {
                return mapping;
            }
        }

        return null;
    }

    /// <summary>
    /// A syntax-only first look: whether an attribute written with this name (<c>CardText</c>, <c>CardTextAttribute</c>,
    /// the right-hand side of a qualified name) may be a mapping attribute.
    /// </summary>
    public static bool MayBeMapping(string writtenName)
    {
        var name = WithoutSuffix(writtenName);
        foreach (var mapping in Mappings)
        {
            if (mapping.ShortName == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name an attribute is written with, without its qualifiers (<c>CardGen.CardText</c> → <c>CardText</c>), or
    /// <see langword="null"/> for a name of another form.
    /// </summary>
    public static string? WrittenName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether a type or an attribute written with this name (<c>CardText</c>, <c>CardTextAttribute</c>) may be one the
    /// reader reads on a member: a mapping attribute or <c>[CardIgnore]</c>.
    /// </summary>
    public static bool MayBeMemberAttribute(string name)
        => MayBeMapping(name) || WithoutSuffix(name) == ShortName(CardIgnoreAttribute);

    private static string WithoutSuffix(string name)
        => name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
}

/// <summary>A member mapping attribute and the card item it makes of a member.</summary>
internal sealed class MappingAttribute
{
    public MappingAttribute(string metadataName, ItemKind kind)
    {
        MetadataName = metadataName;
        Kind = kind;
        TypeName = KnownNames.TypeName(metadataName);
        ShortName = KnownNames.ShortName(metadataName);
    }

    /// <summary>The metadata name: <c>CardGen.CardTextAttribute</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The type's name: <c>CardTextAttribute</c>.</summary>
    public string TypeName { get; }

    /// <summary>The name as written in source: <c>CardText</c>.</summary>
    public string ShortName { get; }

    /// <summary>What the attribute makes of the member.</summary>
    public ItemKind Kind { get; }
}
