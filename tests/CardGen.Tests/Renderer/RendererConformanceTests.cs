using System;
using System.Collections.Generic;
using System.Linq;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Tests.Support;
using CardGen.Validation;
using Xunit.Abstractions;

namespace CardGen.Tests.Renderer;

/// <summary>The official JavaScript renderer accepts what CardGen's serializer writes.</summary>
public sealed class RendererConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Code_built_cards_cover_every_element_and_action_type()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, card) in CodeBuiltCards.All())
        {
            CollectTypes(System.Text.Json.JsonDocument.Parse(card.ToJson()).RootElement, used);
        }

        var expected = SchemaCatalog.Types.Where(t => t.Role is CardTypeRole.Element or CardTypeRole.Action or CardTypeRole.Inline).Select(t => t.Name).ToList();
        Assert.True(expected.Count >= 20, $"The catalog lists {expected.Count} element, action and inline types.");
        Assert.Empty(expected.Except(used));
    }

    [Fact]
    public void Code_built_cards_are_valid_at_their_version()
    {
        var cards = CodeBuiltCards.All();
        Assert.NotEmpty(cards);
        foreach (var (name, card) in cards)
        {
            Assert.True(card.TryGetVersion(out var version));
            var result = card.Validate(ValidationTarget.ForVersion(version));
            Assert.True(result.IsValid, $"{name}:\n{result}");
            Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Warning && f.RuleId != CardRules.UnknownProperty);
        }
    }

    [SkippableFact]
    public void Official_renderer_reports_no_error_or_warning_on_cards_the_model_writes()
    {
        NodeRenderer.SkipUnlessAvailable();
        var cards = CodeBuiltCards.All();

        var results = NodeRenderer.Check(cards.Select(c => (c.Name, c.Card.ToUtf8Json())));

        Assert.Equal(cards.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), results.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var (name, events) in results)
        {
            foreach (var e in events)
            {
                output.WriteLine($"{name}: {e}");
            }
        }

        Assert.All(results, pair => Assert.True(pair.Value.Count == 0, $"{pair.Key}: {string.Join("; ", pair.Value)}"));
    }

    [SkippableFact]
    public void Official_renderer_reports_what_the_validator_reports_on_a_broken_card()
    {
        // The oracle must be able to fail: a card with a bad enum value and a too-new element draws events.
        NodeRenderer.SkipUnlessAvailable();
        var card = new AdaptiveCard(CardVersion.V1_3) { FallbackText = "x", Body = { new TextBlock("x"), new Table() } };
        var json = card.ToJson().Replace("\"text\":\"x\"", "\"text\":\"x\",\"size\":\"huge\"", StringComparison.Ordinal);

        var events = NodeRenderer.Check(new[] { ("broken", System.Text.Encoding.UTF8.GetBytes(json)) })["broken"];
        var findings = CardValidator.Validate(json, ValidationTarget.ForVersion(CardVersion.V1_3));

        Assert.Contains(events, e => e.Name == "InvalidPropertyValue");
        Assert.Contains(events, e => e.Name == "UnknownElementType");
        Assert.Contains(findings.Errors, f => f.RuleId == CardRules.InvalidEnumValue && f.Path == "$.body[0].size");
        Assert.Contains(findings.Errors, f => f.RuleId == CardRules.NewerThanTarget && f.Path == "$.body[1].type");
    }

    [SkippableFact]
    public void Official_renderer_drops_what_CV073_reports_in_a_carousel_and_accepts_a_raw_svg_data_uri()
    {
        NodeRenderer.SkipUnlessAvailable();
        const string json = """
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"Carousel","pages":[{"type":"CarouselPage","items":[
                {"type":"TextBlock","text":"p","id":"x"},
                {"type":"Container","items":[{"type":"Input.ChoiceSet","id":"c","choices":[{"title":"a","value":"a"}]}]},
                {"type":"Container","items":[{"type":"TextBlock","text":"t"}],"selectAction":{"type":"Action.ToggleVisibility","targetElements":["x"]}},
                {"type":"Input.Toggle","id":"a","title":"t","fallback":{"type":"TextBlock","text":"no toggle"}}]}]},
              {"type":"Input.Text","id":"outside"},
              {"type":"Image","url":"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'><rect width='8' height='8' fill='red'/></svg>"}]}
            """;

        var events = NodeRenderer.Check(new[] { ("carousel", System.Text.Encoding.UTF8.GetBytes(json)) })["carousel"];
        var findings = CardValidator.Validate(json, ValidationTarget.ForVersion(CardVersion.V1_6));

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Contains(e.Name, new[] { "ElementTypeNotAllowed", "ActionTypeNotAllowed" }));
        Assert.Equal(
            new[] { "$.body[0].pages[0].items[1].items[0]", "$.body[0].pages[0].items[2].selectAction", "$.body[0].pages[0].items[3]" },
            findings.Errors.Select(f => (f.RuleId, f.Path)).Where(f => f.RuleId == CardRules.NotAllowedInCarousel).Select(f => f.Path));
        Assert.DoesNotContain(findings.Errors, f => f.RuleId != CardRules.NotAllowedInCarousel);
    }

    private static void CollectTypes(System.Text.Json.JsonElement json, HashSet<string> used)
    {
        switch (json.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                if (json.TryGetProperty("type", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    used.Add(type.GetString()!);
                }

                foreach (var property in json.EnumerateObject())
                {
                    CollectTypes(property.Value, used);
                }

                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in json.EnumerateArray())
                {
                    CollectTypes(item, used);
                }

                break;
        }
    }
}
