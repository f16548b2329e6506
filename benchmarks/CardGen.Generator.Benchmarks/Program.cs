using System;
using BenchmarkDotNet.Running;

namespace CardGen.Generator.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (Array.IndexOf(args, "--verify") >= 0)
        {
            return Verify.Run();
        }

        if (Array.IndexOf(args, "--loop-cold") >= 0)
        {
            // For an external profiler: CardGen cold runs over freshly parsed files, over and over.
            var scenario = Workload.CardGen();
            for (var i = 0; i < 12; i++)
            {
                var fresh = scenario.FreshCompilation();
                scenario.CreateDriver().RunGenerators(fresh);
            }

            return 0;
        }

        if (Array.IndexOf(args, "--loop-rerun") >= 0)
        {
            // For an external profiler: CardGen re-runs after an unrelated edit, over and over.
            var scenario = Workload.CardGen();
            for (var i = 0; i < 40; i++)
            {
                var (warm, edited) = scenario.Warm();
                warm.RunGenerators(edited);
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
