using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CardGen.CodeFixes;

/// <summary>
/// CARDGEN001: declares the <c>[ChatCard]</c> or <c>[CardPart]</c> type <c>partial</c>; CARDGEN002 when a containing
/// type is not partial: declares every containing type <c>partial</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider))]
[Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "CARDGEN001.AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotPartialId, DiagnosticDescriptors.CannotExtendId);

    /// <summary>The equivalence key of the fix for containing types.</summary>
    public const string ContainersEquivalenceKey = "CARDGEN002.AddPartialToContainers";

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            if (diagnostic.Id == DiagnosticDescriptors.CannotExtendId)
            {
                if (diagnostic.Properties.ContainsKey(DiagnosticDescriptors.ContainerNotPartialProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Make the containing types partial", c => AddPartialToContainersAsync(context.Document, declaration, c), ContainersEquivalenceKey),
                        diagnostic);
                }
            }
            else
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Make '{declaration.Identifier.ValueText}' partial", c => AddPartialAsync(context.Document, declaration, c), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddPartialToContainersAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var outer in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            var modifiers = editor.Generator.GetModifiers(outer);
            if (!modifiers.IsPartial)
            {
                editor.ReplaceNode(outer, (node, generator) => generator.WithModifiers(node, generator.GetModifiers(node).WithPartial(true)));
            }
        }

        return editor.GetChangedDocument();
    }

    private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var modifiers = editor.Generator.GetModifiers(declaration).WithPartial(true);
        editor.ReplaceNode(declaration, (node, generator) => generator.WithModifiers(node, modifiers));
        return editor.GetChangedDocument();
    }
}
