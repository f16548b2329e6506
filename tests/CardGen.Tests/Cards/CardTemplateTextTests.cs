using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Tests.Generated;

namespace CardGen.Tests.Cards;

/// <summary>
/// A card title or summary longer than the stack buffer it starts in moves to pooled memory and comes out whole, with
/// each value escaped as <see cref="CardText.EscapeMarkdown"/> escapes it on its own.
/// </summary>
public sealed class CardTemplateTextTests
{
    /// <summary>Markdown on every line, several times the size of the buffers the runtime starts titles in (256).</summary>
    private static readonly string LongValue = string.Concat(Enumerable.Range(0, 40).Select(i => $"*step {i}* [log](http://x/{i}) _done_\n- item #{i}\n"));

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(256)]
    public void A_long_markdown_text_is_escaped_value_by_value_and_keeps_every_character(int bufferLength)
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(2));
        var text = new CardTemplateText(new char[bufferLength], markdown: true);
        text.AppendLiteral("Build *");
        text.Append(LongValue);
        text.AppendLiteral("* at ");
        text.Append(at);
        text.AppendLiteral(", ");
        text.Append(1234.5, "N1");
        text.Append(' ');
        text.Append('#');
        text.AppendEnum(DayOfWeek.Friday);
        text.Append(false);
        text.Append(new Uri("http://example.test/a b"));
        text.Append((string?)null);
        text.Append(LongValue);

        var expected = "Build *" + CardText.EscapeMarkdown(LongValue) + "* at " + CardText.DateTime(at) + ", 1,234.5 \\#Fridayfalse"
            + CardText.EscapeMarkdown(CardText.Url(new Uri("http://example.test/a b"))) + CardText.EscapeMarkdown(LongValue);
        Assert.True(expected.Length > 2 * LongValue.Length, "the text is meant to outgrow every buffer in the test");
        Assert.Equal(expected, text.ToStringAndClear());
    }

    [Fact]
    public void A_long_plain_text_keeps_values_as_they_are()
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(2));
        var text = new CardTemplateText(stackalloc char[16], markdown: false);
        text.Append(LongValue);
        text.AppendLiteral(" @ ");
        text.Append(at);
        text.Append(" ");
        text.Append(new DateTime(2026, 12, 7, 7, 30, 0, DateTimeKind.Unspecified));
        text.Append(LongValue);

        Assert.Equal(LongValue + " @ 2026-12-07 07:30 UTC 2026-12-07 07:30 UTC" + LongValue, text.ToStringAndClear());
    }

    [Fact]
    public void A_long_text_written_as_a_json_property_is_whole_and_the_text_is_empty_after()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var text = new CardTemplateText(stackalloc char[32], markdown: true);
            text.Append(LongValue);
            text.WriteTo(writer, JsonEncodedText.Encode("title"));
            text.AppendLiteral("again");
            writer.WriteString("after", text.ToStringAndClear());
            writer.WriteEndObject();
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(CardText.EscapeMarkdown(LongValue), json.RootElement.GetProperty("title").GetString());
        Assert.Equal("again", json.RootElement.GetProperty("after").GetString());
    }

    [Fact]
    public void A_generated_summary_longer_than_its_stack_buffer_is_whole_in_the_written_json_and_in_the_model()
    {
        var card = new RolloutProgressed { Number = 7, Service = LongValue, Stage = RolloutStage.Global, Progress = 1 };
        var expected = LongValue + " is at Global, 100 %";

        using var json = JsonDocument.Parse(card.ToCardJson());
        Assert.Equal(expected, json.RootElement.GetProperty("fallbackText").GetString());
        Assert.Equal(expected, card.ToAdaptiveCard().FallbackText);
    }

    [Fact]
    public void A_text_that_fits_its_buffer_is_written_in_it()
    {
        Span<char> stack = stackalloc char[64];
        var text = new CardTemplateText(stack, markdown: false);
        text.AppendLiteral("Rollout ");
        text.Append(42, null);

        Assert.Equal("Rollout 42", stack.Slice(0, 10).ToString());
        Assert.Equal("Rollout 42", text.ToStringAndClear());
    }
}
