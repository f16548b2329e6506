namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN005, 006 and 011 from attribute arguments and from builder calls.</summary>
public sealed class VersionAndHostRuleTests
{
    [Fact]
    public async Task CARDGEN005_reports_attribute_styles_newer_than_the_card_with_the_version_they_need()
    {
        await Verify.AnalyzeAsync(
            """
            [CardPart]
            public partial class Details
            {
                [CardText] public string Text { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S", Version = "1.1")]
            public partial class Card
            {
                [CardAction("Open", {|#0:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
                [CardSection({|CARDGEN005:Style = ContainerStyle.Good|})] public Details? More { get; set; }
                [CardSection(Style = ContainerStyle.Emphasis)] public Details? Other { get; set; }
                [CardAction("Close", Style = ActionStyle.Default)] public Uri? Close { get; set; }
            }
            """,
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("The Action.OpenUrl style 'positive'", "1.2", "Card", "1.1", ""));
    }

    [Fact]
    public async Task CARDGEN005_is_quiet_when_the_card_version_is_high_enough()
    {
        await Verify.AnalyzeAsync("""
            [CardPart]
            public partial class Details
            {
                [CardText] public string Text { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S", Version = "1.2")]
            public partial class Card
            {
                [CardAction("Open", Style = ActionStyle.Positive)] public Uri? Link { get; set; }
                [CardSection(Style = ContainerStyle.Good)] public Details? More { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN005_reports_types_properties_and_enum_values_added_through_the_builder()
    {
        var source = Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
            b.AddElement({|#0:new Table()|})
             .AddElement(new TextBlock("x") { Wrap = true, {|#1:Style = TextBlockStyle.Heading|} })
             .AddElement(new TextInput("name") { {|#2:Label = "Name"|}, IsRequired = false })
             .AddElement(new Container(new TextBlock("a"), {|#3:new Table()|}) { Style = ContainerStyle.Good })
             .AddElement(new Container { Items = { new TextBlock("b") { Id = "b" } }, {|#4:Rtl = true|} })
             .AddAction({|#5:new ExecuteAction("Run", "run")|})
             .AddAction(new SubmitAction("Send") { Style = ActionStyle.Positive, Mode = ActionMode.Primary });
            """);
        DiagnosticResult Expect(int location, string feature, string version)
            => Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(location).WithArguments(feature, version, "Deploy", "1.2", "");
        await Verify.AnalyzeAsync(
            source,
            Expect(0, "Table", "1.5"),
            Expect(1, "TextBlock.style", "1.5"),
            Expect(2, "Input.Text.label", "1.3"),
            Expect(3, "Table", "1.5"),
            Expect(4, "Container.rtl", "1.5"),
            Expect(5, "Action.Execute", "1.4"));
    }

