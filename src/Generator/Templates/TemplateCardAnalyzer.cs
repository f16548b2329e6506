using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CardGen.Generator.Analyzers;
using CardGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CardGen.Generator.Templates;

/// <summary>
/// Checks <c>[ChatCard(Template = …)]</c> and <c>[ChatCard(TemplateJson = …)]</c> cards: finds the file, compiles the
/// template exactly as the generator does and reports every problem at its place in the JSON (CARDGEN018–CARDGEN028), and
/// the [ChatCard] arguments a template card does not use (CARDGEN029).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TemplateCardAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TemplateFile, DiagnosticDescriptors.TemplateSyntax, DiagnosticDescriptors.TemplateSchema,
        DiagnosticDescriptors.TemplateRequired, DiagnosticDescriptors.TemplateEnum, DiagnosticDescriptors.TemplateVersion,
        DiagnosticDescriptors.TemplateMember, DiagnosticDescriptors.TemplateData, DiagnosticDescriptors.TemplateWhen,
        DiagnosticDescriptors.TemplateUnsupported, DiagnosticDescriptors.TemplateDuplicateId, DiagnosticDescriptors.TemplateIgnoredArgument);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CardGenSymbols.TryCreate(start.Compilation, start.Options) is not { } symbols)
            {
                return;
            }

            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(CardGenerator.ProjectDirectoryProperty, out var projectDirectory);
            var files = start.Options.AdditionalFiles.Where(f => f.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
            start.RegisterSymbolAction(c => Analyze(c, symbols, files, projectDirectory), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, CardGenSymbols symbols, ImmutableArray<AdditionalText> files, string? projectDirectory)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = CardGenSymbols.FindAttribute(type, symbols.ChatCard);
        if (attribute is null || !TemplateCards.IsTemplateCard(attribute)
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        var (path, json, host) = TemplateCards.ReadArguments(attribute);
        var pathArgument = Argument(syntax, TemplateCards.TemplateArgument);
        var jsonArgument = Argument(syntax, TemplateCards.TemplateJsonArgument);
        if (path is not null && json is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateFile, jsonArgument?.GetLocation() ?? syntax.GetLocation(), $"'{type.Name}' gives both Template and TemplateJson; keep one"));
            return;
        }

        foreach (var (name, instead) in IgnoredArguments)
        {
            if (Argument(syntax, name) is { } ignored)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateIgnoredArgument, ignored.GetLocation(), name, type.Name, instead));
            }
        }

        var profiles = CardTargets.ProfilesOf(CardTargets.Resolve(host, null, symbols.ProjectDefaults).Host);
        var shape = DataShapes.Describe(type);
        if (json is not null)
        {
            var compilation = TemplateCompiler.Compile(json, shape, profiles, context.CancellationToken);
            var literal = jsonArgument?.Expression as LiteralExpressionSyntax;
            foreach (var diagnostic in compilation.Diagnostics)
            {
                var location = InlineLocation(literal, json, diagnostic) ?? jsonArgument?.GetLocation() ?? syntax.GetLocation();
                context.ReportDiagnostic(Create(diagnostic, location, type));
            }

            return;
        }

        var sourcePath = syntax.SyntaxTree.FilePath;
        var file = TemplateCards.Find(path!, sourcePath, projectDirectory, files, static f => f.Path);
        var argumentLocation = pathArgument?.GetLocation() ?? syntax.GetLocation();
        if (file is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TemplateFile,
                argumentLocation,
                $"the template file '{path}' of '{type.Name}' is not among the project's AdditionalFiles: name it *.card.json, or add <AdditionalFiles Include=\"{path}\" /> to the project"));
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateFile, argumentLocation, $"the template file '{path}' of '{type.Name}' cannot be read"));
            return;
        }

        var result = TemplateCompiler.Compile(text.ToString(), shape, profiles, context.CancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            var span = new TextSpan(System.Math.Min(diagnostic.Start, text.Length), System.Math.Min(diagnostic.Length, System.Math.Max(0, text.Length - diagnostic.Start)));
            context.ReportDiagnostic(Create(diagnostic, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), type));
        }
    }

    private static Diagnostic Create(TemplateDiagnostic diagnostic, Location location, INamedTypeSymbol type)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (diagnostic.Suggestion is not null)
        {
            properties = properties.Add(DiagnosticDescriptors.SuggestionProperty, diagnostic.Suggestion);
        }

        IEnumerable<Location>? additional = null;
        if (diagnostic.MissingMember is not null)
        {
            properties = properties.Add(DiagnosticDescriptors.MissingMemberProperty, diagnostic.MissingMember)
                .Add(DiagnosticDescriptors.MissingMemberTypeProperty, diagnostic.MissingMemberType);
            additional = FindTypeLocation(type, diagnostic.MissingMemberType);
        }

        var descriptor = DiagnosticDescriptors.ForTemplate(diagnostic.Id);
        var severity = diagnostic.IsWarning ? DiagnosticSeverity.Warning : descriptor.DefaultSeverity;
        return Diagnostic.Create(descriptor, location, severity, additional, properties, diagnostic.Message);
    }

    /// <summary>Where the type the code fix adds a member to is declared (the card, or the type of one of its members).</summary>
    private static Location[]? FindTypeLocation(INamedTypeSymbol card, string? typeName)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<ITypeSymbol>();
        queue.Enqueue(card);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            if (type is INamedTypeSymbol named && named.ToDisplayString() == typeName)
            {
                var location = named.Locations.FirstOrDefault(l => l.IsInSource);
                return location is null ? null : new[] { location };
            }

            if (type is INamedTypeSymbol withMembers && seen.Count < 64)
            {
                foreach (var (_, memberType) in DataShapes.ReadableMembers(withMembers))
                {
                    var inner = memberType is IArrayTypeSymbol array ? array.ElementType : memberType;
                    if (inner is INamedTypeSymbol { IsGenericType: true } generic)
                    {
                        foreach (var argument in generic.TypeArguments)
                        {
                            queue.Enqueue(argument);
                        }
                    }

                    queue.Enqueue(inner);
                }
            }
        }

        return null;
    }

    /// <summary>The [ChatCard] arguments a template card does not use (CARDGEN029), and what to do instead.</summary>
    private static readonly (string Name, string Instead)[] IgnoredArguments =
    {
        ("Title", "write the heading in the template"),
        ("Summary", "write the notification text as the template's \"fallbackText\""),
        ("IconUrl", "a template card is posted without an icon; remove it, or map the type's members instead of using a template"),
    };

    private static AttributeArgumentSyntax? Argument(AttributeSyntax syntax, string name)
        => syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>
    /// Maps a place in an inline template to the source: exactly where the literal's text is the template's text, line
    /// by line for a multi-line raw string (its lines lose the closing quotes' indentation).
    /// </summary>
    private static Location? InlineLocation(LiteralExpressionSyntax? literal, string json, TemplateDiagnostic diagnostic)
    {
        if (literal is null)
        {
            return null;
        }

        var token = literal.Token;
        var tokenText = token.Text;
        var tree = literal.SyntaxTree;
        var at = tokenText.IndexOf(json, System.StringComparison.Ordinal);
        if (at >= 0)
        {
            return Location.Create(tree, new TextSpan(token.SpanStart + at + diagnostic.Start, diagnostic.Length));
        }

        if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            return null;
        }

        var valueLines = json.Split('\n');
        var tokenLines = tokenText.Split('\n');
        var lastLine = tokenLines[tokenLines.Length - 1];
        var indent = lastLine.Length - lastLine.TrimStart().Length;
        var offset = 0;
        var tokenOffset = tokenLines[0].Length + 1;
        for (var i = 0; i < valueLines.Length && i + 1 < tokenLines.Length; i++)
        {
            var lineLength = valueLines[i].Length;
            if (diagnostic.Start <= offset + lineLength)
            {
                var column = diagnostic.Start - offset;
                var lineIndent = System.Math.Min(indent, tokenLines[i + 1].Length);
                var start = token.SpanStart + tokenOffset + lineIndent + column;
                var length = System.Math.Min(diagnostic.Length, System.Math.Max(1, lineLength - column));
                return Location.Create(tree, new TextSpan(start, length));
            }

            offset += lineLength + 1;
            tokenOffset += tokenLines[i + 1].Length + 1;
        }

        return null;
    }
}
