using CardGen.CodeFixes;

namespace CardGen.Analyzer.Tests;

/// <summary>CARDGEN024's code fix: the member a template binding names is added to the type the binding reads.</summary>
public sealed class TemplateCodeFixTests
{
    [Fact]
    public async Task CARDGEN024_adds_the_missing_member_to_the_card()
    {
        var test = new Verify.CodeFixTest<AddTemplateMemberCodeFixProvider>
        {
            TestCode = Verify.Usings + """"
                [ChatCard(TemplateJson = """
                    { "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "${Service} to ${{|CARDGEN024:stage|}}" } ] }
                    """)]
                public partial class Deployed
                {
                    public string Service { get; set; } = "";
                }
                """",
            FixedCode = Verify.Usings + """"
                [ChatCard(TemplateJson = """
                    { "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "${Service} to ${stage}" } ] }
                    """)]
                public partial class Deployed
                {
                    public string Service { get; set; } = "";
                    public string? Stage { get; set; }
                }
                """",
            CodeActionEquivalenceKey = AddTemplateMemberCodeFixProvider.EquivalenceKey,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task CARDGEN024_adds_a_member_of_nested_data_to_that_type()
    {
        var test = new Verify.CodeFixTest<AddTemplateMemberCodeFixProvider>
        {
            TestCode = Verify.Usings + """"
                [ChatCard(TemplateJson = """
                    { "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "$data": "${Steps}", "text": "${{|CARDGEN024:Seconds|}}" } ] }
                    """)]
                public partial class Build
                {
                    public List<Step> Steps { get; set; } = new();
                }

                public class Step
                {
                    public string Name { get; set; } = "";
                }
                """",
            FixedCode = Verify.Usings + """"
                [ChatCard(TemplateJson = """
                    { "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "$data": "${Steps}", "text": "${Seconds}" } ] }
                    """)]
                public partial class Build
                {
                    public List<Step> Steps { get; set; } = new();
                }

                public class Step
                {
                    public string Name { get; set; } = "";
                    public string? Seconds { get; set; }
                }
                """",
            CodeActionEquivalenceKey = AddTemplateMemberCodeFixProvider.EquivalenceKey,
        };

        await test.RunAsync();
    }
}
