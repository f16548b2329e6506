using System;
using System.Collections.Generic;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CardGen.Package.Tests;

/// <summary>The packed CardGen.RingCentral package: its contents, its one dependency, and a fresh project that uses it.</summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class RingCentralPackageTests
{
    private readonly PackageFixture _fixture;

    public RingCentralPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Package_holds_both_targets_with_docs_and_depends_on_CardGen_of_the_same_version_only()
    {
        var package = await _fixture.GetRingCentralPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[] { "lib/netstandard2.0/CardGen.RingCentral.dll", "lib/netstandard2.0/CardGen.RingCentral.xml", "lib/net8.0/CardGen.RingCentral.dll", "lib/net8.0/CardGen.RingCentral.xml", "README.md" })
        {
            Assert.True(entries.Contains(expected), $"{expected} is missing from [{string.Join(", ", entries.OrderBy(e => e, StringComparer.Ordinal))}]");
        }

        Assert.DoesNotContain(entries, e => e.EndsWith("/CardGen.dll", StringComparison.Ordinal));
        var nuspec = ReadNuspec(zip);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => ((string?)e.Attribute("id"), (string?)e.Attribute("version"))).ToList();
        Assert.Contains(("CardGen", package.Version), dependencies);
        Assert.DoesNotContain(dependencies, d => d.Item1!.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase) || d.Item1 == "PolySharp");
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").Select(e => (string?)e.Attribute("targetFramework")).ToList();
        Assert.True(groups.Contains(".NETStandard2.0") && groups.Contains("net8.0"), nuspec.ToString());
    }

    [Fact]
    public async Task A_fresh_project_builds_and_runs_against_the_package()
    {
        var package = await _fixture.GetRingCentralPackageAsync();
        var consumer = Consumer.Create(
            _fixture,
            "RingCentralConsumer",
            """
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RollForward>Major</RollForward>
            """,
            $"""
              <ItemGroup>
                <PackageReference Include="CardGen.RingCentral" Version="{package.Version}" />
              </ItemGroup>
            """,
            new Dictionary<string, string>
            {
                ["Program.cs"] = """
                    using System;
                    using System.Threading.Tasks;
                    using CardGen.RingCentral;

                    var credential = new JwtCredential("consumer-app", "consumer-secret-value", "aaa.bbb.ccc");
                    // Port 9 on loopback refuses the connection: the login fails without anything listening.
                    using var client = new RingCentralClient(credential, new RingCentralClientOptions { Server = new Uri("http://127.0.0.1:9/"), MaxAttempts = 1 });
                    Console.WriteLine(client);
                    try
                    {
                        await client.ListWebhooksAsync();
                        return 1;
                    }
                    catch (RingCentralException e)
                    {
                        Console.WriteLine("refused: " + e.MayHaveSucceeded + " " + (e.Message.Contains("consumer-secret-value") ? "LEAK" : "clean"));
                        return 0;
                    }
                    """,
            });

        var run = await consumer.DotNetAsync("run", "-c", "Release", "-nologo");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("RingCentralClient { Server = http://127.0.0.1:9/, ClientId = consumer-app }", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("refused: False clean", run.StandardOutput, StringComparison.Ordinal);
    }

    private static XDocument ReadNuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
