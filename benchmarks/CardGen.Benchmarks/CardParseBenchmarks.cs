using System;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>Parses the Adaptive Cards ExpenseReport sample into the model, against a bare <see cref="JsonDocument"/> parse.</summary>
[MemoryDiagnoser]
public class CardParseBenchmarks
{
    private static readonly string[] SamplePath = ["v1.5", "Scenarios", "ExpenseReport.json"];

    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Samples.Locate(SamplePath));

    [Benchmark(Baseline = true)]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_bytes);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public AdaptiveCard ModelParse() => AdaptiveCard.Parse(_bytes);
}

/// <summary>Finds the Adaptive Cards samples folder next to the repository, or where <c>CARDGEN_SAMPLES</c> points.</summary>
internal static class Samples
{
    public const string EnvironmentVariable = "CARDGEN_SAMPLES";

    public static string Locate(params string[] relativePath)
    {
        var folder = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
            ? overridden
            : DefaultFolder();
        var path = Path.Combine([folder, .. relativePath]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The sample '{path}' does not exist. Set {EnvironmentVariable} to the Adaptive Cards samples folder "
                + "(the one that holds v1.5/Scenarios), or check out the reference samples at "
                + "../shared/reference/adaptive-cards/samples next to the repository.",
                path);
    }

    private static string DefaultFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CardGen.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "reference", "adaptive-cards", "samples"));
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' contains CardGen.sln, so the samples folder cannot be found; "
            + $"set {EnvironmentVariable} to the Adaptive Cards samples folder.");
    }
}
