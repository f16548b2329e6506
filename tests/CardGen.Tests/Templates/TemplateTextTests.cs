using System;
using System.Text.Json;
using CardGen.Templates;

namespace CardGen.Tests.Templates;

/// <summary>The run-time half of compiled templates: text put together in a lent buffer, and data parsed by json().</summary>
public sealed class TemplateTextTests
{
    [Fact]
    public void A_text_longer_than_its_buffer_moves_to_a_pooled_array_and_keeps_every_character()
    {
        var text = new TemplateText(stackalloc char[8]);
        Assert.True(text.Append("abcdef"));
        text.AppendWhole(-42, 5);
        Assert.True(text.Append(1.5));
        Assert.True(text.Append(9007199254740993d));
        Assert.True(text.Append(true));
        Assert.False(text.Append((string?)null));
        Assert.False(text.Append((double?)null));
        Assert.True(text.AppendEnum<DayOfWeek>(DayOfWeek.Tuesday));
        Assert.True(text.AppendEnum<DayOfWeek>((DayOfWeek)9));
        Assert.False(text.AppendEnum<DayOfWeek>(null));
        text.Append('.', 3);
        var written = text.ToString();
        text.Dispose();

        Assert.Equal("abcdef-000421.59007199254740992trueTuesday9...", written);
    }

    [Theory]
    [InlineData(9007199254740993d, "9007199254740992")]
    [InlineData(1152921504606846976d, "1152921504606847000")]
    [InlineData(-1e20, "-100000000000000000000")]
    [InlineData(123456789012345d, "123456789012345")]
    [InlineData(1e21, "1e+21")]
    public void A_whole_number_of_many_digits_is_written_as_javascript_writes_it(double number, string expected)
        => Assert.Equal(expected, TemplateFunctions.Text(number));

    [Theory]
    [InlineData("yyyy-MM-ddTHH:mm:ss.fffK", "2026-03-04T05:06:07.089+00:00")]
    [InlineData("yy M d h H t tt", "26 3 4 5 5 A AM")]
    [InlineData("dddd dd MMMM, ddd MMM", "Wednesday 04 March, Wed Mar")]
    [InlineData("'at' HH'h' f ff fffffff", "at 05h 0 08 0890000")]
    [InlineData(null, "2026-03-04T05:06:07.089Z")]
    public void FormatDateTime_writes_each_token_as_the_engine_does(string? format, string expected)
    {
        var at = new DateTimeOffset(2026, 3, 4, 6, 6, 7, 89, TimeSpan.FromHours(1));
        Assert.Equal(expected, TemplateFunctions.FormatDateTime(at.ToString("O"), format));

        var text = new TemplateText(stackalloc char[4]);
        Assert.True(text.AppendDateTime(at, format));
        Assert.Equal(expected, text.ToString());
        text.Dispose();
    }

    [Fact]
    public void Json_data_is_read_by_name_without_regard_to_case_and_written_as_javascript_writes_it()
    {
        var data = TemplateFunctions.Json("""{"Name":"a","n":1.50,"list":[1,"b",null,{}],"obj":{},"yes":true,"no":false,"nil":null}""");
        Assert.Equal("a", TemplateFunctions.Text(TemplateFunctions.JsonProperty(data, "name")));
        Assert.Equal("1.5", TemplateFunctions.Text(TemplateFunctions.JsonProperty(data, "n")));
        Assert.Equal("1,b,,[object Object]", TemplateFunctions.Text(TemplateFunctions.JsonProperty(data, "list")));
        Assert.Equal("b", TemplateFunctions.Text(TemplateFunctions.JsonItem(TemplateFunctions.JsonProperty(data, "list"), 1)));
        Assert.Null(TemplateFunctions.JsonItem(TemplateFunctions.JsonProperty(data, "list"), 4));
        Assert.Null(TemplateFunctions.JsonProperty(data, "missing"));
        Assert.False(TemplateFunctions.Exists(TemplateFunctions.JsonProperty(data, "nil")));
        Assert.True(TemplateFunctions.IsTrue(TemplateFunctions.JsonProperty(data, "yes")));
        Assert.False(TemplateFunctions.IsTrue(TemplateFunctions.JsonProperty(data, "name")));
        Assert.True(TemplateFunctions.Truthy(TemplateFunctions.JsonProperty(data, "name")));
        Assert.False(TemplateFunctions.Truthy(TemplateFunctions.JsonProperty(data, "no")));
        Assert.Null(TemplateFunctions.Json(null));
        Assert.Throws<FormatException>(() => TemplateFunctions.Json("{x"));
    }

    [Fact]
    public void The_contexts_of_json_data_are_an_arrays_items_or_the_value_itself()
    {
        var items = 0;
        foreach (var item in TemplateFunctions.JsonItems(TemplateFunctions.Json("[1,2,3]")))
        {
            items += item!.Value.GetInt32();
        }

        var single = 0;
        foreach (var item in TemplateFunctions.JsonItems(TemplateFunctions.Json("{\"a\":1}")))
        {
            Assert.Equal(JsonValueKind.Object, item!.Value.ValueKind);
            single++;
        }

        var none = 0;
        foreach (var unused in TemplateFunctions.JsonItems(null))
        {
            none++;
        }

        Assert.Equal((6, 1, 0), (items, single, none));
    }
}
