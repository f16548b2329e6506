using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CardGen.Schema;

namespace CardGen.Tests.Corpus;

/// <summary>The official sample cards (Elements and Scenarios of every version), read from ../shared.</summary>
internal static class SampleCards
{
    public const string Missing = "(samples missing)";

    /// <summary>The folders of the official sample set this project reads and how many cards each holds (commit 644d933e).</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedCounts = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["v1.0/Elements"] = 42,
        ["v1.1/Elements"] = 13,
        ["v1.2/Elements"] = 31,
        ["v1.3/Elements"] = 20,
        ["v1.4/Elements"] = 3,
        ["v1.5/Elements"] = 25,
        ["v1.5/Scenarios"] = 23,
        ["v1.6/Elements"] = 28,
        ["v1.6/Scenarios"] = 1,
    };

    /// <summary>The number of cards in the official sample set.</summary>
    public static int ExpectedTotal => ExpectedCounts.Values.Sum();

    /// <summary>Relative paths such as <c>v1.5/Scenarios/ExpenseReport.json</c>; one placeholder when absent.</summary>
    public static IEnumerable<object[]> All()
    {
        if (!RepositoryPaths.SamplesAvailable)
        {
            yield return new object[] { Missing };
            yield break;
        }

        var root = RepositoryPaths.SamplesRoot;
        var files = Directory.EnumerateDirectories(root, "v1.*")
            .SelectMany(version => new[] { "Elements", "Scenarios" }.Select(kind => Path.Combine(version, kind)))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder))
            .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .OrderBy(file => file, StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return new object[] { file };
        }
    }

    public static byte[] Read(string relativePath)
    {
        Skip.If(relativePath == Missing, RepositoryPaths.SamplesMissingMessage);
        return File.ReadAllBytes(Path.Combine(RepositoryPaths.SamplesRoot, relativePath));
    }

    /// <summary>The version a sample's folder names (<c>v1.5/…</c> is 1.5).</summary>
    public static CardVersion FolderVersion(string relativePath)
        => CardVersion.Parse(relativePath.Substring(1, relativePath.IndexOf('/', StringComparison.Ordinal) - 1));
}
