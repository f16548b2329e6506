using Microsoft.CodeAnalysis.Testing;

namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN001, 002, 009, 013 and 014: what the generator needs of the type and its members.</summary>
public sealed class ShapeRuleTests
{
    [Fact]
    public async Task CARDGEN001_reports_a_card_type_that_is_not_partial_at_its_name()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "Build {Number}", Summary = "S")]
            public class {|CARDGEN001:BuildFailed|}
            {
                public int Number { get; set; }
            }

            [CardPart]
            public sealed class {|CARDGEN001:Comment|}
            {
                [CardText] public string? Body { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN001_is_quiet_for_partial_types()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "Build {Number}", Summary = "S")]
            public partial class BuildFailed
            {
                public int Number { get; set; }
            }

            [CardPart]
            public sealed partial class Comment
            {
                [CardText] public string? Body { get; set; }
            }

            public class NotACard
            {
                [CardText] public string? Body { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN002_reports_generic_ref_struct_and_nested_in_non_partial_types()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class {|CARDGEN002:Box|}<T>
            {
            }

            [ChatCard(Title = "T", Summary = "S")]
            public ref partial struct {|CARDGEN002:Span|}
            {
            }

            public class Outer
            {
                [ChatCard(Title = "T", Summary = "S")]
                public partial class {|CARDGEN002:Inner|}
                {
                }
            }

            public partial class Generic<T>
            {
                [ChatCard(Title = "T", Summary = "S")]
                public partial class {|CARDGEN002:InGeneric|}
                {
                }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN002_reports_a_file_local_type_and_one_nested_in_a_file_local_type()
    {
        // The generated code is another file, which cannot add to a file-local type.
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S")]
            file partial class {|#0:Local|}
            {
            }

            file partial class Outer
            {
                [ChatCard(Title = "T", Summary = "S")]
                public partial class {|#1:Inner|}
                {
                }
            }
            """,
            Verify.Diagnostic("CARDGEN002", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Local", "it is file-local, and the generated code is in another file, which cannot add to it"),
            Verify.Diagnostic("CARDGEN002", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Inner", "it is nested in the file-local type 'Outer', and the generated code is in another file, which cannot add to it"));
    }

    [Fact]
    public async Task CARDGEN002_reports_a_static_class()
    {
        // A card is rendered from an instance; a static class has none, so it gets no code and must hear why.
        await Verify.AnalyzeAsync(
            """
            [ChatCard(Title = "T", Summary = "S")]
            public static partial class {|#0:Announcement|}
            {
            }
            """,
            Verify.Diagnostic("CARDGEN002", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Announcement", "it is static, and a card is rendered from an instance of it"));
    }

    [Fact]
    public async Task CARDGEN002_is_quiet_when_every_containing_type_is_partial()
    {
        await Verify.AnalyzeAsync("""
            public partial class Outer
            {
                public partial struct Middle
                {
                    [ChatCard(Title = "T", Summary = "S")]
                    public partial record Inner;
                }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN002_message_names_the_non_partial_container()
    {
        await Verify.AnalyzeAsync(
            """
            public class Outer
            {
                [ChatCard(Title = "T", Summary = "S")]
                public partial class {|#0:Inner|}
                {
                }
            }
            """,
            Verify.Diagnostic("CARDGEN002", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Inner", "it is nested in 'Outer', which is not partial; declare 'Outer' partial too"));
    }

    [Fact]
    public async Task CARDGEN009_reports_a_card_with_no_title_and_no_mapped_member()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Summary = "Nothing")]
            public partial class {|CARDGEN009:Empty|}
            {
                public string Name { get; set; } = "";
                [CardIgnore, {|CARDGEN014:CardText|}] public string Hidden { get; set; } = "";
            }

            [ChatCard(Title = "", Summary = "Nothing")]
            public partial class {|CARDGEN009:BlankTitle|}
            {
            }

            [ChatCard(Title = "  ", Summary = "Nothing")]
            public partial class {|CARDGEN009:WhitespaceTitle|}
            {
            }
            """);
    }

    [Fact]
    public async Task CARDGEN009_is_quiet_with_a_title_or_a_mapped_member()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "Deployed", Summary = "S")]
            public partial class TitleOnly
            {
            }

            [ChatCard(Summary = "S")]
            public partial class MemberOnly
            {
                [CardText] public string Name { get; set; } = "";
            }

            public abstract class Base
            {
                [CardFact("Project")] public string Project { get; set; } = "";
            }

            [ChatCard(Summary = "S")]
            public partial class Derived : Base
            {
            }
            """);
    }

    [Fact]
    public async Task CARDGEN013_reports_an_action_in_a_card_part()
    {
        await Verify.AnalyzeAsync("""
            [CardPart]
            public partial class Comment
            {
                [CardText] public string Body { get; set; } = "";
                [{|CARDGEN013:CardAction("Open")|}] public Uri? Link { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN013_is_quiet_for_an_action_in_a_card()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardAction("Open")] public Uri? Link { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN014_reports_a_second_mapping_attribute_and_one_under_CardIgnore()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardText, {|CARDGEN014:CardFact("Name")|}] public string Name { get; set; } = "";
                [CardIgnore, {|CARDGEN014:CardText|}] public string Secret { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task CARDGEN014_is_quiet_for_one_attribute_per_member()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class Card
            {
                [CardText] public string Name { get; set; } = "";
                [CardIgnore] public string Secret { get; set; } = "";
                [CardFact("Owner", Order = 2)] public string Owner { get; set; } = "";
            }
            """);
    }
}
