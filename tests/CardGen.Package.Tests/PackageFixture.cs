using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>The package built once for the test run, and where it lives.</summary>
public sealed record PackedPackage(string Version, string FeedDirectory, string PackagePath, ProcessResult Pack);

/// <summary>
/// Packs src/Runtime once per test run into a temp feed under a unique prerelease version, gives the consumer
/// projects a folder that inherits nothing from the repository, and deletes it all afterwards.
/// </summary>
/// <remarks>
/// Layout of <see cref="Root"/>: <c>feed/</c> (the packed .nupkg), <c>artifacts/</c> (the pack's bin and obj, kept
/// out of the repository's so concurrent builds of src/ are not disturbed), <c>packages/</c> (the consumers'
/// private NuGet packages folder, falling back to the machine's, so the test version never enters the global
/// cache) and <c>consumers/</c>, under MSBuild and NuGet files that stop anything from being inherited.
/// </remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PackedPackage>> _package;
    private readonly Lazy<Task<PackedPackage>> _extensions;
    private readonly Lazy<Task<PackedPackage>> _ringCentral;
    private readonly Lazy<Task<PackedPackage>> _postgreSql;

    public PackageFixture()
    {
        RepositoryRoot = RepositoryPaths.Root;
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid().ToString("N")[..8]}");
        Root = Path.Combine(Path.GetTempPath(), "cardgen-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(Root, "feed");
        PackagesDirectory = Path.Combine(Root, "packages");
        ConsumersDirectory = Path.Combine(Root, "consumers");
        _package = new Lazy<Task<PackedPackage>>(PackAsync);
        _extensions = new Lazy<Task<PackedPackage>>(PackExtensionsAsync);
        _ringCentral = new Lazy<Task<PackedPackage>>(PackRingCentralAsync);
        _postgreSql = new Lazy<Task<PackedPackage>>(PackPostgreSqlAsync);
    }

    /// <summary>The CardGen repository (the folder holding CardGen.sln).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The unique prerelease version of this run's package.</summary>
    public string Version { get; }

    /// <summary>The temp folder holding everything this run writes.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    /// <summary>The packed package; the pack runs on first use and once only.</summary>
    public Task<PackedPackage> GetPackageAsync() => _package.Value;

    /// <summary>The packed CardGen.Extensions package, of the same version, beside CardGen in the feed.</summary>
    public Task<PackedPackage> GetExtensionsPackageAsync() => _extensions.Value;

    /// <summary>
    /// The CardGen.RingCentral package, packed on first use (after CardGen, which it depends on) into the same feed
    /// under the same version.
    /// </summary>
    public Task<PackedPackage> GetRingCentralPackageAsync() => _ringCentral.Value;

    /// <summary>The CardGen.Outbox.PostgreSql package, packed on first use (after CardGen.Extensions, which it depends on).</summary>
    public Task<PackedPackage> GetPostgreSqlOutboxPackageAsync() => _postgreSql.Value;

    /// <summary>Environment for the consumers' dotnet processes: their own packages folder, never the global cache.</summary>
    public IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);
        WriteIsolationFiles();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a lingering process may still hold a file.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    private Task<PackedPackage> PackAsync() => PackAsync(Path.Combine("src", "Runtime", "CardGen.csproj"), "CardGen", "artifacts");

    // Each package after CardGen, which it depends on, packs into its own artifacts folder.
    private async Task<PackedPackage> PackExtensionsAsync()
    {
        await GetPackageAsync().ConfigureAwait(false);
        return await PackAsync(Path.Combine("src", "Extensions", "CardGen.Extensions.csproj"), "CardGen.Extensions", "artifacts-extensions").ConfigureAwait(false);
    }

    private async Task<PackedPackage> PackRingCentralAsync()
    {
        await GetPackageAsync().ConfigureAwait(false);
        return await PackAsync(Path.Combine("src", "RingCentral", "CardGen.RingCentral.csproj"), "CardGen.RingCentral", "artifacts-ringcentral").ConfigureAwait(false);
    }

    private async Task<PackedPackage> PackPostgreSqlAsync()
    {
        await GetExtensionsPackageAsync().ConfigureAwait(false);
        return await PackAsync(Path.Combine("src", "Outbox.PostgreSql", "CardGen.Outbox.PostgreSql.csproj"), "CardGen.Outbox.PostgreSql", "artifacts-postgresql").ConfigureAwait(false);
    }

    private async Task<PackedPackage> PackAsync(string relativeProject, string id, string artifacts)
    {
        var project = Path.Combine(RepositoryRoot, relativeProject);
        var result = await ProcessRunner.RunDotNetAsync(
            RepositoryRoot,
            new[]
            {
                "pack", project,
                "-c", "Release",
                "-o", FeedDirectory,
                "-p:Version=" + Version,
                "--artifacts-path", Path.Combine(Root, artifacts),
                "--disable-build-servers",
                "-nologo",
            }).ConfigureAwait(false);
        var packagePath = Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");
        if (result.ExitCode != 0 || !File.Exists(packagePath))
        {
            var produced = string.Join(", ", Directory.EnumerateFiles(FeedDirectory).Select(Path.GetFileName));
            throw new InvalidOperationException(
                $"'dotnet pack' did not produce {Path.GetFileName(packagePath)} (feed holds: [{produced}]).\n{result.Describe()}");
        }

        return new PackedPackage(Version, FeedDirectory, packagePath, result);
    }

    private void WriteIsolationFiles()
    {
        // MSBuild looks for these upwards from each consumer project: stopping here means nothing from
        // /tmp's parents (or anywhere else) is inherited, whatever TMPDIR is.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), """
            <Project>
              <!-- Stops MSBuild from importing any Directory.Build.props above this folder. -->
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), """
            <Project>
              <!-- Stops central package management from reaching a Directory.Packages.props above this folder. -->
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(Root, "global.json"), """
            { "sdk": { "version": "10.0.100", "rollForward": "latestMajor" } }
            """);

        // The feed is added to the machine's sources (no <clear/>), so nuget.org still serves the dependencies.
        // Packages restore into a private folder that falls back to the machine's packages folder read-only.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(machinePackages))
        {
            machinePackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var fallback = Directory.Exists(machinePackages)
            ? $"""
                <fallbackPackageFolders>
                  <add key="machine" value="{machinePackages}" />
                </fallbackPackageFolders>
              """
            : "";
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
              <packageSources>
                <add key="cardgen-test-feed" value="{FeedDirectory}" />
              </packageSources>
            {fallback}
            </configuration>
            """);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageTests : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed CardGen package";
}
