using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>
    /// Turns an annotated type into a <see cref="CardTypeModel"/>: the card, or its stub when it has an error the
    /// generator cannot write code for (the analyzers explain it), as extension methods when nothing can be added to
    /// the type, or <see langword="null"/> when not even those can reach it. Holds no symbol, syntax node or
    /// compilation in what it returns.
    /// </summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static CardTypeModel? ParseCard(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            => Parse(context, isPart: false, cancellationToken);

        public static CardTypeModel? ParsePart(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            => Parse(context, isPart: true, cancellationToken);

        private static CardTypeModel? Parse(GeneratorAttributeSyntaxContext context, bool isPart, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
                || type.IsStatic
                || context.Attributes.Length != 1)
            {
                return null; // The compiler's CS0592 or CS0579; a static class has no instances to render.
            }

            AttributeData? card = null, part = null;
            foreach (var attribute in type.GetAttributes())
            {
                if (IsCardGenAttribute(attribute.AttributeClass, KnownNames.ChatCardAttribute))
                {
                    card ??= attribute;
                }
                else if (IsCardGenAttribute(attribute.AttributeClass, KnownNames.CardPartAttribute))
                {
                    part ??= attribute;
                }
            }

            if (isPart && card is not null)
            {
                return null; // The [ChatCard] output carries the part's members too (one file per type).
            }

            if (!isPart && Templates.TemplateCards.IsTemplateCard(context.Attributes[0]))
            {
                return null; // A template card: the template pipeline writes it (Templates/CardGenerator.Templates.cs).
            }

            if (CardReadingCache.TryGet(context, isPart, cancellationToken) is { } kept)
            {
                return kept;
            }

            var (cardAttribute, partAttribute) = isPart ? (null, context.Attributes[0]) : (context.Attributes[0], part);
            var model = (context.TargetNode is TypeDeclarationSyntax declaration ? CardReader.TryReadDeclaration(declaration, type, context.SemanticModel, cardAttribute, partAttribute, cancellationToken) : null)
                ?? CardReader.Read(type, cardAttribute, partAttribute, defaults: null, cancellationToken).Model;
            CardReadingCache.Keep(context, isPart, model, cancellationToken);
            return model;
        }

        /// <summary>The type's name, namespace and containing types, with nothing read from its members yet.</summary>
        internal static CardTypeModel Shell(INamedTypeSymbol type, bool isPart, bool alsoPart)
        {
            var containing = new List<ContainingTypeModel>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(outer), outer.Name));
            }

            return new CardTypeModel(
                isPart,
                alsoPart,
                type.ContainingNamespace.IsGlobalNamespace ? null : NamespaceName(type.ContainingNamespace),
                type.Name,
                Keyword(type),
                HintName(type),
                containing.ToEquatableArray(),
                null,
                ChatHost.Default,
                EquatableArray<TemplatePartModel>.Empty,
                EquatableArray<TemplatePartModel>.Empty,
                false,
                false,
                null,
                EquatableArray<MemberModel>.Empty,
                EquatableArray<ItemModel>.Empty);
        }

        /// <summary>
        /// A type nothing can be added to (CARDGEN001, CARDGEN002): its stub as extension methods, so code that uses the
        /// generated members still binds and the CARDGEN error is the only one. None where code outside the type cannot
        /// name it (file-local, or private or protected at any level) or where two levels share a type parameter name;
        /// static members and the nested <c>CardBuilder</c> type cannot be stood in for at all.
        /// </summary>
        internal static CardTypeModel? Unextendable(INamedTypeSymbol type, CardTypeModel shell, string problemId, Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members, string? title, string? summary, CancellationToken cancellationToken)
        {
            var levels = new List<INamedTypeSymbol>();
            for (var level = type; level is not null; level = level.ContainingType)
            {
                if (level.IsFileLocal || level.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    return null;
                }

                levels.Insert(0, level);
            }

            var typeParameters = levels.SelectMany(level => level.TypeParameters).ToList();
            if (typeParameters.Select(p => p.Name).Distinct(System.StringComparer.Ordinal).Count() != typeParameters.Count)
            {
                return null; // Outer<T>.Card<T> (CS0693): one method cannot declare T twice.
            }

            var stub = Stub(shell with { ContainingTypes = EquatableArray<ContainingTypeModel>.Empty }, Reported(problemId), members, title, summary, cancellationToken);
            var extension = new ExtensionStubModel(
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                "CardGenNotGenerated_" + type.Name + "_" + StableHash(shell.HintName),
                typeParameters.Select(p => p.Name).ToEquatableArray(),
                typeParameters.Select(ConstraintClause).Where(c => c is not null).Select(c => c!).ToEquatableArray());
            return stub with { Extension = extension };
        }

        /// <summary>The constraints of a type parameter as a <c>where</c> clause, or <see langword="null"/> when it has none.</summary>
        private static string? ConstraintClause(ITypeParameterSymbol parameter)
        {
            var constraints = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (parameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (parameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(TypeFormat)));
            if (parameter.HasConstructorConstraint)
            {
                constraints.Add("new()");
            }

            return constraints.Count == 0 ? null : $"where {parameter.Name} : {string.Join(", ", constraints)}";
        }

        /// <summary>FNV-1a of the text as eight hex digits: the same in every build, unlike <see cref="string.GetHashCode()"/>.</summary>
        private static string StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The <see cref="CardTypeModel.Problem"/> of a type with a CARDGEN error the analyzers report.</summary>
        internal static string Reported(string id) => "error " + id + " is reported on it";

        /// <summary>
        /// The stub of a type with an error: a builder step for each member the card would show (mapped, or named in a
        /// template) whose type can be written as a parameter, and nothing to render. Its members are always read from
        /// symbols (<see cref="CollectMembers"/>): a reading from the declaration leaves a type with an error to them.
        /// </summary>
        internal static CardTypeModel Stub(CardTypeModel shell, string problem, Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members, string? title, string? summary, CancellationToken cancellationToken)
        {
            var named = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var template in new[] { title, summary })
            {
                if (template is not null && CardTemplate.TryParse(template, out var parts, out _, out _))
                {
                    foreach (var part in parts)
                    {
                        if (part.Member is { } member)
                        {
                            named.Add(member);
                        }
                    }
                }
            }

            var steps = members
                .Where(pair => (named.Contains(pair.Key) || (pair.Value.Symbol is { } symbol && IsMapped(symbol))) && CanBeParameter(pair.Value.Type))
                .Select(pair => Describe(pair.Key, pair.Value.Type, cancellationToken))
                .ToEquatableArray();
            return shell with { Problem = problem, Members = steps };
        }

        private static bool IsMapped(ISymbol member)
        {
            var attributes = member.GetAttributes();
            return !attributes.Any(a => IsCardGenAttribute(a.AttributeClass, KnownNames.CardIgnoreAttribute))
                && attributes.Any(a => IsCardGenAttribute(a.AttributeClass, null) && KnownNames.MappingByTypeName(a.AttributeClass!.Name) is not null);
        }

        /// <summary>Whether a builder step can take a value of this type outside an unsafe context.</summary>
        private static bool CanBeParameter(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer } => false,
            { SpecialType: SpecialType.System_Void } => false,
            IArrayTypeSymbol array => CanBeParameter(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.All(CanBeParameter),
            _ => true,
        };

        /// <summary>
        /// The readable instance members of a type and its bases, a derived member hiding a base one, also those whose
        /// type does not bind (the generator writes a stub for such a type, while the analyzers go on and check the rest).
        /// Each has its symbol; a reading from the declaration has the same table without them.
        /// </summary>
        internal static Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> CollectMembers(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            // The derived type's members first, then its bases'; a derived member hides a base one. Members are only
            // described (which is costly) once they turn out to be used.
            var result = new Dictionary<string, (ISymbol?, ITypeSymbol)>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in current.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared || result.ContainsKey(member.Name)
                        || (!SymbolEqualityComparer.Default.Equals(current, type) && member.DeclaredAccessibility == Accessibility.Private))
                    {
                        continue;
                    }

                    ITypeSymbol memberType;
                    switch (member)
                    {
                        case IPropertySymbol { IsIndexer: false, GetMethod: not null } property:
                            memberType = property.Type;
                            break;
                        case IFieldSymbol { IsConst: false } field when field.AssociatedSymbol is null:
                            memberType = field.Type;
                            break;
                        default:
                            continue;
                    }

                    result.Add(member.Name, (member, memberType));
                }
            }

            return result;
        }

        /// <summary>
        /// Each member type's description, per type symbol and nullable annotation. Cards share their member types
        /// (string, int, the same enum), and a symbol belongs to one compilation, so within a run each type is described
        /// once instead of once per member of every card. Keyed by the unannotated symbol, which the compiler keeps one
        /// instance of (an annotated one is made anew on each request); held weakly, let go with the compilation.
        /// </summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, MemberModel?[]> Descriptions = new();

        internal static MemberModel Describe(string name, ITypeSymbol type, CancellationToken cancellationToken)
        {
            var key = type.NullableAnnotation == NullableAnnotation.None ? type : type.WithNullableAnnotation(NullableAnnotation.None);
            var slots = Descriptions.GetValue(key, static _ => new MemberModel?[3]);
            var slot = (int)type.NullableAnnotation;
            if (slot is < 0 or > 2)
            {
                return DescribeType(type, cancellationToken) with { Name = name };
            }

            // Two threads may describe the same type at once; their descriptions are equal.
            var described = slots[slot] ??= DescribeType(type, cancellationToken);
            return described.Name == name ? described : described with { Name = name };
        }

        private static MemberModel DescribeType(ITypeSymbol type, CancellationToken cancellationToken)
        {
            const string name = "";
            var (kind, isNullableValue) = Classify(type);
            string? elementType = null;
            var elementKind = ValueKind.Unsupported;
            var elementNullable = false;
            if (kind == ValueKind.Unsupported)
            {
                if (FindEnumerable(type) is { } item)
                {
                    if (IsUsablePart(item, cancellationToken))
                    {
                        kind = ValueKind.PartCollection;
                        elementType = item.ToDisplayString(TypeFormat);
                    }
                    else if (item is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments: [{ SpecialType: SpecialType.System_String }, var value] } pair
                        && pair.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::System.Collections.Generic")
                    {
                        (elementKind, elementNullable) = Classify(value);
                        if (IsScalar(elementKind))
                        {
                            kind = ValueKind.FactMap;
                            elementType = item.ToDisplayString(TypeFormat);
                        }
                    }
                }
                else if (IsUsablePart(type, cancellationToken))
                {
                    kind = ValueKind.Part;
                }
            }

            var elementIsReference = false;
            if (kind is ValueKind.PartCollection or ValueKind.FactMap && FindEnumerable(type) is { } element)
            {
                elementIsReference = element is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments: [_, var mapValue] }
                    ? mapValue.IsReferenceType
                    : element.IsReferenceType;
            }

            return new MemberModel(name, TypeName(type), kind, isNullableValue, type.IsReferenceType, elementType, elementKind, elementNullable, elementIsReference, AccessOf(type));
        }

        internal static (ValueKind Kind, bool IsNullableValueType) Classify(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] })
            {
                return (Classify(inner).Kind, true);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String: return (ValueKind.String, false);
                case SpecialType.System_Boolean: return (ValueKind.Boolean, false);
                case SpecialType.System_Char: return (ValueKind.Char, false);
                case SpecialType.System_DateTime: return (ValueKind.DateTime, false);
                case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                    return (ValueKind.Formattable, false);
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return (ValueKind.Enum, false);
            }

            if (IsSystemType(type, "Uri"))
            {
                return (ValueKind.Uri, false);
            }

            if (IsSystemType(type, "DateTimeOffset"))
            {
                return (ValueKind.DateTimeOffset, false);
            }

            if (type.TypeKind != TypeKind.Interface && type.AllInterfaces.Any(i => IsSystemType(i, "IFormattable")))
            {
                return (HasPublicFormattingToString(type) ? ValueKind.Formattable : ValueKind.ExplicitFormattable, false);
            }

            return (ValueKind.Unsupported, false);
        }

        internal static bool IsScalar(ValueKind kind)
            => kind is ValueKind.String or ValueKind.Uri or ValueKind.Boolean or ValueKind.Char or ValueKind.Enum
                or ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Formattable or ValueKind.ExplicitFormattable;

        /// <summary>Whether <c>value.ToString(format, provider)</c> compiles (the type does not implement IFormattable explicitly).</summary>
        private static bool HasPublicFormattingToString(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 2 })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>How visible the type is: the least visible of it, its containing types and its type arguments.</summary>
        private static TypeAccess AccessOf(ITypeSymbol type)
        {
            var access = TypeAccess.Public;
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return AccessOf(array.ElementType);
                case INamedTypeSymbol named:
                    for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                    {
                        access = Least(access, current.DeclaredAccessibility switch
                        {
                            Accessibility.Public => TypeAccess.Public,
                            Accessibility.Internal or Accessibility.ProtectedOrInternal => TypeAccess.Internal,
                            _ => TypeAccess.None,
                        });
                    }

                    foreach (var argument in named.TypeArguments)
                    {
                        access = Least(access, AccessOf(argument));
                    }

                    return access;
                default:
                    return access;
            }
        }

        private static TypeAccess Least(TypeAccess a, TypeAccess b) => a < b ? a : b;

        private static ITypeSymbol? FindEnumerable(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            foreach (var candidate in type.AllInterfaces.Prepend(type as INamedTypeSymbol))
            {
                if (candidate is { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T, TypeArguments: [var item] })
                {
                    return item;
                }
            }

            return null;
        }

        internal static bool CanRender(ItemKind item, ValueKind value) => item switch
        {
            ItemKind.Text or ItemKind.Fact => IsScalar(value),
            ItemKind.Image or ItemKind.Action => value is ValueKind.Uri or ValueKind.String,
            ItemKind.Facts => value == ValueKind.FactMap,
            ItemKind.Section => value is ValueKind.Part or ValueKind.PartCollection,
            _ => false,
        };

        /// <summary>
        /// The fully qualified C# name of a member type, with its nullable annotation. Display strings are costly and the
        /// generator runs on every edit, so the common shapes are spelled out directly.
        /// </summary>
        internal static string TypeName(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] })
            {
                return TypeName(inner) + "?";
            }

            var keyword = type.SpecialType switch
            {
                SpecialType.System_String => "string",
                SpecialType.System_Object => "object",
                SpecialType.System_Boolean => "bool",
                SpecialType.System_Char => "char",
                SpecialType.System_SByte => "sbyte",
                SpecialType.System_Byte => "byte",
                SpecialType.System_Int16 => "short",
                SpecialType.System_UInt16 => "ushort",
                SpecialType.System_Int32 => "int",
                SpecialType.System_UInt32 => "uint",
                SpecialType.System_Int64 => "long",
                SpecialType.System_UInt64 => "ulong",
                SpecialType.System_Single => "float",
                SpecialType.System_Double => "double",
                SpecialType.System_Decimal => "decimal",
                _ => null,
            };

            var annotation = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated ? "?" : string.Empty;
            if (keyword is not null)
            {
                return keyword + annotation;
            }

            if (type is INamedTypeSymbol { IsGenericType: false, ContainingType: null } named && !named.ContainingNamespace.IsGlobalNamespace)
            {
                return "global::" + NamespaceName(named.ContainingNamespace) + "." + named.Name + annotation;
            }

            return type.ToDisplayString(TypeFormat);
        }

        private static string NamespaceName(INamespaceSymbol ns)
            => ns.ContainingNamespace is { IsGlobalNamespace: false } parent ? NamespaceName(parent) + "." + ns.Name : ns.Name;

        /// <summary>Whether <paramref name="type"/> is <c>System.&lt;name&gt;</c>, compared by name (no display strings on the hot path).</summary>
        private static bool IsSystemType(ITypeSymbol type, string name)
            => type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>
        /// Whether <paramref name="type"/> is a CardGen attribute (of the given metadata name, when one is given),
        /// compared by name: no display strings or compilation lookups on the hot path.
        /// </summary>
        private static bool IsCardGenAttribute(INamedTypeSymbol? type, string? metadataName)
            => type is not null
                && (metadataName is null || (metadataName.Length == KnownNames.Namespace.Length + 1 + type.Name.Length && metadataName.EndsWith(type.Name, System.StringComparison.Ordinal)))
                && type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

        internal static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
            => type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

        /// <summary>
        /// Whether a member's type is a [CardPart] this generator extends. A part it skips (not partial, generic, nested in
        /// a type it cannot extend, or holding a [CardAction]) cannot render a section either, so the card that uses it is
        /// skipped too rather than getting code that calls a method that was never generated; the analyzers report why.
        /// </summary>
        private static bool IsUsablePart(ITypeSymbol type, CancellationToken cancellationToken)
        {
            if (type is not INamedTypeSymbol { IsGenericType: false, IsRefLikeType: false, IsFileLocal: false, TypeKind: TypeKind.Class or TypeKind.Struct } part
                || !HasAttribute(part, KnownNames.CardPartAttribute)
                || !IsPartialEverywhere(part, cancellationToken))
            {
                return false;
            }

            for (var outer = part.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.IsGenericType || outer.IsFileLocal || !IsPartialEverywhere(outer, cancellationToken))
                {
                    return false;
                }
            }

            foreach (var member in part.GetMembers())
            {
                if (member.GetAttributes().Any(a => IsCardGenAttribute(a.AttributeClass, KnownNames.CardActionAttribute)))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasAttribute(ITypeSymbol type, string metadataName)
            => type.GetAttributes().Any(a => IsCardGenAttribute(a.AttributeClass, metadataName));

        private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (false, TypeKind.Struct) => "struct",
            (false, TypeKind.Interface) => "interface",
            _ => "class",
        };

        private static string HintName(INamedTypeSymbol type)
        {
            var name = HintSegment(type);
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = HintSegment(outer) + "." + name;
            }

            return type.ContainingNamespace.IsGlobalNamespace ? name : NamespaceName(type.ContainingNamespace) + "." + name;
        }

        /// <summary>A type's name in a hint name, with its arity after a '-' (which no name holds) so <c>Card</c> and <c>Card&lt;T&gt;</c> differ.</summary>
        private static string HintSegment(INamedTypeSymbol type)
            => type.Arity == 0 ? type.Name : type.Name + "-" + type.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Reads <c>[assembly: ChatCardDefaults]</c>.</summary>
        public static ProjectDefaults ReadDefaults(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            => CardTargets.FromAttributes(context.Attributes);
    }
}
