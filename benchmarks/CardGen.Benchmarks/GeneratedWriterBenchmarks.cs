using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>
/// Writes the card of a <c>[ChatCard]</c> deployment notification four ways into a reused buffer: by hand (the floor),
/// with the generated <c>WriteCardJson</c>, and by building the model with the generated <c>ToAdaptiveCard</c> and
/// writing it, and with the same card designed as a template (<see cref="DeploymentSucceededTemplate"/>).
/// </summary>
[MemoryDiagnoser]
public class GeneratedWriterBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4 * 1024);
    private Utf8JsonWriter _writer = null!;
    private DeploymentSucceeded _event = null!;
    private DeploymentSucceededTemplate _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, AdaptiveCard.JsonWriterOptions);
        _event = DeploymentNotification.Sample();
        DeploymentNotification.AssertNothingToEscape(_event);
        _template = DeploymentSucceededTemplate.From(_event);

        HandWritten();
        var expected = _buffer.WrittenSpan.ToArray();
        Generated();
        Check(nameof(Generated), expected, _buffer.WrittenSpan);
        ModelThenWrite();
        Check(nameof(ModelThenWrite), expected, _buffer.WrittenSpan);
        Template();
        Check(nameof(Template), expected, _buffer.WrittenSpan);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        DeploymentNotification.WriteByHand(_writer, _event);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _event.WriteCardJson(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ModelThenWrite()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _event.ToAdaptiveCard().WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The same card designed as a template (<see cref="DeploymentSucceededTemplate"/>), its compiled writer.</summary>
    [Benchmark]
    public int Template()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _template.WriteCardJson(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private static void Check(string method, byte[] expected, ReadOnlySpan<byte> actual)
    {
        if (!actual.SequenceEqual(expected))
        {
            throw new InvalidOperationException(
                $"{method} does not write the same bytes as {nameof(HandWritten)}; the comparison would not be fair."
                + $"{Environment.NewLine}{nameof(HandWritten)}:{Environment.NewLine}{Encoding.UTF8.GetString(expected)}"
                + $"{Environment.NewLine}{method}:{Environment.NewLine}{Encoding.UTF8.GetString(actual)}");
        }
    }
}
