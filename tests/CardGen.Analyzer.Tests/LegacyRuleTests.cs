namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN015–017: constant strings a legacy (v1) message's builders would be refused for at run time, reported at the literal.</summary>
public sealed class LegacyRuleTests
{
    private const string Usings = "using CardGen.Legacy;\n";

    [Fact]
    public async Task CARDGEN015_a_colour_that_is_not_rrggbb_is_reported_at_the_literal()
    {
        await Verify.AnalyzeAsync(Usings + """
            public static class Cards
            {
                public const string Brand = "blue";

                public static LegacyCard Build(LegacyCard other)
                {
                    other.Color = {|CARDGEN015:"#0f2"|};
                    other.Color = {|CARDGEN015:Brand|};
                    return new LegacyCard { Color = {|CARDGEN015:"red"|}, Fallback = "f", Title = "t", Text = "x" };
                }

                public static LegacyCard Fine() => new() { Color = "#00ff2a" };
                public static LegacyCard Upper() => new() { Color = "#00FF2A" };
                public static LegacyCard Runtime(string color) => new() { Color = color };
                public static LegacyCard Unset() => new() { Color = null };
            }
            """);
    }

    [Fact]
    public async Task CARDGEN015_names_the_colour_it_most_likely_meant()
    {
        await Verify.AnalyzeAsync(
            Usings + """
            public static class Cards
            {
                public static LegacyCard A() => new() { Color = {|#0:"good"|} };
                public static LegacyCard B() => new() { Color = {|#1:"00ff2a"|} };
                public static LegacyCard C() => new() { Color = {|#2:"chartreuse-ish"|} };
            }
            """,
            Verify.Diagnostic("CARDGEN015", DiagnosticSeverity.Error).WithLocation(0).WithArguments("good", "; use \"#2eb886\""),
            Verify.Diagnostic("CARDGEN015", DiagnosticSeverity.Error).WithLocation(1).WithArguments("00ff2a", "; use \"#00ff2a\""),
            Verify.Diagnostic("CARDGEN015", DiagnosticSeverity.Error).WithLocation(2).WithArguments("chartreuse-ish", string.Empty));
    }

    [Fact]
    public async Task CARDGEN016_a_field_over_300_bytes_and_text_over_1000_characters_but_not_at_the_limit()
    {
        var at300 = new string('a', 300);
        var over300 = new string('a', 301);
        var twoByte150 = new string('é', 150);
        var twoByte151 = new string('é', 151);
        var text1000 = new string('x', 1000);
        var text1001 = new string('x', 1001);
        await Verify.AnalyzeAsync(Usings + $$"""
            public static class Cards
            {
                public static LegacyCard Build() => new LegacyCard
                {
                    Fallback = "{{at300}}",
                    Title = {|CARDGEN016:"{{over300}}"|},
                    Pretext = "{{twoByte150}}",
                    Footer = {|CARDGEN016:"{{twoByte151}}"|},
                    Text = "{{text1000}}",
                    AuthorName = "{{text1000[..300]}}",
                }
                .AddField("{{at300}}", {|CARDGEN016:"{{over300}}"|})
                .AddField(title: {|CARDGEN016:"{{over300}}"|}, value: "v", style: LegacyFieldStyle.Short);

                public static LegacyCard Long() => new() { Text = {|CARDGEN016:"{{text1001}}"|} };

                public static LegacyField Field() => new({|CARDGEN016:"{{over300}}"|}, "v") { Value = {|CARDGEN016:"{{over300}}"|} };

                // The message's own body and title have no documented limit.
                public static LegacyMessage Message() => new() { Body = "{{text1001}}", Title = "{{over300}}" };
            }
            """);
    }

    [Fact]
    public async Task CARDGEN016_says_how_long_the_value_is()
    {
        await Verify.AnalyzeAsync(
            Usings + $$"""
            public static class Cards
            {
                public static LegacyCard A() => new() { Title = {|#0:"{{new string('a', 301)}}"|} };
                public static LegacyCard B() => new() { Text = {|#1:"{{new string('x', 1001)}}"|} };
            }
            """,
            Verify.Diagnostic("CARDGEN016", DiagnosticSeverity.Error).WithLocation(0).WithArguments("LegacyCard.Title", "takes 301 bytes of UTF-8; RingCentral takes at most 300 in every legacy card field but the text"),
            Verify.Diagnostic("CARDGEN016", DiagnosticSeverity.Error).WithLocation(1).WithArguments("LegacyCard.Text", "has 1001 characters; RingCentral takes at most 1000 in a legacy card's text"));
    }

    [Fact]
    public async Task CARDGEN017_urls_links_may_be_http_images_must_be_https_and_icons_warn()
    {
        await Verify.AnalyzeAsync(
            Usings + """
            public static class Cards
            {
                public static LegacyCard Build() => new LegacyCard
                {
                    TitleLink = "http://intranet.example.com/PROJ-1",
                    AuthorLink = {|#0:"/people/ann"|},
                    ImageUrl = {|#1:"http://example.com/chart.png"|},
                    ThumbnailUrl = {|#2:"http://example.com/t.png"|},
                    AuthorIcon = "https://example.com/ann.png",
                    FooterIcon = {|#3:"javascript:alert(1)"|},
                };

                public static LegacyMessage Message() => new() { Icon = {|#4:"http://example.com/bot.png"|}, Body = "b" };
            }
            """,
            Verify.Diagnostic("CARDGEN017", DiagnosticSeverity.Error).WithLocation(0).WithArguments("LegacyCard.AuthorLink", "is not an absolute http or https URL"),
            Verify.Diagnostic("CARDGEN017", DiagnosticSeverity.Error).WithLocation(1).WithArguments("LegacyCard.ImageUrl", "uses http; RingCentral shows legacy card images only from https URLs, and an http one as a placeholder"),
            Verify.Diagnostic("CARDGEN017", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("LegacyCard.ThumbnailUrl", "uses http; RingCentral loads legacy card images over https, so the icon may not show"),
            Verify.Diagnostic("CARDGEN017", DiagnosticSeverity.Error).WithLocation(3).WithArguments("LegacyCard.FooterIcon", "is not an absolute https URL"),
            Verify.Diagnostic("CARDGEN017", DiagnosticSeverity.Warning).WithLocation(4).WithArguments("LegacyMessage.Icon", "uses http; RingCentral loads legacy card images over https, so the icon may not show"));
    }

    [Fact]
    public async Task A_url_over_300_bytes_in_a_card_is_too_long_and_the_message_icon_is_not_a_card_field()
    {
        var url = "https://example.com/" + new string('p', 281);
        await Verify.AnalyzeAsync(Usings + $$"""
            public static class Cards
            {
                public static LegacyCard Build() => new() { ImageUrl = {|CARDGEN016:"{{url}}"|} };
                public static LegacyMessage Message() => new() { Icon = "{{url}}" };
            }
            """);
    }

    [Fact]
    public async Task Other_types_with_the_same_property_names_raise_nothing()
    {
        await Verify.AnalyzeAsync("""
            public sealed class Theme { public string? Color { get; set; } public string? Text { get; set; } }
            public static class Use
            {
                public static Theme Build() => new() { Color = "red", Text = "x" };
            }
            """);
    }
}
