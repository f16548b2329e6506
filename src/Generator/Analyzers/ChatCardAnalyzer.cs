using System.Collections.Immutable;
using System.Threading;
using CardGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// Reports what <see cref="CardReader"/> finds on each <c>[ChatCard]</c> and <c>[CardPart]</c> type and its members:
/// the shape the generator needs (CARDGEN001, 002), templates (003), mapping attributes (004, 013, 014), versions and
/// hosts (005, 006), literals (007), empty cards (009), host presentation (011) and markdown from outside data (012).
/// The generator reads each type with the same reader, and writes its members exactly when the reading has no error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChatCardAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        NotPartial, CannotExtend, TemplatePlaceholder, MemberCannotRender, FeatureNeedsNewerVersion, HostDoesNotSupport,
        InvalidLiteral, EmptyCard, HostPresentation, MarkdownFromOutside, ActionInPart, ConflictingMapping);

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

            start.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, CardGenSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? card = null, part = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (CardGenSymbols.Is(attribute.AttributeClass, symbols.ChatCard))
            {
                card = attribute;
            }
            else if (CardGenSymbols.Is(attribute.AttributeClass, symbols.CardPart))
            {
                part = attribute;
            }
        }

        var diagnostics = card is not null || part is not null
            ? CardReader.Read(type, card, part, symbols.ProjectDefaults, context.CancellationToken).Diagnostics
            : !type.IsGenericType && MayHaveMappedMembers(type, context.CancellationToken)
                ? CardReader.ReadPlainBase(type, context.CancellationToken)
                : default;
        var templateCard = card is not null && Templates.TemplateCards.IsTemplateCard(card);
        foreach (var diagnostic in diagnostics)
        {
            if (templateCard && diagnostic.Descriptor.Id is not (NotPartialId or CannotExtendId))
            {
                continue; // A template card's members are its data; TemplateCardAnalyzer checks the template.
            }

            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>A syntax-only first look (no binding): does a member declaration carry an attribute named like a mapping one?</summary>
    private static bool MayHaveMappedMembers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                foreach (var list in member.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        if (KnownNames.WrittenName(attribute.Name) is { } name && KnownNames.MayBeMapping(name))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
