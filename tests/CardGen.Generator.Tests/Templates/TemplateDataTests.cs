using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Tests.Templates;

/// <summary>
/// The data forms of the templating language beyond the type's members, as the official engine expands them: inline
/// <c>"$data"</c> literals, <c>json()</c>, and an object or a collection of the data written whole as a value.
/// </summary>
public sealed class TemplateDataTests
{
    private static string Card(string members, string template, string sample) => $$""""
        using System;
        using System.Collections.Generic;
        using CardGen;

        namespace Demo;

        [ChatCard(TemplateJson = """
        {{template}}
        """)]
        public partial class Data
        {
        {{members}}
            public static Data Sample() => {{sample}};
        }
        """";

    private static string Write(string source, params string[] more)
    {
        var (output, _) = TemplateHarness.Generate(new[] { source }.Concat(more).ToArray());
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return TemplateHarness.Run(output, "Demo.Data", "Sample");
    }

    private static void AssertJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);

    [Fact]
    public void Inline_data_on_the_card_and_on_elements_is_the_data_they_bind_and_root_stays_the_members()
    {
        var source = Card(
            "    public string Owner { get; set; } = \"\";",
            """
            {
              "type": "AdaptiveCard",
              "version": "1.3",
              "$data": { "employee": { "name": "Matt", "peers": [ { "name": "Andrew" }, { "name": "Lei" } ] } },
              "body": [
                { "type": "TextBlock", "text": "Hi ${Employee.name}, peer ${employee.peers[1].name}, of ${$root.Owner}" },
                { "type": "TextBlock", "$data": "{hello}", "text": "${$data} world!" },
                { "type": "TextBlock", "$data": 251020, "text": "my id = ${$data}" },
                { "type": "TextBlock", "$data": [ "a", "b" ], "text": "${$index}: ${$data}", "$when": "${$data != 'x'}" },
                { "type": "TextBlock", "$data": [ { "n": 1, "on": true }, { "n": 2, "on": false } ], "text": "n=${n}", "$when": "${on}" }
              ]
            }
            """,
            "new() { Owner = \"ops\" }");

        AssertJson(
            """
            {"type":"AdaptiveCard","version":"1.3","body":[
            {"type":"TextBlock","text":"Hi Matt, peer Lei, of ops"},
            {"type":"TextBlock","text":"{hello} world!"},
            {"type":"TextBlock","text":"my id = 251020"},
            {"type":"TextBlock","text":"0: a"},
            {"type":"TextBlock","text":"1: b"},
            {"type":"TextBlock","text":"n=1"}]}
            """,
            Write(source));
    }

    [Theory]
    [InlineData("{ \"type\": \"TextBlock\", \"$data\": { \"a\": \"${Owner}\" }, \"text\": \"${a}\" }", "CARDGEN027", "\"${Owner}\"")]
    [InlineData("{ \"type\": \"TextBlock\", \"$data\": { \"name\": \"x\" }, \"text\": \"${nmae}\" }", "CARDGEN024", "nmae")]
    [InlineData("{ \"type\": \"TextBlock\", \"$data\": [ 1 ], \"text\": \"${$data[0]}\" }", "CARDGEN027", "$data[0]")]
    [InlineData("{ \"type\": \"TextBlock\", \"$data\": { \"l\": [ 1 ] }, \"text\": \"${l[1]}\" }", "CARDGEN024", "l[1]")]
    [InlineData("{ \"type\": \"TextBlock\", \"$data\": { \"l\": [ 1 ] }, \"text\": \"${string(sum(l))}\" }", "CARDGEN027", "sum(l)")]
    public async Task Inline_data_problems_are_reported_at_their_place(string element, string id, string text)
    {
        var template = "{ \"type\": \"AdaptiveCard\", \"version\": \"1.3\", \"body\": [ " + element + " ] }";
        var source = Card("    public string Owner { get; set; } = \"\";", template, "new()");
        var diagnostics = await TemplateHarness.AnalyzeAsync(source);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.StartsWith(text, diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start), StringComparison.Ordinal);
        Assert.False(diagnostic.Properties.ContainsKey("MissingMember"), "A name missing from inline data is no member for the code fix to add.");
    }

    [Fact]
    public async Task An_array_as_the_cards_own_data_is_reported_as_writing_one_card_per_item()
    {
        var source = Card("", "{ \"type\": \"AdaptiveCard\", \"version\": \"1.3\", \"$data\": [ {}, {} ], \"body\": [] }", "new()");
        var diagnostic = Assert.Single(await TemplateHarness.AnalyzeAsync(source));
        Assert.Equal("CARDGEN027", diagnostic.Id);
        Assert.Contains("one card per item", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_parses_text_into_data_read_by_name_when_the_card_is_written()
    {
        var source = Card(
            """
                public string Commit { get; set; } = "";
                public string Builds { get; set; } = "";
            """,
            """
            {
              "type": "AdaptiveCard",
              "version": "1.3",
              "body": [
                { "type": "FactSet", "$data": "${json(Commit)}", "facts": [
                  { "title": "Type", "value": "${type}" },
                  { "title": "Build", "value": "${buildID} of ${size}, ${flags}, ${meta}, ${missing}" },
                  { "title": "Tags", "value": "${tags[1]}", "$when": "${published}" },
                  { "title": "Unpublished", "value": "x", "$when": "${draft}" }
                ] },
                { "type": "TextBlock", "$data": "${json(Builds)}", "text": "${$index}: ${n}", "$when": "${exists(n)}" },
                { "type": "TextBlock", "text": "whole", "fallback": "${json(Commit).meta}" }
              ]
            }
            """,
            """new() { Commit = "{\"type\":\"Deployment\",\"buildId\":\"9542\",\"size\":2.50,\"flags\":[1,\"b\"],\"meta\":{\"a\":1},\"tags\":[\"x\",\"y\"],\"published\":true,\"draft\":\"yes\"}", Builds = "[{\"n\":1},{},{\"n\":3}]" }""");

        AssertJson(
            """
            {"type":"AdaptiveCard","version":"1.3","body":[
            {"type":"FactSet","facts":[
              {"title":"Type","value":"Deployment"},
              {"title":"Build","value":"9542 of 2.5, 1,b, [object Object], ${missing}"},
              {"title":"Tags","value":"y"}]},
            {"type":"TextBlock","text":"0: 1"},
            {"type":"TextBlock","text":"2: 3"},
            {"type":"TextBlock","text":"whole","fallback":{"a":1}}]}
            """,
            Write(source));
    }

    [Fact]
    public void Json_of_text_that_is_not_json_fails_the_card_naming_the_problem()
    {
        var source = Card(
            "    public string Commit { get; set; } = \"\";",
            """{ "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "$data": "${json(Commit)}", "text": "${type}" } ] }""",
            "new() { Commit = \"{type\" }");

        var error = Assert.Throws<TargetInvocationException>(() => Write(source));
        var format = Assert.IsType<FormatException>(error.InnerException);
        Assert.StartsWith("json() was given text that is not valid JSON", format.Message, StringComparison.Ordinal);
    }

    private const string Pages = """
        public sealed class Page
        {
            public string Type { get; set; } = "CarouselPage";
            [System.Text.Json.Serialization.JsonPropertyName("ID")]
            public string? Id { get; set; }
            public List<Item> Items { get; set; } = new();
        }

        public sealed class Item
        {
            public string Type { get; set; } = "TextBlock";
            public string? Text { get; set; }
            public int? MaxLines { get; set; }
            public bool Wrap { get; set; }
            public DayOfWeek Day { get; set; }
            public Item[]? Nested { get; set; }
            public List<double?>? Widths { get; set; }
        }
        """;

    [Fact]
    public void A_collection_bound_as_a_value_is_written_whole_by_json_names_with_nulls_left_out()
    {
        var source = Card(
            """
                public List<Page> Pages { get; set; } = new();
                public Item? First => Pages.Count > 0 && Pages[0].Items.Count > 0 ? Pages[0].Items[0] : null;
                public Item? None { get; set; }
            """,
            """
            {
              "type": "AdaptiveCard",
              "version": "1.3",
              "body": [
                { "type": "Container", "items": "${Pages[0].Items}" },
                { "type": "Container", "items": [ { "type": "TextBlock", "text": "x" } ], "selectAction": "${None}" },
                { "type": "TextBlock", "text": "pages", "fallback": "${First}" },
                { "type": "Container", "items": "${Pages}" }
              ]
            }
            """,
            """new() { Pages = { new Page { Id = "p1", Items = { new Item { Text = "Hi", MaxLines = 2, Wrap = true, Day = DayOfWeek.Monday, Nested = new[] { new Item { Text = "in" } }, Widths = new List<double?> { 1.5, null } } } }, new Page() } }""");

        var item = """{"type":"TextBlock","text":"Hi","maxLines":2,"wrap":true,"day":"Monday","nested":[{"type":"TextBlock","text":"in","wrap":false,"day":"Sunday"}],"widths":[1.5,null]}""";
        AssertJson(
            $$"""
            {"type":"AdaptiveCard","version":"1.3","body":[
            {"type":"Container","items":[{{item}}]},
            {"type":"Container","items":[{"type":"TextBlock","text":"x"}]},
            {"type":"TextBlock","text":"pages","fallback":{{item}}},
            {"type":"Container","items":[{"type":"CarouselPage","ID":"p1","items":[{{item}}]},{"type":"CarouselPage","items":[]}]}]}
            """,
            Write(source, "namespace Demo { using System; using System.Collections.Generic;\n" + Pages + "\n}"));
    }

    [Fact]
    public async Task An_object_with_a_member_a_template_cannot_write_is_reported_where_it_is_written_whole()
    {
        var source = Card(
            "    public Bag Extra { get; set; } = new();",
            """{ "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "x", "fallback": "${Extra}" } ] }""",
            "new()") + "\npublic sealed class Bag { public Dictionary<string, string> Values { get; set; } = new(); }\n";

        var diagnostic = Assert.Single(await TemplateHarness.AnalyzeAsync(source));
        Assert.Equal("CARDGEN027", diagnostic.Id);
        Assert.Contains("its member 'Values'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Extra", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_type_that_holds_itself_is_written_whole_through_one_function()
    {
        var source = Card(
            "    public Node Root { get; set; } = new();",
            """{ "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "tree", "fallback": "${Root}" } ] }""",
            "new() { Root = new Node { Name = \"a\", Children = { new Node { Name = \"b\", Children = { new Node { Name = \"c\" } } } } } }")
            + "\npublic sealed class Node { public string Name { get; set; } = \"\"; public List<Node> Children { get; set; } = new(); }\n";

        AssertJson(
            """
            {"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"tree","fallback":
            {"name":"a","children":[{"name":"b","children":[{"name":"c","children":[]}]}]}}]}
            """,
            Write(source));
    }
    [Fact]
    public void Text_with_bindings_is_put_together_without_strings_and_writes_what_the_engine_writes()
    {
        var source = Card(
            """
                public DayOfWeek Day { get; set; }
                public DayOfWeek? NoDay { get; set; }
                public DateTimeOffset At { get; set; }
                public DateTime Utc { get; set; }
                public DateTime? NoTime { get; set; }
                public double Ratio { get; set; }
                public long Count { get; set; }
                public bool On { get; set; }
                public Guid Id { get; set; }
                public string Long { get; set; } = "";
            """,
            """
            {
              "type": "AdaptiveCard",
              "version": "1.3",
              "body": [
                { "type": "TextBlock", "text": "${Day}/${NoDay}/${At}/${Utc}/${NoTime}" },
                { "type": "TextBlock", "text": "${formatDateTime(At, 'dddd d MMM yyyy HH:mm:ss.fff')} ${formatDateTime(Utc)} ${formatDateTime(NoTime)}" },
                { "type": "TextBlock", "text": "${Ratio} ${Count} ${On} ${Id} ${Count / 7} ${-Ratio}" },
                { "type": "TextBlock", "text": "${Long}${Long}!" },
                { "type": "TextBlock", "text": "${Day}", "fallback": "${NoDay}" }
              ]
            }
            """,
            """new() { Day = DayOfWeek.Friday, At = new DateTimeOffset(2026, 12, 6, 23, 30, 5, 120, TimeSpan.FromHours(-2)), Utc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), Ratio = 0.25, Count = 9007199254740990, On = true, Id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), Long = new string('x', 300) }""");

        var x = new string('x', 300);
        AssertJson(
            $$"""
            {"type":"AdaptiveCard","version":"1.3","body":[
            {"type":"TextBlock","text":"Friday/${NoDay}/2026-12-06T23:30:05.12-02:00/2026-01-02T03:04:05Z/${NoTime}"},
            {"type":"TextBlock","text":"Monday 7 Dec 2026 01:30:05.120 2026-01-02T03:04:05.000Z ${formatDateTime(NoTime)}"},
            {"type":"TextBlock","text":"0.25 9007199254740990 true 0f8fad5b-d9cb-469f-a165-70867728950e 1286742750677284 -0.25"},
            {"type":"TextBlock","text":"{{x}}{{x}}!"},
            {"type":"TextBlock","text":"Friday"}]}
            """,
            Write(source));
    }
}
