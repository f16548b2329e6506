using System.Linq;
using System.Text.Json;
using CardGen.Cards;

namespace CardGen.Tests.Json;

/// <summary>
/// Each union-typed property reads both of its forms and writes back the form it was read in; a value built in code is
/// written in the shortest form that keeps it.
/// </summary>
public sealed class UnionPropertyTests
{
    private static AdaptiveCard Card(string body) => AdaptiveCard.Parse($$"""{"type":"AdaptiveCard","version":"1.6","body":[{{body}}]}""");

    private static string Body0(AdaptiveCard card)
    {
        using var document = JsonDocument.Parse(card.ToJson());
        return document.RootElement.GetProperty("body")[0].GetRawText();
    }

    [Fact]
    public void BackgroundImage_reads_a_url_string_and_an_object()
    {
        var fromString = Card("""{"type":"Container","items":[],"backgroundImage":"https://x/a.png"}""");
        var fromObject = Card("""{"type":"Container","items":[],"backgroundImage":{"url":"https://x/b.png","fillMode":"Repeat"}}""");

        Assert.Equal("https://x/a.png", ((Container)fromString.Body[0]).BackgroundImage!.Url);
        var image = ((Container)fromObject.Body[0]).BackgroundImage!;
        Assert.Equal(ImageFillMode.Repeat, image.FillMode);
        Assert.Equal("""{"type":"Container","items":[],"backgroundImage":"https://x/a.png"}""", Body0(fromString));
        Assert.Equal("""{"type":"Container","items":[],"backgroundImage":{"url":"https://x/b.png","fillMode":"repeat"}}""", Body0(fromObject));
    }

    [Fact]
    public void BackgroundImage_keeps_an_object_with_only_a_url_and_writes_one_built_in_code_as_a_string()
    {
        var read = Card("""{"type":"Container","backgroundImage":{"url":"https://x/a.png"}}""");
        var built = new AdaptiveCard { Body = { new Container { BackgroundImage = "https://x/a.png" } } };

        Assert.Equal("""{"type":"Container","backgroundImage":{"url":"https://x/a.png"}}""", Body0(read));
        Assert.Equal("""{"type":"Container","backgroundImage":"https://x/a.png"}""", Body0(built));
    }

