using System;
using System.Runtime.CompilerServices;
using System.Text;
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
    private static readonly ConditionalWeakTable<Compilation, string> GlobalUsingsByCompilation = new();
    private static readonly ConditionalWeakTable<SyntaxTree, string> GlobalUsingsByTree = new();

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

    /// <summary>Whether a file of the compilation has a global using alias.</summary>
    public static bool AnyGlobal(Compilation compilation, CancellationToken cancellationToken)
        => GlobalUsings(compilation, cancellationToken).IndexOf(AliasMark, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// Every global using directive of the compilation, one a line, a global alias marked: what a reading depends on of
    /// the files it is not in. Made once per compilation, each file's part once per file.
    /// </summary>
    public static string GlobalUsings(Compilation compilation, CancellationToken cancellationToken)
    {
        if (GlobalUsingsByCompilation.TryGetValue(compilation, out var known))
        {
            return known;
        }

        var usings = new StringBuilder();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            usings.Append(GlobalUsingsByTree.GetValue(tree, static tree => GlobalUsingsOf(tree.GetRoot())));
        }

        // Two threads may both make it; they make the same.
        var text = usings.ToString();
        return GlobalUsingsByCompilation.GetValue(compilation, _ => text);
    }

    /// <summary>Marks a global using alias in <see cref="GlobalUsings"/>' text.</summary>
    private const string AliasMark = "\u0001";

    private static string GlobalUsingsOf(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return string.Empty;
        }

        StringBuilder? text = null;
        foreach (var directive in unit.Usings)
        {
            if (!directive.GlobalKeyword.IsKind(SyntaxKind.None))
            {
                (text ??= new StringBuilder()).Append(directive.Alias is null ? string.Empty : AliasMark).Append(directive.ToString()).Append('\n');
            }
        }

        return text?.ToString() ?? string.Empty;
    }
}
