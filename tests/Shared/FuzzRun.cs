using System;
using System.Globalization;
using System.Linq;

namespace CardGen.Testing;

/// <summary>
/// What one fuzzer runs, read from its own environment variables so that replaying one leaves the others alone:
/// <c>{prefix}_SEED</c> (the seed), <c>{prefix}_ITERATION</c> (replay that one case) and <c>{prefix}_ITERATIONS</c>
/// (run more or fewer cases than the default). Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal sealed class FuzzRun
{
    private FuzzRun(string prefix, int seed, int? only, int count, bool countGiven)
    {
        Prefix = prefix;
        Seed = seed;
        Only = only;
        Count = count;
        CountGiven = countGiven;
        Iterations = only is int single ? new[] { single } : Enumerable.Range(0, count).ToArray();
    }

    /// <summary>The variables' prefix, for example <c>CARDGEN_CLIENT_FUZZ</c>.</summary>
    public string Prefix { get; }

    /// <summary>The seed: <c>{prefix}_SEED</c>, else the fuzzer's default.</summary>
    public int Seed { get; }

    /// <summary>The one case to replay (<c>{prefix}_ITERATION</c>), or <see langword="null"/> for a whole run.</summary>
    public int? Only { get; }

    /// <summary>How many cases a whole run has: <c>{prefix}_ITERATIONS</c>, else the fuzzer's default.</summary>
    public int Count { get; }

    /// <summary>Whether <c>{prefix}_ITERATIONS</c> set <see cref="Count"/>.</summary>
    public bool CountGiven { get; }

    /// <summary>The iterations to run: the one replayed, or 0 to <see cref="Count"/> − 1.</summary>
    public int[] Iterations { get; }

    /// <summary>Whether this run replays one case.</summary>
    public bool IsReplay => Only is not null;

    /// <summary>Reads the run of the fuzzer whose variables start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">For example <c>CARDGEN_GENERATOR_FUZZ</c>.</param>
    /// <param name="defaultSeed">The seed when <c>{prefix}_SEED</c> is not set.</param>
    /// <param name="defaultCount">The number of cases when <c>{prefix}_ITERATIONS</c> is not set.</param>
    public static FuzzRun FromEnvironment(string prefix, int defaultSeed, int defaultCount)
    {
        var count = Int(prefix + "_ITERATIONS");
        return new FuzzRun(prefix, Int(prefix + "_SEED") ?? defaultSeed, Int(prefix + "_ITERATION"), count ?? defaultCount, count is not null);
    }

    /// <summary>The variables that replay <paramref name="iteration"/>, for a failure message: <c>{prefix}_SEED=s {prefix}_ITERATION=i</c>.</summary>
    public string Replay(int iteration) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}_SEED={Seed} {Prefix}_ITERATION={iteration}");

    /// <summary>The variables that replay a case, with <c>&lt;iteration&gt;</c> to fill in.</summary>
    public string ReplayAny => string.Create(CultureInfo.InvariantCulture, $"{Prefix}_SEED={Seed} {Prefix}_ITERATION=<iteration>");

    private static int? Int(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
