using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CardGen.Package.Tests;

/// <summary>What 'dotnet pack' puts in the CardGen package, read from the .nupkg itself.</summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class PackageContentsTests
{
    // Everything analyzers/ may hold: the generator with the analyzers, and the IDE's code fixes.
    private static readonly string[] AnalyzerAssemblies =
    {
        "analyzers/dotnet/cs/CardGen.Generator.dll",
        "analyzers/dotnet/cs/CardGen.CodeFixes.dll",
    };

    private readonly PackageFixture _fixture;

    public PackageContentsTests(PackageFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("lib/netstandard2.0/CardGen.dll")]
    [InlineData("lib/netstandard2.0/CardGen.xml")]
    [InlineData("lib/net8.0/CardGen.dll")]
    [InlineData("lib/net8.0/CardGen.xml")]
    [InlineData("analyzers/dotnet/cs/CardGen.Generator.dll")]
    [InlineData("analyzers/dotnet/cs/CardGen.CodeFixes.dll")]
    [InlineData("build/CardGen.props")]
    [InlineData("buildTransitive/CardGen.props")]
    [InlineData("README.md")]
    public async Task Package_contains(string path)
    {
        var entries = await EntriesAsync();
        Assert.True(entries.Contains(path, StringComparer.Ordinal), $"{path} is missing from the package. Entries:\n  {string.Join("\n  ", entries)}");
    }

    [Fact]
    public async Task Generator_ships_only_as_an_analyzer_and_carries_no_copy_of_Roslyn()
    {
        var entries = await EntriesAsync();
        var listing = string.Join("\n  ", entries);

        var generatorCopies = entries.Where(e => e.EndsWith("/CardGen.Generator.dll", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(generatorCopies.SequenceEqual(new[] { "analyzers/dotnet/cs/CardGen.Generator.dll" }), $"The generator must be in analyzers/dotnet/cs only. Entries:\n  {listing}");
        Assert.False(entries.Any(e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)), $"The package carries Roslyn assemblies. Entries:\n  {listing}");
        Assert.False(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal) && !e.Contains("/CardGen.", StringComparison.Ordinal)), $"lib/ holds files other than CardGen.dll/.xml. Entries:\n  {listing}");
        Assert.False(entries.Any(e => e.StartsWith("analyzers/", StringComparison.Ordinal) && !AnalyzerAssemblies.Contains(e, StringComparer.Ordinal)), $"analyzers/ holds more than the generator and the code fixes. Entries:\n  {listing}");
    }

    [Fact]
    public async Task Code_fixes_ship_beside_the_generator_only_as_an_analyzer()
    {
        var entries = await EntriesAsync();
        var listing = string.Join("\n  ", entries);

        var copies = entries.Where(e => e.EndsWith("/CardGen.CodeFixes.dll", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(copies.SequenceEqual(new[] { "analyzers/dotnet/cs/CardGen.CodeFixes.dll" }), $"The code fixes must be in analyzers/dotnet/cs only, beside the generator. Entries:\n  {listing}");
    }

    [Fact]
    public async Task Props_make_the_defaults_visible_to_the_generator()
    {
        var package = await _fixture.GetPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        foreach (var path in new[] { "build/CardGen.props", "buildTransitive/CardGen.props" })
        {
            var entry = zip.GetEntry(path);
            Assert.True(entry != null, $"{path} is missing.");
            using var stream = entry!.Open();
            var props = XDocument.Load(stream);
            var visible = props.Descendants().Where(e => e.Name.LocalName == "CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include")).ToList();
            Assert.True(visible.Contains("CardGenDefaultHost") && visible.Contains("CardGenDefaultVersion") && visible.Contains("CardGenGenerate"), $"{path} declares CompilerVisibleProperty [{string.Join(", ", visible)}]:\n{props}");
        }
    }

    [Fact]
    public async Task Nuspec_has_the_identity_and_no_build_time_dependencies()
    {
        var package = await _fixture.GetPackageAsync();
        var nuspec = ReadNuspec(package.PackagePath);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("CardGen", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal(package.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);

        // The diagnostics' help links lead into the repository the package names.
        var projectUrl = metadata.Elements().Single(e => e.Name.LocalName == "projectUrl").Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(projectUrl, (string?)repository.Attribute("url"));
        Assert.Equal(ConsumerDiagnosticsTests.ProjectUrl, projectUrl);

        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id") ?? "").ToList();
        var forbidden = dependencies.Where(id =>
            id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
            || id.Equals("PolySharp", StringComparison.OrdinalIgnoreCase)
            || id.StartsWith("CardGen", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(forbidden.Count == 0, $"The nuspec depends on build-time-only packages [{string.Join(", ", forbidden)}]:\n{nuspec}");

        // The two target-framework groups exist, so neither asset group is left without its dependencies.
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").Select(e => (string?)e.Attribute("targetFramework")).ToList();
        Assert.True(groups.Contains(".NETStandard2.0") && groups.Contains("net8.0"), $"Dependency groups [{string.Join(", ", groups)}]:\n{nuspec}");
    }

    private async Task<string[]> EntriesAsync()
    {
        var package = await _fixture.GetPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static XDocument ReadNuspec(string packagePath)
    {
        using var zip = ZipFile.OpenRead(packagePath);
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
