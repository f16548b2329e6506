using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// A fresh project that builds against CardGen's source with the README's snippet gets what the package gives: the
/// generator runs (PostToHookAsync exists), the analyzers report, and the MSBuild defaults apply.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class SourceReferenceTests
{
    private const string Program = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using CardGen;

        namespace SourceConsumer;

        [ChatCard(Title = "Deploy of {Service}", Summary = "{Service} is live")]
        public partial class Deployed
        {
            [CardFact("Service")] public string Service { get; set; } = "";
            [CardAction("Open")] public Uri? Link { get; set; }
        }

        public static class Program
        {
            public static int Main()
            {
                var deployed = new Deployed { Service = "payments", Link = new Uri("https://ci.example.com/1") };
                Func<WebhookUrl, CancellationToken, Task<ChatHookResponse>> post = deployed.PostToHookAsync;
                Console.WriteLine("POST=" + post.Method.Name);
                Console.WriteLine("CARD_JSON=" + deployed.ToCardJson());
                return 0;
            }
        }
        """;

    // One wrong placeholder and uses of generated members: the CARDGEN003 must be the only error.
    private const string Broken = """
        using CardGen;

        namespace SourceConsumer;

        [ChatCard(Title = "Build {Nmber} failed", Summary = "A build failed")]
        public partial class BuildFailed
        {
            public int Number { get; set; }
            [CardFact("Project")] public string Project { get; set; } = "";
        }

        public static class Uses
        {
            public static object Use(BuildFailed build, WebhookUrl hook)
                => (build.PostToHookAsync(hook), BuildFailed.CreateCardBuilder().WithProject("p").Build(), build.ToCardJson());
        }
        """;

    private static readonly Regex Error = new(@"(?:error|warning) (?<id>[A-Z]+\d+):", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    private readonly PackageFixture _fixture;

    public SourceReferenceTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_README_snippet_builds_a_project_against_the_source_with_the_generator_analyzers_and_defaults()
    {
        var readme = File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "README.md"));
        var snippet = Regex.Match(readme, @"## Building against the source\n.*?```xml\n(?<xml>.*?)```", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        Assert.True(snippet.Success, "README.md has no ```xml snippet under '## Building against the source'.");
        var reference = snippet.Groups["xml"].Value.Replace("path/to/cardgen", _fixture.RepositoryRoot.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        Assert.Contains("CardGen.FromSource.props", reference, StringComparison.Ordinal);

        // The default host Generic allows 1.5 (RingCentral renders 1.3 at most and would make it an error).
        var consumer = Consumer.Create(_fixture, "SourceConsumer", """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <CardGenDefaultHost>Generic</CardGenDefaultHost>
                <CardGenDefaultVersion>1.5</CardGenDefaultVersion>
            """, reference, new Dictionary<string, string> { ["Program.cs"] = Program });

        // CardGen's projects build into this run's folder, not the repository's bin/ and obj/; packages come from the
        // machine's folder, where the repository's own build restored them.
        var artifacts = Path.Combine(_fixture.Root, "source-artifacts");
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null };
        var build = await ProcessRunner.RunDotNetAsync(consumer.Directory, new[] { "build", "-c", "Release", "--artifacts-path", artifacts, "--disable-build-servers", "-nologo" }, environment);
        Assert.True(build.ExitCode == 0, $"The project that imports the README's snippet did not build.\n{build.Describe()}");
        var generated = consumer.GeneratedFiles(artifacts);
        Assert.True(generated.Any(f => f.EndsWith("SourceConsumer.Deployed.g.cs", StringComparison.Ordinal)), $"The generator wrote nothing for Deployed. Generated: [{string.Join(", ", generated)}]\n{build.Describe()}");

        var run = await ProcessRunner.RunDotNetAsync(consumer.Directory, new[] { "run", "-c", "Release", "--no-build", "--artifacts-path", artifacts }, environment);
        var context = $"\n{run.Describe()}\n(build)\n{build.Describe()}";
        Assert.True(run.ExitCode == 0, $"The consumer exited with {run.ExitCode}.{context}");
        Assert.Contains("POST=PostToHookAsync", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(run.StandardOutput.Contains("\"version\":\"1.5\"", StringComparison.Ordinal), $"<CardGenDefaultHost>/<CardGenDefaultVersion> did not reach the generator.{context}");

        // The analyzers run too, and a card with an error costs one error, not one more per use of its members.
        File.WriteAllText(Path.Combine(consumer.Directory, "Broken.cs"), Broken);
        var broken = await ProcessRunner.RunDotNetAsync(consumer.Directory, new[] { "build", "-c", "Release", "--artifacts-path", artifacts, "--disable-build-servers", "-nologo" }, environment);
        var ids = Error.Matches(broken.StandardOutput + broken.StandardError).Select(m => m.Groups["id"].Value).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.True(broken.ExitCode != 0, $"A wrong placeholder did not fail the build.\n{broken.Describe()}");
        Assert.True(ids.SequenceEqual(new[] { "CARDGEN003" }), $"Expected CARDGEN003 alone, got [{string.Join(", ", ids)}].\n{broken.Describe()}");
    }
}
