using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CardGenerator = CardGen.Generator.CardGenerator;
using TemplateCardAnalyzer = CardGen.Generator.Templates.TemplateCardAnalyzer;

namespace CardGen.Generator.Tests.Templates;

/// <summary>A template file as the compiler sees an AdditionalFiles item.</summary>
internal sealed class TemplateText : AdditionalText
{
    private readonly SourceText _text;

    public TemplateText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Runs the generator and the template analyzer over a source with template files, and runs the result.</summary>
internal static class TemplateHarness
{
    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions, IEnumerable<AdditionalText> files)
        => CSharpGeneratorDriver.Create(
            new[] { new CardGenerator().AsSourceGenerator() },
            additionalTexts: files,
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates; fails on any compiler error in the result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run) Generate(string source, params (string Path, string Text)[] files)
        => Generate(new[] { source }, files);

    public static (Compilation Output, GeneratorDriverRunResult Run) Generate(string[] sources, params (string Path, string Text)[] files)
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, sources);
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options, files.Select(f => new TemplateText(f.Path, f.Text)))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var run = driver.GetRunResult();
        Assert.Null(Assert.Single(run.Results).Exception);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + string.Join("\n", run.GeneratedTrees.Select(t => t.ToString())));
        return (output, run);
    }

    /// <summary>The template analyzer's diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, params (string Path, string Text)[] files)
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, source);
        var options = new AnalyzerOptions(files.Select(f => (AdditionalText)new TemplateText(f.Path, f.Text)).ToImmutableArray());
        return await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateCardAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    /// <summary>Emits the compilation, loads it in a context of its own and calls <c>ToCardJson()</c> on the object <paramref name="create"/> makes.</summary>
    public static string Run(Compilation output, string factoryType, string factoryMethod)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("template-card", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var factory = assembly.GetType(factoryType, throwOnError: true)!.GetMethod(factoryMethod, BindingFlags.Public | BindingFlags.Static)!;
            var card = factory.Invoke(null, null)!;
            return (string)card.GetType().GetMethod("ToCardJson")!.Invoke(card, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
