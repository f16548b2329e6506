using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>
/// Writes the same ~30-element CI notification card three ways into a reused buffer: by hand (the floor), with
/// the CardGen model, and with <see cref="JsonSerializer"/> over anonymous objects (what callers write today).
/// </summary>
[MemoryDiagnoser]
public class CardWriteBenchmarks
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private AdaptiveCard _card = null!;
    private object _graph = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _card = NotificationCard.BuildModel();
        _graph = NotificationCard.BuildAnonymousGraph();

        HandWritten();
        var expected = _buffer.WrittenSpan.ToArray();
        Model();
        Check(nameof(Model), expected, _buffer.WrittenSpan);
        Reflection();
        Check(nameof(Reflection), expected, _buffer.WrittenSpan);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        NotificationCard.WriteByHand(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Model()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _card.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int Reflection()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _graph, SerializerOptions);
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
