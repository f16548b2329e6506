using System;
using System.Linq;
using System.Text;
using CardGen.Legacy;
using CardGen.Validation;

// These tests give the builders bad colours and URLs on purpose, to see them refused at run time.
#pragma warning disable CARDGEN015, CARDGEN016, CARDGEN017

namespace CardGen.Tests.Legacy;

/// <summary>Every rule of <see cref="LegacyValidator"/>, at its boundary: exactly at a limit passes, one over fails.</summary>
public sealed class LegacyValidatorTests
{
    private static LegacyCard Card() => new() { Fallback = "f", Title = "t", Text = "x" };

    private static LegacyMessage With(LegacyCard card) => LegacyMessage.ForCard(card, body: "b");

    private static void AssertClean(LegacyValidationResult result) => Assert.True(result.Findings.Count == 0, result.ToString());

    private static CardFinding AssertOnly(LegacyValidationResult result, string ruleId, string path, FindingSeverity severity = FindingSeverity.Error)
    {
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ruleId, path, severity), (finding.RuleId, finding.Path, finding.Severity));
        Assert.Equal(severity != FindingSeverity.Error, result.IsValid);
        return finding;
    }

    [Theory]
    [InlineData("{\"body\":")]
    [InlineData("{\"body\":\"x\",}")]
    [InlineData("{\"body\":\"x\"} {}")]
    public void LV001_malformed_json(string json)
        => AssertOnly(LegacyValidator.Validate(json), LegacyRules.MalformedJson, "$");

    [Fact]
    public void LV001_bytes_that_are_not_utf8_and_escaped_lone_surrogates()
    {
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes("{\"body\":\"a"), 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        AssertOnly(LegacyValidator.Validate(notUtf8), LegacyRules.MalformedJson, "$");
        var lone = LegacyValidator.Validate("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"\ud800"}]}""");
        Assert.Contains(lone.Errors, f => f.RuleId == LegacyRules.MalformedJson && f.Path == "$.attachments[0].text");
        AssertOnly(LegacyValidator.Validate("{\"body\":\"\ud800\"}"), LegacyRules.MalformedJson, "$");
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
        => AssertClean(LegacyValidator.Validate([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"body\":\"b\"}")]));

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{"body":1,"title":"t"}""", "$.body")]
    [InlineData("""{"body":"b","title":true}""", "$.title")]
    [InlineData("""{"body":"b","activity":[]}""", "$.activity")]
    [InlineData("""{"body":"b","attachments":{}}""", "$.attachments")]
    [InlineData("""{"body":"b","attachments":[{"type":1,"fallback":"f","title":"t","text":"x"}]}""", "$.attachments[0].type")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","fields":{}}]}""", "$.attachments[0].fields")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","fields":["a"]}]}""", "$.attachments[0].fields[0]")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","fields":[{"title":"a","value":"v","short":"yes"}]}]}""", "$.attachments[0].fields[0].short")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","ts":"2020-01-01"}]}""", "$.attachments[0].ts")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","color":0}]}""", "$.attachments[0].color")]
    public void LV002_wrong_value_kinds(string json, string path)
        => AssertOnly(LegacyValidator.Validate(json), LegacyRules.WrongValueKind, path);

    [Fact]
    public void Null_values_count_as_absent()
        => AssertClean(LegacyValidator.Validate("""{"body":"b","title":null,"icon":null,"attachments":[{"fallback":"f","title":"t","text":"x","color":null,"fields":null,"ts":null}]}"""));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"body":" \n"}""")]
    [InlineData("""{"activity":"CI","icon":"https://example.com/i.png"}""")]
    [InlineData("""{"attachments":[]}""")]
    public void LV003_nothing_to_post(string json)
        => AssertOnly(LegacyValidator.Validate(json), LegacyRules.NoContent, "$");

    [Theory]
    [InlineData("""{"body":"b"}""")]
    [InlineData("""{"title":"t"}""")]
    [InlineData("""{"attachments":[{"fallback":"f","title":"t","text":"x"}]}""")]
    public void A_body_a_title_or_an_attachment_is_enough(string json) => AssertClean(LegacyValidator.Validate(json));

    [Fact]
    public void LV003_with_v2_text_says_body_and_LV004_warns_about_the_v2_name()
    {
        var result = LegacyValidator.Validate("""{"text":"hello"}""");

        Assert.Equal([LegacyRules.UnknownProperty, LegacyRules.NoContent], result.Findings.Select(f => f.RuleId));
        Assert.Contains("'body', not 'text'", result.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Warning, result.Findings[0].Severity);
        Assert.Equal("$.text", result.Findings[0].Path);
    }

    [Theory]
    [InlineData("""{"body":"b","iconUri":"https://example.com/i.png"}""", "$.iconUri", "\"icon\"")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","intro":"i"}]}""", "$.attachments[0].intro", "\"pretext\"")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","thumbnail_url":"https://example.com/t.png"}]}""", "$.attachments[0].thumbnail_url", "\"thumb_url\"")]
    [InlineData("""{"body":"b","attachments":[{"fallback":"f","title":"t","text":"x","fields":[{"title":"a","value":"v","style":"Short"}]}]}""", "$.attachments[0].fields[0].style", "\"short\"")]
    [InlineData("""{"body":"b","x-note":1}""", "$['x-note']", "drops it")]
    public void LV004_unknown_properties_are_warnings_with_the_v1_name(string json, string path, string hint)
    {
        var finding = AssertOnly(LegacyValidator.Validate(json), LegacyRules.UnknownProperty, path, FindingSeverity.Warning);
        Assert.Contains(hint, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LV010_twenty_attachments_pass_and_twenty_one_fail()
    {
        var message = new LegacyMessage { Body = "b" };
        for (var i = 0; i < LegacyValidator.MaxAttachments; i++)
        {
            message.Attachments.Add(Card());
        }

        AssertClean(message.Validate());
        message.Attachments.Add(Card());
        AssertOnly(message.Validate(), LegacyRules.TooManyAttachments, "$.attachments");
    }

    [Fact]
    public void LV011_attachments_of_exactly_one_and_a_half_megabytes_pass_and_one_byte_more_fails()
    {
        const string Card = """{"type":"Card","fallback":"f","title":"t","text":"x"}""";
        string Message(int total)
        {
            var half = total / 2;
            var first = Card[..^1] + new string(' ', half - Card.Length) + "}";
            var second = Card[..^1] + new string(' ', total - half - Card.Length) + "}";
            return $$"""{"body":"b","attachments":[{{first}},{{second}}]}""";
        }

        AssertClean(LegacyValidator.Validate(Message(LegacyValidator.MaxAttachmentBytes)));
        AssertOnly(LegacyValidator.Validate(Message(LegacyValidator.MaxAttachmentBytes + 1)), LegacyRules.AttachmentsTooLarge, "$.attachments");
        Assert.Equal(1536 * 1024, LegacyValidator.MaxAttachmentBytes);
    }

    [Theory]
    [InlineData("""{"body":"b","attachments":["card"]}""", "$.attachments[0]")]
    [InlineData("""{"body":"b","attachments":[{"type":"Event","fallback":"f","title":"t","text":"x"}]}""", "$.attachments[0].type")]
    [InlineData("""{"body":"b","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{}}]}""", "$.attachments[0]")]
    public void LV012_attachments_that_are_not_legacy_cards(string json, string path)
        => AssertOnly(LegacyValidator.Validate(json), LegacyRules.AttachmentType, path);

    [Fact]
    public void LV013_an_adaptive_card_belongs_on_the_v2_url()
    {
        var finding = AssertOnly(
            LegacyValidator.Validate("""{"attachments":[{"type":"AdaptiveCard","version":"1.3","body":[]}]}"""),
            LegacyRules.AdaptiveCardOnV1,
            "$.attachments[0]");
        Assert.Contains("WebhookMessage", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fallback")]
    [InlineData("title")]
    [InlineData("text")]
    public void LV020_a_missing_or_blank_required_field_is_a_warning(string name)
    {
        var card = Card();
        switch (name)
        {
            case "fallback": card.Fallback = null; break;
            case "title": card.Title = " "; break;
            default: card.Text = null; break;
        }

        AssertOnly(With(card).Validate(), LegacyRules.MissingRequiredField, "$.attachments[0]." + name, FindingSeverity.Warning);
    }

    [Fact]
    public void LV021_author_link_and_icon_need_a_name_and_the_footer_icon_a_footer()
    {
        var card = Card();
        card.AuthorLink = "https://example.com/ann";
        card.AuthorIcon = "https://example.com/ann.png";
        card.FooterIcon = "https://example.com/f.png";
        var result = With(card).Validate();

        Assert.Equal(
            ["$.attachments[0].author_link", "$.attachments[0].author_icon", "$.attachments[0].footer_icon"],
            result.Findings.Select(f => f.Path));
        Assert.All(result.Findings, f => Assert.Equal((LegacyRules.MissingCompanion, FindingSeverity.Warning), (f.RuleId, f.Severity)));

        card.AuthorName = "Ann";
        card.Footer = "Jira";
        AssertClean(With(card).Validate());
    }

    [Theory]
    [InlineData("fallback")]
    [InlineData("pretext")]
    [InlineData("author_name")]
    [InlineData("title")]
    [InlineData("footer")]
    [InlineData("field title")]
    [InlineData("field value")]
    public void LV030_every_field_but_text_takes_300_bytes_and_not_301(string name)
    {
        foreach (var (value, over) in new[]
        {
            (new string('a', 300), false),
            (new string('a', 301), true),
            (new string('é', 150), false),         // 2 bytes each: 300 bytes in 150 characters
            (new string('é', 150) + "a", true),
            (string.Concat(Enumerable.Repeat("🚀", 75)), false), // 4 bytes each
            (string.Concat(Enumerable.Repeat("🚀", 75)) + "a", true),
        })
        {
            var card = Card();
            var path = "$.attachments[0]." + name;
            switch (name)
            {
                case "fallback": card.Fallback = value; break;
                case "pretext": card.Pretext = value; break;
                case "author_name": card.AuthorName = value; break;
                case "title": card.Title = value; break;
                case "footer": card.Footer = value; break;
                case "field title": card.AddField(value, "v"); path = "$.attachments[0].fields[0].title"; break;
                default: card.AddField("t", value); path = "$.attachments[0].fields[0].value"; break;
            }

            var result = With(card).Validate();
            if (over)
            {
                var finding = AssertOnly(result, LegacyRules.FieldTooLong, path);
                Assert.Contains("301 bytes", finding.Message, StringComparison.Ordinal);
            }
            else
            {
                AssertClean(result);
            }
        }
    }

    [Fact]
    public void LV030_urls_in_a_card_count_too_but_the_message_icon_and_body_do_not()
    {
        var url = "https://example.com/" + new string('a', 300 - "https://example.com/".Length);
        var card = Card();
        card.ImageUrl = url;
        AssertClean(With(card).Validate());
        card.ImageUrl = url + "a";
        AssertOnly(With(card).Validate(), LegacyRules.FieldTooLong, "$.attachments[0].image_url");

        AssertClean(new LegacyMessage { Body = new string('b', 5000), Title = new string('t', 400), Icon = url + "aaaa" }.Validate());
    }

    [Fact]
    public void LV031_text_takes_1000_characters_and_not_1001_counted_in_utf16_units()
    {
        var card = Card();
        card.Text = new string('x', 1000);
        AssertClean(With(card).Validate());
        card.Text = new string('é', 1000); // 2,000 bytes: text is limited in characters, not bytes
        AssertClean(With(card).Validate());
        card.Text = string.Concat(Enumerable.Repeat("🚀", 500));
        AssertClean(With(card).Validate());

        card.Text = new string('x', 1001);
        var finding = AssertOnly(With(card).Validate(), LegacyRules.TextTooLong, "$.attachments[0].text");
        Assert.Contains("1001 characters", finding.Message, StringComparison.Ordinal);
        card.Text = string.Concat(Enumerable.Repeat("🚀", 500)) + "x";
        AssertOnly(With(card).Validate(), LegacyRules.TextTooLong, "$.attachments[0].text");
    }

    [Theory]
    [InlineData("#00ff2a", true)]
    [InlineData("#00FF2A", true)]
    [InlineData("#000000", true)]
    [InlineData("00ff2a", false)]
    [InlineData("#0f2", false)]
    [InlineData("#00ff2a0", false)]
    [InlineData("#00ff2g", false)]
    [InlineData("red", false)]
    [InlineData("good", false)]
    [InlineData("", false)]
    [InlineData("#00ff2a ", false)]
    public void LV040_colour_is_hex_rrggbb(string color, bool valid)
    {
        var card = Card();
        card.Color = color;
        var result = With(card).Validate();
        if (valid)
        {
            AssertClean(result);
        }
        else
        {
            AssertOnly(result, LegacyRules.InvalidColor, "$.attachments[0].color");
        }
    }

    [Fact]
    public void LV041_an_http_image_is_an_error()
    {
        var card = Card();
        card.ImageUrl = "https://example.com/a.png";
        AssertClean(With(card).Validate());
        card.ImageUrl = "http://example.com/a.png";
        AssertOnly(With(card).Validate(), LegacyRules.ImageNotHttps, "$.attachments[0].image_url");
    }

    [Theory]
    [InlineData("author_icon")]
    [InlineData("footer_icon")]
    [InlineData("thumb_url")]
    [InlineData("icon")]
    public void LV042_an_http_icon_or_thumbnail_is_a_warning(string name)
    {
        var card = Card();
        card.AuthorName = "Ann";
        card.Footer = "Jira";
        var message = With(card);
        const string Http = "http://example.com/a.png";
        switch (name)
        {
            case "author_icon": card.AuthorIcon = Http; break;
            case "footer_icon": card.FooterIcon = Http; break;
            case "thumb_url": card.ThumbnailUrl = Http; break;
            default: message.Icon = Http; break;
        }

        AssertOnly(message.Validate(), LegacyRules.IconNotHttps, name == "icon" ? "$.icon" : "$.attachments[0]." + name, FindingSeverity.Warning);
    }

    [Theory]
    [InlineData("/relative.png")]
    [InlineData("example.com/a.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("https:///no-host")]
    [InlineData("https://example.com/a b.png")]
    [InlineData("")]
    public void LV043_a_url_that_is_not_absolute_http_or_https(string url)
    {
        foreach (var name in new[] { "author_link", "title_link", "image_url", "thumb_url", "icon" })
        {
            var card = Card();
            card.AuthorName = "Ann";
            var message = With(card);
            switch (name)
            {
                case "author_link": card.AuthorLink = url; break;
                case "title_link": card.TitleLink = url; break;
                case "image_url": card.ImageUrl = url; break;
                case "thumb_url": card.ThumbnailUrl = url; break;
                default: message.Icon = url; break;
            }

            AssertOnly(message.Validate(), LegacyRules.InvalidUrl, name == "icon" ? "$.icon" : "$.attachments[0]." + name);
        }
    }

    [Fact]
    public void Links_may_be_http()
    {
        var card = Card();
        card.TitleLink = "http://intranet.example.com/PROJ-1";
        card.AuthorName = "Ann";
        card.AuthorLink = "http://intranet.example.com/ann";
        AssertClean(With(card).Validate());
    }

    [Fact]
    public void Findings_of_several_cards_come_in_document_order_and_the_result_prints_them()
    {
        var message = new LegacyMessage { Body = "b" };
        message.Attachments.Add(new LegacyCard { Fallback = "f", Title = "t", Text = "x", Color = "red" });
        message.Attachments.Add(new LegacyCard { Fallback = "f", Title = "t", Text = new string('x', 1001) });

        var result = message.Validate();

        Assert.Equal(["$.attachments[0].color", "$.attachments[1].text"], result.Errors.Select(f => f.Path));
        Assert.Contains("error LV040 at $.attachments[0].color", result.ToString(), StringComparison.Ordinal);
        Assert.Equal("The legacy message is valid for RingCentral's v1 webhook.", new LegacyMessage { Body = "b" }.Validate().ToString());
        var exception = new LegacyValidationException(result);
        Assert.Contains("LV031 at $.attachments[1].text", exception.Message, StringComparison.Ordinal);
        Assert.Same(result, exception.Result);
    }
}
