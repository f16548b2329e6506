using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tests.Json;

/// <summary>
/// Text that is not Unicode and nesting deeper than the reader allows: every way of reading a card either gives a card
/// that writes back or throws <see cref="CardJsonException"/> naming the place; nothing else escapes.
/// </summary>
public sealed class TextAndDepthTests
{
    private const string Head = """{"type":"AdaptiveCard","version":"1.3","body":[""";

    /// <summary>Cards with an escaped lone surrogate where the model keeps raw JSON, and the path it is at.</summary>
    public static TheoryData<string, string> LoneSurrogates() => new()
    {
        { Head + """{"type":"Rating","label":"\ud800"}]}""", "$.body[0].label" },
        { Head + """{"type":"TextBlock","text":"a","custom":{"x":["\udc00"]}}]}""", "$.body[0].custom.x[0]" },
        { Head + """{"type":"TextBlock","text":"a","wrap":"\ud800"}]}""", "$.body[0].wrap" },
        { Head + """{"type":"TextBlock","text":"a\ud800b"}]}""", "$.body[0].text" },
        { Head + """{"type":"TextBlock","text":"a","\udc00":1}]}""", "$.body[0]" },
        { Head + """],"actions":[{"type":"Action.Custom","x":"\ud83d"}]}""", "$.actions[0].x" },
        { Head + "\"\\udfff\"]}", "$.body[0]" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void A_lone_surrogate_anywhere_is_rejected_when_read_naming_its_path(string json, string path)
    {
        var e = Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(json));
        Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.LineNumber);
        Assert.NotNull(e.BytePositionInLine);

        Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        using var document = JsonDocument.Parse(json);
        var fromElement = Assert.Throws<CardJsonException>(() => AdaptiveCard.FromJsonElement(document.RootElement));
        Assert.Contains(path, fromElement.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void The_validator_reports_a_lone_surrogate_as_malformed_at_its_path(string json, string path)
    {
        foreach (var result in new[] { CardValidator.Validate(json, HostProfile.Generic), Validate(json) })
        {
            var finding = Assert.Single(result.Errors, f => f.RuleId == CardRules.MalformedJson);
            Assert.Equal(path, finding.Path);
            Assert.Contains("lone surrogate", finding.Message, StringComparison.Ordinal);
        }

        static CardValidationResult Validate(string json)
        {
            using var document = JsonDocument.Parse(json);
            return CardValidator.Validate(document.RootElement, HostProfile.Generic);
        }
    }

    [Fact]
    public void Escaped_surrogate_pairs_and_other_escapes_write_back()
    {
        const string json = Head + """{"type":"Rating","label":"\ud83d\ude00 \u00e9\n\"\/"},{"type":"TextBlock","text":"\uD83D\uDE00","x\u00e9":"\u0000"}]}""";

        var card = AdaptiveCard.Parse(json);

        Assert.Equal("\U0001F600", ((TextBlock)card.Body[1]).Text);
        using var expected = JsonDocument.Parse(json);
        using var written = JsonDocument.Parse(card.ToJson());
        Assert.True(JsonElement.DeepEquals(expected.RootElement, written.RootElement), card.ToJson());
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":"C:\\ud800 is a folder"}""", "C:\\ud800 is a folder")]
    [InlineData("""{"type":"TextBlock","text":"café 😀 \\\\udc00"}""", "café 😀 \\\\udc00")]
    public void Text_that_only_looks_like_a_surrogate_escape_is_read(string element, string text)
    {
        var card = AdaptiveCard.Parse(Head + element + "]}");

        Assert.Equal(text, ((TextBlock)card.Body[0]).Text);
        Assert.Equal(text, ((TextBlock)AdaptiveCard.Parse(card.ToJson()).Body[0]).Text);
    }

    [Fact]
    public void A_lone_surrogate_character_in_a_string_argument_is_rejected_not_replaced()
    {
        var json = Head + "{\"type\":\"TextBlock\",\"text\":\"ok\"},\n{\"type\":\"Rating\",\"label\":\"a\uD800\"}]}";

        var e = Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(json));

        Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.LineNumber);
        Assert.Equal(json.Split('\n')[1].IndexOf('\uD800', StringComparison.Ordinal), e.BytePositionInLine);
        var validation = CardValidator.Validate(json, HostProfile.Generic);
        Assert.Equal(CardRules.MalformedJson, Assert.Single(validation.Errors).RuleId);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "$.body[0].label")]
    [InlineData(new byte[] { 0xC3 }, "$.body[0].label")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "$.body[0].label")] // a surrogate encoded as UTF-8 (CESU-8)
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "$.body[0].label")] // above U+10FFFF
    public void Bytes_that_are_not_UTF8_are_rejected_not_replaced(byte[] bad, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(Head + """{"type":"Rating","label":"a""").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}]}")).ToArray();

        var e = Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(bytes));

        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        var finding = Assert.Single(CardValidator.Validate(bytes, HostProfile.Generic).Errors);
        Assert.Equal((CardRules.MalformedJson, path), (finding.RuleId, finding.Path));
    }

    [Fact]
    public void FromJsonElement_reads_no_deeper_than_Parse()
    {
        var within = Nested(62);   // the card, its body, 62 containers of two levels each and a TextBlock: 127 levels
        var beyond = Nested(63);   // 129 levels
        using var ok = JsonDocument.Parse(within, new JsonDocumentOptions { MaxDepth = 1000 });
        using var deep = JsonDocument.Parse(beyond, new JsonDocumentOptions { MaxDepth = 1000 });

        Assert.Equal(AdaptiveCard.Parse(within).ToJson(), AdaptiveCard.FromJsonElement(ok.RootElement).ToJson());
        Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(beyond));
        var e = Assert.Throws<CardJsonException>(() => AdaptiveCard.FromJsonElement(deep.RootElement));
        Assert.Contains("128", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonElement_on_a_card_too_deep_for_any_writer_throws_CardJsonException()
    {
        var json = Nested(700);   // 1,403 levels: deeper than Utf8JsonWriter's 1,000
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2000 });

        Assert.Throws<CardJsonException>(() => AdaptiveCard.FromJsonElement(document.RootElement));
    }

    [Fact]
    public void FromJsonElement_reads_a_card_inside_a_larger_document_by_its_own_depth()
    {
        var card = Nested(62);   // 127 levels of its own, 129 in the message
        using var document = JsonDocument.Parse("""{"attachments":[""" + card + "]}", new JsonDocumentOptions { MaxDepth = 200 });

        var read = AdaptiveCard.FromJsonElement(document.RootElement.GetProperty("attachments")[0]);

        Assert.Equal(AdaptiveCard.Parse(card).ToJson(), read.ToJson());
    }

    /// <summary>A card whose body nests <paramref name="containers"/> containers (two JSON levels each).</summary>
    private static string Nested(int containers)
    {
        var json = new StringBuilder("""{"type":"AdaptiveCard","version":"1.3","body":[""");
        for (var i = 0; i < containers; i++)
        {
            json.Append("""{"type":"Container","items":[""");
        }

        json.Append("""{"type":"TextBlock","text":"deep"}""");
        for (var i = 0; i < containers; i++)
        {
            json.Append("]}");
        }

        return json.Append("]}").ToString();
    }
}
