using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CardGen.CodeFixes;

/// <summary>
/// CARDGEN005: raises the card's <c>Version</c> on its <c>[ChatCard]</c> attribute to what the feature needs (offered
/// only when the card's host renders that version), or removes the feature.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CardVersionCodeFixProvider))]
[Shared]
public sealed class CardVersionCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of "Raise card version".</summary>
    public const string RaiseVersionKey = "CARDGEN005.RaiseVersion";

    /// <summary>The equivalence key of "Remove the feature".</summary>
    public const string RemoveFeatureKey = "CARDGEN005.RemoveFeature";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.FeatureNeedsNewerVersionId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => VersionFixAllProvider.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (CanRaise(diagnostic, out var version))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Raise card version to {version}",
                        c => RaiseAsync(context.Document.Project.Solution, new[] { diagnostic }, c),
                        RaiseVersionKey),
                    diagnostic);
            }

            if (FindRemovable(root, diagnostic) is not null)
            {
                diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FeatureProperty, out var feature);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove {feature ?? "the feature"}",
                        c => RemoveAsync(context.Document, new[] { diagnostic }, c),
                        RemoveFeatureKey),
                    diagnostic);
            }
        }
    }

    private static bool CanRaise(Diagnostic diagnostic, out CardVersion version)
    {
        version = default;
        return diagnostic.AdditionalLocations.Count > 0
            && diagnostic.Properties.TryGetValue(DiagnosticDescriptors.RequiredVersionProperty, out var required)
            && CardVersion.TryParse(required, out version)
            && diagnostic.Properties.TryGetValue(DiagnosticDescriptors.HostMaxVersionProperty, out var max)
            && CardVersion.TryParse(max, out var hostMax)
            && version <= hostMax;
    }

    /// <summary>Sets each card's version to the highest any of its diagnostics needs.</summary>
    internal static async Task<Solution> RaiseAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<(SyntaxTree Tree, int Start), CardVersion>();
        foreach (var diagnostic in diagnostics)
        {
            if (!CanRaise(diagnostic, out var version) || diagnostic.AdditionalLocations[0].SourceTree is not { } tree)
            {
                continue;
            }

            var key = (tree, diagnostic.AdditionalLocations[0].SourceSpan.Start);
            if (!wanted.TryGetValue(key, out var current) || current < version)
            {
                wanted[key] = version;
            }
        }

        foreach (var byTree in wanted.GroupBy(pair => pair.Key.Tree))
        {
            if (solution.GetDocument(byTree.Key) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var attributes = new Dictionary<AttributeSyntax, CardVersion>();
            foreach (var pair in byTree)
            {
                if (root.FindToken(pair.Key.Start).Parent?.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
                {
                    attributes[attribute] = pair.Value;
                }
            }

            var newRoot = root.ReplaceNodes(attributes.Keys, (original, _) => WithVersion(original, attributes[original]));
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    private static AttributeSyntax WithVersion(AttributeSyntax attribute, CardVersion version)
    {
        var literal = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(version.ToString()));
        var list = attribute.ArgumentList ?? AttributeArgumentList();
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == "Version")
            {
                return attribute.ReplaceNode(argument.Expression, literal.WithTriviaFrom(argument.Expression));
            }
        }

        var added = AttributeArgument(NameEquals(IdentifierName("Version")).WithTrailingTrivia(Space), null, literal);
        var arguments = list.Arguments.Count == 0
            ? SeparatedList(new[] { added })
            : AddWithSpace(list.Arguments, added);
        return attribute.WithArgumentList(list.WithArguments(arguments));
    }

    private static SeparatedSyntaxList<AttributeArgumentSyntax> AddWithSpace(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, AttributeArgumentSyntax added)
    {
        var nodes = arguments.ToList();
        nodes.Add(added);
        var separators = Enumerable.Range(0, nodes.Count - 1)
            .Select(i => i < arguments.SeparatorCount ? arguments.GetSeparator(i) : Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
        return SeparatedList(nodes, separators);
    }

    /// <summary>The node to remove for the diagnostic, or null when the feature cannot be removed on its own.</summary>
    internal static SyntaxNode? FindRemovable(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.RemoveProperty, out var remove) || remove is null
            || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (remove)
        {
            case DiagnosticDescriptors.RemoveArgument:
                return node.FirstAncestorOrSelf<AttributeArgumentSyntax>();
            case DiagnosticDescriptors.RemoveAssignment:
                return node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { Parent: InitializerExpressionSyntax } assignment ? assignment : null;
            case DiagnosticDescriptors.RemoveElement:
                var creation = node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is BaseObjectCreationExpressionSyntax);
                return creation?.Parent switch
                {
                    InitializerExpressionSyntax => creation,
                    ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation } => invocation,
                    _ => null,
                };
            default:
                return null;
        }
    }

    internal static async Task<Document> RemoveAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var nodes = diagnostics.Select(d => FindRemovable(root, d)).Where(n => n is not null).Select(n => n!).Distinct().ToList();
        // A node inside another removed node goes with it.
        nodes = nodes.Where(n => !nodes.Any(other => other != n && other.Span.Contains(n.Span))).ToList();
        var tracked = root.TrackNodes(nodes);
        foreach (var original in nodes)
        {
            if (tracked.GetCurrentNode(original) is not { } node)
            {
                continue;
            }

            tracked = Remove(tracked, node);
        }

        return document.WithSyntaxRoot(tracked);
    }

    private static SyntaxNode Remove(SyntaxNode root, SyntaxNode node)
    {
        switch (node)
        {
            case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax list } argument:
                if (list.Arguments.Count == 1)
                {
                    return root.ReplaceNode(list.Parent!, ((AttributeSyntax)list.Parent!).WithArgumentList(null));
                }

                return root.RemoveNode(argument, SyntaxRemoveOptions.KeepTrailingTrivia)!;
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } assignment:
                if (initializer.Expressions.Count == 1 && initializer.Parent is ObjectCreationExpressionSyntax creation)
                {
                    var without = creation.WithInitializer(null);
                    if (without.ArgumentList is null)
                    {
                        without = without.WithType(without.Type.WithoutTrailingTrivia()).WithArgumentList(ArgumentList());
                    }

                    return root.ReplaceNode(creation, without.WithTrailingTrivia(creation.GetTrailingTrivia()));
                }

                return root.RemoveNode(assignment, SyntaxRemoveOptions.KeepTrailingTrivia)!;
            case ExpressionSyntax element when element.Parent is InitializerExpressionSyntax:
                return root.RemoveNode(element, SyntaxRemoveOptions.KeepTrailingTrivia)!;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                if (invocation.Parent is ExpressionStatementSyntax statement && access.Expression is IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax)
                {
                    return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!;
                }

                // b.Configure(c => c.AddElement(x)): the callback's only call goes, leaving an empty body.
                if (invocation.Parent is LambdaExpressionSyntax lambda && lambda.ExpressionBody == invocation && access.Expression is IdentifierNameSyntax)
                {
                    return root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(Block().WithTriviaFrom(invocation)));
                }

                return root.ReplaceNode(invocation, access.Expression.WithTriviaFrom(invocation));
            default:
                return root;
        }
    }

    /// <summary>Fix All: raising the version raises each card once to the highest version needed; removing uses the batch fixer.</summary>
    private sealed class VersionFixAllProvider : FixAllProvider
    {
        public static readonly VersionFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey == RemoveFeatureKey)
            {
                return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            }

            if (fixAllContext.CodeActionEquivalenceKey != RaiseVersionKey)
            {
                return null;
            }

            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                default:
                    if (fixAllContext.Document is { } document)
                    {
                        diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                    }

                    break;
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create("Raise card versions", c => RaiseAsync(solution, diagnostics, c), RaiseVersionKey);
        }
    }
}
