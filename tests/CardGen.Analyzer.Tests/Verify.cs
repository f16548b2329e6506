using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Analyzers = CardGen.Generator.Analyzers;

namespace CardGen.Analyzer.Tests;

/// <summary>
/// The one place the analyzer and code-fix tests are configured: every CardGen analyzer runs, and the references are
/// the .NET 8 reference assemblies shipped in a package plus the CardGen runtime, so nothing is ever downloaded.
/// </summary>
internal static class Verify
{
    /// <summary>A target framework with no reference package: the test framework has nothing to fetch.</summary>
    public static ReferenceAssemblies NoDownload { get; } = new("net8.0");

    public static ImmutableArray<MetadataReference> References { get; } = BuildReferences();

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new Analyzers.ChatCardAnalyzer(),
        new Analyzers.BuilderCallAnalyzer(),
        new Analyzers.WebhookUrlAnalyzer(),
        new Analyzers.LegacyMessageAnalyzer(),
        new CardGen.Generator.Templates.TemplateCardAnalyzer());

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using CardGen;
        using CardGen.Cards;

        """;

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        builder.Add(MetadataReference.CreateFromFile(typeof(ChatCardAttribute).Assembly.Location));
        return builder.ToImmutable();
    }

    /// <summary>Runs every analyzer over <paramref name="source"/> (with the common usings prepended) and expects exactly the markup's diagnostics.</summary>
    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
        => AnalyzeAsync(source, globalConfig: null, expected);

    public static Task AnalyzeAsync(string source, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = Usings + source };
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>An expected diagnostic; its additional location (the [ChatCard] attribute, for the code fixes) is not compared.</summary>
    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity)
        => new DiagnosticResult(id, severity).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    internal static void Configure(ProjectState state)
    {
        state.AdditionalReferences.AddRange(References);
    }

    internal static Solution Latest(Solution solution, ProjectId projectId)
    {
        var project = solution.GetProject(projectId)!;
        return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
    }

    /// <summary>Every CardGen analyzer together, so a test also shows that no other rule fires.</summary>
    public sealed class AnalyzerTest : CSharpAnalyzerTest<Analyzers.ChatCardAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = NoDownload;
            Configure(TestState);
            SolutionTransforms.Add(Latest);

            // CARDGEN005-007 are reported by two analyzers sharing one descriptor.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers;
    }

    /// <summary>A code-fix test with every CardGen analyzer.</summary>
    public sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<Analyzers.ChatCardAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest()
        {
            ReferenceAssemblies = NoDownload;
            Configure(TestState);
            Configure(FixedState);
            Configure(BatchFixedState);
            SolutionTransforms.Add(Latest);
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers;
    }
}
