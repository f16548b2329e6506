using System.Linq;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            .ForAttributeWithMetadataName(KnownNames.DefaultsAttribute, static (node, _) => node is CompilationUnitSyntax, Parser.ReadDefaults)
            .Collect()
            .Select(static (all, _) => all.IsDefaultOrEmpty ? ProjectDefaults.None : all[0]);

        var defaults = msbuildDefaults.Combine(assemblyDefaults)
            .Select(static (pair, _) => CardTargets.Combine(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Defaults);

        var cards = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ChatCardAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                Parser.ParseCard)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Cards);

        var resolved = cards.Combine(defaults)
            .Select(static (pair, _) => Resolve(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.ResolvedCards);

        var parts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.CardPartAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                Parser.ParsePart)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Parts);

        // <CardGenGenerate>false</CardGenGenerate> turns the generator off; the analyzers, in the same assembly, still run.
        var enabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => IsEnabled(options.GlobalOptions));
        InitializeTemplates(context, defaults, enabled);

        // C# 10 and later get a file-scoped namespace: the same code, a level less indented.
        var fileScoped = context.ParseOptionsProvider.Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 });
        var output = enabled.Combine(fileScoped);
        context.RegisterSourceOutput(resolved.Combine(output), static (spc, pair) =>
        {
            if (pair.Right.Left)
            {
                spc.AddSource(pair.Left.HintName + ".g.cs", Emit(pair.Left, pair.Right.Right, spc.CancellationToken));
            }
        });
        context.RegisterSourceOutput(parts.Combine(output), static (spc, pair) =>
        {
            if (pair.Right.Left)
            {
                spc.AddSource(pair.Left!.HintName + ".g.cs", Emit(pair.Left, pair.Right.Right, spc.CancellationToken));
            }
        });
    }

    /// <summary>The MSBuild property (made visible to the compiler by the package's props) that turns the generator off when <c>false</c>.</summary>
    internal const string GenerateProperty = "build_property.CardGenGenerate";

    private static bool IsEnabled(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
        => !(options.TryGetValue(GenerateProperty, out var value) && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));

    private static string Emit(CardTypeModel model, bool fileScoped, System.Threading.CancellationToken cancellationToken)
        => model.Extension is not null ? ExtensionStubEmitter.Emit(model, cancellationToken)
            : model.Problem is null ? Emitter.Emit(model, fileScoped, cancellationToken)
            : StubEmitter.Emit(model, fileScoped, cancellationToken);

    /// <summary>
    /// Applies the project defaults (<see cref="CardTargets.Resolve"/>); a card whose target is not valid becomes a stub,
    /// and the analyzers say why (CARDGEN006 for a version above the host, CARDGEN007 for a host or version that is not
    /// one, CARDGEN005 for a style newer than the version): the checks <see cref="CardReader"/> makes once it knows the target.
    /// </summary>
    internal static CardTypeModel Resolve(CardTypeModel model, ProjectDefaults defaults)
    {
        if (model.Problem is not null)
        {
            return model;
        }

        var target = CardTargets.Resolve(model.Host, model.Version, defaults);
        string problem;
        if (target.State != CardTargetState.Valid)
        {
            problem = target.State == CardTargetState.AboveHost ? DiagnosticDescriptors.HostDoesNotSupportId : DiagnosticDescriptors.InvalidLiteralId;
        }
        else if (model.Items.Any(item => CardReader.StyleRequirement(item) is { } required && required > target.Version))
        {
            problem = DiagnosticDescriptors.FeatureNeedsNewerVersionId; // The reader reports it where it knows the target: the analyzer.
        }
        else
        {
            return model with { Host = target.Host, Version = target.Version.ToString() };
        }

        return model with
        {
            Problem = Parser.Reported(problem),
            Members = Emitter.UsedMembers(model).ToEquatableArray(),
            Title = EquatableArray<TemplatePartModel>.Empty,
            Summary = EquatableArray<TemplatePartModel>.Empty,
            Items = EquatableArray<ItemModel>.Empty,
        };
    }
}
