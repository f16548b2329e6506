using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CardGenerator = CardGen.Generator.CardGenerator;

namespace CardGen.Generator.Tests;

/// <summary>Runs the generator over source text with the .NET 8 reference assemblies and the CardGen runtime.</summary>
internal static class GeneratorHarness
{
    /// <summary>The lowest C# version the generated code supports: C# 8 (nullable reference types).</summary>
    public const LanguageVersion LowestLanguageVersion = LanguageVersion.CSharp8;

    private static readonly ImmutableArray<MetadataReference> References = Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(CardGen.Cards.AdaptiveCard).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compile(LanguageVersion languageVersion = LanguageVersion.Latest, params string[] sources)
        => CSharpCompilation.Create(
            "CardGenTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(languageVersion), path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null, IEnumerable<(string Key, string Value)>? globalOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new CardGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            optionsProvider: globalOptions is null ? null : new GlobalOptionsProvider(globalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with the generated files and every diagnostic of it.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Run(
        string source,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<(string Key, string Value)>? globalOptions = null)
    {
        var compilation = Compile(languageVersion, source);
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options, globalOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        Assert.Empty(generatorDiagnostics);
        Assert.Null(Assert.Single(run.Results).Exception);
        return (output, output.GetDiagnostics(), run);
    }

    public static IReadOnlyDictionary<string, string> GeneratedSources(GeneratorDriverRunResult run)
        => run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Whether generated code is the stub of a card with an error: its members throw (the one factory they call).</summary>
    public static bool IsStub(string generated)
        => generated.Contains("private static global::System.InvalidOperationException CardGenNotGenerated()", StringComparison.Ordinal);

    /// <summary>Whether generated code is the stub of a type nothing can be added to: extension methods in a static class of their own.</summary>
    public static bool IsExtensionStub(string generated)
        => IsStub(generated) && generated.Contains("internal static class CardGenNotGenerated_", StringComparison.Ordinal);
}

/// <summary>Compares generated code with baseline files; set CARDGEN_ACCEPT_BASELINES=1 to accept changes.</summary>
internal static class Baseline
{
    public static string Directory => Path.Combine(FindRoot(), "tests", "CardGen.Generator.Tests", "Baselines");

    /// <summary>
    /// Whether to write the output as the new baseline rather than compare it. Accepting is a reviewer's decision on a
    /// developer machine; under CI it would turn every difference into a pass, so it fails there instead.
    /// </summary>
    public static bool Accepts(string? acceptVariable, string? ciVariable)
    {
        if (acceptVariable != "1")
        {
            return false;
        }

        if (string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CARDGEN_ACCEPT_BASELINES=1 is refused under CI=true: it would rewrite the baselines and pass whatever the generator wrote. Accept changes on a developer machine and commit the reviewed baselines.");
        }

        return true;
    }

    public static void Match(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(Directory, name + ".txt");
        var received = Path.Combine(Directory, name + ".received.txt");
        if (Accepts(Environment.GetEnvironmentVariable("CARDGEN_ACCEPT_BASELINES"), Environment.GetEnvironmentVariable("CI")))
        {
            File.WriteAllText(path, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No baseline {path}; the output is in {received}. Review it and run with CARDGEN_ACCEPT_BASELINES=1 to accept."
            : $"The generated code differs from {path}; see {received}. Review the change and run with CARDGEN_ACCEPT_BASELINES=1 to accept.");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CardGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find CardGen.sln.");
    }
}
