using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CardGen.Package.Tests;

/// <summary>
/// The CardGen.Outbox.PostgreSql package: the net8.0 library with its docs, the schema script users run themselves
/// (the same as the one it runs), its dependencies (CardGen.Extensions of its version and Npgsql), and no database
/// driver in CardGen.Extensions itself.
/// </summary>
[Collection(PackedPackageTests.Name)]
[Trait("Category", "Slow")]
public sealed class PostgreSqlOutboxPackageTests
{
    private readonly PackageFixture _fixture;

    public PostgreSqlOutboxPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_package_holds_the_library_its_docs_and_the_schema_script_and_depends_on_Extensions_and_Npgsql()
    {
        var package = await _fixture.GetPostgreSqlOutboxPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var path in new[] { "lib/net8.0/CardGen.Outbox.PostgreSql.dll", "lib/net8.0/CardGen.Outbox.PostgreSql.xml", "README.md", "cardgen-outbox-postgresql.sql" })
        {
            Assert.True(entries.Contains(path, StringComparer.Ordinal), $"{path} is missing. Entries:\n  {string.Join("\n  ", entries)}");
        }

        Assert.DoesNotContain(entries, e => e.EndsWith("/CardGen.Extensions.dll", StringComparison.Ordinal) || e.EndsWith("/Npgsql.dll", StringComparison.Ordinal));
        using (var script = new StreamReader(zip.GetEntry("cardgen-outbox-postgresql.sql")!.Open()))
        {
            var packed = await script.ReadToEndAsync();
            var source = await File.ReadAllTextAsync(Path.Combine(_fixture.RepositoryRoot, "src", "Outbox.PostgreSql", "cardgen-outbox-postgresql.sql"));
            Assert.Equal(source, packed);
        }

        var dependencies = Dependencies(zip);
        Assert.Contains(("CardGen.Extensions", package.Version), dependencies);
        Assert.Contains(dependencies, d => d.Id == "Npgsql");
    }

    [Fact]
    public async Task CardGen_Extensions_pulls_in_no_database_driver()
    {
        var package = await _fixture.GetExtensionsPackageAsync();
        using var zip = ZipFile.OpenRead(package.PackagePath);

        var dependencies = Dependencies(zip);
        Assert.DoesNotContain(dependencies, d => d.Id!.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) || d.Id.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
    }

    private static (string? Id, string? Version)[] Dependencies(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string?)e.Attribute("id"), (string?)e.Attribute("version")))
            .ToArray();
    }
}
