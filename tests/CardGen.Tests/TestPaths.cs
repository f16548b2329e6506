using System;
using System.IO;

namespace CardGen.Tests;

/// <summary>Where the repository and the shared reference material are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The official sample cards; read in place, never copied into the repository.</summary>
    public static string SamplesRoot =>
        Environment.GetEnvironmentVariable("CARDGEN_SAMPLES") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "adaptive-cards", "samples"));

    public static bool SamplesAvailable => Directory.Exists(SamplesRoot);

    public static string SamplesMissingMessage =>
        $"The official Adaptive Card samples are not at {SamplesRoot}; set CARDGEN_SAMPLES to their folder to run these tests.";

    /// <summary>Whether this run is CI, where every dependency must be present and nothing may be skipped.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CardGen.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("Cannot find CardGen.sln above " + AppContext.BaseDirectory);
    }
}
