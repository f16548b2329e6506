namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN003: Title and Summary placeholders, reported inside the string literal.</summary>
public sealed class TemplateRuleTests
{
    [Fact]
    public async Task An_unknown_member_is_reported_at_its_name_inside_the_literal_with_a_suggestion()
    {
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "Build {{|#0:Nmae|}} failed", Summary = "{Name} on {{|#1:Brnch|}:u}")]
            public partial class Build
            {
                public string Name { get; set; } = "";
                public DateTimeOffset Branch { get; set; }
            }
            """,
            Verify.Diagnostic("CARDGEN003", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("'{Nmae}' in Title", "Build", "no readable property or field is named 'Nmae'; did you mean 'Name'?"),
            Verify.Diagnostic("CARDGEN003", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("'{Brnch}' in Summary", "Build", "no readable property or field is named 'Brnch'; did you mean 'Branch'?"));
    }

    [Fact]
    public async Task Spans_are_exact_in_verbatim_raw_and_escaped_literals()
    {
        await Verify.AnalyzeAsync(""""
            [ChatCard(Title = @"Build ""{{|CARDGEN003:Nmae|}}""", Summary = "\u0042uild\t{{|CARDGEN003:Nmae|}}")]
            public partial class Build
            {
                public string Name { get; set; } = "";
            }

            [ChatCard(Title = """Raw "{{|CARDGEN003:Nmae|}}" """, Summary = "S")]
            public partial class Raw
            {
                public string Name { get; set; } = "";
            }
            """");
    }

    [Fact]
    public async Task A_member_a_template_cannot_format_and_an_invalid_format_are_reported()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "{{|CARDGEN003:Tags|}}", Summary = "{Ratio:{|CARDGEN003:D|}} and {When:{|CARDGEN003:Q|}} and {Level:{|CARDGEN003:Z|}} and {Name:{|CARDGEN003:N2|}}")]
            public partial class Build
            {
                public List<string> Tags { get; set; } = new();
                public double Ratio { get; set; }
                public DateTime When { get; set; }
                public DayOfWeek Level { get; set; }
                public string Name { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task A_malformed_template_is_reported_at_the_brace()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "Build {|CARDGEN003:{|}Name", Summary = "Done {|CARDGEN003:}|}")]
            public partial class Build
            {
                public string Name { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task A_constant_template_is_reported_at_the_argument()
    {
        await Verify.AnalyzeAsync("""
            public static class Templates
            {
                public const string Title = "Build {Nmae}";
            }

            [ChatCard({|CARDGEN003:Title = Templates.Title|}, Summary = "S")]
            public partial class Build
            {
                public string Name { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task Valid_templates_raise_nothing()
    {
        await Verify.AnalyzeAsync(""""
            public abstract class Base
            {
                public string Project { get; set; } = "";
                private string Hidden { get; set; } = "";
            }

            public enum Level { Low, High }

            [ChatCard(Title = "Build {Number:N0} of {Project} {{literal}}", Summary = """{@class} at {When:yyyy-MM-dd} {Ratio:P1} {Level:G} {Took:c} {Id:N} {Uri}""")]
            public partial class Build : Base
            {
                public int Number { get; set; }
                public string? @class { get; set; }
                public DateTimeOffset When { get; set; }
                public double Ratio;
                public Level Level { get; set; }
                public TimeSpan Took { get; set; }
                public Guid Id { get; set; }
                public Uri? Uri { get; set; }
            }
            """");
    }
}
