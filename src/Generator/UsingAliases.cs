using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// Whether a using alias can be in scope at a declaration. An alias can name a CardGen type under another name
/// (<c>using Fact = CardGen.CardFactAttribute;</c>), so where one is in scope the names an attribute or an enum
/// argument is written with do not tell what it binds to.
/// </summary>
internal static class UsingAliases
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> GlobalAliases = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> GlobalAliasesByTree = new();

    /// <summary>Whether the file or a namespace around the declaration has a using alias, or any file a global one.</summary>
    public static bool AnyInScope(TypeDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken)
        => InFile(declaration) || AnyGlobal(compilation, cancellationToken);

    /// <summary>Whether the file or a namespace around the declaration has a using alias (global or not).</summary>
    public static bool InFile(TypeDeclarationSyntax declaration)
    {
        for (SyntaxNode? node = declaration.Parent; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };

            foreach (var directive in usings)
            {
                if (directive.Alias is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a file of the compilation has a global using alias (looked at once per compilation, each file once).</summary>
    public static bool AnyGlobal(Compilation compilation, CancellationToken cancellationToken)
    {
        if (GlobalAliases.TryGetValue(compilation, out var known))
        {
            return known.Value;
        }

        var any = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (GlobalAliasesByTree.GetValue(tree, static tree => new StrongBox<bool>(HasGlobalAlias(tree.GetRoot()))).Value)
            {
                any = true;
                break;
            }
        }

        // Two threads may both look; they find the same.
        return GlobalAliases.GetValue(compilation, _ => new StrongBox<bool>(any)).Value;
    }

    private static bool HasGlobalAlias(SyntaxNode root)
    {
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.Usings)
            {
                if (directive.Alias is not null && !directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
