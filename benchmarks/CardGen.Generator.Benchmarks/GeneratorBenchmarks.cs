using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Benchmarks;

/// <summary>
/// Runs the CardGen generator and the SDK's System.Text.Json generator in process over equivalent 500-type projects:
/// cold (a fresh driver over a fresh compilation) and re-run (a warmed driver over the compilation after an edit
/// of an unrelated file). Every invocation gets a compilation with no semantic state, built in [IterationSetup];
/// with one invocation per iteration each measured call is a true cold run or a true re-run.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[InvocationCount(1)]
public class GeneratorBenchmarks
{
    private const string Cold = "Cold";
    private const string Rerun = "RerunAfterUnrelatedEdit";

    private GeneratorScenario _cardGen = null!;
    private GeneratorScenario _stj = null!;
    private GeneratorScenario _floor = null!;
    private Compilation _compilation = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cardGen = Workload.CardGen();
        _stj = Workload.SystemTextJson();
        _floor = Workload.CardGen(new AttributeFloorGenerator().AsSourceGenerator());
    }

    [IterationSetup(Target = nameof(AttributeFloorCold))]
    public void AttributeFloorColdSetup() => _compilation = _floor.FreshCompilation();

    [IterationSetup(Target = nameof(AttributeFloorRerunAfterUnrelatedEdit))]
    public void AttributeFloorRerunSetup() => (_warm, _compilation) = _floor.Warm();

    /// <summary>Finding the 500 attributed types and nothing else, over the CardGen project.</summary>
    [Benchmark]
    [BenchmarkCategory(Cold)]
    public GeneratorDriver AttributeFloorCold() => _floor.CreateDriver().RunGenerators(_compilation);

    /// <summary>The same after an unrelated edit: the least any ForAttributeWithMetadataName generator can cost here.</summary>
    [Benchmark]
    [BenchmarkCategory(Rerun)]
    public GeneratorDriver AttributeFloorRerunAfterUnrelatedEdit() => _warm.RunGenerators(_compilation);

    [IterationSetup(Target = nameof(CardGenCold))]
    public void CardGenColdSetup() => _compilation = _cardGen.FreshCompilation();

    [IterationSetup(Target = nameof(SystemTextJsonCold))]
    public void SystemTextJsonColdSetup() => _compilation = _stj.FreshCompilation();

    [IterationSetup(Target = nameof(CardGenRerunAfterUnrelatedEdit))]
    public void CardGenRerunSetup() => (_warm, _compilation) = _cardGen.Warm();

    [IterationSetup(Target = nameof(SystemTextJsonRerunAfterUnrelatedEdit))]
    public void SystemTextJsonRerunSetup() => (_warm, _compilation) = _stj.Warm();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Cold)]
    public GeneratorDriver SystemTextJsonCold() => _stj.CreateDriver().RunGenerators(_compilation);

    [Benchmark]
    [BenchmarkCategory(Cold)]
    public GeneratorDriver CardGenCold() => _cardGen.CreateDriver().RunGenerators(_compilation);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Rerun)]
    public GeneratorDriver SystemTextJsonRerunAfterUnrelatedEdit() => _warm.RunGenerators(_compilation);

    [Benchmark]
    [BenchmarkCategory(Rerun)]
    public GeneratorDriver CardGenRerunAfterUnrelatedEdit() => _warm.RunGenerators(_compilation);
}
