using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// A fresh project with a card designed as a <c>*.card.json</c> file: the package's props make it an AdditionalFiles
/// item by convention, the generator compiles it, and a wrong binding fails the build at its line and column in the file.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class TemplatePackageTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using CardGen;

        namespace TemplateConsumer;

        [ChatCard(Template = "Cards/Deployed.card.json")]
        public partial class Deployed
        {
            public string Service { get; set; } = "";
            public List<string> Regions { get; set; } = new List<string>();
        }

        public static class Program
        {
            public static int Main()
            {
                var card = new Deployed { Service = "billing", Regions = { "eu", "us" } };
                Console.WriteLine("CARD_JSON=" + card.ToCardJson());
                Console.WriteLine("MODEL_MATCHES=" + (card.ToAdaptiveCard().ToJson() == card.ToCardJson()));
                return 0;
            }
        }
        """;

    private const string Template = """
        {
          "type": "AdaptiveCard",
          "version": "1.3",
          "body": [
            { "type": "TextBlock", "text": "${Service} deployed", "weight": "bolder" },
            { "type": "TextBlock", "$data": "${Regions}", "text": "${$index}: ${$data}" }
          ]
        }
        """;

    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): error (?<id>CARDGEN\d{3}): ",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(5));

    private readonly PackageFixture _fixture;

    public TemplatePackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_card_json_file_is_picked_up_by_convention_compiled_and_checked()
    {
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "TemplateConsumer", """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """, new Dictionary<string, string> { ["Program.cs"] = Program });
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "Cards"));
        var templatePath = Path.Combine(consumer.Directory, "Cards", "Deployed.card.json");
        File.WriteAllText(templatePath, Template);
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(build.ExitCode == 0, $"The consumer did not build.\n{build.Describe()}");
        var run = await consumer.DotNetAsync("run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, $"The consumer exited with {run.ExitCode}.\n{run.Describe()}");
        Assert.Contains(
            "CARD_JSON={\"type\":\"AdaptiveCard\",\"version\":\"1.3\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"billing deployed\",\"weight\":\"bolder\"},{\"type\":\"TextBlock\",\"text\":\"0: eu\"},{\"type\":\"TextBlock\",\"text\":\"1: us\"}]}",
            run.StandardOutput,
            StringComparison.Ordinal);
        Assert.Contains("MODEL_MATCHES=True", run.StandardOutput, StringComparison.Ordinal);

        // The same project with a binding that names no member: the build fails at that place in the JSON file.
        File.WriteAllText(templatePath, Template.Replace("${Service}", "${Servce}", StringComparison.Ordinal));
        var failed = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(failed.ExitCode != 0, $"The build passed with an unbound template.\n{failed.Describe()}");
        var found = DiagnosticLine.Matches(failed.StandardOutput).Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Column: int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), Id: m.Groups["id"].Value)).ToList();
        Assert.True(
            found.Any(d => d.Id == "CARDGEN024" && d.File.EndsWith("Deployed.card.json", StringComparison.Ordinal) && d.Line == 5 && d.Column == 39),
            $"No CARDGEN024 at Deployed.card.json(5,39): [{string.Join(", ", found)}]\n{failed.Describe()}");
    }
}
