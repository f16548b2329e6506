using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CardGen.Cards;

namespace CardGen.Benchmarks;

/// <summary>
/// The deployment notification of <see cref="GeneratedWriterBenchmarks"/> as a card template (the Designer's JSON with
/// <c>${…}</c> bindings, compiled by the generator), written into a reused buffer three ways: by hand (the floor),
/// with the <c>[ChatCard]</c> type's generated <c>WriteCardJson</c>, and with the template card's compiled
/// <c>WriteCardJson</c>. The same data; the setup checks that all three write the same bytes.
/// </summary>
[MemoryDiagnoser]
public class TemplateWriterBenchmarks
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

/// <summary>
/// <see cref="DeploymentSucceeded"/>'s data with its card designed as a template: the same members, and a template that
/// writes the card the <c>[ChatCard]</c> mapping writes (the date as the host's <c>{{DATE}}</c>/<c>{{TIME}}</c>).
/// </summary>
[ChatCard(TemplateJson = """
    {
      "type": "AdaptiveCard",
      "version": "1.3",
      "body": [
        { "type": "TextBlock", "text": "Deployment ${DeploymentNumber} of ${Service} succeeded", "size": "large", "weight": "bolder", "wrap": true },
        {
          "type": "FactSet",
          "facts": [
            { "title": "Service", "value": "${Service}" },
            { "title": "Environment", "value": "${Environment}" },
            { "title": "Release", "value": "${Release}" },
            { "title": "Commit", "value": "${Commit}" },
            { "title": "Deployed by", "value": "${DeployedBy}" },
            { "title": "Finished", "value": "{{DATE(${formatDateTime(FinishedAt, 'yyyy-MM-ddTHH:mm:ss')}Z, SHORT)}} {{TIME(${formatDateTime(FinishedAt, 'yyyy-MM-ddTHH:mm:ss')}Z)}}" }
          ]
        },
        { "type": "TextBlock", "$when": "${exists(Description)}", "text": "${Description}", "wrap": true },
        { "type": "TextBlock", "$when": "${exists(Note)}", "text": "${Note}", "isSubtle": true, "wrap": true },
        { "type": "Image", "$when": "${exists(DeployerAvatar)}", "url": "${DeployerAvatar}", "altText": "Deployer avatar" }
      ],
      "actions": [
        { "type": "Action.OpenUrl", "title": "Open deployment", "url": "${DeploymentUrl}" },
        { "type": "Action.OpenUrl", "title": "View logs", "url": "${LogsUrl}" }
      ],
      "fallbackText": "${Service} ${Release} is live in ${Environment}"
    }
    """)]
public sealed partial class DeploymentSucceededTemplate
{
    public int DeploymentNumber { get; init; }

    public required string Service { get; init; }

    public DeploymentEnvironment Environment { get; init; }

    public required string Release { get; init; }

    public required string Commit { get; init; }

    public required string DeployedBy { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public string? Description { get; init; }

    public string? Note { get; init; }

    public Uri? DeployerAvatar { get; init; }

    public required Uri DeploymentUrl { get; init; }

    public required Uri LogsUrl { get; init; }

    /// <summary>The same data as the <c>[ChatCard]</c> notification.</summary>
    public static DeploymentSucceededTemplate From(DeploymentSucceeded e) => new()
    {
        DeploymentNumber = e.DeploymentNumber,
        Service = e.Service,
        Environment = e.Environment,
        Release = e.Release,
        Commit = e.Commit,
        DeployedBy = e.DeployedBy,
        FinishedAt = e.FinishedAt,
        Description = e.Description,
        Note = e.Note,
        DeployerAvatar = e.DeployerAvatar,
        DeploymentUrl = e.DeploymentUrl,
        LogsUrl = e.LogsUrl,
    };
}
