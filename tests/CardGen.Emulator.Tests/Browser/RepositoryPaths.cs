using System;
using System.IO;
using System.Reflection;

namespace CardGen.Emulator.Tests.Browser;

/// <summary>Where the repository and its test artifacts are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds CardGen.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration
        => typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary><c>artifacts/emulator</c> under the repository root, created when missing.</summary>
    public static string EmulatorArtifacts()
    {
        var folder = Path.Combine(Root, "artifacts", "emulator");
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
