using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// Generates, for every <c>[ChatCard]</c> type, the card's model builder, a direct JSON writer, the webhook envelope,
/// a typed card builder and <c>PostToHookAsync</c>; and for every <c>[CardPart]</c> type, its elements. Reports no
/// diagnostics: a type with an error the analyzers report gets the same members with bodies that throw (a stub), so
/// uses of them add no error of their own; a type nothing can be added to (not partial, generic, nested in a type
/// that is not partial) gets its instance members as extension methods that throw instead, where code outside it
/// can name it.
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
            .WithTrackingName(TrackingNames.ResolvedCards);

        var parts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.CardPartAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                Parser.ParsePart)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Parts);

        InitializeTemplates(context, defaults);

        context.RegisterSourceOutput(resolved, static (spc, model) => spc.AddSource(model.HintName + ".g.cs", Emit(model, spc.CancellationToken)));
        context.RegisterSourceOutput(parts, static (spc, model) => spc.AddSource(model!.HintName + ".g.cs", Emit(model, spc.CancellationToken)));
    }

    private static string Emit(CardTypeModel model, System.Threading.CancellationToken cancellationToken)
        => model.Extension is not null ? ExtensionStubEmitter.Emit(model, cancellationToken)
            : model.Problem is null ? Emitter.Emit(model, cancellationToken)
            : StubEmitter.Emit(model, cancellationToken);

    /// <summary>
    /// Applies the project defaults (<see cref="CardTargets.Resolve"/>); a card whose target is not valid becomes a stub,
    /// and the analyzers say why (CARDGEN006 for a version above the host, CARDGEN007 for a host or version that is not one).
    /// </summary>
    internal static CardTypeModel Resolve(CardTypeModel model, ProjectDefaults defaults)
    {
        if (model.Problem is not null)
        {
            return model;
        }

        var target = CardTargets.Resolve(model.Host, model.Version, defaults);
        if (target.State == CardTargetState.Valid)
        {
            return model with { Host = target.Host, Version = target.Version.ToString() };
        }

        return model with
        {
            Problem = Parser.Reported(target.State == CardTargetState.AboveHost ? DiagnosticDescriptors.HostDoesNotSupportId : DiagnosticDescriptors.InvalidLiteralId),
            Members = Emitter.UsedMembers(model).ToEquatableArray(),
            Title = EquatableArray<TemplatePartModel>.Empty,
            Summary = EquatableArray<TemplatePartModel>.Empty,
            Items = EquatableArray<ItemModel>.Empty,
        };
    }
}
