using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CardGen.CodeFixes;

/// <summary>CARDGEN003: replaces a placeholder's unknown member name with the closest member name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseClosestMemberCodeFixProvider))]
[Shared]
public sealed class UseClosestMemberCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "CARDGEN003.UseClosestMember";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TemplatePlaceholderId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticDescriptors.SuggestionProperty, out var suggestion) && !string.IsNullOrEmpty(suggestion))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{suggestion}'", c => ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion!, c), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, string suggestion, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, suggestion)));
    }
}
