using System.Collections.Generic;
using System.Linq;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Templates;

/// <summary>What a C# value is to a template expression.</summary>
internal enum ShapeKind
{
    /// <summary>A type a template cannot read (a dictionary, a delegate, …).</summary>
    Unsupported,
    String,
    /// <summary>Any C# number; a template computes with doubles, as JavaScript does.</summary>
    Number,
    Boolean,
    /// <summary>A value written as text: Uri, Guid, an enum, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, char.</summary>
    Text,
    Object,
    Collection,
    /// <summary>An object type already being described further out: its members are not described again.</summary>
    Recursive,
}

/// <summary>The shape of a C# type as a template sees it: plain values only, so it compares by value and caches.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Type">The fully qualified C# type.</param>
/// <param name="IsValueType">Whether it is a struct (members are read with <c>.</c>, not <c>?.</c>).</param>
/// <param name="IsNullableValue">Whether it is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Members">For objects: the readable instance members.</param>
/// <param name="Element">For collections: the item's shape.</param>
internal sealed record DataShape(ShapeKind Kind, string Type, bool IsValueType, bool IsNullableValue, EquatableArray<DataMember> Members, DataShape? Element)
{
    public DataMember? Find(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        // Adaptive Expressions match property names without regard to case, so `${buildId}` reads BuildId.
        foreach (var member in Members)
        {
            if (string.Equals(member.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }
}

/// <summary>A readable member of a data type.</summary>
/// <param name="Name">The C# name, which bindings match.</param>
/// <param name="Shape">What it holds.</param>
/// <param name="JsonName">
/// The name it is written with when its object is written whole (<c>"pages": "${Pages}"</c>): its
/// <c>[JsonPropertyName]</c>, else the C# name in camel case, as JavaScript data names it.
/// </param>
internal sealed record DataMember(string Name, DataShape Shape, string JsonName);

/// <summary>Describes C# types as <see cref="DataShape"/>s.</summary>
internal static class DataShapes
{
    private const int MaxDepth = 12;

    public static DataShape Describe(ITypeSymbol type)
        => Describe(type, new List<ITypeSymbol>());

    private static DataShape Describe(ITypeSymbol type, List<ITypeSymbol> outer)
    {
        var name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }

        var isValue = type.IsValueType;
        DataShape Simple(ShapeKind kind) => new(kind, name, isValue, nullableValue, EquatableArray<DataMember>.Empty, null);

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return Simple(ShapeKind.String);
            case SpecialType.System_Boolean: return Simple(ShapeKind.Boolean);
            case SpecialType.System_Char: return Simple(ShapeKind.Text);
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return Simple(ShapeKind.Number);
            case SpecialType.System_DateTime: return Simple(ShapeKind.Text);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return Simple(ShapeKind.Text);
        }

        var full = type.OriginalDefinition.ToDisplayString();
        if (full is "System.Uri" or "System.Guid" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan")
        {
            return Simple(ShapeKind.Text);
        }

        if (type is IArrayTypeSymbol array)
        {
            return new DataShape(ShapeKind.Collection, name, false, false, EquatableArray<DataMember>.Empty, Describe(array.ElementType, outer));
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface && type is INamedTypeSymbol named)
        {
            if (IsDictionary(named))
            {
                return Simple(ShapeKind.Unsupported);
            }

            var element = EnumerableElement(named);
            if (element is not null)
            {
                return new DataShape(ShapeKind.Collection, name, isValue, nullableValue, EquatableArray<DataMember>.Empty, Describe(element, outer));
            }

            if (named.TypeKind == TypeKind.Interface || named.SpecialType == SpecialType.System_Object || named.IsStatic)
            {
                return Simple(ShapeKind.Unsupported);
            }

            if (outer.Count >= MaxDepth || outer.Any(o => SymbolEqualityComparer.Default.Equals(o, type)))
            {
                return Simple(ShapeKind.Recursive);
            }

            outer.Add(type);
            var members = new List<DataMember>();
            foreach (var member in ReadableMemberSymbols(named))
            {
                members.Add(new DataMember(member.Name, Describe(member.Type, outer), JsonName(member.Symbol)));
            }

            outer.RemoveAt(outer.Count - 1);
            return new DataShape(ShapeKind.Object, name, isValue, nullableValue, members.ToEquatableArray(), null);
        }

        return Simple(ShapeKind.Unsupported);
    }

    /// <summary>The public or internal instance fields and readable properties of a type and its bases, nearest first.</summary>
    public static IEnumerable<(string Name, ITypeSymbol Type)> ReadableMembers(INamedTypeSymbol type)
        => ReadableMemberSymbols(type).Select(m => (m.Name, m.Type));

    /// <summary>The name a member is written with: its <c>[JsonPropertyName]</c>, else its name in camel case.</summary>
    private static string JsonName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonPropertyNameAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return member.Name.Length > 0 && char.IsUpper(member.Name[0]) ? char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1) : member.Name;
    }

    private static IEnumerable<(string Name, ITypeSymbol Type, ISymbol Symbol)> ReadableMemberSymbols(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var level = type; level is not null && level.SpecialType != SpecialType.System_Object && level.SpecialType != SpecialType.System_ValueType; level = level.BaseType)
        {
            foreach (var member in level.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } p when p.GetMethod.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal => p.Type,
                    IFieldSymbol f when f.CanBeReferencedByName => f.Type,
                    _ => null,
                };
                if (memberType is not null && member.CanBeReferencedByName && seen.Add(member.Name) && member.Name != "EqualityContract")
                {
                    yield return (member.Name, memberType, member);
                }
            }
        }
    }

    private static bool IsDictionary(INamedTypeSymbol type)
        => type.AllInterfaces.Concat(new[] { type }).Any(i => i.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>");

    private static ITypeSymbol? EnumerableElement(INamedTypeSymbol type)
    {
        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }
}
