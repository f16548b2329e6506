using System;
using System.IO;

namespace CardGen.Aot.Tests;

/// <summary>
/// A copy of the repository as a fresh clone has it: the sources without any build output, installed npm packages
/// or test artifacts (the folders .gitignore names). Commands run there prove what works "on a fresh clone", and
/// never touch the bin and obj folders that the other test projects are using at the same time.
/// </summary>
internal static class FreshClone
{
    private static readonly string[] IgnoredFolders = ["bin", "obj", "node_modules", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", ".vs", ".idea", ".git"];

    /// <summary>Copies <paramref name="repository"/> into <paramref name="destination"/> (created); returns how many files were copied.</summary>
    public static int Copy(string repository, string destination)
    {
        var files = 0;
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(repository))
        {
            var name = Path.GetFileName(file);
            if (name == ".git" || name.EndsWith(".user", StringComparison.Ordinal) || name.Contains(".received.", StringComparison.Ordinal))
            {
                continue;
            }

            File.Copy(file, Path.Combine(destination, name));
            files++;
        }

        foreach (var folder in Directory.EnumerateDirectories(repository))
        {
            var name = Path.GetFileName(folder);
            if (Array.IndexOf(IgnoredFolders, name) < 0)
            {
                files += Copy(folder, Path.Combine(destination, name));
            }
        }

        return files;
    }
}
