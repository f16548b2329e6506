using System;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CardGen.Package.Tests;

/// <summary>
/// The CardGen.Outbox.Sqlite package, packed beside CardGen and CardGen.Extensions: it holds its net8.0 library and
/// brings the SQLite driver, so that neither CardGen nor CardGen.Extensions has to.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class OutboxSqlitePackageTests
{
    private readonly PackageFixture _fixture;

    public OutboxSqlitePackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_package_holds_its_library_and_depends_on_CardGen_Extensions_of_its_version_and_the_SQLite_driver()
    {
        var package = await _fixture.GetOutboxSqlitePackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var path in new[] { "lib/net8.0/CardGen.Outbox.Sqlite.dll", "lib/net8.0/CardGen.Outbox.Sqlite.xml", "README.md" })
        {
            Assert.True(entries.Contains(path, StringComparer.Ordinal), $"{path} is missing. Entries:\n  {string.Join("\n  ", entries)}");
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && !e.Contains("/CardGen.Outbox.Sqlite.", StringComparison.Ordinal));
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var extensions = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "CardGen.Extensions");
        Assert.Equal(package.Version, (string?)extensions.Attribute("version"));
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "Microsoft.Data.Sqlite");
        Assert.DoesNotContain(dependencies, d => (string?)d.Attribute("id") == "Npgsql");

        // The driver stays out of the core packages.
        using var core = ZipFile.OpenRead((await _fixture.GetExtensionsPackageAsync()).PackagePath);
        var coreNuspec = XDocument.Load(core.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.DoesNotContain(coreNuspec.Descendants().Where(e => e.Name.LocalName == "dependency"), d => ((string?)d.Attribute("id"))!.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
    }
}
