using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CardGen.Schema;

namespace CardGen.Tests.Corpus;

/// <summary>
/// The official sample cards, read from ../shared: the Elements and Scenarios of every version, and the templating
/// cards of <c>Templates/</c> (cards with <c>${…}</c> bindings, each beside the <c>.data.json</c> file it binds to).
/// </summary>
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

    /// <summary>The template folders and how many cards each holds, data files not counted (commit 644d933e).</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedTemplateCounts = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["Templates/Elements"] = 10,
        ["Templates/Scenarios"] = 28,
    };

    /// <summary>
    /// How many <c>.data.json</c> files the template folders hold: the data a template is expanded with, not cards, so
    /// <see cref="Templates"/> leaves them out (one per scenario and one that all of Templates/Elements share).
    /// </summary>
    public const int ExpectedTemplateDataFiles = 29;

    /// <summary>The number of template cards.</summary>
    public static int ExpectedTemplateTotal => ExpectedTemplateCounts.Values.Sum();

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

    /// <summary>
    /// The template cards, such as <c>Templates/Scenarios/Agenda.template.json</c>, as they are (bindings unexpanded);
    /// one placeholder when absent.
    /// </summary>
    public static IEnumerable<object[]> Templates()
    {
        if (!RepositoryPaths.SamplesAvailable)
        {
            yield return new object[] { Missing };
            yield break;
        }

        foreach (var file in TemplateFolderFiles().Where(file => !IsTemplateData(file)))
        {
            yield return new object[] { file };
        }
    }

    /// <summary>The <c>.data.json</c> files of the template folders.</summary>
    public static IEnumerable<string> TemplateData() => TemplateFolderFiles().Where(IsTemplateData);

    public static byte[] Read(string relativePath)
    {
        Skip.If(relativePath == Missing, RepositoryPaths.SamplesMissingMessage);
        return File.ReadAllBytes(Path.Combine(RepositoryPaths.SamplesRoot, relativePath));
    }

    /// <summary>Whether a sample is a template card (under <c>Templates/</c>).</summary>
    public static bool IsTemplate(string relativePath) => relativePath.StartsWith("Templates/", StringComparison.Ordinal);

    /// <summary>The version a sample's folder names (<c>v1.5/…</c> is 1.5).</summary>
    public static CardVersion FolderVersion(string relativePath)
        => CardVersion.Parse(relativePath.Substring(1, relativePath.IndexOf('/', StringComparison.Ordinal) - 1));

    /// <summary>
    /// The version a template card declares (its top-level <c>version</c>), read without the card model: a template has
    /// no version folder, and the model is what is under test.
    /// </summary>
    public static CardVersion DeclaredVersion(byte[] card)
    {
        using var document = JsonDocument.Parse(card);
        return CardVersion.Parse(document.RootElement.GetProperty("version").GetString()!);
    }

    private static bool IsTemplateData(string relativePath) => relativePath.EndsWith(".data.json", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> TemplateFolderFiles()
    {
        var root = RepositoryPaths.SamplesRoot;
        var templates = Path.Combine(root, "Templates");
        return (Directory.Exists(templates) ? Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories) : Enumerable.Empty<string>())
            .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .OrderBy(file => file, StringComparer.Ordinal);
    }
}
