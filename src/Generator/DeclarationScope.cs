using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// The names in scope in a type's body, for reading the type from its declaration: what a simple name looks up to and
/// what a member type binds to. Two top-level, non-generic types without nested types, in the same namespace with the
/// same using directives, in files without file-local types, see the same names; within one compilation their lookups
/// and bindings are shared (a project's cards usually are such types), so each is made once instead of once per card.
/// Any other type has a scope of its own.
/// </summary>
internal sealed class DeclarationScope
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, DeclarationScope>> Shared = new();

    private readonly ConcurrentDictionary<string, ImmutableArray<ISymbol>> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<ISymbol>> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ITypeSymbol?> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _attributes = new(StringComparer.Ordinal);
    private readonly bool _shared;
    private readonly SemanticModel _semanticModel;
    private readonly int _position;

    private DeclarationScope(SemanticModel semanticModel, int position, bool shared)
    {
        _semanticModel = semanticModel;
        _position = position;
        _shared = shared;
    }

    /// <summary>The scope of the declaration's body.</summary>
    public static DeclarationScope Of(TypeDeclarationSyntax declaration, SemanticModel semanticModel)
    {
        var position = declaration.OpenBraceToken.IsMissing ? declaration.Identifier.Span.End : declaration.OpenBraceToken.Span.End;
        if (declaration.OpenBraceToken.IsMissing || SharedKey(declaration) is not { } key)
        {
            return new DeclarationScope(semanticModel, position, shared: false);
        }

        // Any declaration of a key answers for all of them: the first one's semantic model and position serve the rest
        // (it holds nothing the compilation does not).
        var scopes = Shared.GetValue(semanticModel.Compilation, static _ => new ConcurrentDictionary<string, DeclarationScope>(StringComparer.Ordinal));
        if (!scopes.TryGetValue(key, out var scope))
        {
            scope = new DeclarationScope(semanticModel, position, shared: true);
            scope = scopes.GetOrAdd(key, scope);
        }

        return scope;
    }

    /// <summary>The namespaces and types a simple name looks up to in the body (<see cref="SemanticModel.LookupNamespacesAndTypes"/>).</summary>
    public ImmutableArray<ISymbol> LookupNamespacesAndTypes(string name)
    {
        if (!_lookups.TryGetValue(name, out var found))
        {
            found = _semanticModel.LookupNamespacesAndTypes(_position, container: null, name);
            _lookups.TryAdd(name, found);
        }

        return found;
    }

    /// <summary>
    /// Every symbol a simple name written as a value looks up to in the body (<see cref="SemanticModel.LookupSymbols"/>):
    /// besides types, the members of the types around the body and statically imported ones, which hide a type of the
    /// name or make it ambiguous. Asked only for a name no member of the type itself bears, so that what one type of a
    /// shared scope finds holds for the others.
    /// </summary>
    public ImmutableArray<ISymbol> LookupValueName(string name)
    {
        if (!_values.TryGetValue(name, out var found))
        {
            found = _semanticModel.LookupSymbols(_position, container: null, name);
            _values.TryAdd(name, found);
        }

        return found;
    }

    /// <summary>
    /// The CardGen attribute a simple name written on a member binds to, or <see langword="null"/> when that is not
    /// certain. The compiler looks the name up as written and with "Attribute" appended; exactly one of the two
    /// must come to a CardGen attribute, and the other to nothing but CardGen's own types (such as the static
    /// <c>CardGen.Cards.CardText</c>), which are not attributes.
    /// </summary>
    public INamedTypeSymbol? CardGenAttribute(string written)
    {
        if (_attributes.TryGetValue(written, out var known))
        {
            return known;
        }

        INamedTypeSymbol? found = null;
        var certain = true;
        foreach (var name in new[] { written, written + "Attribute" })
        {
            foreach (var symbol in LookupNamespacesAndTypes(name))
            {
                if (symbol is not INamedTypeSymbol candidate || !InCardGen(candidate.ContainingNamespace))
                {
                    certain = false;
                }
                else if (IsAttribute(candidate))
                {
                    certain &= found is null && candidate.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true }
                        && KnownNames.MayBeMemberAttribute(candidate.Name);
                    found = candidate;
                }
            }
        }

        var result = certain ? found : null;
        _attributes.TryAdd(written, result);
        return result;
    }

    private static bool InCardGen(INamespaceSymbol? ns)
    {
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return ns.Name == KnownNames.Namespace;
            }
        }

        return false;
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The type a member's type syntax binds to, with the annotation written on it (<c>string?</c>); <see langword="null"/>
    /// when it binds to nothing. A plain name (<c>Uri</c>, <c>System.Uri</c>, <c>int?</c>) is bound once per scope;
    /// one with type arguments, an array or a tuple carries annotations of its own file and is bound where it is.
    /// </summary>
    public ITypeSymbol? BindType(TypeSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var plain = syntax is NullableTypeSyntax nullable ? nullable.ElementType : syntax;
        ITypeSymbol? type;
        if (_shared && plain is PredefinedTypeSyntax or IdentifierNameSyntax or QualifiedNameSyntax { Right: IdentifierNameSyntax } && !HasTypeArguments(plain))
        {
            var key = syntax.ToString();
            if (!_types.TryGetValue(key, out type))
            {
                type = semanticModel.GetTypeInfo(syntax, cancellationToken).Type;
                _types.TryAdd(key, type);
            }
        }
        else
        {
            type = semanticModel.GetTypeInfo(syntax, cancellationToken).Type;
        }

        // The type a type's syntax binds to carries no annotation of its own; the member's type does.
        return type is not null && syntax is NullableTypeSyntax && type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.Annotated) : type;
    }

    private static bool HasTypeArguments(TypeSyntax syntax)
    {
        for (var node = syntax; node is QualifiedNameSyntax qualified; node = qualified.Left)
        {
            if (qualified.Right is GenericNameSyntax || qualified.Left is GenericNameSyntax or AliasQualifiedNameSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What decides the names in scope in the declaration's body, as text, when only that does: the namespaces around
    /// it, their using directives and extern aliases, the file's; <see langword="null"/> for a nested or generic type, one with
    /// nested types, or one in a file with file-local types.
    /// </summary>
    private static string? SharedKey(TypeDeclarationSyntax declaration)
    {
        if (declaration.TypeParameterList is not null || declaration.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
        {
            return null;
        }

        foreach (var member in declaration.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                return null;
            }
        }

        var key = new StringBuilder();
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    // The closing mark keeps a namespace's own usings apart from the file's: the compiler looks at the
                    // namespace's before the types of the namespaces around it, and at the file's after them.
                    key.Append("namespace ").Append(ns.Name.ToString()).Append('\n');
                    Append(key, ns.Externs, ns.Usings);
                    key.Append("}\n");
                    break;
                case CompilationUnitSyntax unit:
                    if (HasFileLocalType(unit.Members))
                    {
                        return null;
                    }

                    Append(key, unit.Externs, unit.Usings);
                    break;
            }
        }

        return key.ToString();
    }

    private static void Append(StringBuilder key, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in externs)
        {
            key.Append(directive.ToString()).Append('\n');
        }

        foreach (var directive in usings)
        {
            key.Append(directive.ToString()).Append('\n');
        }
    }

    private static bool HasFileLocalType(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns when HasFileLocalType(ns.Members):
                    return true;
                case BaseTypeDeclarationSyntax type when type.Modifiers.Any(SyntaxKind.FileKeyword):
                    return true;
                case DelegateDeclarationSyntax @delegate when @delegate.Modifiers.Any(SyntaxKind.FileKeyword):
                    return true;
            }
        }

        return false;
    }
}