    [Fact]
    public async Task CARDGEN005_reports_enum_values_assigned_to_nullable_properties()
    {
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.1" """, """
                b.AddElement(new Container { {|#0:Style = ContainerStyle.Good|} })
                 .AddElement(new Container { Style = ContainerStyle.Emphasis });
                """),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0).WithArguments("The Container style 'good'", "1.2", "Deploy", "1.1", ""));
    }

    [Fact]
    public async Task CARDGEN005_is_quiet_for_the_same_builder_calls_on_a_new_enough_card()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.5" """, """
            b.AddElement(new Table())
             .AddElement(new TextBlock("x") { Style = TextBlockStyle.Heading })
             .AddElement(new TextInput("name") { Label = "Name" })
             .AddAction(new ExecuteAction("Run", "run"));
            """));
    }

    [Fact]
    public async Task CARDGEN005_says_when_the_host_cannot_render_the_needed_version()
    {
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S" """, "b.AddElement({|#0:new Table()|});"),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Table", "1.5", "Deploy", "1.3", ", and RingCentral renders at most 1.3"));
    }

    [Fact]
    public async Task CARDGEN005_reports_a_table_once_and_not_the_rows_cells_and_values_inside_it()
    {
        // The rows and cells are as new as the table and go away with it: one mistake, one error. What is wrong
        // inside on its own (a relative URL) is still reported.
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S" """, """
                b.AddElement({|#0:new Table
                {
                    Rows =
                    {
                        new TableRow(new TableCell(new TextBlock("p95") { Style = TextBlockStyle.Heading }), new TableCell(new TextBlock("840 ms"))),
                        new TableRow(new TableCell(new TextInput("note")), new TableCell(new Image({|#1:"avatar.png"|}))),
                    },
                }|});
                """),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Table", "1.5", "Deploy", "1.3", ", and RingCentral renders at most 1.3"),
            Verify.Diagnostic("CARDGEN007", DiagnosticSeverity.Error).WithLocation(1));
    }

    [Fact]
    public async Task CARDGEN005_and_006_report_the_outermost_object_only()
    {
        // An action set is 1.2: on a 1.1 card what it holds (a 1.4 Action.Execute, a 1.2 style) is not reported again.
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.1" """, """
                b.AddElement({|#0:new ActionSet(new ExecuteAction("Run", "run"), new OpenUrlAction("Open", "https://example.com/") { Style = ActionStyle.Positive })|})
                 .AddElement(new Container(new TextBlock("a")) { {|#1:Style = ContainerStyle.Good|} });
                """),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("ActionSet", "1.2", "Deploy", "1.1", ""),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("The Container style 'good'", "1.2", "Deploy", "1.1", ""));
    }

    [Fact]
    public async Task CARDGEN006_reports_a_version_above_the_host_at_the_argument()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S", {|#0:Version = "1.5"|})]
            public partial class Card
            {
            }

            [ChatCard(Title = "T", Host = ChatHost.Generic, Version = "1.6")]
            public partial class Fine
            {
            }
            """,
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Version \"1.5\"", "RingCentral", "RingCentral renders Adaptive Cards up to 1.3, and shows a newer card's fallback text instead"));
    }

    [Fact]
    public async Task CARDGEN006_is_an_error_for_execute_and_a_warning_for_submit_and_inputs_on_RingCentral()
    {
        var source = Sources.BuilderCard("""Title = "T", Summary = "S" """, """
            b.AddAction({|#0:new SubmitAction("Send")|})
             .AddElement({|#1:new TextInput("comment")|})
             .AddAction(new OpenUrlAction("Open", "https://example.com/build/1"));
            """);
        await Verify.AnalyzeAsync(
            source,
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(0),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(1));
    }

    [Fact]
    public async Task CARDGEN006_reports_execute_on_RingCentral_as_an_error_beside_its_version()
    {
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S" """, "b.AddAction({|#0:new ExecuteAction(\"Run\", \"run\")|});"),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Action.Execute", "RingCentral", "RingCentral does not support Action.Execute"));
    }

    [Fact]
    public async Task CARDGEN006_is_quiet_for_submit_and_inputs_on_a_generic_host()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddAction(new SubmitAction("Send")).AddElement(new TextInput("comment"));
            """));
    }

    [Fact]
    public async Task CARDGEN011_reports_a_RingCentral_card_without_summary_and_too_many_actions()
    {
        await Verify.AnalyzeAsync("""
            [{|CARDGEN011:ChatCard|}(Title = "T")]
            public partial class NoSummary
            {
            }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class Busy
            {
                [CardAction("1")] public Uri? A1 { get; set; }
                [CardAction("2")] public Uri? A2 { get; set; }
                [CardAction("3")] public Uri? A3 { get; set; }
                [CardAction("4")] public Uri? A4 { get; set; }
                [CardAction("5")] public Uri? A5 { get; set; }
                [{|CARDGEN011:CardAction("6")|}] public Uri? A6 { get; set; }
                [CardAction("7")] public Uri? A7 { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN011_is_quiet_with_a_summary_or_on_a_generic_host()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class WithSummary
            {
                [CardAction("1")] public Uri? A1 { get; set; }
                [CardAction("5")] public Uri? A5 { get; set; }
            }

            [ChatCard(Title = "T", Host = ChatHost.Generic)]
            public partial class Generic
            {
            }
            """);
    }

    [Fact]
    public async Task CARDGEN011_counts_the_actions_a_builder_adds_after_the_cards_own()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Summary = "S" """, """
            b.AddAction(new OpenUrlAction("1", "https://example.com/1"))
             .AddAction(new OpenUrlAction("2", "https://example.com/2"))
             .AddAction(new OpenUrlAction("3", "https://example.com/3"));
            b.AddAction(new OpenUrlAction("4", "https://example.com/4"));
            b.AddElement(new TextBlock("x")).AddAction(new OpenUrlAction("5", "https://example.com/5"));
            {|CARDGEN011:b.AddAction(new OpenUrlAction("6", "https://example.com/6"))|};
            b.AddAction(new OpenUrlAction("7", "https://example.com/7"));
            """));

        // The card's own [CardAction] member counts first: the fifth added action is the sixth.
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S" """, """
                b.AddAction(new OpenUrlAction("1", "https://example.com/1"))
                 .AddAction(new OpenUrlAction("2", "https://example.com/2"))
                 .AddAction(new OpenUrlAction("3", "https://example.com/3"))
                 .AddAction(new OpenUrlAction("4", "https://example.com/4"));
                {|CARDGEN011:b.AddAction(new OpenUrlAction("5", "https://example.com/5"))|};
                """).Replace("[CardText] public string Name", "[CardAction(\"Open\")] public Uri? Link { get; set; }\n    [CardText] public string Name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CARDGEN011_does_not_add_up_actions_of_branches_that_cannot_both_run()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Summary = "S" """, """
            if (b.GetHashCode() > 0)
            {
                b.AddAction(new OpenUrlAction("1", "https://example.com/1")).AddAction(new OpenUrlAction("2", "https://example.com/2")).AddAction(new OpenUrlAction("3", "https://example.com/3"));
            }
            else
            {
                b.AddAction(new OpenUrlAction("1", "https://example.com/1")).AddAction(new OpenUrlAction("2", "https://example.com/2"));
            }

            b.AddAction(new OpenUrlAction("4", "https://example.com/4"));
            """));
    }

    [Fact]
    public async Task A_card_for_RingCentral_and_Teams_reports_a_version_once_for_each_host_too_old_for_it()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S", Host = ChatHost.RingCentral | ChatHost.Teams, {|#0:Version = "1.5"|})]
            public partial class Card
            {
            }

            [ChatCard(Title = "T", Summary = "S", Host = ChatHost.RingCentral | ChatHost.Teams, {|#1:Version = "1.6"|})]
            public partial class Newest
            {
            }

            [ChatCard(Title = "T", Host = ChatHost.Teams, Version = "1.5")]
            public partial class TeamsOnly
            {
            }
            """,
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Version \"1.5\"", "RingCentral", "RingCentral renders Adaptive Cards up to 1.3, and shows a newer card's fallback text instead"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Version \"1.6\"", "RingCentral", "RingCentral renders Adaptive Cards up to 1.3, and shows a newer card's fallback text instead"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Version \"1.6\"", "Teams", "Teams renders Adaptive Cards up to 1.5, and shows a newer card's fallback text instead"));
    }

    [Fact]
    public async Task A_card_for_several_hosts_defaults_to_the_newest_version_all_of_them_render()
    {
        // RingCentral | Teams is written at 1.3: a 1.5 Table is reported with RingCentral's limit, not Teams'.
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S", Host = ChatHost.RingCentral | ChatHost.Teams""", "b.AddElement({|#0:new Table()|});"),
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Table", "1.5", "Deploy", "1.3", ", and RingCentral renders at most 1.3"));
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Teams""", "b.AddElement(new Table());"));
    }

    [Fact]
    public async Task CARDGEN006_reports_an_action_or_input_once_for_each_declared_host_that_cannot_do_it()
    {
        var source = Sources.BuilderCard("""Title = "T", Summary = "S", Host = ChatHost.RingCentral | ChatHost.Teams, Version = "1.3" """, """
            b.AddAction({|#0:new SubmitAction("Send")|})
             .AddElement({|#1:new TextInput("comment")|})
             .AddAction(new OpenUrlAction("Open", "https://example.com/build/1"));
            """);
        await Verify.AnalyzeAsync(
            source,
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Action.Submit", "RingCentral", "a card posted through a RingCentral incoming webhook has no outbound URL, so the click goes nowhere"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Action.Submit", "Teams", "a card posted by a Teams workflow has no bot behind it, so the click goes nowhere"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Input.Text", "RingCentral", "input values are only delivered by Action.Submit, which has nowhere to go from a RingCentral incoming webhook"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Input.Text", "Teams", "input values are only delivered by Action.Submit or Action.Execute, which have no bot to go to from a Teams workflow"));
    }

    [Fact]
    public async Task CARDGEN006_reports_an_element_Teams_drops_only_for_Teams()
    {
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Summary = "S", Host = ChatHost.RingCentral | ChatHost.Teams""", """
                b.AddElement({|#0:new Media { Sources = { new MediaSource("https://example.com/demo.mp4", "video/mp4") } }|});
                """),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Media", "Teams", "Teams does not render Media elements; link to the video with an Action.OpenUrl"));
    }

    [Fact]
    public async Task CARDGEN006_reports_execute_on_Teams_as_an_error()
    {
        await Verify.AnalyzeAsync(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Teams""", "b.AddAction({|#0:new ExecuteAction(\"Run\", \"run\")|});"),
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Action.Execute", "Teams", "Action.Execute needs a Teams bot to answer it, and a card posted by a workflow has none"));
    }

    [Fact]
    public async Task CARDGEN011_reports_the_action_each_host_drops_first_and_the_summary_only_for_RingCentral()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Host = ChatHost.Teams)]
            public partial class TeamsWithoutSummary
            {
                [CardAction("1")] public Uri? A1 { get; set; }
                [CardAction("2")] public Uri? A2 { get; set; }
                [CardAction("3")] public Uri? A3 { get; set; }
                [CardAction("4")] public Uri? A4 { get; set; }
                [CardAction("5")] public Uri? A5 { get; set; }
                [CardAction("6")] public Uri? A6 { get; set; }
                [{|#0:CardAction("7")|}] public Uri? A7 { get; set; }
            }

            [{|#1:ChatCard|}(Title = "T", Host = ChatHost.RingCentral | ChatHost.Teams)]
            public partial class Both
            {
                [CardAction("1")] public Uri? A1 { get; set; }
                [CardAction("2")] public Uri? A2 { get; set; }
                [CardAction("3")] public Uri? A3 { get; set; }
                [CardAction("4")] public Uri? A4 { get; set; }
                [CardAction("5")] public Uri? A5 { get; set; }
                [{|#2:CardAction("6")|}] public Uri? A6 { get; set; }
                [{|#3:CardAction("7")|}] public Uri? A7 { get; set; }
            }
            """,
            Verify.Diagnostic("CARDGEN011", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("TeamsWithoutSummary", "has more than 6 actions; Teams shows at most 6 in a row and drops the rest"),
            Verify.Diagnostic("CARDGEN011", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Both", "has no Summary; RingCentral shows it as the notification text, and without it mobile notifications read \"New Card Sent\""),
            Verify.Diagnostic("CARDGEN011", DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("Both", "has more than 5 actions; RingCentral shows at most 5 in a row and drops the rest"),
            Verify.Diagnostic("CARDGEN011", DiagnosticSeverity.Warning).WithLocation(3)
                .WithArguments("Both", "has more than 6 actions; Teams shows at most 6 in a row and drops the rest"));
    }

    [Fact]
    public async Task A_host_value_with_a_bit_no_host_has_is_reported()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S", {|#0:Host = (ChatHost)8|})]
            public partial class Card
            {
            }
            """,
            Verify.Diagnostic("CARDGEN007", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Host value 8", "it is not a ChatHost value"));
    }
}
