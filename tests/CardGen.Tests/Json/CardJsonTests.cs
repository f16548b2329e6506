using System;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Tests.Json;

/// <summary>Writing is compact and canonical; reading is lenient about casing and never throws but for malformed JSON.</summary>
public sealed class CardJsonTests
{
    [Fact]
    public void Writes_type_first_camel_case_enums_and_nothing_unset_or_default()
    {
        var card = new AdaptiveCard(CardVersion.V1_3)
        {
            Body =
            {
                new TextBlock("Hi") { Size = FontSize.ExtraLarge, Wrap = true, Separator = false, Spacing = Spacing.Default, IsVisible = true },
                new Image("https://x/a.png") { Size = ImageSize.Auto, Style = ImageStyle.Person },
            },
            Actions = { new OpenUrlAction("Open", "https://x") { Style = ActionStyle.Default, IsEnabled = true, Mode = ActionMode.Primary } },
        };

        Assert.Equal(
            """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Hi","size":"extraLarge","wrap":true},{"type":"Image","url":"https://x/a.png","style":"person"}],"actions":[{"type":"Action.OpenUrl","title":"Open","url":"https://x"}]}""",
            card.ToJson());
    }

    [Fact]
    public void Reads_enum_values_in_any_casing()
    {
        var block = (TextBlock)AdaptiveCard.Parse("""{"type":"AdaptiveCard","version":"1.0","body":[{"type":"TextBlock","text":"x","size":"LARGE","weight":"Bolder","color":"attention"}]}""").Body[0];
        Assert.Equal((FontSize.Large, FontWeight.Bolder, TextColor.Attention), (block.Size, block.Weight, block.Color));
    }

    [Fact]
    public void Every_model_enum_matches_the_catalog_value_for_value()
    {
        var maps = new (Type Enum, EnumSpec Spec)[]
        {
            (typeof(TextColor), CardEnums.TextColor.Spec), (typeof(FontSize), CardEnums.FontSize.Spec), (typeof(FontWeight), CardEnums.FontWeight.Spec),
            (typeof(FontType), CardEnums.FontType.Spec), (typeof(HorizontalAlignment), CardEnums.HorizontalAlignment.Spec),
            (typeof(VerticalAlignment), CardEnums.VerticalAlignment.Spec), (typeof(Spacing), CardEnums.Spacing.Spec),
            (typeof(ElementHeight), CardEnums.ElementHeight.Spec), (typeof(ContainerStyle), CardEnums.ContainerStyle.Spec),
            (typeof(ImageSize), CardEnums.ImageSize.Spec), (typeof(ImageStyle), CardEnums.ImageStyle.Spec), (typeof(ImageSetStyle), CardEnums.ImageSetStyle.Spec),
            (typeof(ImageFillMode), CardEnums.ImageFillMode.Spec), (typeof(TextBlockStyle), CardEnums.TextBlockStyle.Spec),
            (typeof(TextInputStyle), CardEnums.TextInputStyle.Spec), (typeof(ChoiceInputStyle), CardEnums.ChoiceInputStyle.Spec),
            (typeof(InputLabelPosition), CardEnums.InputLabelPosition.Spec), (typeof(InputStyle), CardEnums.InputStyle.Spec),
            (typeof(ActionStyle), CardEnums.ActionStyle.Spec), (typeof(ActionMode), CardEnums.ActionMode.Spec),
            (typeof(AssociatedInputs), CardEnums.AssociatedInputs.Spec), (typeof(CarouselOrientation), CardEnums.CarouselOrientation.Spec),
            (typeof(ActionRole), CardEnums.ActionRole.Spec),
        };

        foreach (var (type, spec) in maps)
        {
            var names = Enum.GetNames(type);
            Assert.Equal(spec.Values.Count, names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                Assert.Equal(spec.Values[i].Name, names[i], StringComparer.OrdinalIgnoreCase);
                Assert.Equal(i, (int)Enum.Parse(type, names[i]));
            }
        }
    }

    [Fact]
    public void Every_catalog_element_and_action_type_has_a_model_class()
    {
        foreach (var type in SchemaCatalog.Types)
        {
            if (type.Role is not (CardTypeRole.Element or CardTypeRole.Action))
            {
                continue;
            }

            using var document = JsonDocument.Parse($$"""{"type":"{{type.Name}}"}""");
            if (type.Role == CardTypeRole.Element)
            {
                var element = CardReader.ReadElement(document.RootElement);
                Assert.IsNotType<UnknownElement>(element);
                Assert.Equal(type.Name, element.Type);
            }
            else
            {
                var action = CardReader.ReadAction(document.RootElement);
                Assert.IsNotType<UnknownAction>(action);
                Assert.Equal(type.Name, action.Type);
            }
        }
    }

    [Fact]
    public void Unknown_elements_actions_and_properties_survive_a_round_trip()
    {
        const string json = """{"type":"AdaptiveCard","version":"1.3","msteams":{"width":"Full"},"body":[{"type":"Rating","max":5},{"type":"TextBlock","text":"x","wrap":"yes","custom":[1,2]},"not an element"],"actions":[{"type":"Action.Custom","x":1}]}""";

        var card = AdaptiveCard.Parse(json);

        Assert.Equal("Rating", Assert.IsType<UnknownElement>(card.Body[0]).TypeName);
        var text = Assert.IsType<TextBlock>(card.Body[1]);
        Assert.False(text.Wrap);
        Assert.Equal(JsonValueKind.String, text.AdditionalProperties!["wrap"].ValueKind);
        Assert.IsType<UnknownElement>(card.Body[2]);
        Assert.IsType<UnknownAction>(card.Actions[0]);
        using var expected = JsonDocument.Parse(json);
        using var actual = JsonDocument.Parse(card.ToJson());
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), card.ToJson());
    }

    [Theory]
    [InlineData("{\"type\":\"AdaptiveCard\",", 0, 22)]
    [InlineData("{\"type\":\"AdaptiveCard\",\n\"body\":[}", 1, 8)]
    [InlineData("{\"a\":1} x", 0, 8)]
    [InlineData("{'a':1}", 0, 1)]
    public void Malformed_json_throws_one_exception_that_names_the_position(string json, long line, long position)
    {
        var e = Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(json));
        Assert.Equal(line, e.LineNumber);
        Assert.Equal(position, e.BytePositionInLine);
        Assert.Contains($"LineNumber: {line}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"card\"")]
    [InlineData("null")]
    public void A_root_that_is_not_an_object_is_rejected_with_the_same_exception(string json)
        => Assert.Throws<CardJsonException>(() => AdaptiveCard.Parse(json));
}
