using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace CardGen.Generator.Tests.Templates;

/// <summary>A card designed as a template file: bound to the type's members at compile time and written by generated code.</summary>
public sealed class TemplateCardTests
{
    internal const string Source = """
        using System;
        using System.Collections.Generic;
        using CardGen;

        namespace Demo;

        [ChatCard(Template = "Cards/BuildFailed.card.json")]
        public partial class BuildFailed
        {
            public string Project { get; set; } = "";
            public int BuildNumber { get; set; }
            public string? LogExcerpt { get; set; }
            public Uri BuildUrl { get; set; } = new Uri("https://ci.example.com");
            public List<Step> Steps { get; set; } = new();
            public Author? Author { get; set; }

            public static BuildFailed Sample() => new()
            {
                Project = "payments-api",
                BuildNumber = 1842,
                BuildUrl = new Uri("https://ci.example.com/builds/1842"),
                Steps = { new Step { Name = "restore", Seconds = 12.5 }, new Step { Name = "test", Seconds = 95, Failed = true } },
                Author = new Author { Name = "Dana Reyes" },
            };
        }

        public sealed class Step
        {
            public string Name { get; set; } = "";
            public double Seconds { get; set; }
            public bool Failed { get; set; }
        }

        public sealed class Author
        {
            public string Name { get; set; } = "";
        }
        """;

    internal const string Template = """
        {
          "type": "AdaptiveCard",
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "version": "1.3",
          "body": [
            { "type": "TextBlock", "text": "Build ${BuildNumber} of ${Project} failed", "size": "large", "weight": "bolder", "wrap": true },
            { "type": "TextBlock", "text": "${LogExcerpt}", "$when": "${exists(LogExcerpt)}", "isSubtle": true },
            { "type": "TextBlock", "text": "By ${Author.name}" },
            {
              "type": "FactSet",
              "facts": [
                { "$data": "${Steps}", "title": "${string($index + 1)}. ${Name}", "value": "${formatNumber(Seconds, 1)} s${if(Failed, ' (failed)', '')}" }
              ]
            },
            { "type": "TextBlock", "text": "Total ${sum(select(Steps, s, s.Seconds))} s in ${length(Steps)} steps", "$when": "${length(Steps) > 1}" }
          ],
          "actions": [
            { "type": "Action.OpenUrl", "title": "Open build", "url": "${BuildUrl}" }
          ]
        }
        """;

