using System.Linq;
namespace CardGen.Generator.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Generates_compilable_code_for_the_readme_example()
    {
        const string source = """
            using System;
            using CardGen;
            namespace Demo;

            [ChatCard(Title = "Build {BuildNumber} of {Project} failed", Summary = "{Project} is red on {Branch}")]
            public partial record BuildFailed
            {
                [CardFact("Project")] public required string Project { get; init; }
                [CardFact("Branch")] public required string Branch { get; init; }
                public int BuildNumber { get; init; }
                [CardText(IsSubtle = true)] public string? LogExcerpt { get; init; }
                [CardImage(AltText = "Author")] public Uri? AuthorAvatar { get; init; }
                [CardAction("Open build")] public required Uri BuildUrl { get; init; }
                [CardIgnore] public string? InternalNote { get; init; }
            }
            """;

        var (_, diagnostics, run) = GeneratorHarness.Run(source);
        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Contains("Demo.BuildFailed.g.cs", generated.Keys);
        var problems = diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
