using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// Fresh projects in a temp folder reference the packed package from a local feed, exactly as a user's would:
/// the generator in analyzers/dotnet/cs must run, the buildTransitive props must hand it the MSBuild defaults,
/// and the generated code must compile warning-free (from C# latest down to C# 8) against lib/.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class ConsumerTests
{
    private const string ConsumerProgram = """
        using System;
        using System.Buffers;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using CardGen;
        using CardGen.Cards;
        using CardGen.Schema;

        namespace PackageConsumer;

        [ChatCard(Title = "Build {Number} failed", Summary = "{Project} is red")]
        public partial record BuildFailed
        {
            public int Number { get; init; }
            [CardFact("Project")] public required string Project { get; init; }
            [CardText(IsSubtle = true)] public string? Log { get; init; }
            [CardAction("Open build")] public required Uri BuildUrl { get; init; }
        }

        public static class Program
        {
            public static int Main()
            {
                var build = new BuildFailed
                {
                    Number = 42,
                    Project = "payments-api",
                    Log = "3 tests failed",
                    BuildUrl = new Uri("https://ci.example.com/builds/42"),
                };

                string json = build.ToCardJson();
                Console.WriteLine("CARD_JSON=" + json);

                // Every generated member is there with the documented shape.
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, AdaptiveCard.JsonWriterOptions))
                {
                    build.WriteCardJson(writer);
                }
                Console.WriteLine("WRITE_MATCHES=" + (Encoding.UTF8.GetString(buffer.WrittenSpan) == json));

                AdaptiveCard card = build.ToAdaptiveCard();
                Console.WriteLine("MODEL_MATCHES=" + (card.ToJson() == json));

                WebhookMessage message = build.ToWebhookMessage();
                Console.WriteLine("ACTIVITY=" + message.Activity + " ATTACHMENTS=" + message.Attachments.Count);

                Func<WebhookUrl, CancellationToken, Task<ChatHookResponse>> post = build.PostToHookAsync;
                Console.WriteLine("POST=" + post.Method.Name);

                BuildFailed.CardBuilder builder = BuildFailed.CreateCardBuilder()
                    .WithNumber(7)
                    .WithProject("billing")
                    .WithBuildUrl(new Uri("https://ci.example.com/builds/7"));
                Console.WriteLine("BUILDER_JSON=" + builder.Build().ToJson());

                var result = card.Validate(HostProfile.RingCentral);
                Console.WriteLine("VALID=" + result.IsValid);
                if (!result.IsValid)
                {
                    Console.WriteLine(result.ToString());
                    return 1;
                }

                return 0;
            }
        }
        """;

    // C# 8: no records, init, required, file-scoped namespaces, top-level statements or global usings.
    private const string LegacySource = """
        using System;
        using CardGen;
        using CardGen.Cards;

        namespace LegacyConsumer
        {
            [ChatCard(Title = "Deploy of {Service} to {Stage}", Summary = "{Service} deployed")]
            public partial class DeployFinished
            {
                public string Service { get; set; } = "";
                public string Stage { get; set; } = "";
                [CardFact("Release")] public string? Release { get; set; }
                [CardFact("Attempts")] public int Attempts { get; set; }
                [CardText(IsSubtle = true)] public string? Notes { get; set; }
                [CardAction("Open release")] public Uri? ReleaseUrl { get; set; }
            }

            public static class Usage
            {
                public static string Json(DeployFinished deploy) => deploy.ToCardJson();

                public static AdaptiveCard Card(DeployFinished deploy) => deploy.ToAdaptiveCard();

                public static WebhookMessage Message(DeployFinished deploy) => deploy.ToWebhookMessage();

                public static AdaptiveCard Built() => DeployFinished.CreateCardBuilder().WithService("api").WithStage("prod").Build();
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public ConsumerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Fresh_consumer_builds_runs_and_gets_the_MSBuild_default_version()
    {
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "PackageConsumer", """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <CardGenDefaultVersion>1.2</CardGenDefaultVersion>
            """, new Dictionary<string, string> { ["Program.cs"] = ConsumerProgram });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(build.ExitCode == 0, $"The consumer did not build.\n{build.Describe()}");
        Assert.Equal(package.Version, consumer.RestoredCardGenVersion());
        var generated = consumer.GeneratedFiles();
        Assert.True(generated.Any(f => f.Contains("BuildFailed", StringComparison.Ordinal)), $"The packed generator wrote no source for BuildFailed. Generated: [{string.Join(", ", generated)}]\n{build.Describe()}");

        var run = await consumer.DotNetAsync("run", "-c", "Release", "--no-build");
        var context = $"\n{run.Describe()}\n(build)\n{build.Describe()}";
        Assert.True(run.ExitCode == 0, $"The consumer exited with {run.ExitCode}.{context}");

        var output = Lines(run.StandardOutput);
        Assert.True(output.TryGetValue("CARD_JSON", out var json), $"No CARD_JSON line.{context}");
        foreach (var fragment in new[]
        {
            "\"type\":\"AdaptiveCard\"",
            "\"version\":\"1.2\"",   // <CardGenDefaultVersion> flowed through buildTransitive/CardGen.props to the generator.
            "{\"type\":\"TextBlock\",\"text\":\"Build 42 failed\"",
            "{\"type\":\"FactSet\",\"facts\":[{\"title\":\"Project\",\"value\":\"payments-api\"}]}",
            "\"text\":\"3 tests failed\",\"isSubtle\":true",
            "\"actions\":[{\"type\":\"Action.OpenUrl\",\"title\":\"Open build\",\"url\":\"https://ci.example.com/builds/42\"}]",
            "\"fallbackText\":\"payments-api is red\"",
        })
        {
            Assert.True(json!.Contains(fragment, StringComparison.Ordinal), $"CARD_JSON lacks {fragment}:\n{json}{context}");
        }

        using (var document = JsonDocument.Parse(json!))
        {
            Assert.Equal("1.2", document.RootElement.GetProperty("version").GetString());
        }

        Assert.True(output.GetValueOrDefault("WRITE_MATCHES") == "True", $"WriteCardJson differs from ToCardJson.{context}");
        Assert.True(output.GetValueOrDefault("MODEL_MATCHES") == "True", $"ToAdaptiveCard().ToJson() differs from ToCardJson.{context}");
        Assert.True(output.GetValueOrDefault("ACTIVITY") == "Build 42 failed ATTACHMENTS=1", $"Unexpected webhook message.{context}");
        Assert.True(output.GetValueOrDefault("POST") == "PostToHookAsync", $"PostToHookAsync missing.{context}");
        Assert.True(output.GetValueOrDefault("BUILDER_JSON")?.Contains("\"text\":\"Build 7 failed\"", StringComparison.Ordinal) == true, $"The CardBuilder did not apply its values.{context}");
        Assert.True(output.GetValueOrDefault("VALID") == "True", $"The card is invalid for RingCentral.{context}");
    }

    [Fact]
    public async Task Generated_code_compiles_at_CSharp_8_for_netstandard2_0_and_net10_0()
    {
        var package = await _fixture.GetPackageAsync();
        var consumer = Consumer.Create(_fixture, package, "LegacyConsumer", """
                <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                <LangVersion>8.0</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """, new Dictionary<string, string> { ["DeployFinished.cs"] = LegacySource });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(build.ExitCode == 0, $"The C# 8 consumer did not build.\n{build.Describe()}");
        Assert.Equal(package.Version, consumer.RestoredCardGenVersion());
        var generated = consumer.GeneratedFiles();
        Assert.True(generated.Count(f => f.Contains("DeployFinished", StringComparison.Ordinal)) >= 2, $"The packed generator did not run for both target frameworks. Generated: [{string.Join(", ", generated)}]\n{build.Describe()}");
    }

    /// <summary>The program's KEY=value lines.</summary>
    private static Dictionary<string, string> Lines(string output) =>
        output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .GroupBy(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => { var line = g.First(); return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]; });
}
