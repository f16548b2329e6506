namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN004 and CARDGEN012: what a mapping attribute can render, and markdown from outside data.</summary>
public sealed class MemberRuleTests
{
    [Fact]
    public async Task CARDGEN004_reports_member_types_an_attribute_cannot_render_at_the_attribute()
    {
        await Verify.AnalyzeAsync("""
            public sealed class Plain { }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [{|CARDGEN004:CardImage|}] public int Count { get; set; }
                [{|CARDGEN004:CardAction("Open")|}] public DateTime When { get; set; }
                [{|CARDGEN004:CardFacts|}] public List<string> Tags { get; set; } = new();
                [{|CARDGEN004:CardSection|}] public Plain? Other { get; set; }
                [{|CARDGEN004:CardText|}] public Plain? Text { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN004_reports_members_that_cannot_be_read()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                private string _name = "";
                [{|CARDGEN004:CardText|}] public string Name { set => _name = value; }
                [{|CARDGEN004:CardText|}] public static string Shared { get; set; } = "";
                [{|CARDGEN004:CardFact("Limit")|}] public const int Limit = 3;
                public override string ToString() => _name;
            }
            """);
    }

    [Fact]
    public async Task CARDGEN004_message_says_what_the_attribute_accepts()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [{|#0:CardImage|}] public int Count { get; set; }
            }
            """,
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("CardImage", "Count", "its type 'int' is not an image URL; use a Uri or an absolute URL string"));
    }

    [Fact]
    public async Task CARDGEN004_on_a_dictionary_says_that_CardFacts_renders_one()
    {
        const string Hint = "; a dictionary renders as a list of facts with [CardFacts]";
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [{|#0:CardFact("Labels")|}] public Dictionary<string, string> Labels { get; set; } = new();
                [{|#1:CardText|}] public IReadOnlyDictionary<string, int>? Counts { get; set; }
                [{|#2:CardText|}] public List<string> Tags { get; set; } = new();
            }
            """,
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("CardFact", "Labels", "its type 'Dictionary<string, string>' is not a value CardGen can write as text (a string, number, date, enum, bool, char, Uri or IFormattable)" + Hint),
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("CardText", "Counts", "its type 'IReadOnlyDictionary<string, int>?' is not a value CardGen can write as text (a string, number, date, enum, bool, char, Uri or IFormattable)" + Hint),
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(2)
                .WithArguments("CardText", "Tags", "its type 'List<string>' is not a value CardGen can write as text (a string, number, date, enum, bool, char, Uri or IFormattable)"));
    }

    [Fact]
    public async Task CARDGEN004_on_a_section_whose_part_is_not_generated_points_at_the_part()
    {
        await Verify.AnalyzeAsync(
            """
            [CardPart]
            public class {|CARDGEN001:Detail|}
            {
                [CardText] public string Note { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [{|#0:CardSection|}] public Detail? Details { get; set; }
                [{|#1:CardSection|}] public List<Detail> More { get; set; } = new();
            }
            """,
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("CardSection", "Details", "its [CardPart] type 'Detail' is not generated; fix the diagnostics reported on 'Detail' first"),
            Verify.Diagnostic("CARDGEN004", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("CardSection", "More", "its [CardPart] type 'Detail' is not generated; fix the diagnostics reported on 'Detail' first"));
    }

    [Fact]
    public async Task CARDGEN004_is_quiet_for_every_supported_shape()
    {
        await Verify.AnalyzeAsync("""
            [CardPart]
            public partial class Comment
            {
                [CardText] public string Body { get; set; } = "";
            }

            public enum Level { Low, High }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardText] public string Name { get; set; } = "";
                [CardText] public int? Count { get; set; }
                [CardFact("When")] public DateTimeOffset When { get; set; }
                [CardFact("Level")] public Level Level;
                [CardFact("Id")] public Guid Id { get; init; }
                [CardFacts] public Dictionary<string, decimal?>? Prices { get; set; }
                [CardImage] public Uri? Avatar { get; set; }
                [CardImage] public string? Logo { get; set; }
                [CardAction("Open")] public string? Url { get; set; }
                [CardSection] public Comment? Latest { get; set; }
                [CardSection] public IReadOnlyList<Comment> Older { get; set; } = new List<Comment>();
            }
            """);
    }

    [Fact]
    public async Task CARDGEN012_reports_markdown_on_a_member_set_from_outside_as_info()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                public Card(string notes) => Notes = notes;

                [CardText({|CARDGEN012:Markdown = true|})] public string? Description { get; set; }
                [CardText({|CARDGEN012:Markdown = true|})] public string Notes { get; }
                [CardText({|CARDGEN012:Markdown = true|}, Order = 1)] public string? Raw;
            }
            """);
    }

    [Fact]
    public async Task CARDGEN012_is_quiet_for_computed_text_and_escaped_members()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                public string Key { get; set; } = "";
                [CardText(Markdown = true)] public string Link => "[Open](https://example.com/" + Uri.EscapeDataString(Key) + ")";
                [CardText(Markdown = false)] public string? Description { get; set; }
                [CardText] public string? Notes { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN004_checks_a_plain_base_types_mapped_members_once_where_they_are_declared()
    {
        await Verify.AnalyzeAsync("""
            public abstract class EventBase
            {
                [{|CARDGEN004:CardImage|}] public int Count { get; set; }
                [CardFact("Service")] public string Service { get; set; } = "";
                [Obsolete] public string Plain { get; set; } = "";
            }

            [ChatCard(Title = "A", Summary = "S")]
            public partial class First : EventBase
            {
            }

            [ChatCard(Title = "B", Summary = "S")]
            public partial class Second : EventBase
            {
            }

            public class Unrelated
            {
                [Obsolete] public string Name { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task CARDGEN004_checks_a_generic_plain_base_with_each_cards_type_arguments_on_the_card()
    {
        await Verify.AnalyzeAsync("""
            public abstract class EventBase<T>
            {
                [CardImage] public T? Picture { get; set; }
                [CardText] public string Caption { get; set; } = "";
            }

            [ChatCard(Title = "A", Summary = "S")]
            public partial class WithUri : EventBase<Uri>
            {
            }

            [ChatCard(Title = "B", Summary = "S")]
            public partial class {|CARDGEN004:WithObject|} : EventBase<object>
            {
            }
            """);
    }
}
