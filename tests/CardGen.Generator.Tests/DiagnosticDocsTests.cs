using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// Every rule the analyzers declare has a page under docs/diagnostics that its help link points to, an entry in the
/// index and in the release tracking files, and every page belongs to a rule; the pages' complete examples are true
/// (the wrong one raises the rule, the right one raises nothing).
/// </summary>
public sealed class DiagnosticDocsTests
{
    private const string HelpLinkBase = "https://github.com/cardgen/cardgen/blob/main/docs/diagnostics/";

    private static readonly Regex IdPattern = new(@"^CARDGEN\d{3}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string Root = RepositoryPaths.Root;

    private static readonly string DocsDirectory = Path.Combine(Root, "docs", "diagnostics");

    [Fact]
    public void Every_descriptor_has_an_id_texts_and_a_help_link_to_its_page()
    {
        var descriptors = Descriptors();
        var problems = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var id = descriptor.Id;
            if (!IdPattern.IsMatch(id))
            {
                problems.Add($"{id}: the id is not CARDGEN followed by three digits");
            }

            foreach (var (name, text) in new[] { ("title", descriptor.Title.ToString()), ("message", descriptor.MessageFormat.ToString()), ("description", descriptor.Description.ToString()) })
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{id}: the {name} is empty");
                }
            }

            if (descriptor.HelpLinkUri != HelpLinkBase + id + ".md")
            {
                problems.Add($"{id}: the help link is '{descriptor.HelpLinkUri}', not '{HelpLinkBase}{id}.md'");
            }

            var page = Path.Combine(DocsDirectory, id + ".md");
            if (!File.Exists(page))
            {
                problems.Add($"{id}: its help link's page docs/diagnostics/{id}.md does not exist");
                continue;
            }

            // The page is titled with the rule's own title, so the two cannot drift apart.
            var titles = descriptors.Where(d => d.Id == id).Select(d => $"# {id}: {d.Title}").ToList();
            var first = File.ReadLines(page).FirstOrDefault() ?? "";
            if (!titles.Contains(first, StringComparer.Ordinal))
            {
                problems.Add($"{id}: the page's first line is '{first}', expected '{titles[0]}'");
            }

