using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator.Benchmarks;

/// <summary>
/// The floor for any generator that finds <c>[ChatCard]</c> types with <c>ForAttributeWithMetadataName</c>: it finds
/// them and does nothing else. Roslyn runs such a transform again for every match whenever the compilation changes,
/// so this measures what the CardGen re-run cannot go below.
/// </summary>
#pragma warning disable RS1036, RS1041 // A benchmark fixture, never shipped as an analyzer.
[Generator]
public sealed class AttributeFloorGenerator : IIncrementalGenerator
#pragma warning restore RS1036, RS1041
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "CardGen.ChatCardAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (attributed, _) => attributed.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (_, _) => { });
    }
}
