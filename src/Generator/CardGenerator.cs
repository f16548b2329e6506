using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// Generates, for every <c>[ChatCard]</c> type, the card's model builder, a direct JSON writer, the webhook envelope,
/// a typed card builder and <c>PostToHookAsync</c>; and for every <c>[CardPart]</c> type, its elements. Reports no
/// diagnostics: a type it cannot handle is skipped, and the analyzers explain why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CardGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var msbuildDefaults = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => CardTargets.FromBuildProperties(options.GlobalOptions));

        // Through ForAttributeWithMetadataName rather than the compilation, so an edit elsewhere does not rerun it.
        var assemblyDefaults = context.SyntaxProvider
            .ForAttributeWithMetadataName(Parser.DefaultsAttribute, static (node, _) => node is CompilationUnitSyntax, Parser.ReadDefaults)
            .Collect()
            .Select(static (all, _) => all.IsDefaultOrEmpty ? ProjectDefaults.None : all[0]);

        var defaults = msbuildDefaults.Combine(assemblyDefaults)
            .Select(static (pair, _) => CardTargets.Combine(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Defaults);

        var cards = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.ChatCardAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                Parser.ParseCard)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Cards);

        var resolved = cards.Combine(defaults)
            .Select(static (pair, _) => Resolve(pair.Left!, pair.Right))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ResolvedCards);

        var parts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.CardPartAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                Parser.ParsePart)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Parts);

        context.RegisterSourceOutput(resolved, static (spc, model) => spc.AddSource(model!.HintName + ".g.cs", Emitter.Emit(model, spc.CancellationToken)));
        context.RegisterSourceOutput(parts, static (spc, model) => spc.AddSource(model!.HintName + ".g.cs", Emitter.Emit(model, spc.CancellationToken)));
    }

    /// <summary>Applies the project defaults (<see cref="CardTargets.Resolve"/>); a card whose target is not valid is skipped, and the analyzers say why.</summary>
    internal static CardTypeModel? Resolve(CardTypeModel model, ProjectDefaults defaults)
    {
        var target = CardTargets.Resolve(model.Host, model.Version, defaults);
        return target.State == CardTargetState.Valid ? model with { Host = target.Host, Version = target.Version.ToString() } : null;
    }
}
