using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using CardGenerator = CardGen.Generator.CardGenerator;

namespace CardGen.Generator.Benchmarks;

/// <summary>
/// The two equivalent projects the generators run over: 500 eight-member types, one file each, plus a shared enum and
/// one unrelated file that the re-run benchmarks edit.
/// </summary>
internal static class Workload
{
    public const int TypeCount = 500;

    public const string UnrelatedPath = "Unrelated.cs";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private const string Unrelated = """
        namespace Bench;

        public static class Unrelated
        {
            public static int Answer(int x) => x + 1;
        }
        """;

    private const string Severity = """
        namespace Bench;

        public enum Severity { Info, Warning, Error, Critical }
        """;

    /// <summary>500 <c>[ChatCard]</c> types, each with 3 string facts, an int in the title, a text, an action, a date fact and an enum fact.</summary>
    public static GeneratorScenario CardGen(ISourceGenerator? generator = null)
    {
        var sources = new List<(string Path, string Text)> { ("Severity.cs", Severity), (UnrelatedPath, Unrelated) };
        for (var i = 0; i < TypeCount; i++)
        {
            sources.Add(($"Cards/Notification{i:D3}.cs", CardGenType(i)));
        }

        var references = DotnetPacks.FrameworkReferences
            .Add(MetadataReference.CreateFromFile(typeof(Cards.AdaptiveCard).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
        return new GeneratorScenario("CardGen", generator ?? new CardGenerator().AsSourceGenerator(), Compile("CardGenBench", sources, references), ParseOptions);
    }

    /// <summary>500 equivalent plain classes, each listed in one <c>[JsonSerializable]</c> on <c>AppJsonContext</c>.</summary>
    public static GeneratorScenario SystemTextJson()
    {
        var sources = new List<(string Path, string Text)> { ("Severity.cs", Severity), (UnrelatedPath, Unrelated) };
        for (var i = 0; i < TypeCount; i++)
        {
            sources.Add(($"Models/Notification{i:D3}.cs", PocoType(i)));
        }

        var context = new StringBuilder();
        context.AppendLine("using System.Text.Json.Serialization;").AppendLine().AppendLine("namespace Bench.Models;").AppendLine();
        for (var i = 0; i < TypeCount; i++)
        {
            context.AppendLine(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Notification{i:D3}))]");
        }

        context.AppendLine("public partial class AppJsonContext : JsonSerializerContext").AppendLine("{").AppendLine("}");
        sources.Add(("Models/AppJsonContext.cs", context.ToString()));
        return new GeneratorScenario("System.Text.Json", DotnetPacks.LoadStjGenerator(), Compile("StjBench", sources, DotnetPacks.FrameworkReferences), ParseOptions);
    }

    private static string CardGenType(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System;
        using Bench;
        using CardGen;

        namespace Bench.Cards;

        [ChatCard(Title = "Event {Number} of {Project} ({{i}})", Summary = "{Project} on {Branch} by {Author}")]
        public partial class Notification{{i:D3}}
        {
            [CardFact("Project")] public string Project { get; set; } = "";
            [CardFact("Branch")] public string Branch { get; set; } = "";
            [CardFact("Author")] public string Author { get; set; } = "";
            public int Number { get; set; }
            [CardText] public string? Details { get; set; }
            [CardAction("Open")] public Uri Link { get; set; } = new Uri("https://example.com/{{i}}");
            [CardFact("When")] public DateTimeOffset When { get; set; }
            [CardFact("Severity")] public Severity Severity { get; set; }
        }
        """);

    private static string PocoType(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System;
        using Bench;

        namespace Bench.Models;

        public class Notification{{i:D3}}
        {
            public string Project { get; set; } = "";
            public string Branch { get; set; } = "";
            public string Author { get; set; } = "";
            public int Number { get; set; }
            public string? Details { get; set; }
            public Uri Link { get; set; } = new Uri("https://example.com/{{i}}");
            public DateTimeOffset When { get; set; }
            public Severity Severity { get; set; }
        }
        """);

    private static CSharpCompilation Compile(string name, IEnumerable<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references)
        => CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), ParseOptions, path: s.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}

/// <summary>One generator and the compilation it runs over, with the unrelated file before and after an edit.</summary>
internal sealed class GeneratorScenario
{
    private readonly CSharpCompilation _compilation;
    private readonly CSharpParseOptions _parseOptions;

    public GeneratorScenario(string name, ISourceGenerator generator, CSharpCompilation compilation, CSharpParseOptions parseOptions)
    {
        Name = name;
        Generator = generator;
        _compilation = compilation;
        _parseOptions = parseOptions;
    }

    public string Name { get; }

    public ISourceGenerator Generator { get; }

    /// <summary>A driver with nothing cached.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            new[] { Generator },
            parseOptions: _parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// The compilation as a build produces it: every file parsed anew, no semantic state (no symbols bound, no
    /// attributes decoded), so nothing a generator kept for the syntax of an earlier run applies. Metadata references
    /// stay shared, as they do in a compiler server or an IDE.
    /// </summary>
    public Compilation FreshCompilation()
        => _compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(_compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), _parseOptions, t.FilePath)));

    /// <summary>Runs a fresh driver once over a fresh compilation; returns it and that compilation with the unrelated file edited.</summary>
    public (GeneratorDriver Warm, Compilation Edited) Warm(bool trackSteps = false)
    {
        var compilation = FreshCompilation();
        var warm = CreateDriver(trackSteps).RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == Workload.UnrelatedPath);

        // An edit as an editor makes it: a one-character change in a method body, reparsed incrementally.
        var text = unrelated.GetText();
        var at = text.ToString().IndexOf("x + 1", System.StringComparison.Ordinal) + "x + ".Length;
        return (warm, compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 1), "2")))));
    }
}
