using System;
using System.Linq;
using System.Text.Json;
using CardGen.Templates;

namespace CardGen.Tests.Templates;

/// <summary>A card designed as a template whose texts put several members together, each possibly long.</summary>
[ChatCard(TemplateJson = """
    {
      "type": "AdaptiveCard",
      "version": "1.3",
      "body": [
        { "type": "TextBlock", "text": "Deployment ${Number} of ${Service} to ${Stage} succeeded", "wrap": true },
        { "type": "TextBlock", "text": "Finished ${formatDateTime(FinishedAt, 'yyyy-MM-dd HH:mm')} (${Ratio})", "wrap": true }
      ],
      "fallbackText": "${Service} is live"
    }
    """)]
public sealed partial class LongTemplateCard
{
    public int Number { get; init; }

    public required string Service { get; init; }

    public DayOfWeek Stage { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public double Ratio { get; init; }
}

/// <summary>
/// A template text longer than the buffer it starts in (the compiled writer lends 256 characters on the stack) moves
/// to pooled memory and comes out whole.
/// </summary>
public sealed class LongTemplateTextTests
{
    /// <summary>Longer than the compiled writer's stack buffer (256) by itself.</summary>
    private static readonly string LongService = string.Concat(Enumerable.Range(0, 60).Select(i => $"svc-{i:D2}/"));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(256)]
    public void A_long_text_of_every_kind_of_value_keeps_every_character(int bufferLength)
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 5, TimeSpan.Zero);
        var text = new TemplateText(new char[bufferLength]);
        Assert.True(text.Append(LongService));
        text.Append(" #".AsSpan());
        text.AppendWhole(-7, 4);
        text.Append('.', 300);
        Assert.True(text.Append(2.25));
        Assert.True(text.Append(false));
        Assert.True(text.AppendEnum<DayOfWeek>(DayOfWeek.Monday));
        Assert.True(text.AppendDate(at));
        Assert.True(text.AppendDateTime(at, "yyyy/MM/dd"));
        Assert.True(text.Append(LongService));
        var written = text.Written.ToString();
        var asString = text.ToString();
        text.Dispose();

        var expected = LongService + " #-0007" + new string('.', 300) + "2.25falseMonday2026-12-07T09:30:05+00:002026/12/07" + LongService;
        Assert.Equal(expected, written);
        Assert.Equal(expected, asString);
    }

    [Fact]
    public void The_compiled_template_writes_a_text_longer_than_its_stack_buffer_whole()
    {
        var card = new LongTemplateCard
        {
            Number = 12,
            Service = LongService,
            Stage = DayOfWeek.Thursday,
            FinishedAt = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(1)),
            Ratio = 0.125,
        };

        using var json = JsonDocument.Parse(card.ToCardJson());
        var body = json.RootElement.GetProperty("body");
        Assert.Equal($"Deployment 12 of {LongService} to Thursday succeeded", body[0].GetProperty("text").GetString());
        Assert.Equal("Finished 2026-12-07 08:30 (0.125)", body[1].GetProperty("text").GetString());
        Assert.Equal($"{LongService} is live", json.RootElement.GetProperty("fallbackText").GetString());
    }
}
