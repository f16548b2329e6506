namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN007 (invalid literals) and CARDGEN008 (ids used twice).</summary>
public sealed class LiteralAndIdRuleTests
{
    [Fact]
    public async Task CARDGEN007_reports_invalid_attribute_literals_at_the_argument()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S", {|CARDGEN007:Version = "1.x"|})]
            public partial class BadVersion
            {
            }

            [ChatCard(Title = "T", Summary = "S", {|CARDGEN007:IconUrl = "icons/ci.png"|}, {|CARDGEN007:Host = (ChatHost)8|})]
            public partial class BadIcon
            {
            }

            [ChatCard(Title = "T", Summary = "S")]
            public partial class BadMembers
            {
                [CardAction({|CARDGEN007:" "|})] public Uri? Open { get; set; }
                [CardFact({|CARDGEN007:null!|})] public string? Owner { get; set; }
                [CardFact("Ratio", {|CARDGEN007:Format = "D"|})] public double Ratio { get; set; }
                [CardText({|CARDGEN007:Format = "N2"|})] public string? Text { get; set; }
                [CardText({|CARDGEN007:MaxLines = -1|})] public string? Log { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN007_reports_enum_arguments_outside_their_enum_at_the_argument()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S")]
            public partial class OutOfRange
            {
                [CardText({|CARDGEN007:Size = (FontSize)99|}, {|CARDGEN007:Weight = (FontWeight)(-1)|}, {|CARDGEN007:Color = (TextColor)7|})] public string? Text { get; set; }
                [CardImage({|CARDGEN007:Size = (ImageSize)5|}, {|CARDGEN007:Style = (ImageStyle)2|})] public Uri? Picture { get; set; }
                [CardAction("Open", {|CARDGEN007:Style = (ActionStyle)3|})] public Uri? Open { get; set; }
                [CardSection({|CARDGEN007:Style = (ContainerStyle)6|})] public Detail? Detail { get; set; }
            }

            [CardPart]
            public partial class Detail
            {
                [CardText({|CARDGEN007:Size = (FontSize)5|})] public string? Line { get; set; }
            }
            """);
    }

    [Fact]
    public async Task CARDGEN007_is_quiet_for_valid_attribute_literals()
    {
        await Verify.AnalyzeAsync("""
            [ChatCard(Title = "T", Summary = "S", Version = "1.2", IconUrl = "https://example.com/ci.png")]
            public partial class Good
            {
                [CardAction("Open")] public Uri? Open { get; set; }
                [CardFact] public string? Owner { get; set; }
                [CardFact("Ratio", Format = "P1")] public double Ratio { get; set; }
                [CardText(Format = "yyyy-MM-dd", MaxLines = 2)] public DateTime When { get; set; }
            }

            [ChatCard(Title = "T", Summary = "S", IconUrl = "data:image/png;base64,iVBORw0KGgo=")]
            public partial class DataIcon
            {
            }
            """);
    }

    [Fact]
    public async Task CARDGEN007_reports_invalid_literals_in_builder_calls_at_the_value()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Summary = "S" """, """
            b.AddElement(new Image({|CARDGEN007:"images/a.png"|}) { BackgroundColor = {|CARDGEN007:"red"|}, Width = {|CARDGEN007:"80"|} })
             .AddElement(new Container { MinHeight = {|CARDGEN007:"tall"|} })
             .AddAction(new OpenUrlAction({|CARDGEN007:""|}, "https://example.com/a"))
             .AddAction(new OpenUrlAction("Open", {|CARDGEN007:"https://exa mple.com"|}));
            """));
    }

    [Fact]
    public async Task CARDGEN007_reports_widths_the_validator_rejects()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddElement(new ColumnSet { Columns = { new Column { Width = {|CARDGEN007:"abc"|} }, new Column { Width = {|CARDGEN007:0|} } } })
             .AddElement(new Table { Columns = { new TableColumnDefinition({|CARDGEN007:"2"|}), new TableColumnDefinition({|CARDGEN007:-1.5|}) } });
            """));
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddElement(new ColumnSet { Columns = { new Column { Width = "auto" }, new Column { Width = "stretch" }, new Column { Width = "2" }, new Column { Width = 1.5 }, new Column { Width = "80px" } } })
             .AddElement(new Table { Columns = { new TableColumnDefinition(2), new TableColumnDefinition("120px") } });
            """));
    }

    [Fact]
    public async Task CARDGEN007_is_quiet_for_valid_builder_literals()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Summary = "S" """, """
            b.AddElement(new Image("https://example.com/a.png") { BackgroundColor = "#FF0000", Width = "80px" })
             .AddElement(new Container { MinHeight = "120px" })
             .AddAction(new OpenUrlAction("Open", "https://example.com/a"));
            """));
    }

    [Fact]
    public async Task CARDGEN008_reports_an_id_used_twice_along_a_builder_chain_and_inside_one_element()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddElement(new TextInput("name"))
             .AddElement(new TextInput({|CARDGEN008:"name"|}))
             .AddElement(new Container(new TextBlock("a") { Id = "x" }, new TextBlock("b") { Id = {|CARDGEN008:"x"|} }))
             .AddAction(new SubmitAction("Send") { Id = "send" })
             .AddAction(new OpenUrlAction("Open", "https://example.com/a") { Id = {|CARDGEN008:"send"|} });
            """));
    }

    [Fact]
    public async Task CARDGEN008_is_quiet_for_distinct_ids_and_separate_builders()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddElement(new TextInput("name")).AddElement(new TextInput("email"));
            var other = new Deploy.CardBuilder();
            other.AddElement(new TextInput("name"));
            """));
    }

    [Fact]
    public async Task A_Configure_callback_is_checked_against_the_card_and_its_ids_across_statements()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic, Version = "1.2" """, """
            b.AddElement(new TextBlock("x")).Configure(c =>
            {
                c.AddElement({|CARDGEN005:new Table()|});
                c.AddElement(new Image("https://example.com/a.png") { Width = {|CARDGEN007:"80"|} });
                c.AddText("plain").AddElement(new TextInput("name"));
                c.AddElement(new TextInput({|CARDGEN008:"name"|})).AddAction(new SubmitAction("Send") { Id = "send" });
                c.AddAction(new OpenUrlAction("Open", "https://example.com/a") { Id = {|CARDGEN008:"send"|} });

                // Another builder inside the callback is not this card's.
                var nested = new CardGen.Cards.CardBuilder(CardGen.Schema.CardVersion.V1_0);
                nested.AddElement(new Table()).AddElement(new TextInput("name"));
            });
            b.Configure(c => c.AddElement(new TextInput("email")).AddAction({|CARDGEN005:new ExecuteAction("Run", "run")|}));
            """));
    }

    [Fact]
    public async Task CARDGEN008_compares_ids_across_statements_on_one_builder_in_one_block()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            b.AddElement(new TextInput("name"));
            b.Configure(c => c.AddText("x")).AddElement(new TextInput({|CARDGEN008:"name"|}));
            var local = new Deploy.CardBuilder();
            local.AddElement(new TextInput("name"));
            local.AddElement(new TextInput({|CARDGEN008:"name"|}));
            if (b is not null)
            {
                // Another block need not run after the first: not compared.
                b.AddElement(new TextInput("name"));
            }
            else
            {
                b.AddElement(new TextInput("name"));
            }
            """));
    }

    [Fact]
    public async Task CARDGEN008_ignores_ids_in_nested_blocks_of_earlier_statements_and_on_a_replaced_builder()
    {
        await Verify.AnalyzeAsync(Sources.BuilderCard("""Title = "T", Host = ChatHost.Generic""", """
            if (b.GetHashCode() > 0)
            {
                b.AddElement(new TextInput("status"));
                return;
            }

            foreach (var i in new[] { 1, 2 })
            {
                b.AddElement(new TextInput("loop"));
            }

            b.AddElement(new TextInput("status")).AddElement(new TextInput("loop"));
            b.Configure(c => c.AddElement(new TextInput("callback")));
            b.AddElement(new TextInput("callback"));

            var x = new Deploy.CardBuilder();
            x.AddElement(new TextInput("comment"));
            x.Build();
            x = new Deploy.CardBuilder();
            x.AddElement(new TextInput("comment"));
            x.AddElement(new TextInput({|CARDGEN008:"comment"|}));
            """));
    }

    [Theory]
    [InlineData("ChatHost.RingCentral", "2.0")]
    [InlineData("ChatHost.Generic", "1.7")]
    [InlineData("ChatHost.RingCentral", "1.3.0")]
    [InlineData("ChatHost.Generic", "01.5")]
    public async Task CARDGEN007_reports_a_version_the_schema_does_not_have_whatever_the_host(string host, string version)
    {
        await Verify.AnalyzeAsync(
            $$"""
            [ChatCard(Title = "T", Summary = "S", Host = {{host}}, {|#0:Version = "{{version}}"|})]
            public partial class Card
            {
            }
            """,
            Verify.Diagnostic("CARDGEN007", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments($"Version \"{version}\"", $"a version is major.minor, from 1.0 to {CardGen.Schema.CardVersion.Latest}"));
    }
}
