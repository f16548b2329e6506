using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Tests.Generated;

/// <summary>Where a value on the card is an enum, and it is in the title and the summary too.</summary>
public enum RolloutStage { Canary, Regional, Global }

/// <summary>Every kind of value the generated writer formats without a string on the way: enums, numbers and times.</summary>
[ChatCard(Title = "Rollout {Number} at {Stage}", Summary = "{Service} is at {Stage}, {Progress:P0}")]
public partial class RolloutProgressed
{
    public int Number { get; set; }
    [CardFact("Service")] public string Service { get; set; } = "";
    [CardFact("Stage")] public RolloutStage Stage { get; set; }
    [CardFact("Next stage")] public RolloutStage? NextStage { get; set; }
    [CardFact("Stage number", Format = "D")] public RolloutStage StageNumber { get; set; }
    [CardFact("Progress", Format = "P0")] public double Progress { get; set; }
    [CardFact("Started")] public DateTimeOffset Started { get; set; }
    [CardFacts] public Dictionary<string, RolloutStage>? Regions { get; set; }
    [CardText] public RolloutStage Headline { get; set; }
    [CardText(IsSubtle = true)] public RolloutStage? Previous { get; set; }
}

/// <summary>
/// The generated <c>WriteCardJson</c> allocates nothing into a reused writer: enum values, in facts, texts, maps and
/// templates alike, are formatted into the stack, not boxed. (The benchmark <c>GeneratedWriterBenchmarks</c> measures
/// the time; the allocation count is exact, so it is asserted here.)
/// </summary>
public sealed class WriterAllocationTests
{
    private static RolloutProgressed Sample() => new()
    {
        Number = 42,
        Service = "payments-api",
        Stage = RolloutStage.Regional,
        NextStage = RolloutStage.Global,
        StageNumber = RolloutStage.Global,
        Progress = 0.5,
        Started = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero),
        Regions = new Dictionary<string, RolloutStage> { ["eu"] = RolloutStage.Global, ["us"] = RolloutStage.Canary },
        Headline = RolloutStage.Canary,
        Previous = RolloutStage.Canary,
    };

    [Fact]
    public void The_generated_writer_writes_enums_by_name_and_as_formatted()
    {
        var json = Sample().ToCardJson();

        Assert.Equal(json, Sample().ToAdaptiveCard().ToJson());
        Assert.Contains("\"text\":\"Rollout 42 at Regional\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Stage\",\"value\":\"Regional\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Next stage\",\"value\":\"Global\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Stage number\",\"value\":\"2\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"eu\",\"value\":\"Global\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Progress\",\"value\":\"50 %\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Canary\",\"isSubtle\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"fallbackText\":\"payments-api is at Regional, 50 %\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_writer_allocates_nothing_into_a_reused_writer()
    {
        var card = Sample();
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, AdaptiveCard.JsonWriterOptions);
        void Write()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            card.WriteCardJson(writer);
            writer.Flush();
        }

        // The first writes fill caches (enum names, encoded property names); after them, no write allocates.
        for (var i = 0; i < 3; i++)
        {
            Write();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Write();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"100 writes allocated {allocated} bytes: {allocated / 100.0:F1} per card.");
    }
}
