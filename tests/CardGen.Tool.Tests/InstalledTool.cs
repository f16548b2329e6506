using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Testing;

namespace CardGen.Tool.Tests;

/// <summary>
/// Packs src/Tool once per test run under a unique prerelease version, installs it with
/// <c>dotnet tool install --tool-path &lt;fresh folder&gt; --add-source &lt;feed&gt;</c>, and runs the installed
/// <c>cardgen</c>. Everything lives in one temp folder, deleted afterwards; the test version never enters the
/// machine's NuGet cache.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public InstalledTool()
    {
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid().ToString("N")[..8]}");
        Root = Path.Combine(Path.GetTempPath(), "cardgen-tool-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        ToolPath = Path.Combine(Root, "tools");
        Work = Path.Combine(Root, "work");
    }

    public string Version { get; }

    public string Root { get; }

    public string Feed { get; }

    public string ToolPath { get; }

    /// <summary>A folder for the commands' files and their working directory.</summary>
    public string Work { get; }

    public ProcessResult Pack { get; private set; } = null!;

    public ProcessResult Install { get; private set; } = null!;

    /// <summary>The installed command.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "cardgen.exe" : "cardgen");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Work);
        var packages = Path.Combine(Root, "packages");
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages };
        Pack = await ChildProcess.RunAsync(
            ChildProcess.DotNet,
            new[]
            {
                "pack", Path.Combine(RepositoryPaths.Root, "src", "Tool", "CardGen.Tool.csproj"),
                "-c", "Release", "-o", Feed, "-p:Version=" + Version,
                "--artifacts-path", Path.Combine(Root, "artifacts"), "--disable-build-servers", "-nologo",
            },
            RepositoryPaths.Root,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null },
            TimeSpan.FromMinutes(8));
        if (Pack.ExitCode != 0 || !File.Exists(Path.Combine(Feed, $"CardGen.Tool.{Version}.nupkg")))
        {
            throw new InvalidOperationException("'dotnet pack' did not produce the tool package.\n" + Pack.Describe());
        }

        Install = await ChildProcess.RunAsync(
            ChildProcess.DotNet,
            new[] { "tool", "install", "CardGen.Tool", "--version", Version, "--tool-path", ToolPath, "--add-source", Feed },
            Root,
            environment,
            TimeSpan.FromMinutes(3));
        if (Install.ExitCode != 0 || !File.Exists(Command))
        {
            throw new InvalidOperationException("'dotnet tool install' did not install cardgen.\n" + Install.Describe());
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
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

    /// <summary>The environment of a run: the tool's runtime, and only the variables a test gives (others removed).</summary>
    public static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(ResolveDotNet())),
            ["RINGCENTRAL_CLIENT_ID"] = null,
            ["RINGCENTRAL_CLIENT_SECRET"] = null,
            ["RINGCENTRAL_JWT"] = null,
            ["RINGCENTRAL_SERVER_URL"] = null,
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            environment[pair.Key] = pair.Value;
        }

        return environment;
    }

    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
        => ChildProcess.RunAsync(Command, arguments, Work, Environment(environment), TimeSpan.FromMinutes(2));

    /// <summary>Writes a file into <see cref="Work"/> and returns its name there.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return name;
    }

    private static string ResolveDotNet()
    {
        var host = ChildProcess.DotNet;
        if (Path.IsPathRooted(host))
        {
            return host;
        }

        foreach (var folder in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        throw new InvalidOperationException("dotnet is not on PATH.");
    }
}

[CollectionDefinition(Name)]
public sealed class InstalledToolTests : ICollectionFixture<InstalledTool>
{
    public const string Name = "The installed cardgen tool";
}
