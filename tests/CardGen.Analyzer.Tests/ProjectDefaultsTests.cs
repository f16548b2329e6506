namespace CardGen.Analyzer.Tests;

/// <summary>The rules honour the MSBuild defaults and [assembly: ChatCardDefaults], with the generator's precedence.</summary>
public sealed class ProjectDefaultsTests
{
    private const string StyledCard = """
        [ChatCard(Title = "T", Summary = "S")]
        public partial class Card
        {
            [CardAction("Open", {|#0:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
        }
        """;

    [Fact]
    public async Task The_MSBuild_default_version_applies_to_cards_without_a_version()
    {
        await Verify.AnalyzeAsync(
            StyledCard,
            "build_property.CardGenDefaultVersion = 1.1",
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0).WithArguments("The Action.OpenUrl style 'positive'", "1.2", "Card", "1.1", ""));
    }

    [Fact]
    public async Task The_card_attribute_wins_over_the_MSBuild_default()
    {
        await Verify.AnalyzeAsync(
            StyledCard.Replace("Summary = \"S\"", "Summary = \"S\", Version = \"1.2\"", StringComparison.Ordinal),
            "build_property.CardGenDefaultVersion = 1.1");
    }

    [Fact]
    public async Task The_assembly_attribute_wins_over_the_MSBuild_default()
    {
        await Verify.AnalyzeAsync(
            "[assembly: ChatCardDefaults(Version = \"1.2\")]\n" + StyledCard,
            "build_property.CardGenDefaultVersion = 1.1");
    }

    [Fact]
    public async Task The_assembly_default_version_applies_and_is_reported_on_the_card_when_too_new()
    {
        await Verify.AnalyzeAsync(
            """
            [assembly: ChatCardDefaults(Version = "1.0")]

            [{|#1:ChatCard|}(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardAction("Open", {|#0:Style = ActionStyle.Positive|})] public Uri? Link { get; set; }
            }
            """,
            Verify.Diagnostic("CARDGEN005", DiagnosticSeverity.Error).WithLocation(0).WithArguments("The Action.OpenUrl style 'positive'", "1.2", "Card", "1.0", ""));

        await Verify.AnalyzeAsync(
            """
            [assembly: ChatCardDefaults(Version = "1.5")]

            [{|#0:ChatCard|}(Title = "T", Summary = "S")]
            public partial class Card
            {
            }
            """,
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("The version from [assembly: ChatCardDefaults] \"1.5\"", "RingCentral", "RingCentral renders Adaptive Cards up to 1.3, and shows a newer card's fallback text instead"));
    }

    [Fact]
    public async Task The_default_host_decides_the_host_rules()
    {
        const string NoSummary = """
            [ChatCard(Title = "T")]
            public partial class Card
            {
            }
            """;
        await Verify.AnalyzeAsync(NoSummary, "build_property.CardGenDefaultHost = Generic");
        await Verify.AnalyzeAsync("[assembly: ChatCardDefaults(Host = ChatHost.Generic)]\n" + NoSummary, "build_property.CardGenDefaultHost = RingCentral");
        await Verify.AnalyzeAsync(
            "[assembly: ChatCardDefaults(Host = ChatHost.Generic)]\n" + NoSummary.Replace("[ChatCard(", "[{|CARDGEN011:ChatCard|}(Host = ChatHost.RingCentral, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_MSBuild_version_is_reported_on_each_card()
    {
        await Verify.AnalyzeAsync(
            """
            [{|CARDGEN007:ChatCard|}(Title = "T", Summary = "S")]
            public partial class Card
            {
            }
            """,
            "build_property.CardGenDefaultVersion = latest");
    }

    [Fact]
    public async Task A_default_host_that_names_no_host_is_reported_on_each_card_that_uses_it()
    {
        const string Cards = """
            [{|#0:ChatCard|}(Title = "T", Summary = "S")]
            public partial class Card
            {
            }

            [ChatCard(Title = "T", Summary = "S", Host = ChatHost.RingCentral)]
            public partial class Explicit
            {
            }
            """;
        await Verify.AnalyzeAsync(
            Cards,
            "build_property.CardGenDefaultHost = Slack",
            Verify.Diagnostic("CARDGEN007", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("The host from the CardGenDefaultHost MSBuild property \"Slack\"", "it is not a ChatHost value (RingCentral, Teams or Generic)"));
        await Verify.AnalyzeAsync(
            "[assembly: ChatCardDefaults(Host = (ChatHost)9)]\n" + Cards,
            "build_property.CardGenDefaultHost = Generic",
            Verify.Diagnostic("CARDGEN007", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("The host from [assembly: ChatCardDefaults] \"9\"", "it is not a ChatHost value (RingCentral, Teams or Generic)"));
    }

    [Fact]
    public async Task The_MSBuild_host_is_read_in_any_case()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T")]
            public partial class Card
            {
            }
            """,
            "build_property.CardGenDefaultHost = generic");
    }

    [Fact]
    public async Task The_MSBuild_host_may_name_several_hosts_and_each_is_checked()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S", {|#0:Version = "1.5"|})]
            public partial class Card
            {
            }
            """,
            "build_property.CardGenDefaultHost = RingCentral, teams",
            Verify.Diagnostic("CARDGEN006", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Version \"1.5\"", "RingCentral", "RingCentral renders Adaptive Cards up to 1.3, and shows a newer card's fallback text instead"));
    }
}
