using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// Keeps the generator's reading of a card from one run to the next. Roslyn runs the transform of
/// <c>ForAttributeWithMetadataName</c> again for every annotated type whenever the compilation changes, after any
/// edit at all; reading a type creates its member symbols and binds every member attribute again, which is most of
/// what a re-run costs. A kept reading is handed back only when nothing it was read from can have changed:
/// <list type="bullet">
/// <item>the same declaration (the syntax node of an unchanged file), declared in that one place, as are the types it
/// is nested in, with no base type other than <c>object</c>;</item>
/// <item>the same references, options and assembly name, and the same global usings in every file, with no using
/// alias in the declaration's file or among the global usings (an alias can name a CardGen type otherwise);</item>
/// <item>no source type or namespace named like a CardGen attribute or like a name the declaration's CardGen attributes
/// are looked up by (so <c>[CardFact]</c> still binds to CardGen's attribute), and attribute arguments that are literals or enum members
/// (nothing that reads a constant declared elsewhere);</item>
/// <item>every member type binding to a type described the same way (its name, kind, enum members, and for a
/// <c>[CardPart]</c> type whether a section can use it).</item>
/// </list>
/// Only readings without a problem are kept (a type with an error is read again each time, with its diagnostics).
/// Entries hold strings and models, no symbol or compilation, and live as long as their syntax node.
/// </summary>
internal static class CardReadingCache
{
    private static readonly ConditionalWeakTable<SyntaxNode, Slots> Entries = new();
    private static readonly ConditionalWeakTable<Compilation, Environment> Environments = new();

    /// <summary>The environment of a compilation whose readings cannot be kept (it has a global using alias).</summary>
    private static readonly Environment Unknown = new(new WeakReference<CompilationOptions>(null!), null, Array.Empty<WeakReference<MetadataReference>>(), string.Empty);

    /// <summary>The written names (short and with the suffix) of every CardGen attribute the reader looks at.</summary>
    private static readonly HashSet<string> AttributeNames = CreateAttributeNames();

    /// <summary>Counts the readings handed back on this flow, for tests; <see langword="null"/> outside them.</summary>
    internal static readonly AsyncLocal<StrongBox<int>?> Reused = new();

    /// <summary>The kept reading of this declaration when it still holds in this compilation, else <see langword="null"/>.</summary>
    public static CardTypeModel? TryGet(GeneratorAttributeSyntaxContext context, bool isPart, CancellationToken cancellationToken)
    {
        if (!Entries.TryGetValue(context.TargetNode, out var slots) || (isPart ? slots.Part : slots.Card) is not { } entry)
        {
            return null;
        }

        var compilation = context.SemanticModel.Compilation;
        var environment = EnvironmentOf(compilation, cancellationToken);
        if (environment is null || !entry.Environment.SameAs(environment)
            || context.TargetSymbol is not INamedTypeSymbol type
            || !StandsAlone(type, (TypeDeclarationSyntax)context.TargetNode))
        {
            return null;
        }

        if (environment.DeclaresAnyInSource(compilation, entry.LookedUp, cancellationToken)
            || MemberTypes((TypeDeclarationSyntax)context.TargetNode, context.SemanticModel, cancellationToken) is not { } types
            || !types.Equals(entry.MemberTypes))
        {
            return null;
        }

        if (Reused.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Value);
        }

