using System;
using System.IO;
using System.Reflection;

namespace CardGen.Testing;

/// <summary>
/// Where the repository, the shared reference material and the test artifacts are, found from the test assembly's
/// folder. Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds CardGen.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration
        => typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The official sample cards (<c>CARDGEN_SAMPLES</c>, else beside the repository); read in place, never copied into it.</summary>
    public static string SamplesRoot =>
        Environment.GetEnvironmentVariable("CARDGEN_SAMPLES") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "adaptive-cards", "samples"));

    /// <summary>Whether the official samples are there.</summary>
    public static bool SamplesAvailable => Directory.Exists(SamplesRoot);

    /// <summary>The message of a test skipped for want of the samples.</summary>
    public static string SamplesMissingMessage =>
        $"The official Adaptive Card samples are not at {SamplesRoot}; set CARDGEN_SAMPLES to their folder to run these tests.";

    /// <summary>Whether this run is CI, where every dependency must be present and nothing may be skipped.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>artifacts/{name}</c> under the repository root, created when missing.</summary>
    public static string Artifacts(string name)
    {
        var folder = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CardGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CardGen.sln above {AppContext.BaseDirectory}.");
    }
}
