using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.CodeFixes;

/// <summary>
/// CARDGEN024: adds the member a template binding names to the type the binding reads (the card, or the type of the
/// data in scope), as a <c>string?</c> property; and offers the closest existing name where there is one.
/// </summary>
/// <remarks>
/// A binding in a <c>.card.json</c> file is reported in that AdditionalFiles document, so the provider declares the
/// additional-document kind (Roslyn 4.x's <see cref="ExportCodeFixProviderAttribute.DocumentKinds"/>) and reads the
/// document through <see cref="CodeFixContext.TextDocument"/>: the fix itself edits the C# type, found from the
/// diagnostic's additional location.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTemplateMemberCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class AddTemplateMemberCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "CARDGEN024.AddMember";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TemplateMemberId);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.MissingMemberProperty, out var name) || name is null
                || diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree is not { } tree)
            {
                continue;
            }

            // Not context.Document: it throws for a diagnostic in an additional document (the .card.json file).
            var document = context.TextDocument.Project.Solution.GetDocument(tree);
            if (document is null)
            {
                continue;
            }

            var member = char.ToUpperInvariant(name[0]) + name.Substring(1);
            if (!SyntaxFacts.IsValidIdentifier(member))
            {
                continue;
            }

            var span = diagnostic.AdditionalLocations[0].SourceSpan;
            diagnostic.Properties.TryGetValue(DiagnosticDescriptors.MissingMemberTypeProperty, out var typeName);
            context.RegisterCodeFix(
                CodeAction.Create($"Add 'string? {member}' to '{typeName}'", c => AddMemberAsync(document, span, member, c), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> AddMemberAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string member, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var declaration = root?.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (root is null || declaration is null)
        {
            return document.Project.Solution;
        }

        var property = SyntaxFactory.ParseMemberDeclaration($"public string? {member} {{ get; set; }}\n")!
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        TypeDeclarationSyntax changed = declaration;
        if (declaration is RecordDeclarationSyntax record && record.OpenBraceToken.IsKind(SyntaxKind.None))
        {
            changed = record
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithMembers(SyntaxFactory.SingletonList(property));
        }
        else
        {
            changed = declaration.AddMembers(property);
        }

        var formatted = changed.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, formatted)).Project.Solution;
    }
}
