using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>
/// eng/summarize-results.sh, which decides whether eng/test.sh passes, run on folders of made-up .trx files: the sums
/// are right, and a test project that left no results or ran no test fails the run, naming the project.
/// </summary>
public sealed class SummarizeResultsTests : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "cardgen-trx-" + Guid.NewGuid().ToString("N"));

    public SummarizeResultsTests() => Directory.CreateDirectory(_results);

    /// <summary>
    /// The test projects of CardGen.sln, read from the solution file itself (not the way the script reads them): the
    /// projects under tests/ named *.Tests (a crash test's child process there is not one).
    /// </summary>
    private static IReadOnlyList<string> TestProjects { get; } = Regex
        .Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CardGen.sln")), @"""tests[\\/][^""]+[\\/]([^""\\/]+\.Tests)\.csproj""")
        .Select(m => m.Groups[1].Value)
        .Distinct(StringComparer.Ordinal)
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public async Task Every_project_reported_gives_exit_code_0_and_the_sums()
    {
        Assert.True(TestProjects.Count >= 5, $"CardGen.sln lists only these test projects: {string.Join(", ", TestProjects)}");
        int passed = 0, skipped = 0;
        for (var i = 0; i < TestProjects.Count; i++)
        {
            // Different numbers per project, and two result files for the first (a project run twice, say per framework).
            var (total, executed) = (20 + (7 * i), 18 + (7 * i));
            WriteTrx(TestProjects[i], total, executed, passed: executed, failed: 0);
            passed += executed;
            skipped += total - executed;
        }

        WriteTrx(TestProjects[0], total: 3, executed: 3, passed: 3, failed: 0, file: "second");
        passed += 3;

        var result = await SummarizeAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal($"{passed} passed, 0 failed, {skipped} skipped", LastLine(result));
    }

    [Fact]
    public async Task A_failed_test_is_summed_and_fails_the_run()
    {
        foreach (var project in TestProjects)
        {
            WriteTrx(project, total: 10, executed: 10, passed: 10, failed: 0);
        }

        WriteTrx(TestProjects[^1], total: 4, executed: 4, passed: 1, failed: 2, error: 1, file: "failing");

        var result = await SummarizeAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"{(10 * TestProjects.Count) + 1} passed, 3 failed, 0 skipped", LastLine(result));
    }

    [Fact]
    public async Task A_project_without_results_fails_the_run_and_is_named()
    {
        var absent = TestProjects[TestProjects.Count / 2];
        foreach (var project in TestProjects.Where(p => p != absent))
        {
            WriteTrx(project, total: 5, executed: 5, passed: 5, failed: 0);
        }

        var result = await SummarizeAsync();

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains($"{absent} reported no results.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal($"{5 * (TestProjects.Count - 1)} passed, 1 failed, 0 skipped", LastLine(result));
    }

    [Fact]
    public async Task A_project_that_ran_no_test_fails_the_run_and_is_named()
    {
        var idle = TestProjects[0];
        foreach (var project in TestProjects)
        {
            // Its tests were all discovered and skipped: counted as skipped, and still not a pass.
            WriteTrx(project, total: 6, executed: project == idle ? 0 : 6, passed: project == idle ? 0 : 6, failed: 0);
        }

        var result = await SummarizeAsync();

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains($"{idle} ran no test.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal($"{6 * (TestProjects.Count - 1)} passed, 1 failed, 6 skipped", LastLine(result));
    }

    [Fact]
    public async Task An_empty_folder_fails_the_run_naming_every_project()
    {
        var result = await SummarizeAsync();

        Assert.True(result.ExitCode != 0, result.Describe());
        foreach (var project in TestProjects)
        {
            Assert.Contains($"{project} reported no results.", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Equal($"0 passed, {TestProjects.Count} failed, 0 skipped", LastLine(result));
    }

    public void Dispose() => Directory.Delete(_results, recursive: true);

    private Task<ProcessResult> SummarizeAsync()
        => ProcessRunner.RunAsync("bash", RepositoryPaths.Root, new[] { Path.Combine(RepositoryPaths.Root, "eng", "summarize-results.sh"), _results });

    private static string LastLine(ProcessResult result)
        => result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    /// <summary>A .trx as 'dotnet test --logger trx' writes it, cut to what a summary reads: the test's assembly and the counters.</summary>
    private void WriteTrx(string project, int total, int executed, int passed, int failed, int error = 0, string file = "run")
    {
        // vstest writes the storage path in lower case.
        var storage = $"/build/tests/{project}/bin/release/net10.0/{project}.dll".ToLowerInvariant();
        var trx = string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="{Guid.NewGuid()}" name="made-up" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <TestDefinitions>
                <UnitTest name="{project}.Test" storage="{storage}" id="{Guid.NewGuid()}">
                  <TestMethod codeBase="{storage}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="{project}.Tests" name="Test" />
                </UnitTest>
              </TestDefinitions>
              <ResultSummary outcome="{(failed + error > 0 ? "Failed" : "Completed")}">
                <Counters total="{total}" executed="{executed}" passed="{passed}" failed="{failed}" error="{error}" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="{total - executed}" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
              </ResultSummary>
            </TestRun>
            """);
        File.WriteAllText(Path.Combine(_results, $"{project}-{file}.trx"), trx);
    }
}