            var severityLine = File.ReadLines(page).FirstOrDefault(l => l.StartsWith("**Severity:**", StringComparison.Ordinal)) ?? "";
            if (!severityLine.Contains(SeverityWord(descriptor.DefaultSeverity), StringComparison.Ordinal) || !severityLine.Contains(descriptor.Category, StringComparison.Ordinal))
            {
                problems.Add($"{id}: the page's line '{severityLine}' does not say {SeverityWord(descriptor.DefaultSeverity)} and {descriptor.Category}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = Pages().Keys.Where(id => !ids.Contains(id)).ToList();
        Assert.True(orphans.Count == 0, $"docs/diagnostics has pages for rules no analyzer declares: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void The_index_lists_every_rule_with_its_severity_and_category()
    {
        var index = File.ReadAllLines(Path.Combine(DocsDirectory, "README.md"));
        var problems = new List<string>();
        foreach (var group in Descriptors().GroupBy(d => d.Id))
        {
            var row = index.FirstOrDefault(l => l.StartsWith($"| [{group.Key}]({group.Key}.md) |", StringComparison.Ordinal));
            if (row is null)
            {
                problems.Add($"{group.Key}: no row '| [{group.Key}]({group.Key}.md) | …' in docs/diagnostics/README.md");
                continue;
            }

            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            var descriptor = group.First();
            if (!cells[2].StartsWith(SeverityWord(descriptor.DefaultSeverity), StringComparison.Ordinal) || cells[3] != descriptor.Category || cells[4] != descriptor.Title.ToString())
            {
                problems.Add($"{group.Key}: the index row '{row}' does not match {SeverityWord(descriptor.DefaultSeverity)} | {descriptor.Category} | {descriptor.Title}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .Select(f => Path.Combine(Root, "src", "Generator", f))
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 3 && IdPattern.IsMatch(c[0]))
            .ToList();
        var problems = new List<string>();
        foreach (var descriptor in Descriptors().GroupBy(d => d.Id).Select(g => g.First()))
        {
            var row = rows.LastOrDefault(c => c[0] == descriptor.Id);
            if (row is null)
            {
                problems.Add($"{descriptor.Id} is in neither src/Generator/AnalyzerReleases.Shipped.md nor Unshipped.md");
            }
            else if (row[1] != descriptor.Category || !row[2].Equals(descriptor.DefaultSeverity.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{descriptor.Id}: release tracking says {row[1]} | {row[2]}, the descriptor {descriptor.Category} | {descriptor.DefaultSeverity}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Holds without analyzers: the pages' structure, the index and the ids the issue fixes (001 to 012).</summary>
    [Fact]
    public void Every_page_has_cause_examples_fix_and_severity_and_is_in_the_index()
    {
        var pages = Pages();
        var index = File.ReadAllText(Path.Combine(DocsDirectory, "README.md"));
        var problems = new List<string>();
        foreach (var id in Enumerable.Range(1, 12).Select(n => $"CARDGEN{n:000}"))
        {
            if (!pages.ContainsKey(id))
            {
                problems.Add($"{id}: no page");
            }
        }

        foreach (var (id, text) in pages)
        {
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (!Regex.IsMatch(lines[0], $@"^# {id}: \S.*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{id}: the first line '{lines[0]}' is not '# {id}: <title>'");
            }

            foreach (var required in new[] { "**Severity:**", "## Cause", "## Wrong", "## Right", "## How to fix", "## Severity", $"dotnet_diagnostic.{id}.severity = " })
            {
                if (!text.Contains(required, StringComparison.Ordinal))
                {
                    problems.Add($"{id}: the page lacks '{required}'");
                }
            }

            if (CodeBlocks(text, "Wrong").Count == 0 || CodeBlocks(text, "Right").Count == 0)
            {
                problems.Add($"{id}: the page has no C# example under Wrong or Right");
            }

            if (!index.Contains($"[{id}]({id}.md)", StringComparison.Ordinal))
            {
                problems.Add($"{id}: docs/diagnostics/README.md does not link the page");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Each page's complete examples (type declarations; fragments that use a variable are left out) compile with the
    /// generator and every analyzer: the wrong one raises the page's rule, the right one no CARDGEN diagnostic at all.
    /// </summary>
    [Fact]
    public async Task The_pages_examples_are_true()
    {
        Assert.False(AnalyzerHarness.Analyzers.IsEmpty, AnalyzerHarness.NoAnalyzers);
        var problems = new List<string>();
        var checkedExamples = 0;
        foreach (var (id, text) in Pages())
        {
            foreach (var (section, wrong) in new[] { ("Wrong", true), ("Right", false) })
            {
                foreach (var block in CodeBlocks(text, section).Where(IsCompleteDeclaration))
                {
                    checkedExamples++;
                    var source = "using System;\nusing System.Collections.Generic;\nusing CardGen;\nusing CardGen.Cards;\n\nnamespace Docs;\n\n" + block;
                    var compilation = AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, source));
                    var run = await AnalyzerHarness.RunAsync(compilation);
                    problems.AddRange(run.Crashes().Select(c => $"{id} {section}: {c}"));

                    // A wrong example's card gets a stub (or nothing, when it cannot be extended), so it compiles entirely
                    // too, generated code included: the CARDGEN error is the only one.
                    var compilerErrors = run.CompilerDiagnostics
                        .Where(d => d.Severity == DiagnosticSeverity.Error)
                        .ToList();
                    if (compilerErrors.Count > 0)
                    {
                        problems.Add($"{id} {section}: the example is not valid C#: {string.Join("; ", compilerErrors)}\n{block}");
                    }

                    var cardgen = run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("CARDGEN", StringComparison.Ordinal)).ToList();
                    if (wrong && !cardgen.Any(d => d.Id == id))
                    {
                        problems.Add($"{id} Wrong: the example raises no {id}; it raises [{string.Join("; ", cardgen)}]\n{block}");
                    }
                    else if (!wrong && cardgen.Count > 0)
                    {
                        problems.Add($"{id} Right: the example raises [{string.Join("; ", cardgen)}]\n{block}");
                    }
                }
            }
        }

        Assert.True(checkedExamples >= 20, $"Only {checkedExamples} complete examples were found in docs/diagnostics.");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors()
    {
        Assert.False(AnalyzerHarness.Analyzers.IsEmpty, AnalyzerHarness.NoAnalyzers);
        return AnalyzerHarness.Descriptors;
    }

    private static SortedDictionary<string, string> Pages()
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(DocsDirectory, "CARDGEN*.md"))
        {
            pages[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return pages;
    }

    /// <summary>The ```csharp blocks between a page's "## {section}" heading and the next heading.</summary>
    private static List<string> CodeBlocks(string page, string section)
    {
        var start = page.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return new List<string>();
        }

        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var body = end < 0 ? page[start..] : page[start..end];
        return Regex.Matches(body, @"```csharp\n(?<code>.*?)```", RegexOptions.Singleline, TimeSpan.FromSeconds(1))
            .Select(m => m.Groups["code"].Value)
            .ToList();
    }

    /// <summary>A block of whole type declarations, as opposed to statements that use a variable from elsewhere.</summary>
    private static bool IsCompleteDeclaration(string block)
    {
        var tree = CSharpSyntaxTree.ParseText(block, new CSharpParseOptions(LanguageVersion.Latest));
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot();
        return root.Members.Count > 0
            && root.Members.All(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax)
            && !tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
