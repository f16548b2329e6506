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
        var msbuildDefaults = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.CardGenDefaultHost", out var host);
            options.GlobalOptions.TryGetValue("build_property.CardGenDefaultVersion", out var version);
            return new ProjectDefaults(ParseHost(host), string.IsNullOrWhiteSpace(version) ? null : version!.Trim());
        });

        // Through ForAttributeWithMetadataName rather than the compilation, so an edit elsewhere does not rerun it.
        var assemblyDefaults = context.SyntaxProvider
            .ForAttributeWithMetadataName(Parser.DefaultsAttribute, static (node, _) => node is CompilationUnitSyntax, Parser.ReadDefaults)
            .Collect()
            .Select(static (all, _) => all.IsDefaultOrEmpty ? new ProjectDefaults(0, null) : all[0]);

        var defaults = msbuildDefaults.Combine(assemblyDefaults)
            .Select(static (pair, _) => new ProjectDefaults(
                pair.Right.Host != 0 ? pair.Right.Host : pair.Left.Host,
                pair.Right.Version ?? pair.Left.Version))
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

    /// <summary>Applies project defaults: the attribute wins, then <c>[assembly: ChatCardDefaults]</c>, then MSBuild, then RingCentral at its version.</summary>
    internal static CardTypeModel? Resolve(CardTypeModel model, ProjectDefaults defaults)
    {
        var host = model.Host != 0 ? model.Host : defaults.Host != 0 ? defaults.Host : 1;
        var profile = host == 2 ? Schema.HostProfile.Generic : Schema.HostProfile.RingCentral;
        var text = model.Version ?? defaults.Version ?? profile.MaxVersion.ToString();
        if (!Schema.CardVersion.TryParse(text, out var version) || version > profile.MaxVersion || version < Schema.CardVersion.V1_0)
        {
            return null;
        }

        return model with { Host = host, Version = version.ToString() };
    }

    internal static int ParseHost(string? value)
        => value?.Trim().ToUpperInvariant() switch
        {
            "RINGCENTRAL" => 1,
            "GENERIC" => 2,
            _ => 0,
        };
}
