using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using CardGenerator = CardGen.Generator.CardGenerator;

namespace CardGen.Generator.Tests;

/// <summary>
/// Finds every CARDGEN analyzer in the generator assembly by reflection and runs them all, with the generator,
/// over a compilation, the way the compiler does in a build.
/// </summary>
internal static class AnalyzerHarness
{
    /// <summary>The failure message when the generator assembly holds no analyzer.</summary>
    public const string NoAnalyzers = "no CARDGEN analyzers in the generator assembly";

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(Discover);

    /// <summary>The generator assembly, as the compiler loads it.</summary>
    public static Assembly GeneratorAssembly => typeof(CardGenerator).Assembly;

    /// <summary>One instance of every non-abstract C# <see cref="DiagnosticAnalyzer"/> in the generator assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>Every descriptor the analyzers declare.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray();

    /// <summary>
    /// Compilation options that report every CARDGEN descriptor at its default severity, including rules that are off
    /// by default, so a test sees everything any rule can say.
    /// </summary>
    public static CSharpCompilation EnableAllRules(CSharpCompilation compilation)
    {
        var specific = compilation.Options.SpecificDiagnosticOptions.ToBuilder();
        foreach (var descriptor in Descriptors)
        {
            specific[descriptor.Id] = descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => ReportDiagnostic.Error,
                DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                DiagnosticSeverity.Info => ReportDiagnostic.Info,
                _ => ReportDiagnostic.Hidden,
            };
        }

        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(specific.ToImmutable()));
    }

    /// <summary>
    /// Runs the generator, then the compiler and every analyzer in one pass over the output (the analyzers need the
    /// compiler's binding anyway, so its diagnostics come at little extra cost), and gathers what went wrong inside either.
    /// </summary>
    public static async Task<AnalysisRun> RunAsync(
        CSharpCompilation compilation,
        IEnumerable<(string Key, string Value)>? globalOptions = null,
        bool concurrentAnalysis = false,
        CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptionsProvider(globalOptions ?? Array.Empty<(string, string)>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CardGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);
        var run = driver.GetRunResult();

        var exceptions = new ConcurrentQueue<string>();
        var analyzerDiagnostics = ImmutableArray<Diagnostic>.Empty;
        ImmutableArray<Diagnostic> compilerDiagnostics;
        if (Analyzers.IsEmpty)
        {
            compilerDiagnostics = output.GetDiagnostics(cancellationToken);
        }
        else
        {
            var withAnalyzers = output.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options),
                    onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().FullName}: {exception}\n  reported as {diagnostic}"),
                    concurrentAnalysis: concurrentAnalysis,
                    logAnalyzerExecutionTime: false));
            var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var analyzerIds = new HashSet<string>(Descriptors.Select(d => d.Id), StringComparer.Ordinal) { "AD0001" };
            analyzerDiagnostics = all.Where(d => analyzerIds.Contains(d.Id)).ToImmutableArray();
            compilerDiagnostics = all.Where(d => !analyzerIds.Contains(d.Id)).ToImmutableArray();
        }

        return new AnalysisRun(output, generatorDiagnostics, run, analyzerDiagnostics, exceptions.ToImmutableArray(), compilerDiagnostics);
    }

    /// <summary>
    /// What <see cref="RunAsync"/> does for a compilation of one source tree, with only as much compiling as the caller
    /// needs: the generator runs, every analyzer runs on <paramref name="tree"/> (they skip generated code, so that is
    /// all they analyze anyway), the compiler reports on <paramref name="tree"/> when it parses, and on the whole
    /// compilation, generated files included, only when <paramref name="compileAll"/> says the tree's errors call for it.
    /// Binding the generated code is most of the cost of a run, and a fuzzer's source that does not compile does not need it.
    /// </summary>
    public static async Task<AnalysisRun> RunOnTreeAsync(
        CSharpCompilation compilation,
        SyntaxTree tree,
        IEnumerable<(string Key, string Value)>? globalOptions,
        Func<IReadOnlyList<Diagnostic>, bool> compileAll,
        CancellationToken cancellationToken)
    {
        var options = new GlobalOptionsProvider(globalOptions ?? Array.Empty<(string, string)>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CardGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)tree.Options,
            optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);
        var run = driver.GetRunResult();

        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = output.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().FullName}: {exception}\n  reported as {diagnostic}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var model = withAnalyzers.Compilation.GetSemanticModel(tree);
        var analyzerDiagnostics = (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false))
            .AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false));

        var compilerDiagnostics = tree.GetDiagnostics(cancellationToken).ToImmutableArray();
        if (!compilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            compilerDiagnostics = model.GetDiagnostics(cancellationToken: cancellationToken);
            if (compileAll(compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList()))
            {
                compilerDiagnostics = withAnalyzers.Compilation.GetDiagnostics(cancellationToken);
            }
        }

        return new AnalysisRun(output, generatorDiagnostics, run, analyzerDiagnostics, exceptions.ToImmutableArray(), compilerDiagnostics);
    }

    private static ImmutableArray<DiagnosticAnalyzer> Discover()
    {
        Type[] types;
        try
        {
            types = GeneratorAssembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new InvalidOperationException("The generator assembly has types that do not load:\n" + string.Join("\n", e.LoaderExceptions.Select(l => l?.Message)), e);
        }

        return types
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }
}

/// <summary>What one generator-and-analyzers run produced.</summary>
internal sealed record AnalysisRun(
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult GeneratorRun,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<string> AnalyzerExceptions,
    ImmutableArray<Diagnostic> CompilerDiagnostics)
{
    /// <summary>Everything that says the generator or an analyzer threw: CS8784/CS8785, a run result's exception, AD0001, the exception callback.</summary>
    public IReadOnlyList<string> Crashes()
    {
        var crashes = new List<string>();
        crashes.AddRange(GeneratorDiagnostics.Select(d => $"generator diagnostic {d}"));
        crashes.AddRange(GeneratorRun.Results.Where(r => r.Exception is not null).Select(r => $"generator {r.Generator.GetGeneratorType().Name} threw {r.Exception}"));
        crashes.AddRange(GeneratorRun.Diagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => $"generator diagnostic {d}"));
        crashes.AddRange(AnalyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => $"analyzer exception {d}"));
        crashes.AddRange(AnalyzerExceptions.Select(e => $"analyzer exception {e}"));
        return crashes;
    }
}
