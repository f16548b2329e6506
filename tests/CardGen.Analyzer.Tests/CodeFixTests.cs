using CardGen.CodeFixes;

namespace CardGen.Analyzer.Tests;

/// <summary>Before and after for every code fix, one by one and with Fix All.</summary>
public sealed class CodeFixTests
{
    private static Task RunAsync<TFix>(string before, string after, string? key = null, int? index = null, string? globalConfig = null, int? fixAllIterations = null)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new Verify.CodeFixTest<TFix>
        {
            TestCode = Verify.Usings + before,
            FixedCode = Verify.Usings + after,
            CodeActionEquivalenceKey = key,
            CodeActionIndex = index,
        };
        if (fixAllIterations is { } iterations)
        {
            test.NumberOfFixAllIterations = iterations;
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task CARDGEN001_adds_partial_to_every_flagged_type()
    {
        await RunAsync<AddPartialCodeFixProvider>(
            """
            [ChatCard(Title = "T", Summary = "S")]
            public sealed class {|CARDGEN001:Build|}
            {
            }

            [ChatCard(Title = "T", Summary = "S")]
            record {|CARDGEN001:Deploy|};

            [CardPart]
            public class {|CARDGEN001:Part|}
            {
                [CardText] public string Text { get; set; } = "";
            }
            """,
            """
            [ChatCard(Title = "T", Summary = "S")]
            public sealed partial class Build
            {
            }

            [ChatCard(Title = "T", Summary = "S")]
            partial record Deploy;

            [CardPart]
            public partial class Part
            {
                [CardText] public string Text { get; set; } = "";
            }
            """,
            AddPartialCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task CARDGEN002_makes_the_containing_types_partial()
    {
        await RunAsync<AddPartialCodeFixProvider>(
            """
            public static class Outer
            {
                internal class Middle
                {
                    [ChatCard(Title = "T", Summary = "S")]
                    public partial class {|CARDGEN002:Inner|}
                    {
                    }
                }
            }
            """,
            """
            public static partial class Outer
            {
                internal partial class Middle
                {
                    [ChatCard(Title = "T", Summary = "S")]
                    public partial class Inner
                    {
                    }
                }
            }
            """,
            AddPartialCodeFixProvider.ContainersEquivalenceKey);
    }

    [Fact]
    public async Task CARDGEN003_replaces_the_placeholder_with_the_closest_member()
    {
        await RunAsync<UseClosestMemberCodeFixProvider>(
            """"
            [ChatCard(Title = "Build {{|CARDGEN003:Nubmer|}:N0} of {{|CARDGEN003:project|}}", Summary = @"{{|CARDGEN003:Projetc|}} ""red""")]
            public partial class Build
            {
                public int Number { get; set; }
                public string Project { get; set; } = "";
            }
            """",
            """"
            [ChatCard(Title = "Build {Number:N0} of {Project}", Summary = @"{Project} ""red""")]
            public partial class Build
            {
                public int Number { get; set; }
                public string Project { get; set; } = "";
            }
            """",
            UseClosestMemberCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task CARDGEN003_offers_nothing_without_a_close_member()
    {
        const string Source = """
            [ChatCard(Title = "Build {{|CARDGEN003:Completely|}}", Summary = "S")]
            public partial class Build
            {
                public int Number { get; set; }
            }
            """;
        await RunAsync<UseClosestMemberCodeFixProvider>(Source, Source);
    }

    [Fact]
    public async Task CARDGEN011_adds_a_summary_from_the_title()
    {
        await RunAsync<AddSummaryCodeFixProvider>(
            """
            [{|CARDGEN011:ChatCard|}(Title = "Build {Number} failed", Version = "1.3")]
            public partial class Build
            {
                public int Number { get; set; }
            }

            [{|CARDGEN011:ChatCard|}(Title = "Deployed")]
            public partial class Deployed
            {
            }
            """,
            """
            [ChatCard(Title = "Build {Number} failed", Summary = "Build {Number} failed", Version = "1.3")]
            public partial class Build
            {
                public int Number { get; set; }
            }

            [ChatCard(Title = "Deployed", Summary = "Deployed")]
            public partial class Deployed
            {
            }
            """,
            AddSummaryCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task CARDGEN005_raises_the_version_in_the_attribute()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            """
            [ChatCard(Title = "T", Summary = "S", Version = "1.1")]
            public partial class Card
            {
                [CardAction("Open", {|CARDGEN005:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
            }
            """,
            """
            [ChatCard(Title = "T", Summary = "S", Version = "1.2")]
            public partial class Card
            {
                [CardAction("Open", Style = ActionStyle.Positive)] public Uri? Link { get; set; }
            }
            """,
            CardVersionCodeFixProvider.RaiseVersionKey);
    }

    [Fact]
    public async Task CARDGEN005_adds_a_version_when_the_card_takes_the_project_default()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            """
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardAction("Open", {|CARDGEN005:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
            }
            """,
            """
            [ChatCard(Title = "T", Summary = "S", Version = "1.2")]
            public partial class Card
            {
                [CardAction("Open", Style = ActionStyle.Positive)] public Uri? Link { get; set; }
            }
            """,
            CardVersionCodeFixProvider.RaiseVersionKey,
            globalConfig: "build_property.CardGenDefaultVersion = 1.0");
    }

    [Fact]
    public async Task CARDGEN005_fix_all_raises_each_card_once_to_the_highest_version_needed()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
                b.AddElement(new TextInput("name") { {|CARDGEN005:Label = "Name"|} })
                 .AddElement({|CARDGEN005:new Table()|})
                 .AddAction({|CARDGEN005:new ExecuteAction("Run", "run")|});
                """),
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.5" """, """
                b.AddElement(new TextInput("name") { Label = "Name" })
                 .AddElement(new Table())
                 .AddAction(new ExecuteAction("Run", "run"));
                """),
            CardVersionCodeFixProvider.RaiseVersionKey,
            fixAllIterations: 1);
    }

    [Fact]
    public async Task CARDGEN005_raises_the_version_of_a_card_declared_in_another_file()
    {
        const string Card = """
            [ChatCard(Title = "T", Host = ChatHost.Generic, Version = "1.2")]
            public partial class Deploy
            {
                public sealed class CardBuilder : ChatCardBuilder<CardBuilder>
                {
                    protected override AdaptiveCard RenderCard() => new AdaptiveCard();

                    protected override WebhookMessage CreateMessage(AdaptiveCard card) => new WebhookMessage();
                }
            }
            """;
        const string Use = """
            public static class Use
            {
                public static void Build(Deploy.CardBuilder b) => b.AddElement({|CARDGEN005:new Table()|}).AddAction({|CARDGEN005:new ExecuteAction("Run", "run")|});
            }
            """;
        var test = new Verify.CodeFixTest<CardVersionCodeFixProvider>
        {
            CodeActionEquivalenceKey = CardVersionCodeFixProvider.RaiseVersionKey,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("Card.cs", Verify.Usings + Card));
        test.TestState.Sources.Add(("Use.cs", Verify.Usings + Use));
        test.FixedState.Sources.Add(("Card.cs", Verify.Usings + Card.Replace("1.2", "1.5", StringComparison.Ordinal)));
        test.FixedState.Sources.Add(("Use.cs", Verify.Usings + Use.Replace("{|CARDGEN005:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task CARDGEN005_removes_an_attribute_argument()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            """
            [CardPart]
            public partial class Details
            {
                [CardText] public string Text { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S", Version = "1.1")]
            public partial class Card
            {
                [CardAction("Open", {|CARDGEN005:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
                [CardSection({|CARDGEN005:Style = ContainerStyle.Good|})] public Details? More { get; set; }
                [CardSection(Title = "Other", {|CARDGEN005:Style = ContainerStyle.Warning|}, Order = 2)] public Details? Other { get; set; }
            }
            """,
            """
            [CardPart]
            public partial class Details
            {
                [CardText] public string Text { get; set; } = "";
            }

            [ChatCard(Title = "T", Summary = "S", Version = "1.1")]
            public partial class Card
            {
                [CardAction("Open")] public Uri? Link { get; set; }
                [CardSection] public Details? More { get; set; }
                [CardSection(Title = "Other", Order = 2)] public Details? Other { get; set; }
            }
            """,
            CardVersionCodeFixProvider.RemoveFeatureKey);
    }

    [Fact]
    public async Task CARDGEN005_removes_assignments_elements_and_calls_with_fix_all()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
                b.AddElement(new TextBlock("x") { Wrap = true, {|CARDGEN005:Style = TextBlockStyle.Heading|} })
                 .AddElement(new TextBlock("y") { {|CARDGEN005:Style = TextBlockStyle.Heading|} })
                 .AddElement({|CARDGEN005:new Table()|})
                 .AddElement(new Container { Items = { new TextBlock("a"), {|CARDGEN005:new Table()|} } });
                b.AddAction({|CARDGEN005:new ExecuteAction("Run", "run")|});
                """),
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
                b.AddElement(new TextBlock("x") { Wrap = true })
                 .AddElement(new TextBlock("y"))
                 .AddElement(new Container { Items = { new TextBlock("a") } });
                """),
            CardVersionCodeFixProvider.RemoveFeatureKey,
            fixAllIterations: 1);
    }

    [Fact]
    public async Task CARDGEN005_offers_only_removal_when_the_host_cannot_render_the_version()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            Sources.BuilderCard("""Title = "T", Summary = "S" """, """
                b.AddElement(new TextBlock("x")).AddElement({|CARDGEN005:new Table()|});
                """),
            Sources.BuilderCard("""Title = "T", Summary = "S" """, """
                b.AddElement(new TextBlock("x"));
                """),
            index: 0);
    }

    [Fact]
    public async Task CARDGEN005_removes_calls_inside_Configure_callbacks()
    {
        await RunAsync<CardVersionCodeFixProvider>(
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
                b.Configure(c =>
                {
                    c.AddElement({|CARDGEN005:new Table()|});
                    c.AddText("kept");
                });
                b.Configure(c => c.AddElement({|CARDGEN005:new Table()|}));
                b.Configure(c => c.AddText("kept").AddElement({|CARDGEN005:new Table()|}));
                """),
            Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
                b.Configure(c =>
                {
                    c.AddText("kept");
                });
                b.Configure(c => { });
                b.Configure(c => c.AddText("kept"));
                """),
            CardVersionCodeFixProvider.RemoveFeatureKey,
            fixAllIterations: 1);
    }

    [Fact]
    public async Task CARDGEN015_replaces_the_colour_literal_with_the_hex_it_meant()
    {
        await RunAsync<LegacyColorCodeFixProvider>(
            """
            public static class Cards
            {
                public static CardGen.Legacy.LegacyCard Build() => new()
                {
                    Color = {|CARDGEN015:"good"|},
                    Fallback = "f",
                };

                public static CardGen.Legacy.LegacyCard Short() => new() { Color = {|CARDGEN015:"#0F2"|} };
            }
            """,
            """
            public static class Cards
            {
                public static CardGen.Legacy.LegacyCard Build() => new()
                {
                    Color = "#2eb886",
                    Fallback = "f",
                };

                public static CardGen.Legacy.LegacyCard Short() => new() { Color = "#00FF22" };
            }
            """);
    }

    [Fact]
    public async Task CARDGEN015_offers_no_fix_for_a_colour_it_cannot_guess_or_a_constant_declared_elsewhere()
    {
        await RunAsync<LegacyColorCodeFixProvider>(
            """
            public static class Cards
            {
                private const string Brand = "red";
                public static CardGen.Legacy.LegacyCard A() => new() { Color = {|CARDGEN015:"brandish"|} };
                public static CardGen.Legacy.LegacyCard B() => new() { Color = {|CARDGEN015:Brand|} };
            }
            """,
            """
            public static class Cards
            {
                private const string Brand = "red";
                public static CardGen.Legacy.LegacyCard A() => new() { Color = {|CARDGEN015:"brandish"|} };
                public static CardGen.Legacy.LegacyCard B() => new() { Color = {|CARDGEN015:Brand|} };
            }
            """);
    }
}
