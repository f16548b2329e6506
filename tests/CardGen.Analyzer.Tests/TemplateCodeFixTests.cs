using CardGen.CodeFixes;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

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
    /// <summary>
    /// A binding in a <c>.card.json</c> file is reported in that AdditionalFiles document (no syntax tree). The CodeFix
    /// testing library (1.1.4) cannot drive this: its <c>CodeFixTest</c> keeps only diagnostics whose
    /// <c>Location.SourceTree</c> belongs to a document and builds every <c>CodeFixContext</c> from a <c>Document</c>, so
    /// a diagnostic in an additional file is never offered to a fixer there. The IDE does offer it, to providers that
    /// export <c>DocumentKinds</c> with <c>AdditionalDocument</c> (Roslyn 4.x); this test does what the IDE does: a real
    /// workspace project with the template as an additional document, the analyzer's diagnostic, and a
    /// <c>CodeFixContext</c> over that additional document.
    /// </summary>
    [Fact]
    public async Task CARDGEN024_in_a_card_json_file_adds_the_missing_member_to_the_card()
    {
        const string template = """{ "type": "AdaptiveCard", "version": "1.3", "body": [ { "type": "TextBlock", "text": "${Service} to ${stage}" } ] }""";
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Cards", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))
            .WithMetadataReferences(Verify.References);
        var source = project.AddDocument("Deployed.cs", Verify.Usings + """
            [ChatCard(Template = "Cards/Deployed.card.json")]
            public partial class Deployed
            {
                public string Service { get; set; } = "";
            }
            """, filePath: "/src/Deployed.cs");
        var card = source.Project.AddAdditionalDocument("Deployed.card.json", Microsoft.CodeAnalysis.Text.SourceText.From(template), filePath: "/src/Cards/Deployed.card.json");
        project = card.Project;

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new CardGen.Generator.Templates.TemplateCardAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CARDGEN024", diagnostic.Id);
        Assert.Null(diagnostic.Location.SourceTree);
        Assert.Equal("/src/Cards/Deployed.card.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("stage", template.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        var actions = new System.Collections.Generic.List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(project.GetAdditionalDocument(card.Id)!, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AddTemplateMemberCodeFixProvider().RegisterCodeFixesAsync(context);

        var fix = Assert.Single(actions);
        Assert.Equal(AddTemplateMemberCodeFixProvider.EquivalenceKey, fix.EquivalenceKey);
        var operations = await fix.GetOperationsAsync(CancellationToken.None);
        var changed = System.Linq.Enumerable.Single(System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>(operations)).ChangedSolution;
        var fixedText = (await changed.GetDocument(source.Id)!.GetTextAsync()).ToString();
        Assert.Contains("public string? Stage { get; set; }", fixedText, StringComparison.Ordinal);
        Assert.Equal(template, (await changed.GetAdditionalDocument(card.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public void The_fix_is_exported_for_additional_documents_so_the_ide_offers_it_in_card_json_files()
    {
        var export = (Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute)Attribute.GetCustomAttribute(typeof(AddTemplateMemberCodeFixProvider), typeof(Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute))!;
        Assert.Contains(nameof(TextDocumentKind.AdditionalDocument), export.DocumentKinds);
        Assert.Contains(nameof(TextDocumentKind.Document), export.DocumentKinds);
    }
}