    [Fact]
    public void A_template_file_is_compiled_to_a_writer_bound_to_the_members()
    {
        var (output, run) = TemplateHarness.Generate(Source, ("/repo/src/Cards/BuildFailed.card.json", Template));
        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Contains("Demo.BuildFailed.g.cs", generated.Keys);
        Assert.DoesNotContain("TemplateFunctions.Parse", generated["Demo.BuildFailed.g.cs"], System.StringComparison.Ordinal);

        var json = TemplateHarness.Run(output, "Demo.BuildFailed", "Sample");

        var expected = """
            {"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.3","body":[
            {"type":"TextBlock","text":"Build 1842 of payments-api failed","size":"large","weight":"bolder","wrap":true},
            {"type":"TextBlock","text":"By Dana Reyes"},
            {"type":"FactSet","facts":[{"title":"1. restore","value":"12.5 s"},{"title":"2. test","value":"95.0 s (failed)"}]},
            {"type":"TextBlock","text":"Total 107.5 s in 2 steps"}],
            "actions":[{"type":"Action.OpenUrl","title":"Open build","url":"https://ci.example.com/builds/1842"}]}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void An_inline_template_is_compiled_the_same_way()
    {
        const string source = """"
            using CardGen;
            namespace Demo;

            [ChatCard(TemplateJson = """
                {
                  "type": "AdaptiveCard",
                  "version": "1.3",
                  "body": [ { "type": "TextBlock", "text": "${Service} deployed to ${Stage}", "wrap": true } ]
                }
                """)]
            public partial record Deployed(string Service, string Stage)
            {
                public static Deployed Sample() => new("billing", "production");
            }
            """";

        var (output, _) = TemplateHarness.Generate(source);
        var json = TemplateHarness.Run(output, "Demo.Deployed", "Sample");
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"billing deployed to production","wrap":true}]}""", json);
    }

    [Fact]
    public async Task A_card_whose_template_is_clean_has_no_diagnostics()
    {
        var diagnostics = await TemplateHarness.AnalyzeAsync(Source, ("/repo/src/Cards/BuildFailed.card.json", Template));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_binding_that_names_no_member_is_reported_at_its_place_in_the_file_with_the_closest_name()
    {
        var template = Template.Replace("${Project}", "${Projct}", System.StringComparison.Ordinal);
        var diagnostics = await TemplateHarness.AnalyzeAsync(Source, ("/repo/src/Cards/BuildFailed.card.json", template));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CARDGEN024", diagnostic.Id);
        Assert.Equal("/repo/src/Cards/BuildFailed.card.json", diagnostic.Location.GetLineSpan().Path);
        var span = diagnostic.Location.GetLineSpan().Span;
        var at = template.IndexOf("Projct", System.StringComparison.Ordinal);
        var line = template.Take(at).Count(c => c == '\n');
        Assert.Equal((line, at - template.LastIndexOf('\n', at) - 1), (span.Start.Line, span.Start.Character));
        Assert.Equal("Projct", template.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("did you mean 'Project'?", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("Project", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public async Task A_missing_template_file_is_reported_on_the_attribute_argument_and_the_card_is_a_stub()
    {
        var diagnostics = await TemplateHarness.AnalyzeAsync(Source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CARDGEN018", diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.StartsWith("Template = ", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start), System.StringComparison.Ordinal);

        var (_, run) = TemplateHarness.Generate(Source);
        var generated = GeneratorHarness.GeneratedSources(run)["Demo.BuildFailed.g.cs"];
        Assert.Contains("throw new global::System.InvalidOperationException", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CardGenTemplateWrite(global::", generated, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"weight\": \"bolder\"", "\"weight\": \"heavy\"", "CARDGEN022", "\"heavy\"")]
    [InlineData("\"type\": \"FactSet\"", "\"type\": \"FactSheet\"", "CARDGEN020", "\"FactSheet\"")]
    [InlineData("\"isSubtle\": true", "\"isSubtel\": true", "CARDGEN020", "\"isSubtel\"")]
    [InlineData(", \"url\": \"${BuildUrl}\"", "", "CARDGEN021", "\"Action.OpenUrl\"")]
    [InlineData("\"$when\": \"${exists(LogExcerpt)}\"", "\"$when\": \"${LogExcerpt}\"", "CARDGEN026", "\"${LogExcerpt}\"")]
    [InlineData("\"$data\": \"${Steps}\"", "\"$data\": \"${Project}\"", "CARDGEN025", "\"${Project}\"")]
    [InlineData("${formatNumber(Seconds, 1)}", "${formatNumbr(Seconds, 1)}", "CARDGEN027", "formatNumbr")]
    [InlineData("\"version\": \"1.3\"", "\"version\": \"1.5\"", "CARDGEN023", "\"1.5\"")]
    [InlineData("{ \"type\": \"TextBlock\", \"text\": \"By ${Author.name}\" }", "{ \"type\": \"Table\", \"columns\": [] }", "CARDGEN023", "\"Table\"")]
    [InlineData("\"type\": \"TextBlock\", \"text\": \"By", "\"type\": \"TextBlock\", \"id\": \"x\", \"text\": \"By", "CARDGEN000", "")]
    [InlineData("\"size\": \"large\",", "\"size\": \"large\" \"x\",", "CARDGEN019", "\"")]
    public async Task Each_template_problem_is_reported_at_its_place(string find, string replace, string id, string text)
    {
        var template = Template.Replace(find, replace, System.StringComparison.Ordinal);
        Assert.NotEqual(Template, template);
        var diagnostics = await TemplateHarness.AnalyzeAsync(Source, ("/repo/src/Cards/BuildFailed.card.json", template));
        if (id == "CARDGEN000")
        {
            Assert.Empty(diagnostics);
            return;
        }

        Assert.Contains(diagnostics, d => d.Id == id);
        var diagnostic = diagnostics.First(d => d.Id == id);
        Assert.StartsWith(text, template.Substring(diagnostic.Location.SourceSpan.Start), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_ids_and_an_id_repeated_over_data_are_reported()
    {
        var template = Template
            .Replace("\"text\": \"By ${Author.name}\"", "\"id\": \"author\", \"text\": \"By ${Author.name}\"", System.StringComparison.Ordinal)
            .Replace("\"isSubtle\": true", "\"isSubtle\": true, \"id\": \"author\"", System.StringComparison.Ordinal)
            .Replace("\"body\": [", "\"body\": [ { \"type\": \"TextBlock\", \"id\": \"step\", \"$data\": \"${Steps}\", \"text\": \"${Name}\" },", System.StringComparison.Ordinal);
        var diagnostics = await TemplateHarness.AnalyzeAsync(Source, ("/repo/src/Cards/BuildFailed.card.json", template));

        Assert.Equal(2, diagnostics.Count(d => d.Id == "CARDGEN028"));
    }

    [Fact]
    public async Task Title_summary_and_icon_on_a_template_card_are_reported_as_unused()
    {
        var source = Source.Replace(
            "[ChatCard(Template = \"Cards/BuildFailed.card.json\")]",
            "[ChatCard(Template = \"Cards/BuildFailed.card.json\", Title = \"Build {Project}\", Summary = \"{Project} failed\", IconUrl = \"https://example.com/i.png\")]",
            System.StringComparison.Ordinal);
        Assert.NotEqual(Source, source);

        var diagnostics = await TemplateHarness.AnalyzeAsync(source, ("/repo/src/Cards/BuildFailed.card.json", Template));

        var unused = diagnostics.Where(d => d.Id == "CARDGEN029").ToList();
        Assert.Equal(3, unused.Count);
        Assert.All(unused, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(
            new[] { "Title = \"Build {Project}\"", "Summary = \"{Project} failed\"", "IconUrl = \"https://example.com/i.png\"" },
            unused.Select(d => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.Contains("fallbackText", unused[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(await TemplateHarness.AnalyzeAsync(Source, ("/repo/src/Cards/BuildFailed.card.json", Template)));
    }

    [Fact]
    public async Task An_inline_template_problem_is_reported_inside_the_raw_string()
    {
        const string source = """"
            using CardGen;
            namespace Demo;

            [ChatCard(TemplateJson = """
                {
                  "type": "AdaptiveCard",
                  "version": "1.3",
                  "body": [ { "type": "TextBlock", "text": "${Servce} deployed" } ]
                }
                """)]
            public partial record Deployed(string Service);
            """";

        var diagnostic = Assert.Single(await TemplateHarness.AnalyzeAsync(source));
        Assert.Equal("CARDGEN024", diagnostic.Id);
        Assert.Equal("Servce", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
