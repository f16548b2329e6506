using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Benchmarks;

/// <summary>
/// <c>--verify</c>: checks, outside BenchmarkDotNet, that the benchmarks measure what they claim. Both generators
/// produce code for all 500 types that compiles, and after the unrelated edit every output of every CardGen tracked
/// step (named and output steps) is <see cref="IncrementalStepRunReason.Cached"/> or
/// <see cref="IncrementalStepRunReason.Unchanged"/>: the re-run emits nothing.
/// </summary>
internal static class Verify
{
    public static int Run()
    {
        Console.WriteLine(DotnetPacks.Describe());
        var ok = true;
        foreach (var (scenario, mustBeCached) in new[] { (Workload.CardGen(), true), (Workload.SystemTextJson(), false) })
        {
            ok &= Check(scenario, mustBeCached);
        }

        Console.WriteLine(ok ? "verify: OK" : "verify: FAILED");
        return ok ? 0 : 1;
    }

    private static bool Check(GeneratorScenario scenario, bool mustBeCached)
    {
        var ok = true;
        Console.WriteLine();
        Console.WriteLine($"== {scenario.Name}");

        // Cold: what it generates, and that the result compiles.
        var stopwatch = Stopwatch.StartNew();
        var cold = scenario.CreateDriver().RunGeneratorsAndUpdateCompilation(scenario.FreshCompilation(), out var output, out var generatorDiagnostics);
        stopwatch.Stop();
        var result = cold.GetRunResult().Results.Single();
        var generated = result.GeneratedSources;
        var chars = generated.Sum(s => (long)s.SourceText.Length);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold run (one sample, untimed by BenchmarkDotNet): {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {generated.Length} files, {chars / 1024.0:F0} KiB of source, "
            + $"{generatorDiagnostics.Length} generator diagnostics, {errors.Count} compile errors"));
        if (mustBeCached)
        {
            // CardGen writes one file per annotated type; the size target is per type, in UTF-8 bytes as written to disk.
            var first = generated.OrderBy(s => s.HintName, StringComparer.Ordinal).First();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one type's file ({first.HintName}): {System.Text.Encoding.UTF8.GetByteCount(first.SourceText.ToString()):N0} bytes"));
        }

        foreach (var error in errors.Take(5))
        {
            Console.WriteLine("  " + error);
        }

        if (result.Exception is not null)
        {
            Console.WriteLine("  generator exception: " + result.Exception);
            ok = false;
        }

        if (errors.Count > 0 || generated.Length < Workload.TypeCount)
        {
            Console.WriteLine($"  expected at least {Workload.TypeCount} files and no compile errors");
            ok = false;
        }

        // Re-run after the unrelated edit, with step tracking.
        var (warm, edited) = scenario.Warm(trackSteps: true);
        var rerun = warm.RunGenerators(edited).GetRunResult().Results.Single();
        Console.WriteLine($"re-run after the unrelated edit: {rerun.GeneratedSources.Length} files; tracked step outputs by reason:");
        var bad = 0;
        foreach (var (kind, steps) in new[] { ("step", rerun.TrackedSteps), ("output", rerun.TrackedOutputSteps) })
        {
            foreach (var (name, runs) in steps.OrderBy(s => IsRoslyns(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal))
            {
                var outputs = runs.SelectMany(r => r.Outputs).ToList();
                var reasons = outputs.GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
                var stale = outputs.Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                var roslyns = kind == "step" && IsRoslyns(name);
                if (!roslyns)
                {
                    bad += stale;
                }

                var note = roslyns ? "   (Roslyn plumbing)" : stale > 0 ? "   <- not Cached/Unchanged" : string.Empty;
                Console.WriteLine($"  {kind,-6} {name,-56} {string.Join(", ", reasons)}{note}");
            }
        }

        if (mustBeCached)
        {
            var verdict = bad == 0
                ? "every output of the generator's own tracked steps and of its output steps is Cached or Unchanged"
                : $"{bad} outputs of the generator's own tracked steps or output steps are New, Modified or Removed";
            Console.WriteLine($"{scenario.Name}: {verdict}");
            ok &= bad == 0;
        }
        else
        {
            Console.WriteLine($"{scenario.Name}: shown for comparison, not checked");
        }

        if (result.Exception is null && rerun.Exception is not null)
        {
            Console.WriteLine("  generator exception on re-run: " + rerun.Exception);
            ok = false;
        }

        return ok;
    }

    /// <summary>
    /// Steps Roslyn adds itself: the driver's inputs (the compilation and its options), which change with any edit, and
    /// the plumbing inside <c>ForAttributeWithMetadataName</c>. Its last step, <c>result_ForAttributeWithMetadataName</c>,
    /// holds what the generator's transform returned, so it counts as the generator's.
    /// </summary>
    private static bool IsRoslyns(string step)
        => step is WellKnownGeneratorInputs.Compilation or "CompilationOptions" or WellKnownGeneratorInputs.AnalyzerConfigOptions
            or WellKnownGeneratorInputs.ParseOptions or WellKnownGeneratorInputs.AdditionalTexts or WellKnownGeneratorInputs.MetadataReferences
            || (step.Contains("_ForAttribute", StringComparison.Ordinal) && step != "result_ForAttributeWithMetadataName");
}
