using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Tests.Renderer;
using CardGen.Validation;

namespace CardGen.Tests.Generated;

/// <summary>Cards written by code the generator produced for the types in Events.cs.</summary>
public sealed class GeneratedCardTests
{
    internal static BuildFailed Build(string? log = "3 tests failed") => new()
    {
        Project = "payments-api",
        Branch = "main",
        BuildNumber = 1842,
        LogExcerpt = log,
        AuthorAvatar = new Uri("https://example.com/dana.png"),
        BuildUrl = new Uri("https://ci.example.com/builds/1842"),
        InternalNote = "do not show",
    };

    internal static IssueUpdated Issue() => new()
    {
        Key = "PAY-123",
        Summary = "Refunds are *doubled* [see](https://evil.example)",
        Status = "In Progress",
        Priority = IssuePriority.High,
        StoryPoints = 2.5,
        Updated = new DateTimeOffset(2026, 11, 27, 9, 14, 0, TimeSpan.FromHours(1)),
        Fields = new Dictionary<string, string> { ["Component"] = "Refunds", ["Sprint"] = "42" },
        Description = "Customers see two refunds.",
        LatestComment = new IssueComment { Author = "Dana", Body = "Reproduced on staging.", Posted = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero) },
        OlderComments = { new IssueComment { Author = "Sam", Body = null }, new IssueComment { Author = "Lee", Body = "Is this new?" } },
        Url = "https://jira.example.com/browse/PAY-123",
    };

    internal static ReleasePublished Release() => new() { Version = "2.1.0", Notes = "**Faster** posting", Download = new Uri("https://example.com/2.1.0") };

    internal static readonly string[] CardNames = { "build", "build-without-log", "issue", "issue-empty", "release" };

    public static TheoryData<string> Cards() => new(CardNames);

    internal static (string Name, Func<AdaptiveCard> Model, Func<string> Json, Action<Utf8JsonWriter> Write) Get(string name) => name switch
    {
        "build" => (name, () => Build().ToAdaptiveCard(), () => Build().ToCardJson(), w => Build().WriteCardJson(w)),
        "build-without-log" => (name, () => Build(null).ToAdaptiveCard(), () => Build(null).ToCardJson(), w => Build(null).WriteCardJson(w)),
        "issue" => (name, () => Issue().ToAdaptiveCard(), () => Issue().ToCardJson(), w => Issue().WriteCardJson(w)),
        "issue-empty" => (name, () => new IssueUpdated().ToAdaptiveCard(), () => new IssueUpdated().ToCardJson(), w => new IssueUpdated().WriteCardJson(w)),
        "release" => (name, () => Release().ToAdaptiveCard(), () => Release().ToCardJson(), w => Release().WriteCardJson(w)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void The_direct_writer_and_the_model_write_the_same_json(string name)
    {
        var card = Get(name);
        var fromModel = card.Model().ToJson();

        Assert.Equal(fromModel, card.Json());
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AdaptiveCard.JsonWriterOptions))
        {
            card.Write(writer);
        }

        Assert.Equal(fromModel, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        ModelAssertEqual(card.Model(), AdaptiveCard.Parse(fromModel));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Generated_cards_are_valid_for_their_host(string name)
    {
        var card = Get(name).Model();
        var target = name == "release" ? new ValidationTarget(HostProfile.Generic, CardVersion.V1_5) : HostProfile.RingCentral;
        var result = card.Validate(target);
        Assert.True(result.IsValid, result.ToString());
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void The_readme_example_renders_title_facts_text_image_and_action()
    {
        var json = Build().ToCardJson();

        Assert.Equal(
            """{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Build 1842 of payments-api failed","size":"large","weight":"bolder","wrap":true},{"type":"FactSet","facts":[{"title":"Project","value":"payments-api"},{"title":"Branch","value":"main"}]},{"type":"TextBlock","text":"3 tests failed","isSubtle":true,"wrap":true},{"type":"Image","url":"https://example.com/dana.png","altText":"Author"}],"actions":[{"type":"Action.OpenUrl","title":"Open build","url":"https://ci.example.com/builds/1842"}],"fallbackText":"payments-api is red on main"}""",
            json);
        Assert.DoesNotContain("do not show", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_members_are_left_out()
    {
        var card = Build(null).ToAdaptiveCard();
        Assert.Equal(3, card.Body.Count);
        Assert.DoesNotContain(card.Body, e => e is TextBlock { IsSubtle: true });
    }

    [Fact]
    public void Outside_data_cannot_inject_markdown_but_markdown_members_render_it()
    {
        var issue = Issue().ToAdaptiveCard();
        var heading = Assert.IsType<TextBlock>(issue.Body[0]);
        Assert.Equal(@"PAY-123: Refunds are \*doubled\* \[see\](https://evil.example)", heading.Text);
        Assert.Equal("PAY-123 changed to In Progress", issue.FallbackText);

        var release = Release().ToAdaptiveCard();
        Assert.Contains(release.Body, e => e is TextBlock { Text: "**Faster** posting" });
    }

    [Fact]
    public void The_title_is_a_heading_from_card_version_1_5_on_in_the_model_and_the_json()
    {
        var release = Release().ToAdaptiveCard();
        Assert.Equal("1.5", release.Version);
        Assert.Equal(TextBlockStyle.Heading, Assert.IsType<TextBlock>(release.Body[0]).Style);
        Assert.Contains("\"style\":\"heading\"", Release().ToCardJson(), StringComparison.Ordinal);

        var issue = Issue().ToAdaptiveCard();
        Assert.Equal("1.3", issue.Version);
        Assert.Null(Assert.IsType<TextBlock>(issue.Body[0]).Style);
        Assert.DoesNotContain("heading", Issue().ToCardJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_render_names_dates_use_the_card_date_functions_and_formats_are_invariant()
    {
        var facts = Issue().ToAdaptiveCard().Body.OfType<FactSet>().Single().Facts.ToDictionary(f => f.Title!, f => f.Value!);

        Assert.Equal("High", facts["Priority"]);
        Assert.Equal("2.5", facts["Story points"]);
        Assert.Equal("{{DATE(2026-11-27T08:14:00Z, SHORT)}} {{TIME(2026-11-27T08:14:00Z)}}", facts["Updated"]);
        Assert.Equal("Refunds", facts["Component"]);
        Assert.Equal(new[] { "Status", "Priority", "Story points", "Updated", "Component", "Sprint" }, facts.Keys);
    }

    [Fact]
    public void Order_rearranges_and_sections_become_containers()
    {
        var body = Issue().ToAdaptiveCard().Body;

        Assert.Equal(new[] { "TextBlock", "TextBlock", "FactSet", "Container", "Container", "Container" }, body.Select(e => e.Type));
        var latest = Assert.IsType<Container>(body[3]);
        Assert.Equal(ContainerStyle.Emphasis, latest.Style);
        Assert.Equal("Latest comment", Assert.IsType<TextBlock>(latest.Items[0]).Text);
        Assert.Equal(new[] { "TextBlock", "TextBlock", "TextBlock", "FactSet" }, latest.Items.Select(e => e.Type));
        Assert.True(body[4].Separator);
        Assert.Single(((Container)body[4]).Items);
    }

    [Fact]
    public void A_long_title_that_outgrows_the_stack_buffer_is_written_the_same_both_ways()
    {
        var build = Build() with { Project = string.Concat(Enumerable.Repeat("*snake_case* [x](y) - ", 40)), BuildNumber = -12 };

        Assert.Equal(build.ToAdaptiveCard().ToJson(), build.ToCardJson());
        Assert.StartsWith(@"Build \-12 of \*snake_case\* \[x\](y)", ((TextBlock)build.ToAdaptiveCard().Body[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_with_every_member_empty_still_writes_the_same_json_both_ways()
    {
        var empty = new IssueUpdated { Key = "", Summary = "" };
        Assert.Equal(empty.ToAdaptiveCard().ToJson(), empty.ToCardJson());
    }

    [Fact]
    public void The_builder_changes_values_and_appends_elements_and_actions()
    {
        var card = Build().ToCardBuilder()
            .WithProject("ledger")
            .WithBuildNumber(7)
            .WithLogExcerpt(null)
            .AddElement(new TextBlock("Extra"))
            .Configure(b => b.AddFact("Agent", "linux-1").AddOpenUrl("Logs", new Uri("https://ci.example.com/logs/7")))
            .Build();

        Assert.Equal("Build 7 of ledger failed", ((TextBlock)card.Body[0]).Text);
        Assert.Equal("Extra", ((TextBlock)card.Body[^2]).Text);
        Assert.Equal("Agent", ((FactSet)card.Body[^1]).Facts.Single().Title);
        Assert.Equal(new[] { "Open build", "Logs" }, card.Actions.Select(a => a.Title));

        var fresh = BuildFailed.CreateCardBuilder().WithProject("p").WithBranch("b").WithBuildUrl(new Uri("https://x.example/1")).Build();
        Assert.Equal("Build 0 of p failed", ((TextBlock)fresh.Body[0]).Text);
    }

    [Fact]
    public void The_webhook_message_carries_the_title_as_activity_and_the_card_as_attachment()
    {
        using var document = JsonDocument.Parse(Build().ToWebhookMessage().ToJson());
        var root = document.RootElement;

        Assert.Equal("Build 1842 of payments-api failed", root.GetProperty("activity").GetString());
        Assert.Equal("AdaptiveCard", root.GetProperty("attachments")[0].GetProperty("type").GetString());
        Assert.Equal("payments-api is red on main", root.GetProperty("attachments")[0].GetProperty("fallbackText").GetString());
    }

    [SkippableFact]
    public void The_official_renderer_accepts_every_generated_card()
    {
        NodeRenderer.SkipUnlessAvailable();
        var names = CardNames;

        var results = NodeRenderer.Check(names.Select(n => (n, System.Text.Encoding.UTF8.GetBytes(Get(n).Json()))));

        Assert.Equal(names.Length, results.Count);
        Assert.All(results, pair => Assert.True(pair.Value.Count == 0, $"{pair.Key}: {string.Join("; ", pair.Value)}"));
    }

    // The generated model is built in code, so it records no explicit properties; the card read back records all.
    private static void ModelAssertEqual(AdaptiveCard expected, AdaptiveCard actual) => Support.ModelAssert.Equal(expected, actual, compareExplicitProperties: false);
}
