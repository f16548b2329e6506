using System;

namespace CardGen.Tests.Support;

/// <summary>Each fuzzer reads its own variables: replaying a case of one leaves the others' runs whole.</summary>
public sealed class FuzzRunTests
{
    [Fact]
    public void A_fuzzer_reads_only_the_variables_of_its_own_prefix()
    {
        // Prefixes no fuzzer uses, so the variables cannot reach a fuzzer running beside this test.
        var replayed = "CARDGEN_TEST_FUZZ_" + Guid.NewGuid().ToString("N");
        var other = "CARDGEN_TEST_FUZZ_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(replayed + "_SEED", "7");
        Environment.SetEnvironmentVariable(replayed + "_ITERATION", "42");
        try
        {
            var one = FuzzRun.FromEnvironment(replayed, defaultSeed: 1, defaultCount: 2000);
            var whole = FuzzRun.FromEnvironment(other, defaultSeed: 1, defaultCount: 2000);

            Assert.Equal((7, 42, true), (one.Seed, one.Only, one.IsReplay));
            Assert.Equal(new[] { 42 }, one.Iterations);
            Assert.Equal($"{replayed}_SEED=7 {replayed}_ITERATION=42", one.Replay(42));

            Assert.Equal((1, (int?)null, false, false), (whole.Seed, whole.Only, whole.IsReplay, whole.CountGiven));
            Assert.Equal(2000, whole.Iterations.Length);
            Assert.Equal(1999, whole.Iterations[^1]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(replayed + "_SEED", null);
            Environment.SetEnvironmentVariable(replayed + "_ITERATION", null);
        }
    }
}
