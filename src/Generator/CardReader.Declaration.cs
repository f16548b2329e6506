using System;
using System.Collections.Generic;
using System.Threading;
using CardGen.Generator.Analyzers;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

internal sealed partial class CardReader
{
    /// <summary>
    /// The generator's first try at a type: its members and their CardGen attributes are read from its declaration,
    /// and only what the syntax cannot say is bound: each member's type, and each name a CardGen attribute or an enum
    /// argument is written with, looked up where it is written (a name lookup, not an attribute binding). No member
    /// symbol is created and no member attribute is bound, which is most of what reading a type from its symbols costs.
    /// The same reader then checks the members as it checks them from symbols.
    /// <para>
    /// <see langword="null"/> when the syntax cannot settle the reading, and <see cref="Read"/> reads the type from its
    /// symbols: it is declared in more than one place, derives from a class, is positional, has a member the syntax does not
    /// show plainly (an explicit interface implementation, a fixed or ref member, an incomplete one), a using alias
    /// is in scope, a CardGen attribute is written qualified, verbatim, with a target or with an argument that is not a literal
    /// or an enum member, a name does not come to CardGen's type alone, or the reading finds an error (its stub
    /// lists what the symbols map).
    /// </para>
    /// </summary>
    public static CardTypeModel? TryReadDeclaration(TypeDeclarationSyntax declaration, INamedTypeSymbol type, SemanticModel semanticModel, AttributeData? card, AttributeData? part, CancellationToken cancellationToken)
    {
        if (DeclaredMembers.TryRead(declaration, type, semanticModel, cancellationToken) is not { } declared)
        {
            return null;
        }

        var reader = new CardReader(type, cancellationToken);
        var model = reader.ReadType(card, part, defaults: null, declared);
        return reader._undecided ? null : model;
    }

    /// <summary>Reads the mapped members found in the declaration, in the order they are declared.</summary>
    private void ReadDeclaredMembers(bool isPart, CardTarget? target, DeclaredMembers declared, MemberReading reading)
    {
        var actions = 0;
        foreach (var (member, mapped, ignore) in declared.Mapped)
        {
            ReadOwnMember(isPart, target, member, mapped, ignore, visible: true, reading, ref actions);
        }
    }

    /// <summary>Whether the property has a <c>set</c> or <c>init</c> accessor.</summary>
    private static bool HasSetter(PropertyDeclarationSyntax declaration)
    {
        foreach (var accessor in declaration.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) || accessor.IsKind(SyntaxKind.InitAccessorDeclaration))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The members of a type as its one declaration shows them, with the CardGen attributes on them.</summary>
    private sealed class DeclaredMembers
    {
        private readonly SemanticModel _semanticModel;
        private readonly DeclarationScope _scope;
        private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);
        private readonly CancellationToken _cancellationToken;

        private DeclaredMembers(SemanticModel semanticModel, DeclarationScope scope, CancellationToken cancellationToken)
        {
            _semanticModel = semanticModel;
            _scope = scope;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The readable instance members, by name, in declaration order (as <see cref="CardGenerator.Parser.CollectMembers"/> has them).</summary>
        public Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> Members { get; } = new(StringComparer.Ordinal);

        /// <summary>Each member with a mapping attribute: its mappings in source order, and its <c>[CardIgnore]</c>.</summary>
        public List<(MemberSite Member, List<MappingUse> Mapped, MappingUse? Ignore)> Mapped { get; } = new();

        public static DeclaredMembers? TryRead(TypeDeclarationSyntax declaration, INamedTypeSymbol type, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (type.DeclaringSyntaxReferences.Length != 1
                || declaration.ParameterList is not null
                || declaration.OpenBraceToken.IsMissing
                || (declaration.BaseList is not null && type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) })
                || UsingAliases.AnyInScope(declaration, semanticModel.Compilation, cancellationToken))
            {
                return null;
            }

