using System;
using CardGen.Cards;

namespace CardGen.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("*bold* and _italic_", @"\*bold\* and \_italic\_")]
    [InlineData("[link](https://evil.example)", @"\[link\](https://evil.example)")]
    [InlineData("refund_id and snake_case", "refund_id and snake_case")]
    [InlineData("- not a list\n# not a heading", "\\- not a list\n\\# not a heading")]
    [InlineData("1. not a list\nversion 2.5", "1\\. not a list\nversion 2.5")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z)}}", @"\{{DATE(2026-01-01T00:00:00Z)}}")]
    [InlineData(@"back\slash `code`", @"back\\slash \`code\`")]
    [InlineData("", "")]
    public void EscapeMarkdown_neutralizes_formatting_and_links_but_keeps_text_readable(string input, string expected)
        => Assert.Equal(expected, CardText.EscapeMarkdown(input));

    [Fact]
    public void EscapeMarkdown_keeps_null()
        => Assert.Null(CardText.EscapeMarkdown(null));

    [Fact]
    public void Dates_use_the_card_functions_in_utc()
    {
        Assert.Equal("{{DATE(2026-11-27T08:14:00Z, SHORT)}} {{TIME(2026-11-27T08:14:00Z)}}", CardText.DateTime(new DateTimeOffset(2026, 11, 27, 9, 14, 0, TimeSpan.FromHours(1))));
        Assert.Equal("{{DATE(2026-11-27T09:14:00Z, LONG)}} {{TIME(2026-11-27T09:14:00Z)}}", CardText.DateTime(new DateTime(2026, 11, 27, 9, 14, 0, DateTimeKind.Unspecified), "LONG"));
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0)]
    [InlineData(2026, 11, 27, 23, 59, 59)]
    [InlineData(9999, 12, 31, 0, 0, 1)]
    public void The_allocation_free_date_writer_writes_what_DateTime_returns(int year, int month, int day, int hour, int minute, int second)
    {
        var value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        using var stream = new System.IO.MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            CardText.WriteDateTime(writer, System.Text.Json.JsonEncodedText.Encode("v"), value);
            CardText.WriteDateTime(writer, System.Text.Json.JsonEncodedText.Encode("w"), value.UtcDateTime);
            writer.WriteEndObject();
        }

        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        Assert.Equal(CardText.DateTime(value), document.RootElement.GetProperty("v").GetString());
        Assert.Equal(CardText.DateTime(value), document.RootElement.GetProperty("w").GetString());
    }

    [Fact]
    public void Urls_keep_relative_references_as_written()
    {
        Assert.Equal("https://example.com/a%20b", CardText.Url(new Uri("https://example.com/a b")));
        Assert.Equal("images/a.png", CardText.Url(new Uri("images/a.png", UriKind.Relative)));
        Assert.Throws<ArgumentNullException>(() => CardText.Url(null!));
    }
}
