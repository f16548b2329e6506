using System;
using System.Linq;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tests.Json;

/// <summary>Valid JSON of unusual shapes: reading reports only CardJsonException, validating never throws, writing never repeats a key.</summary>
public sealed class EdgeCaseTests
{
    public static TheoryData<string> OddCards() => new(new[]
    {
        """{"type":1}""",
        """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"ColumnSet","columns":[{"type":1}]}]}""",
        """{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":2}}}""",
        """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"RichTextBlock","inlines":[{"type":3}]},{"type":"ImageSet","images":[{"type":false}]}]}""",
        """{"type":"AdaptiveCard","version":"1.3","actions":[{"type":"Action.ShowCard","card":{"type":null}}]}""",
        """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"a","\ud800x":1}]}""",
    });

    [Theory]
    [MemberData(nameof(OddCards))]
    public void Reading_throws_only_CardJsonException_and_validation_never_throws(string json)
    {
        foreach (var host in HostProfile.All)
        {
            var result = CardValidator.Validate(json, host);
            Assert.NotEmpty(result.Errors);
        }

        try
        {
            var card = AdaptiveCard.Parse(json);
            card.Validate(HostProfile.RingCentral);
            AssertNoDuplicateKeys(card.ToJson());
        }
        catch (CardJsonException)
        {
        }
    }

    [Theory]
    [InlineData("""{"type":"adaptivecard","version":"1.3"}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"FactSet","facts":"x"},{"type":"ImageSet","images":5},{"type":"Media","sources":{}},{"type":"RichTextBlock","inlines":7},{"type":"ActionSet","actions":"no"}],"actions":[{"type":"Action.ToggleVisibility","targetElements":1}]}""")]
    public void Values_kept_raw_are_written_once(string json)
    {
        var written = AdaptiveCard.Parse(json).ToJson();

        AssertNoDuplicateKeys(written);
        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), written);
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":"a","wrap":true,"wrap":"yes"}""", """{"type":"TextBlock","text":"a","wrap":"yes"}""")]
    [InlineData("""{"type":"TextBlock","text":"a","wrap":"yes","wrap":true}""", """{"type":"TextBlock","text":"a","wrap":true}""")]
    [InlineData("""{"type":"TextBlock","text":"a","wrap":true,"wrap":false}""", """{"type":"TextBlock","text":"a","wrap":false}""")]
    [InlineData("""{"type":"TextBlock","text":"a","x":1,"text":"b","x":[2]}""", """{"type":"TextBlock","text":"b","x":[2]}""")]
    [InlineData("""{"type":"Image","type":"TextBlock","text":"a"}""", """{"type":"TextBlock","text":"a"}""")]
    public void Of_two_properties_with_one_name_the_last_is_read_as_renderers_read_it(string element, string written)
    {
        const string head = """{"type":"AdaptiveCard","version":"1.3","body":[""";

        var card = AdaptiveCard.Parse(head + element + "]}");
        var json = card.ToJson();

        Assert.Equal(head + written + "]}", json);
        Support.ModelAssert.Equal(card, AdaptiveCard.Parse(json));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("123e45678")]
    public void A_number_no_double_can_hold_is_kept_as_written(string number)
    {
        var json = $$"""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"Input.Number","id":"n","value":{{number}},"min":{{number}},"max":1}]}""";

        var card = AdaptiveCard.Parse(json);
        var written = card.ToJson();

        var input = (NumberInput)card.Body[0];
        Assert.Null(input.Value);
        Assert.Equal(1, input.Max);
        Assert.Equal(JsonValueKind.Number, input.AdditionalProperties!["value"].ValueKind);
        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), written);
    }

    [Fact]
    public void Many_properties_with_repeated_names_are_read_in_linear_time_keeping_the_last_of_each()
    {
        var properties = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"p{i % 50}\":{i}"));

        var block = (TextBlock)AdaptiveCard.Parse($$"""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"a",{{properties}}}]}""").Body[0];

        Assert.Equal(50, block.AdditionalProperties!.Count);
        Assert.Equal(19_999, block.AdditionalProperties["p49"].GetInt32());
    }

    [Fact]
    public void A_null_item_in_a_list_is_named_and_reported_not_a_null_reference()
    {
        var card = new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock("a"), null! } };

        var e = Assert.Throws<InvalidOperationException>(() => card.ToJson());
        Assert.Contains("Item 1 of \"body\"", e.Message, StringComparison.Ordinal);
        var finding = Assert.Single(card.Validate(HostProfile.RingCentral).Findings);
        Assert.Equal(CardRules.MalformedJson, finding.RuleId);

        var facts = new AdaptiveCard(CardVersion.V1_3) { Body = { new FactSet(new Fact("a", "b"), null!) } };
        Assert.Contains("Item 1 of \"facts\"", Assert.Throws<InvalidOperationException>(() => facts.ToJson()).Message, StringComparison.Ordinal);
    }

    private static void AssertNoDuplicateKeys(string json)
    {
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);

        static void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var names = element.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), "Duplicate keys: " + element.GetRawText());
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
    }
}