            var declared = new DeclaredMembers(semanticModel, DeclarationScope.Of(declaration, semanticModel), cancellationToken);
            foreach (var member in declaration.Members)
            {
                declared._memberNames.Add(member switch
                {
                    BaseTypeDeclarationSyntax nested => nested.Identifier.ValueText,
                    DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    EventDeclarationSyntax @event => @event.Identifier.ValueText,
                    _ => string.Empty,
                });
                if (member is BaseFieldDeclarationSyntax field)
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        declared._memberNames.Add(variable.Identifier.ValueText);
                    }
                }
            }

            foreach (var member in declaration.Members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!declared.Add(member))
                {
                    return null;
                }
            }

            return declared;
        }

        /// <summary>Adds a member; false when its syntax cannot settle what the symbols would say of it.</summary>
        private bool Add(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property:
                {
                    var readable = !property.Modifiers.Any(SyntaxKind.StaticKeyword) && HasGetter(property);
                    if (property.ExplicitInterfaceSpecifier is not null || property.Type is RefTypeSyntax
                        || !ReadAttributes(property.AttributeLists, out var mapped, out var ignore)
                        || (!readable && (mapped is not null || ignore is not null)))
                    {
                        return false;
                    }

                    return !readable || AddMember(property, property.Identifier.ValueText, property.Type, mapped, ignore);
                }

                case FieldDeclarationSyntax field:
                {
                    var readable = !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    if (field.Modifiers.Any(SyntaxKind.FixedKeyword) || field.Declaration.Type is RefTypeSyntax
                        || !ReadAttributes(field.AttributeLists, out var mapped, out var ignore)
                        || (!readable && (mapped is not null || ignore is not null)))
                    {
                        return false;
                    }

                    foreach (var variable in field.Declaration.Variables)
                    {
                        // Each variable is a member of its own, with the attributes on the declaration.
                        if (readable && !AddMember(field, variable.Identifier.ValueText, field.Declaration.Type, mapped is null ? null : new List<MappingUse>(mapped), ignore))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                case IncompleteMemberSyntax:
                    return false;
                case BasePropertyDeclarationSyntax other:
                    // An indexer or an event: not read, unless a CardGen attribute is on it (then the symbols say why not).
                    return ReadAttributes(other.AttributeLists, out var onOther, out var ignoreOnOther) && onOther is null && ignoreOnOther is null;
                default:
                    return true;
            }
        }

        private static bool HasGetter(PropertyDeclarationSyntax property)
        {
            if (property.ExpressionBody is not null)
            {
                return true;
            }

            foreach (var accessor in property.AccessorList?.Accessors ?? default)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    return true;
                }
            }

            return false;
        }

        private bool AddMember(MemberDeclarationSyntax declaration, string name, TypeSyntax typeSyntax, List<MappingUse>? mapped, MappingUse? ignore)
        {
            if (Members.ContainsKey(name) || _scope.BindType(typeSyntax, _semanticModel, _cancellationToken) is not { } type)
            {
                return false; // Two members of one name (CS0102), or a type that binds to nothing.
            }

            Members.Add(name, (null, type));
            if (mapped is not null)
            {
                Mapped.Add((new MemberSite(null, name, type, declaration), mapped, ignore));
            }

            return true;
        }

        /// <summary>
        /// Reads the CardGen attributes in these lists: <paramref name="mapped"/> has the mappings (null for none),
        /// <paramref name="ignore"/> the <c>[CardIgnore]</c>. False when one of them cannot be read from syntax. Any
        /// other attribute is left alone: with no using alias in scope, only a CardGen attribute's own name binds to it.
        /// </summary>
        private bool ReadAttributes(SyntaxList<AttributeListSyntax> lists, out List<MappingUse>? mapped, out MappingUse? ignore)
        {
            mapped = null;
            ignore = null;
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var written = KnownNames.WrittenName(attribute.Name);
                    if (written is null || !KnownNames.MayBeMemberAttribute(written))
                    {
                        continue;
                    }

                    // A verbatim name (@CardText) is looked up as written only, without the Attribute suffix.
                    if (list.Target is not null || attribute.Name is not IdentifierNameSyntax { Identifier: var identifier } || identifier.IsVerbatimIdentifier()
                        || _scope.CardGenAttribute(written) is not { } attributeClass
                        || !ReadArguments(attributeClass, attribute, out var title, out var hasTitle, out var named))
                    {
                        return false;
                    }

                    var mapping = KnownNames.MappingByTypeName(attributeClass.Name);
                    if (mapping is null && (hasTitle || named.Count > 0))
                    {
                        return false; // [CardIgnore] takes no arguments (the compiler reports it).
                    }

                    var use = new MappingUse(attribute, mapping, title, hasTitle, named);
                    if (mapping is not null)
                    {
                        (mapped ??= new List<MappingUse>(1)).Add(use);
                    }
                    else
                    {
                        ignore = use;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Reads the arguments of a CardGen attribute: at most one constructor argument (a string literal or
        /// <see langword="null"/>, for the one constructor that takes one argument, a string), then named arguments, each a literal of
        /// its property's type or a member of its enum. False for anything else, which only binding can settle.
        /// </summary>
        private bool ReadArguments(INamedTypeSymbol attributeClass, AttributeSyntax attribute, out string? title, out bool hasTitle, out List<KeyValuePair<string, object?>> named)
        {
            title = null;
            hasTitle = false;
            named = new List<KeyValuePair<string, object?>>();
            var positional = 0;
            foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameColon is not null)
                {
                    return false;
                }

                if (argument.NameEquals is null)
                {
                    if (named.Count > 0 || ++positional > 1 || !TryString(argument.Expression, out title))
                    {
                        return false;
                    }

                    hasTitle = true;
                    continue;
                }

                var key = argument.NameEquals.Name.Identifier.ValueText;
                if (SettableProperty(attributeClass, key) is not { } propertyType || !TryValue(argument.Expression, propertyType, out var value))
                {
                    return false;
                }

                foreach (var earlier in named)
                {
                    if (earlier.Key == key)
                    {
                        return false; // Named twice (CS0643).
                    }
                }

                named.Add(new KeyValuePair<string, object?>(key, value));
            }

            // One public constructor of that many parameters, taking a string if any: with two, a null title can be
            // ambiguous (CS0121), and then the compiler keeps no argument at all.
            var fits = false;
            foreach (var constructor in attributeClass.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility != Accessibility.Public || constructor.Parameters.Length != positional)
                {
                    continue;
                }

                if (fits || (positional == 1 && constructor.Parameters[0] is not { IsParams: false, Type.SpecialType: SpecialType.System_String }))
                {
                    return false;
                }

                fits = true;
            }

            return fits;
        }

        /// <summary>The type of a public instance property with a public setter on the attribute or a base of it.</summary>
        private static ITypeSymbol? SettableProperty(INamedTypeSymbol attributeClass, string name)
        {
            for (var current = attributeClass; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    return member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public } property
                        ? property.Type
                        : null;
                }
            }

            return null;
        }

        private static bool TryString(ExpressionSyntax expression, out string? value)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                    value = literal.Token.Value as string;
                    return value is not null;
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }:
                    value = null;
                    return true;
                default:
                    value = null;
                    return false;
            }
        }

        private bool TryValue(ExpressionSyntax expression, ITypeSymbol type, out object? value)
        {
            value = null;
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    var isString = TryString(expression, out var text);
                    value = text;
                    return isString;
                case SpecialType.System_Boolean:
                    value = expression.IsKind(SyntaxKind.TrueLiteralExpression) ? true : expression.IsKind(SyntaxKind.FalseLiteralExpression) ? false : null;
                    return value is not null;
                case SpecialType.System_Int32:
                    value = expression switch
                    {
                        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int number } => number,
                        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int number } } => -number,
                        _ => null,
                    };
                    return value is not null;
            }

            // An enum member written TypeName.Member, the type name coming to the property's enum and nothing else: not a
            // member of the card, of a type around it or of a statically imported type named like it.
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType.SpecialType: SpecialType.System_Int32 } enumType
                || expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax typeName } access
                || _memberNames.Contains(typeName.Identifier.ValueText))
            {
                return false;
            }

            var found = _scope.LookupValueName(typeName.Identifier.ValueText);
            if (found.Length != 1 || !SymbolEqualityComparer.Default.Equals(found[0], enumType))
            {
                return false;
            }

            foreach (var member in enumType.GetMembers(access.Name.Identifier.ValueText))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int constant } && access.Name is IdentifierNameSyntax)
                {
                    value = constant;
                    return true;
                }
            }

            return false;
        }
    }
}
