using System.Linq;
using System.Threading;
using CardGen.Generator.Models;
using CardGen.Generator.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>The MSBuild property that holds the project folder, where template paths are looked up second.</summary>
    internal const string ProjectDirectoryProperty = "build_property.ProjectDir";

    /// <summary>
    /// Template cards: each <c>[ChatCard(Template = …)]</c> type meets its file (one text per additional file, read once),
    /// is compiled against its members and emitted. Editing one template changes only that card's input, so the
    /// other cards' compile and emit steps stay cached.
    /// </summary>
    private static void InitializeTemplates(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ProjectDefaults> defaults, IncrementalValueProvider<bool> enabled)
    {
        var cards = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.ChatCardAttribute, static (node, _) => node is TypeDeclarationSyntax, TemplateCards.Parse)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.TemplateCards);

        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => new TemplateFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.TemplateFiles)
            .Collect();

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(ProjectDirectoryProperty, out var directory) ? directory : null);

        var inputs = cards
            .Combine(files.Combine(projectDirectory).Combine(defaults))
            .Select(static (pair, cancellationToken) => FindTemplate(pair.Left!, pair.Right.Left.Left, pair.Right.Left.Right, pair.Right.Right))
            .WithTrackingName(TrackingNames.TemplateInputs);

        var compiled = inputs
            .Select(static (input, cancellationToken) => CompileTemplate(input, cancellationToken))
            .WithTrackingName(TrackingNames.TemplateOutputs);

        context.RegisterSourceOutput(compiled.Combine(enabled), static (spc, pair) =>
        {
            if (pair.Right)
            {
                spc.AddSource(pair.Left.Card.HintName + ".g.cs", TemplateEmitter.Emit(pair.Left, spc.CancellationToken));
            }
        });
    }

    private static TemplateCardInput FindTemplate(TemplateCardModel card, System.Collections.Immutable.ImmutableArray<TemplateFile> files, string? projectDirectory, ProjectDefaults defaults)
    {
        var host = CardTargets.Resolve(card.Host, null, defaults).Host;
        if (card.TemplateJson is not null)
        {
            return new TemplateCardInput(card, card.TemplatePath is null ? card.TemplateJson : null, null, host);
        }

        var file = TemplateCards.Find(card.TemplatePath!, card.SourcePath, projectDirectory, files, static f => f.Path);
        return new TemplateCardInput(card, file?.Text, file?.Path, host);
    }

    private static TemplateCardOutput CompileTemplate(TemplateCardInput input, CancellationToken cancellationToken)
    {
        if (input.Text is null)
        {
            return new TemplateCardOutput(input.Card, null, EquatableArray<string>.Empty, Parser.Reported(Diagnostics.DiagnosticDescriptors.TemplateFileId));
        }

        var compilation = TemplateCompiler.Compile(input.Text, input.Card.Data, CardTargets.ProfilesOf(input.Host), cancellationToken);
        var problem = compilation.Body is null ? compilation.Diagnostics.FirstOrDefault(d => !d.IsWarning) : null;
        return new TemplateCardOutput(input.Card, compilation.Body, compilation.Names, problem is null ? null : Parser.Reported(problem.Id));
    }
}
