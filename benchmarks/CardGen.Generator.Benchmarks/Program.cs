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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
