using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CardGen.Package.Tests;

/// <summary>
/// The CardGen.Extensions package, packed beside CardGen: what it holds and depends on, and a fresh service-style
/// project that references only it, gets its [ChatCard] type generated, and posts through AddChatHooks.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class ExtensionsPackageTests
{
    private const string Program = """
        using System;
        using System.Threading.Tasks;
        using CardGen;
        using Microsoft.Extensions.DependencyInjection;

        namespace ServiceConsumer;

        [ChatCard(Title = "Build {Number} failed", Summary = "{Project} is red")]
        public partial class BuildFailed
        {
            public int Number { get; set; }
            [CardFact("Project")] public string Project { get; set; } = "";
        }

        public static class Program
        {
            public static async Task<int> Main(string[] args)
            {
                var services = new ServiceCollection();
                services.AddChatHooks(o => o.Client.Retry.MaxRetryAttempts = 0)
                    .AddHook("builds", $"http://127.0.0.1:{args[0]}/webhook/v2/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de");
                await using var provider = services.BuildServiceProvider();
                var hooks = provider.GetRequiredService<IChatHooks>();
                Console.WriteLine("NAMES=" + string.Join(",", hooks.Names));
                try
                {
                    await hooks.PostAsync("deploys", new WebhookMessage { Text = "x" });
                }
                catch (ArgumentException e)
                {
                    Console.WriteLine("UNKNOWN=" + e.Message);
                }

                try
                {
                    // Nothing listens on the port: the post runs through the whole pipeline and fails as not delivered.
                    await new BuildFailed { Number = 7, Project = "api" }.PostToHookAsync(hooks, "builds");
                }
                catch (ChatHookException e)
                {
                    Console.WriteLine("FAILURE=" + e.Failure + " DELIVERED=" + e.MayHaveBeenDelivered);
                }

                return 0;
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public ExtensionsPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_package_holds_the_net8_library_with_docs_and_depends_on_CardGen_of_its_version_with_its_analyzers()
    {
        var package = await _fixture.GetExtensionsPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var path in new[] { "lib/net8.0/CardGen.Extensions.dll", "lib/net8.0/CardGen.Extensions.xml", "README.md" })
        {
            Assert.True(entries.Contains(path, StringComparer.Ordinal), $"{path} is missing. Entries:\n  {string.Join("\n  ", entries)}");
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && !e.Contains("/CardGen.Extensions.", StringComparison.Ordinal));
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var cardGen = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "CardGen");
        Assert.Equal(package.Version, (string?)cardGen.Attribute("version"));
        Assert.True(string.IsNullOrEmpty((string?)cardGen.Attribute("exclude")), $"The CardGen dependency excludes '{cardGen.Attribute("exclude")}': its generator would not reach a service that references only CardGen.Extensions.");
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "Microsoft.Extensions.Http");
        Assert.DoesNotContain(dependencies, d => ((string?)d.Attribute("id"))!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_that_references_only_CardGen_Extensions_generates_its_cards_and_posts_by_hook_name()
    {
        var package = await _fixture.GetExtensionsPackageAsync();
        var consumer = Consumer.Create(_fixture, "ServiceConsumer", """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """, $"""
              <ItemGroup>
                <PackageReference Include="CardGen.Extensions" Version="{package.Version}" />
              </ItemGroup>
            """, new Dictionary<string, string> { ["Program.cs"] = Program });
        await consumer.AssertIsolatedAsync();

        var build = await consumer.DotNetAsync("build", "-c", "Release", "--disable-build-servers", "-nologo");
        Assert.True(build.ExitCode == 0, $"The service consumer did not build.\n{build.Describe()}");
        Assert.Equal(package.Version, consumer.RestoredCardGenVersion());
        Assert.Contains(consumer.GeneratedFiles(), f => f.Contains("BuildFailed", StringComparison.Ordinal));

        var port = FreePort();
        var run = await consumer.DotNetAsync("run", "-c", "Release", "--no-build", "--", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = run.StandardOutput;
        Assert.True(run.ExitCode == 0, $"The service consumer exited with {run.ExitCode}.\n{run.Describe()}");
        Assert.Contains("NAMES=builds", output, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN=No chat hook is named 'deploys'. The configured hooks are: builds.", output, StringComparison.Ordinal);
        Assert.Contains("FAILURE=Network DELIVERED=False", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
