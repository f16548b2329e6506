using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// The sample is a realistic CardGen project: every analyzer runs over it, with the generator and the sample's own
/// MSBuild defaults, and none of them has anything to say (at any severity) or throws.
/// </summary>
public sealed class SampleAnalysisTests
{
    private static readonly string[] DefaultProperties = { "CardGenDefaultHost", "CardGenDefaultVersion" };

    [Fact]
    public async Task The_sample_raises_no_CARDGEN_diagnostic_at_any_severity()
    {
        var project = Path.Combine(RepositoryPaths.Root, "samples", "CardGen.Sample");
        var files = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(project, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 0, $"No sources under {project}.");

        // The SDK builds the sample with C# 14; the Roslyn these tests run on (4.11) still calls some of the newer BCL
        // shapes the sample meets (ref struct interfaces) a preview feature.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = AnalyzerHarness.EnableAllRules(
            GeneratorHarness.Compile(LanguageVersion.Latest)
                .WithAssemblyName("CardGen.Sample")
                .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable))
                .WithReferences(Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
                    .Append(MetadataReference.CreateFromFile(typeof(CardGen.Cards.AdaptiveCard).Assembly.Location))
                    .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
                    .Append(MetadataReference.CreateFromFile(typeof(CardGen.Emulator.HookEmulator).Assembly.Location)))
                .AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: f))));

        var run = await AnalyzerHarness.RunAsync(compilation, MsBuildDefaults(Path.Combine(project, "CardGen.Sample.csproj")), concurrentAnalysis: true);

        Assert.Empty(run.Crashes());
        var generated = run.GeneratorRun.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.Contains(generated, h => h.EndsWith("BuildFailed.g.cs", StringComparison.Ordinal));
        Assert.Contains(generated, h => h.EndsWith("IssueCreated.g.cs", StringComparison.Ordinal));

        // The sample compiles as it does in its own build, so the analyzers saw the real program.
        var errors = run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The sample does not compile in memory:\n  " + string.Join("\n  ", errors));

        Assert.False(AnalyzerHarness.Analyzers.IsEmpty, AnalyzerHarness.NoAnalyzers);
        var cardgen = run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("CARDGEN", StringComparison.Ordinal)).ToList();
        Assert.True(cardgen.Count == 0, $"The sample raises {cardgen.Count} CARDGEN diagnostic(s):\n  " + string.Join("\n  ", cardgen.Select(d => $"{d.Severity} {d}")));
    }

    private static bool IsBuildOutput(string project, string file)
    {
        var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    /// <summary>The CardGen defaults the project file sets, as the compiler sees them (<c>build_property.X</c>).</summary>
    private static List<(string Key, string Value)> MsBuildDefaults(string projectFile)
    {
        var project = XDocument.Load(projectFile);
        return project.Descendants()
            .Where(e => DefaultProperties.Contains(e.Name.LocalName, StringComparer.Ordinal) && e.Parent?.Name.LocalName == "PropertyGroup")
            .Select(e => ("build_property." + e.Name.LocalName, e.Value.Trim()))
            .ToList();
    }
}
