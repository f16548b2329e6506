using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using CardGenerator = CardGen.Generator.CardGenerator;

namespace CardGen.Analyzer.Tests;

/// <summary>
/// The generator and the analyzers together, as in a real build: the builder calls go to the generated
/// <c>CardBuilder</c>, and the analyzers never see generated code as the user's.
/// </summary>
public sealed class WithGeneratorTests
{
    private static async Task<(ImmutableArray<Diagnostic> Compiler, ImmutableArray<Diagnostic> Analyzers, int Generated)> RunAsync(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(Verify.Usings + source, parseOptions, path: "Cards.cs") },
            Verify.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new CardGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);

        var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var withAnalyzers = output.WithAnalyzers(
            Verify.AllAnalyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var analyzers = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return (output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(), analyzers, output.SyntaxTrees.Count() - 1);
    }

    [Fact]
    public async Task Calls_on_the_generated_builder_are_checked_and_generated_code_raises_nothing()
    {
        var (compiler, analyzers, generated) = await RunAsync("""
            [ChatCard(Title = "Deployed {Service}", Summary = "{Service} is live", Version = "1.2")]
            public partial class Deployed
            {
                public string Service { get; set; } = "";
                [CardFact("Version")] public string? Version { get; set; }
                [CardAction("Open", Style = ActionStyle.Positive)] public Uri? Link { get; set; }
            }

            public static class Use
            {
                public static AdaptiveCard Build(Deployed deployed)
                    => deployed.ToCardBuilder()
                        .AddElement(new Table())
                        .AddElement(new TextBlock("Done") { Wrap = true })
                        .Build();
            }
            """);
        Assert.Empty(compiler);
        Assert.Equal(1, generated);
        var diagnostic = Assert.Single(analyzers);
        Assert.Equal("CARDGEN005", diagnostic.Id);
        Assert.Equal("Cards.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal("new Table()", diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("1.5", diagnostic.Properties["RequiredVersion"]);
    }

    [Fact]
    public async Task A_card_the_generator_stubs_is_explained_by_the_analyzers_and_uses_of_it_compile()
    {
        var (compiler, analyzers, generated) = await RunAsync("""
            [ChatCard(Title = "Build {Nmae}", Summary = "S")]
            public partial class Skipped
            {
                public string Name { get; set; } = "";
                [CardImage] public int Count { get; set; }
            }

            public static class Use
            {
                public static AdaptiveCard Build(Skipped skipped) => skipped.ToCardBuilder().WithCount(1).AddElement(new TextBlock("x")).Build();
            }
            """);
        Assert.Empty(compiler);
        Assert.Equal(1, generated);
        Assert.Equal(new[] { "CARDGEN003", "CARDGEN004" }, analyzers.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_card_skipped_for_a_plain_base_types_member_is_explained_on_the_card()
    {
        var (_, analyzers, generated) = await RunAsync("""
            public abstract class EventBase
            {
                [CardImage] public int Count { get; set; }
                [CardFact("Service")] public string Service { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class Derived : EventBase
            {
            }
            """);
        Assert.Equal(1, generated);
        var diagnostic = Assert.Single(analyzers);
        Assert.Equal("CARDGEN004", diagnostic.Id);
        Assert.Equal("CardImage", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }
}