    [Fact]
    public void Fallback_reads_drop_and_an_element()
    {
        var drop = (TextBlock)Card("""{"type":"TextBlock","text":"a","fallback":"drop"}""").Body[0];
        var element = (TextBlock)Card("""{"type":"TextBlock","text":"a","fallback":{"type":"Image","url":"https://x/a.png"}}""").Body[0];

        Assert.True(drop.Fallback!.IsDrop);
        Assert.Equal("https://x/a.png", Assert.IsType<Image>(element.Fallback!.Content).Url);
        Assert.Contains("\"fallback\":\"drop\"", new AdaptiveCard { Body = { drop } }.ToJson(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Inlines_read_strings_and_text_runs_and_write_each_in_its_form()
    {
        const string inlines = """["plain",{"type":"TextRun","text":"bold","weight":"bolder"},{"type":"TextRun","text":"bare"}]""";
        var block = (RichTextBlock)Card($$"""{"type":"RichTextBlock","inlines":{{inlines}}}""").Body[0];

        Assert.Equal(new[] { "plain", "bold", "bare" }, block.Inlines.Select(r => r.Text));
        Assert.Equal(FontWeight.Bolder, block.Inlines[1].Weight);
        Assert.Equal($$"""{"type":"RichTextBlock","inlines":{{inlines}}}""", Body0(new AdaptiveCard { Body = { block } }));
    }

    [Fact]
    public void A_text_run_built_in_code_with_only_text_is_written_as_a_string()
    {
        var built = new AdaptiveCard { Body = { new RichTextBlock { Inlines = { "bare", new TextRun("bold") { Weight = FontWeight.Bolder } } } } };

        Assert.Equal("""{"type":"RichTextBlock","inlines":["bare",{"type":"TextRun","text":"bold","weight":"bolder"}]}""", Body0(built));
    }

    [Theory]
    [InlineData("\"auto\"", CardDimensionKind.Auto, "\"auto\"")]
    [InlineData("\"stretch\"", CardDimensionKind.Stretch, "\"stretch\"")]
    [InlineData("2", CardDimensionKind.Weight, "2")]
    [InlineData("0.5", CardDimensionKind.Weight, "0.5")]
    [InlineData("\"50px\"", CardDimensionKind.Pixels, "\"50px\"")]
    [InlineData("\"3\"", CardDimensionKind.Text, "\"3\"")]
    [InlineData("\"Auto\"", CardDimensionKind.Text, "\"Auto\"")]
    public void Column_width_is_a_string_or_a_number(string json, CardDimensionKind kind, string written)
    {
        var card = Card($$"""{"type":"ColumnSet","columns":[{"type":"Column","width":{{json}}}]}""");
        var column = ((ColumnSet)card.Body[0]).Columns[0];

        Assert.Equal(kind, column.Width!.Value.Kind);
        Assert.Contains($"\"width\":{written}", card.ToJson(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TargetElements_read_ids_and_objects_and_write_each_in_its_form()
    {
        var card = AdaptiveCard.Parse("""{"type":"AdaptiveCard","version":"1.2","actions":[{"type":"Action.ToggleVisibility","targetElements":["a",{"elementId":"b","isVisible":false},{"elementId":"c"}]}]}""");
        var toggle = (ToggleVisibilityAction)card.Actions[0];

        Assert.Equal(new[] { "a", "b", "c" }, toggle.TargetElements.Select(t => t.ElementId));
        Assert.Equal(new bool?[] { null, false, null }, toggle.TargetElements.Select(t => t.IsVisible));
        Assert.Contains("\"targetElements\":[\"a\",{\"elementId\":\"b\",\"isVisible\":false},{\"elementId\":\"c\"}]", card.ToJson(), System.StringComparison.Ordinal);
        var built = new AdaptiveCard { Actions = { new ToggleVisibilityAction("t", "c", new TargetElement("d", isVisible: true)) } };
        Assert.Contains("\"targetElements\":[\"c\",{\"elementId\":\"d\",\"isVisible\":true}]", built.ToJson(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"auto\"", CardDimensionKind.Auto, "\"height\":\"auto\"")]
    [InlineData("\"stretch\"", CardDimensionKind.Stretch, "\"height\":\"stretch\"")]
    [InlineData("\"40px\"", CardDimensionKind.Pixels, "\"height\":\"40px\"")]
    public void Image_height_is_an_enum_or_pixels(string json, CardDimensionKind kind, string written)
    {
        var card = Card($$"""{"type":"Image","url":"https://x/a.png","height":{{json}}}""");
        var image = (Image)card.Body[0];

        Assert.Equal(kind, image.Height!.Value.Kind);
        Assert.Contains(written, card.ToJson(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Image_height_auto_built_in_code_is_left_out()
    {
        var built = new AdaptiveCard { Body = { new Image("https://x/a.png") { Height = CardDimension.Auto } } };

        Assert.DoesNotContain("height", built.ToJson(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("""{"id":1,"nested":{"list":[1,"two",null]}}""")]
    public void Submit_data_is_a_string_or_any_object_kept_as_written(string data)
    {
        var card = AdaptiveCard.Parse($$"""{"type":"AdaptiveCard","version":"1.0","actions":[{"type":"Action.Submit","data":{{data}}}]}""");
        var submit = (SubmitAction)card.Actions[0];

        Assert.Equal(data, submit.Data!.Value.GetRawText());
        Assert.Contains($"\"data\":{data}", card.ToJson(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Table_reads_the_schema_singular_and_writes_the_plural()
    {
        var table = (Table)Card("""{"type":"Table","firstRowAsHeader":false}""").Body[0];

        Assert.False(table.FirstRowAsHeaders);
        Assert.Equal("""{"type":"Table","firstRowAsHeaders":false}""", Body0(new AdaptiveCard { Body = { table } }));
    }
}
