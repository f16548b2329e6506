using System;
using System.Text.Json;
using CardGen.Legacy;

namespace CardGen.Tests.Legacy;

public sealed class LegacyMessageTests
{
    [Fact]
    public void A_full_message_is_written_in_the_v1_schema_with_v1_names_and_nothing_unset()
    {
        var message = new LegacyMessage
        {
            Activity = "Jira",
            Title = "**PROJ-1** updated",
            Icon = "https://example.com/i.png",
            Body = "Status changed",
        };
        message.Attachments.Add(new LegacyCard
        {
            Fallback = "PROJ-1 moved",
            Color = "#00ff2a",
            Pretext = "Board",
            AuthorName = "Ann",
            AuthorLink = "https://example.com/ann",
            AuthorIcon = "https://example.com/ann.png",
            Title = "PROJ-1",
            TitleLink = "https://example.com/PROJ-1",
            Text = "Moved to *Done*",
            ImageUrl = "https://example.com/big.png",
            ThumbnailUrl = "https://example.com/thumb.png",
            Footer = "Jira Cloud",
            FooterIcon = "https://example.com/jira.png",
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(1600000000).AddMilliseconds(900),
        }.AddField("Priority", "High", LegacyFieldStyle.Short).AddField("Summary", "Two\nlines"));

        Assert.Equal(
            """{"activity":"Jira","title":"**PROJ-1** updated","icon":"https://example.com/i.png","body":"Status changed","attachments":[{"type":"Card","fallback":"PROJ-1 moved","color":"#00ff2a","pretext":"Board","author_name":"Ann","author_link":"https://example.com/ann","author_icon":"https://example.com/ann.png","title":"PROJ-1","title_link":"https://example.com/PROJ-1","text":"Moved to *Done*","fields":[{"title":"Priority","value":"High","short":true},{"title":"Summary","value":"Two\nlines","short":false}],"image_url":"https://example.com/big.png","thumb_url":"https://example.com/thumb.png","footer":"Jira Cloud","footer_icon":"https://example.com/jira.png","ts":1600000000}]}""",
            message.ToJson());
        Assert.True(message.Validate().IsValid, message.Validate().ToString());
        Assert.Empty(message.Validate().Findings);
    }

    [Fact]
    public void Unset_values_and_empty_lists_are_left_out_and_text_is_escaped_only_as_cards_are()
    {
        var message = new LegacyMessage { Body = "Grüße <b> \"x\" 🚀" };
        message.Attachments.Add(new LegacyCard { Text = "t" });

        // As for cards: only what JSON requires is escaped, and characters outside the BMP as \u pairs.
        Assert.Equal("""{"body":"Grüße <b> \"x\" \uD83D\uDE80","attachments":[{"type":"Card","text":"t"}]}""", message.ToJson());
        Assert.Equal("""{"title":"only"}""", new LegacyMessage { Title = "only" }.ToJson());
    }

    [Fact]
    public void Null_cards_and_fields_are_written_as_null_for_the_validator_to_name()
    {
        var message = new LegacyMessage { Body = "b" };
        message.Attachments.Add(null!);
        message.Attachments.Add(new LegacyCard { Fallback = "f", Title = "t", Text = "x" });
        message.Attachments[1].Fields.Add(null!);

        Assert.Equal("""{"body":"b","attachments":[null,{"type":"Card","fallback":"f","title":"t","text":"x","fields":[null]}]}""", message.ToJson());
        var result = message.Validate();
        Assert.Contains(result.Errors, f => f.RuleId == LegacyRules.AttachmentType && f.Path == "$.attachments[0]");
        Assert.Contains(result.Errors, f => f.RuleId == LegacyRules.WrongValueKind && f.Path == "$.attachments[1].fields[0]");
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_written_and_the_error_names_its_path()
    {
        var message = new LegacyMessage { Body = "b" };
        message.Attachments.Add(new LegacyCard { Fallback = "f", Title = "t", Text = "x" }.AddField("a", "bad \ud800 half"));

        var error = Assert.ThrowsAny<ArgumentException>(() => message.ToJson());
        Assert.Contains("$.attachments[0].fields[0].value", error.Message, StringComparison.Ordinal);
        var finding = Assert.Single(message.Validate().Findings);
        Assert.Equal((LegacyRules.MalformedJson, "$.attachments[0].fields[0].value"), (finding.RuleId, finding.Path));
    }

    [Fact]
    public void WriteTo_writes_into_a_callers_writer_and_ForCard_carries_one_card()
    {
        var message = LegacyMessage.ForCard(new LegacyCard { Fallback = "f", Title = "t", Text = "x" }, activity: "CI", body: "b");
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            message.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("CI", document.RootElement.GetProperty("activity").GetString());
        Assert.Equal("Card", document.RootElement.GetProperty("attachments")[0].GetProperty("type").GetString());
        Assert.Throws<ArgumentNullException>(() => message.WriteTo(null!));
        Assert.Throws<ArgumentNullException>(() => LegacyMessage.ForCard(null!));
    }
}
