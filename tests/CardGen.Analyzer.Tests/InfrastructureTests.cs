using System.Linq;
using System.Threading;
using CardGen.Generator.Diagnostics;

namespace CardGen.Analyzer.Tests;

/// <summary>The test set-up itself, and the contract other parts of the repository rely on.</summary>
public sealed class InfrastructureTests
{
    [Fact]
    public async Task The_reference_assemblies_need_no_download()
    {
        Assert.Null(Verify.NoDownload.ReferenceAssemblyPackage);
        Assert.Empty(Verify.NoDownload.Packages);
        var resolved = await Verify.NoDownload.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        Assert.Empty(resolved);
        Assert.Contains(Verify.References, r => r.Display?.EndsWith("CardGen.dll", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Every_rule_has_a_documented_help_link_and_an_analyzer_that_reports_it()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.Equal(29, descriptors.Count);
        var supported = Verify.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        foreach (var descriptor in descriptors)
        {
            Assert.Equal($"https://github.com/cardgen/cardgen/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.StartsWith("CardGen.", descriptor.Category, StringComparison.Ordinal);
            Assert.Contains(descriptor.Id, supported);
        }

        Assert.Equal(DiagnosticSeverity.Error, descriptors.Single(d => d.Id == "CARDGEN001").DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, descriptors.Single(d => d.Id == "CARDGEN010").DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, descriptors.Single(d => d.Id == "CARDGEN011").DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Info, descriptors.Single(d => d.Id == "CARDGEN012").DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, descriptors.Single(d => d.Id == "CARDGEN029").DefaultSeverity);
        Assert.All(descriptors.Where(d => d.Id is "CARDGEN015" or "CARDGEN016" or "CARDGEN017"), d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    [Fact]
    public void Every_analyzer_is_a_concrete_CSharp_DiagnosticAnalyzer_in_the_generator_assembly()
    {
        var assembly = typeof(DiagnosticDescriptors).Assembly;
        var analyzers = assembly.GetTypes().Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Equal(5, analyzers.Count);
        foreach (var type in analyzers)
        {
            var attribute = type.GetCustomAttributes(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute), false)
                .Cast<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute>()
                .Single();
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute.Languages);
        }
    }
}