        return entry.Model;
    }

    /// <summary>Keeps a reading without a problem, when everything it depends on can be checked again cheaply.</summary>
    public static void Keep(GeneratorAttributeSyntaxContext context, bool isPart, CardTypeModel? model, CancellationToken cancellationToken)
    {
        var slots = Entries.GetValue(context.TargetNode, static _ => new Slots());
        var entry = model is { Problem: null, Extension: null } ? CreateEntry(context, model, cancellationToken) : null;
        if (isPart)
        {
            slots.Part = entry;
        }
        else
        {
            slots.Card = entry;
        }
    }

    private static Entry? CreateEntry(GeneratorAttributeSyntaxContext context, CardTypeModel model, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var compilation = context.SemanticModel.Compilation;
        if (context.TargetSymbol is not INamedTypeSymbol type
            || !StandsAlone(type, declaration)
            || UsingAliases.InFile(declaration)
            || LookedUpNames(declaration) is not { } lookedUp
            || EnvironmentOf(compilation, cancellationToken) is not { } environment
            || environment.DeclaresAnyInSource(compilation, lookedUp, cancellationToken))
        {
            return null;
        }

        return MemberTypes(declaration, context.SemanticModel, cancellationToken) is { } types
            ? new Entry(environment, lookedUp, types, model)
            : null;
    }

    /// <summary>Declared in one place, in types declared in one place, and built on nothing but <c>object</c> (or <c>ValueType</c>).</summary>
    private static bool StandsAlone(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        for (var level = type; level is not null; level = level.ContainingType)
        {
            if (level.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }
        }

        return declaration.BaseList is null
            || type.BaseType is null
            || type.BaseType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType;
    }

    /// <summary>
    /// Every name CardGen's attributes on the declaration and its members are looked up by (both spellings of the
    /// attribute's own name, its qualifiers, and the names in enum-member arguments), or <see langword="null"/> when
    /// an argument is something else (a constant, <c>nameof</c>, <c>typeof</c>), whose meaning can change elsewhere.
    /// </summary>
    private static string[]? LookedUpNames(TypeDeclarationSyntax declaration)
    {
        // Every CardGen attribute name, written here or not: a source type of that name elsewhere may take its place.
        var names = new HashSet<string>(AttributeNames, StringComparer.Ordinal);
        if (!AddLookups(declaration.AttributeLists, names))
        {
            return null;
        }

        if (declaration.ParameterList is { } parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (!AddLookups(parameter.AttributeLists, names))
                {
                    return null;
                }
            }
        }

        foreach (var member in declaration.Members)
        {
            if (member is not BaseTypeDeclarationSyntax && !AddLookups(member.AttributeLists, names))
            {
                return null;
            }
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    private static bool AddLookups(SyntaxList<AttributeListSyntax> lists, HashSet<string> names)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var written = KnownNames.WrittenName(attribute.Name);
                if (written is null || !AttributeNames.Contains(written))
                {
                    continue; // Not spelled like a CardGen attribute, so it cannot bind to one (aliases are in the usings).
                }

                var bare = written.EndsWith("Attribute", StringComparison.Ordinal) ? written.Substring(0, written.Length - "Attribute".Length) : written;
                names.Add(bare);
                names.Add(bare + "Attribute");
                AddQualifiers(attribute.Name, names);
                foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
                {
                    if (!IsPlain(argument.Expression, names))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static void AddQualifiers(NameSyntax name, HashSet<string> names)
    {
        switch (name)
        {
            case QualifiedNameSyntax qualified:
                AddQualifiers(qualified.Left, names);
                break;
            case AliasQualifiedNameSyntax alias when alias.Alias.Identifier.ValueText != "global":
                names.Add(alias.Alias.Identifier.ValueText);
                break;
            case SimpleNameSyntax simple:
                names.Add(simple.Identifier.ValueText);
                break;
        }
    }

    /// <summary>A literal, a sign on one, an enum member (<c>FontSize.Large</c>), or those combined with <c>|</c> and <c>+</c>.</summary>
    private static bool IsPlain(ExpressionSyntax expression, HashSet<string> names)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax:
                return true;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression, Operand: LiteralExpressionSyntax }:
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return IsPlain(parenthesized.Expression, names);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression or (int)SyntaxKind.AddExpression } binary:
                return IsPlain(binary.Left, names) && IsPlain(binary.Right, names);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                return AddAccessedNames(access.Expression, names);
            default:
                return false;
        }
    }

    private static bool AddAccessedNames(ExpressionSyntax expression, HashSet<string> names)
    {
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                names.Add(identifier.Identifier.ValueText);
                return true;
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                return AddAccessedNames(access.Expression, names);
            case AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" }:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The type of every member the declaration declares (properties, fields, positional parameters), each bound from
    /// its syntax and described as the reader describes member types; <see langword="null"/> when one does not bind.
    /// </summary>
    private static EquatableArray<TypeSeen>? MemberTypes(TypeDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var types = new List<TypeSeen>(declaration.Members.Count);
        DeclarationScope? scope = null;
        foreach (var parameter in declaration.ParameterList?.Parameters ?? default)
        {
            if (parameter.Type is null || !Add(parameter.Type))
            {
                return null;
            }
        }

        foreach (var member in declaration.Members)
        {
            var written = member switch
            {
                PropertyDeclarationSyntax property => property.Type,
                FieldDeclarationSyntax field => field.Declaration.Type,
                _ => null,
            };

            if (written is not null && !Add(written))
            {
                return null;
            }
        }

        return types.ToEquatableArray();

        bool Add(TypeSyntax syntax)
        {
            if (syntax is PredefinedTypeSyntax or NullableTypeSyntax { ElementType: PredefinedTypeSyntax })
            {
                // A keyword (string, int?) means the same type in every compilation; its annotation is in this file.
                types.Add(new TypeSeen(syntax.ToString(), TypeKind.Unknown, null));
                return true;
            }

            if ((scope ??= DeclarationScope.Of(declaration, semanticModel)).BindType(syntax, semanticModel, cancellationToken) is not { } type)
            {
                return false;
            }

            types.Add(new TypeSeen(null, type.TypeKind, CardGenerator.Parser.Describe(string.Empty, type, cancellationToken)));
            return true;
        }
    }

    /// <summary>What the compilation around the declaration is, as far as a reading depends on it; <see langword="null"/> when unknown.</summary>
    private static Environment? EnvironmentOf(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Environments.TryGetValue(compilation, out var known))
        {
            return known == Unknown ? null : known;
        }

        var globalUsings = UsingAliases.GlobalUsings(compilation, cancellationToken);
        if (UsingAliases.AnyGlobal(compilation, cancellationToken))
        {
            // A global alias can name a CardGen type under another name (see UsingAliases): nothing is kept.
            Environments.GetValue(compilation, static _ => Unknown);
            return null;
        }

        var references = new List<WeakReference<MetadataReference>>();
        foreach (var reference in compilation.References)
        {
            references.Add(new WeakReference<MetadataReference>(reference));
        }

        // Two threads may create one each; they are equal.
        var environment = new Environment(new WeakReference<CompilationOptions>(compilation.Options), compilation.AssemblyName, references.ToArray(), globalUsings);
        return Environments.GetValue(compilation, _ => environment);
    }

    private static HashSet<string> CreateAttributeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var metadataNames = new List<string> { KnownNames.ChatCardAttribute, KnownNames.CardPartAttribute, KnownNames.CardIgnoreAttribute, KnownNames.DefaultsAttribute };
        foreach (var mapping in KnownNames.Mappings)
        {
            metadataNames.Add(mapping.MetadataName);
        }

        foreach (var metadataName in metadataNames)
        {
            names.Add(KnownNames.TypeName(metadataName));
            names.Add(KnownNames.ShortName(metadataName));
        }

        return names;
    }

    /// <summary>A member type as a reading sees it: a keyword as written, or the type it binds to, described.</summary>
    private readonly record struct TypeSeen(string? Keyword, TypeKind Kind, MemberModel? Description);

    private sealed class Slots
    {
        public volatile Entry? Card;
        public volatile Entry? Part;
    }

    private sealed class Entry
    {
        public Entry(Environment environment, string[] lookedUp, EquatableArray<TypeSeen> memberTypes, CardTypeModel model)
        {
            Environment = environment;
            LookedUp = lookedUp;
            MemberTypes = memberTypes;
            Model = model;
        }

        public Environment Environment { get; }

        public string[] LookedUp { get; }

        public EquatableArray<TypeSeen> MemberTypes { get; }

        public CardTypeModel Model { get; }
    }

    /// <summary>The compilation-wide inputs of a reading; references and options held weakly, compared by identity.</summary>
    private sealed class Environment
    {
        private readonly WeakReference<CompilationOptions> _options;
        private readonly string? _assemblyName;
        private readonly WeakReference<MetadataReference>[] _references;
        private readonly string _globalUsings;
        private readonly ConcurrentDictionary<string, bool> _declaredInSource = new(StringComparer.Ordinal);

        public Environment(WeakReference<CompilationOptions> options, string? assemblyName, WeakReference<MetadataReference>[] references, string globalUsings)
        {
            _options = options;
            _assemblyName = assemblyName;
            _references = references;
            _globalUsings = globalUsings;
        }

        public bool SameAs(Environment other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (_assemblyName != other._assemblyName || _globalUsings != other._globalUsings || _references.Length != other._references.Length
                || !SameTarget(_options, other._options))
            {
                return false;
            }

            for (var i = 0; i < _references.Length; i++)
            {
                if (!SameTarget(_references[i], other._references[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the compilation's own source declares a type or namespace of one of these names (each looked up once per compilation).</summary>
        public bool DeclaresAnyInSource(Compilation compilation, string[] names, CancellationToken cancellationToken)
        {
            foreach (var name in names)
            {
                if (!_declaredInSource.TryGetValue(name, out var declared))
                {
                    declared = compilation.ContainsSymbolsWithName(name, SymbolFilter.Type | SymbolFilter.Namespace, cancellationToken);
                    _declaredInSource[name] = declared;
                }

                if (declared)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameTarget<T>(WeakReference<T> a, WeakReference<T> b)
            where T : class
            => a.TryGetTarget(out var x) && b.TryGetTarget(out var y) && ReferenceEquals(x, y);
    }
}
