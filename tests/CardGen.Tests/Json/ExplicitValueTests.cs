using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Tests.Json;

/// <summary>
/// A card read from JSON writes back every value it set, defaults included (renderers do not all share the schema's
/// defaults), and every form it used; only what it never set is left out.
/// </summary>
public sealed class ExplicitValueTests
{
    [Fact]
    public void An_image_set_keeps_an_explicit_medium_image_size()
    {
        const string json = """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"ImageSet","images":[{"type":"Image","url":"https://x/a.png"}],"imageSize":"medium"}]}""";

        var written = AdaptiveCard.Parse(json).ToJson();

        Assert.Equal(json, written);
    }

    [Fact]
    public void Every_explicit_default_and_empty_collection_is_written_back()
    {
        // Each property below holds its schema (or renderer) default, or is an empty collection.
        const string json = """
            {"type":"AdaptiveCard","version":"1.6","body":[
              {"type":"TextBlock","text":"t","wrap":false,"id":"t","isVisible":true,"requires":{},"height":"auto","separator":false,"spacing":"default"},
              {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"r","highlight":false,"italic":false,"strikethrough":false,"underline":false}]},
              {"type":"Image","url":"https://x/a.png","size":"auto","style":"default","height":"auto","forceLoad":false},
              {"type":"ImageSet","images":[],"imageSize":"medium","style":"default"},
              {"type":"Media","sources":[],"captionSources":[]},
              {"type":"Container","items":[],"bleed":false,"backgroundImage":{"url":"https://x/b.png","fillMode":"cover","horizontalAlignment":"left","verticalAlignment":"top"}},
              {"type":"ColumnSet","columns":[{"items":[],"bleed":false,"isVisible":true,"requires":{},"separator":false,"spacing":"default"}],"bleed":false},
              {"type":"FactSet","facts":[]},
              {"type":"ActionSet","actions":[]},
              {"type":"Table","columns":[],"rows":[{"cells":[{"items":[],"bleed":false}]}],"firstRowAsHeaders":true,"showGridLines":true},
              {"type":"Carousel","pages":[{"type":"CarouselPage","items":[]}],"initialPage":0,"loop":true,"orientation":"horizontal"},
              {"type":"Input.Text","id":"a","isMultiline":false,"style":"text","isRequired":false},
              {"type":"Input.Toggle","id":"b","title":"b","wrap":false},
              {"type":"Input.ChoiceSet","id":"c","choices":[],"isMultiSelect":false,"style":"compact","wrap":false}
            ],"actions":[
              {"type":"Action.Submit","title":"s","associatedInputs":"auto","disabledUnlessAssociatedInputsChange":false,"style":"default","isEnabled":true,"mode":"primary","requires":{}},
              {"type":"Action.ToggleVisibility","title":"v","targetElements":[]},
              {"type":"Action.ShowCard","title":"c","card":{"type":"AdaptiveCard","body":[],"actions":[]}}
            ],"refresh":{"userIds":[]},"authentication":{"buttons":[]}}
            """;

        AssertWrittenBack(json);
    }

    [Fact]
    public void Shorthand_and_object_forms_are_kept_as_read()
    {
        const string json = """
            {"type":"AdaptiveCard","version":"1.2","backgroundImage":{"url":"https://x/b.png"},"body":[
              {"type":"Container","items":[],"backgroundImage":"https://x/c.png"},
              {"type":"RichTextBlock","inlines":["plain",{"type":"TextRun","text":"object"}]}
            ],"actions":[{"type":"Action.ToggleVisibility","title":"v","targetElements":["a",{"elementId":"b"}]}]}
            """;

        AssertWrittenBack(json);
    }

    [Fact]
    public void The_schema_spelling_firstRowAsHeader_is_written_plural_with_its_value()
    {
        var written = AdaptiveCard.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Table","firstRowAsHeader":true}]}""").ToJson();

        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Table","firstRowAsHeaders":true}]}""", written);
    }

    [Fact]
    public void A_card_built_in_code_writes_a_default_only_when_asked_to()
    {
        var set = new ImageSet(new Image("https://x/a.png")) { ImageSize = ImageSize.Medium };
        var card = new AdaptiveCard(CardVersion.V1_3) { Body = { set } };

        Assert.Null(set.ExplicitProperties);
        Assert.DoesNotContain("imageSize", card.ToJson(), StringComparison.Ordinal);
        set.ExplicitProperties = new HashSet<string> { "imageSize", "noSuchProperty" };
        Assert.Contains("\"imageSize\":\"medium\"", card.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("noSuchProperty", card.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_read_and_then_changed_is_written_as_changed()
    {
        var card = AdaptiveCard.Parse("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"a","wrap":true}]}""");
        var block = (TextBlock)card.Body[0];

        Assert.Equal(new[] { "text", "wrap" }, block.ExplicitProperties!.Order(StringComparer.Ordinal));
        block.Wrap = false;
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"a","wrap":false}]}""", card.ToJson());
    }

    [Theory]
    [InlineData("""{"type":"ImageSet","id":"i"}""")]
    [InlineData("""{"type":"FactSet"}""")]
    [InlineData("""{"type":"ActionSet"}""")]
    [InlineData("""{"type":"Media"}""")]
    [InlineData("""{"type":"RichTextBlock"}""")]
    [InlineData("""{"type":"Carousel"}""")]
    [InlineData("""{"type":"Input.ChoiceSet","id":"c","choices.data":{"dataset":"people"}}""")]
    public void A_required_value_the_input_left_out_stays_out_so_the_model_validates_as_the_json(string element)
    {
        var json = $$"""{"type":"AdaptiveCard","version":"1.6","body":[{{element}}],"actions":[{"type":"Action.ToggleVisibility","title":"t"}]}""";

        var card = AdaptiveCard.Parse(json);

        AssertWrittenBack(json);
        Assert.Equal(
            CardGen.Validation.CardValidator.Validate(json, HostProfile.Generic).Findings.Select(f => f.ToString()),
            card.Validate(HostProfile.Generic).Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void A_required_collection_built_in_code_is_written_empty()
    {
        var card = new AdaptiveCard(CardVersion.V1_2) { Body = { new ImageSet(), new FactSet() }, Actions = { new ToggleVisibilityAction() } };

        Assert.Equal("""{"type":"AdaptiveCard","version":"1.2","body":[{"type":"ImageSet","images":[]},{"type":"FactSet","facts":[]}],"actions":[{"type":"Action.ToggleVisibility","targetElements":[]}]}""", card.ToJson());
    }

    private static void AssertWrittenBack(string json)
    {
        var card = AdaptiveCard.Parse(json);
        var written = card.ToJson();

        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), written);
        Assert.Equal(written, AdaptiveCard.Parse(written).ToJson());
    }
}
