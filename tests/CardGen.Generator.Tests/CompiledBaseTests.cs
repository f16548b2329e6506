using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>A card whose base type comes from another assembly: the stub the generator writes for it, the analyzers explain on the card.</summary>
public sealed class CompiledBaseTests
{
    [Fact]
    public async Task A_compiled_base_types_member_that_cannot_render_is_reported_on_the_card()
    {
        var library = GeneratorHarness.Compile(LanguageVersion.Latest, """
            using CardGen;
            namespace Events;
            public abstract class EventBase
            {
                [CardImage] public int Count { get; set; }
                [CardFact("Service")] public string Service { get; set; } = "";
            }
            """).WithAssemblyName("Events");
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        const string Source = """
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Derived : Events.EventBase
            {
            }
            """;
        var compilation = AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, Source)
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray())));
        var run = await AnalyzerHarness.RunAsync(compilation);

        Assert.Empty(run.Crashes());
        var generated = GeneratorHarness.GeneratedSources(run.GeneratorRun);
        Assert.Equal(new[] { "Demo.Derived.g.cs" }, generated.Keys);
        Assert.True(GeneratorHarness.IsStub(generated["Demo.Derived.g.cs"]), generated["Demo.Derived.g.cs"]);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "CARDGEN004");
        Assert.Equal("Derived", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Count'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "CARDGEN004" && d != diagnostic);
    }
}
