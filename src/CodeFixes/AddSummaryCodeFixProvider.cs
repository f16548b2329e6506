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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CardGen.CodeFixes;

/// <summary>CARDGEN011 (no Summary): adds a <c>Summary</c> that repeats the card's <c>Title</c> template, to edit from there.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSummaryCodeFixProvider))]
[Shared]
public sealed class AddSummaryCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "CARDGEN011.AddSummary";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.HostPresentationId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticDescriptors.MissingSummaryProperty)
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
                || Argument(attribute, "Title") is not { } title
                || Argument(attribute, "Summary") is not null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add a Summary from the Title", c => AddSummaryAsync(context.Document, attribute, title, c), EquivalenceKey),
                diagnostic);
        }
    }

    private static AttributeArgumentSyntax? Argument(AttributeSyntax attribute, string name)
        => attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    private static async Task<Document> AddSummaryAsync(Document document, AttributeSyntax attribute, AttributeArgumentSyntax title, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var list = attribute.ArgumentList!;
        var summary = AttributeArgument(NameEquals(IdentifierName("Summary")).WithTrailingTrivia(Space), null, title.Expression.WithoutTrivia());
        var index = list.Arguments.IndexOf(title) + 1;
        var updated = list.WithArguments(list.Arguments.Insert(index, summary));
        // Insert puts a bare comma before the new argument; give it the space the rest of the list has.
        var separators = updated.Arguments.GetSeparators().Select(s => s.IsMissing || s.HasTrailingTrivia ? s : s.WithTrailingTrivia(Space)).ToList();
        updated = updated.WithArguments(SeparatedList(updated.Arguments, separators));
        return document.WithSyntaxRoot(root!.ReplaceNode(list, updated));
    }
}
