using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// The analyzers in the packed package report in a fresh project's <c>dotnet build</c>, at the exact file, line and
/// column, and read the project's MSBuild defaults, exactly as a user who references the package from a feed sees it.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class ConsumerDiagnosticsTests
{
    /// <summary>The repository the package names; each diagnostic's help link leads to its page there.</summary>
    internal const string ProjectUrl = "https://github.com/cardgen/cardgen";

    private const string Properties = """
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
        """;

    // A diagnostic line as the compiler writes it through MSBuild: "path(line,col): error ID: message [project]".
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>CARDGEN\d{3}): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(5));

    private readonly PackageFixture _fixture;

    public ConsumerDiagnosticsTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Build_fails_with_CARDGEN001_and_CARDGEN003_at_the_declaration()
    {
        const string source = """
            using System;
            using CardGen;

            namespace Mistakes;

            [ChatCard(Title = "Deploy of {Service}", Summary = "{Service} deployed")]
            public class DeployFinished
            {
                [CardFact("Service")] public string Service { get; set; } = "";
            }

            [ChatCard(Title = "Build {Numbr} failed", Summary = "Build {Number} failed")]
            public partial class BuildFailed
            {
                [CardFact("Build")] public int Number { get; set; }
                [CardAction("Open build")] public Uri? BuildUrl { get; set; }
            }
            """;
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "DiagnosticsConsumer", Properties, new Dictionary<string, string> { ["Cards.cs"] = source });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        var diagnostics = Diagnostics(build);
        var context = $"CARDGEN diagnostics:\n  {string.Join("\n  ", diagnostics)}\n{build.Describe()}";

        Assert.True(build.ExitCode != 0, $"The build succeeded although a [ChatCard] type is not partial and a placeholder names no member.\n{context}");

        // CARDGEN001 on the name of the type that lacks 'partial'.
        var notPartial = Position(source, "class DeployFinished", "DeployFinished");
        Assert.True(
            diagnostics.Any(d => d.Id == "CARDGEN001" && d.Severity == "error" && d.File.EndsWith("Cards.cs", StringComparison.Ordinal) && d.Line == notPartial.Line && d.Column == notPartial.Column),
            $"No error CARDGEN001 at Cards.cs({notPartial.Line},{notPartial.Column}).\n{context}");

        // CARDGEN003 on the name inside the placeholder that names no member.
        var placeholder = Position(source, "{Numbr}", "Numbr");
        Assert.True(
            diagnostics.Any(d => d.Id == "CARDGEN003" && d.Severity == "error" && d.File.EndsWith("Cards.cs", StringComparison.Ordinal) && d.Line == placeholder.Line && d.Column == placeholder.Column),
            $"No error CARDGEN003 at Cards.cs({placeholder.Line},{placeholder.Column}).\n{context}");
        Assert.True(
            diagnostics.Any(d => d.Id == "CARDGEN003" && d.Message.Contains("Number", StringComparison.Ordinal)),
            $"CARDGEN003 does not suggest the closest member, Number.\n{context}");
        Assert.True(
            diagnostics.Any(d => d.Id == "CARDGEN001" && d.Message.EndsWith($"({ProjectUrl}/blob/main/docs/diagnostics/CARDGEN001.md)", StringComparison.Ordinal)),
            $"CARDGEN001 does not link to its page in the repository the package names.\n{context}");

        // Nothing else is wrong with these types, so no other CARDGEN error may appear.
        var others = diagnostics.Where(d => d.Severity == "error" && d.Id is not ("CARDGEN001" or "CARDGEN003")).ToList();
        Assert.True(others.Count == 0, $"Unexpected CARDGEN errors.\n{context}");
    }

    [Fact]
    public async Task Clean_consumer_builds_with_no_CARDGEN_diagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using CardGen;
            using CardGen.Cards;

            namespace Clean;

            public enum Stage { Dev, Staging, Production }

            [CardPart]
            public partial class FailedTest
            {
                [CardText(Weight = FontWeight.Bolder)] public string Name { get; set; } = "";
                [CardFact("Message")] public string? Message { get; set; }
            }

            [ChatCard(Title = "Build {Number} of {Project} failed", Summary = "{Project} is red on {Branch}")]
            public partial class BuildFailed
            {
                public int Number { get; set; }
                [CardFact("Project")] public string Project { get; set; } = "";
                [CardFact("Branch")] public string Branch { get; set; } = "";
                [CardFact("Stage")] public Stage Stage { get; set; }
                [CardFact("Finished")] public DateTimeOffset Finished { get; set; }
                [CardFact("Duration", Format = @"m\m\ ss\s")] public TimeSpan Duration { get; set; }
                [CardFacts] public Dictionary<string, string>? Labels { get; set; }
                [CardText(IsSubtle = true)] public string? Log { get; set; }
                [CardImage(AltText = "Author", Style = ImageStyle.Person)] public Uri? Avatar { get; set; }
                [CardSection(Title = "Failures", Style = ContainerStyle.Attention)] public List<FailedTest> Failures { get; set; } = new();
                [CardAction("Open build", Style = ActionStyle.Positive)] public Uri? BuildUrl { get; set; }
            }
            """;
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "CleanConsumer", Properties + "\n        <TreatWarningsAsErrors>true</TreatWarningsAsErrors>", new Dictionary<string, string> { ["Cards.cs"] = source });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(build.ExitCode == 0, $"The clean consumer did not build.\n{build.Describe()}");
        Assert.True(consumer.GeneratedFiles().Any(f => f.Contains("BuildFailed", StringComparison.Ordinal)), $"The packed generator wrote nothing for BuildFailed.\n{build.Describe()}");
        Assert.False(
            (build.StandardOutput + build.StandardError).Contains("CARDGEN", StringComparison.Ordinal),
            $"A correct project got a CARDGEN diagnostic.\n{build.Describe()}");
    }

    [Fact]
    public async Task MSBuild_default_version_reaches_the_analyzers()
    {
        // Action style is Adaptive Cards 1.2: fine at the RingCentral default (1.3), too new for a project that
        // targets 1.0 through <CardGenDefaultVersion>.
        const string source = """
            using System;
            using CardGen;
            using CardGen.Cards;

            namespace Defaults;

            [ChatCard(Title = "Approval for {Change}", Summary = "{Change} waits for approval")]
            public partial class ApprovalRequested
            {
                [CardFact("Change")] public string Change { get; set; } = "";
                [CardAction("Approve", Style = ActionStyle.Positive)] public Uri? ApproveUrl { get; set; }
            }
            """;
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "DefaultsConsumer", Properties + "\n        <CardGenDefaultVersion>1.0</CardGenDefaultVersion>", new Dictionary<string, string> { ["Cards.cs"] = source });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        var diagnostics = Diagnostics(build);
        var context = $"CARDGEN diagnostics:\n  {string.Join("\n  ", diagnostics)}\n{build.Describe()}";
        var style = Position(source, "Style = ActionStyle.Positive", "Style = ActionStyle.Positive");
        Assert.True(
            diagnostics.Any(d => d.Id == "CARDGEN005" && d.File.EndsWith("Cards.cs", StringComparison.Ordinal) && d.Line == style.Line && d.Column == style.Column && d.Message.Contains("1.2", StringComparison.Ordinal)),
            $"No CARDGEN005 naming 1.2 at Cards.cs({style.Line},{style.Column}) with <CardGenDefaultVersion>1.0</CardGenDefaultVersion>.\n{context}");

        // The same project at 1.2 (a global property overrides the project's) has nothing to report.
        var raised = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo", "-p:CardGenDefaultVersion=1.2");
        Assert.True(raised.ExitCode == 0, $"The consumer did not build at 1.2.\n{raised.Describe()}");
        Assert.False(Diagnostics(raised).Any(d => d.Id == "CARDGEN005"), $"CARDGEN005 at 1.2, where action styles exist.\n{raised.Describe()}");
    }

    private static List<ReportedDiagnostic> Diagnostics(ProcessResult build) =>
        DiagnosticLine.Matches(build.StandardOutput + "\n" + build.StandardError)
            .Select(m => new ReportedDiagnostic(
                m.Groups["id"].Value,
                m.Groups["severity"].Value,
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    /// <summary>The 1-based line and column of <paramref name="target"/> inside the first <paramref name="anchor"/> of the source.</summary>
    private static (int Line, int Column) Position(string source, string anchor, string target)
    {
        var anchorIndex = source.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(anchorIndex >= 0, $"'{anchor}' is not in the source.");
        var index = source.IndexOf(target, anchorIndex, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{target}' is not in the source after '{anchor}'.");
        var before = source[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    private sealed record ReportedDiagnostic(string Id, string Severity, string File, int Line, int Column, string Message)
    {
        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
    }
}
