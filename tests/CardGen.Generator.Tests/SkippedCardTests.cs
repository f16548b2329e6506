using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// A card with a CARDGEN error the generator cannot write keeps its generated members, whose bodies throw: the user
/// sees the one CARDGEN error, not one CS1061 more for every use of a generated member.
/// </summary>
public sealed class SkippedCardTests
{
    /// <summary>Every generated member of a card and of a part, used as a user's code would.</summary>
    private const string Uses = """

        public static class Uses
        {
            public static async System.Threading.Tasks.Task All(C card, P part, CardGen.WebhookUrl hook, CardGen.ChatHookClient client)
            {
                CardGen.Cards.AdaptiveCard model = card.ToAdaptiveCard();
                string json = card.ToCardJson();
                using (var writer = new System.Text.Json.Utf8JsonWriter(new System.IO.MemoryStream())) { card.WriteCardJson(writer); part.WriteCardElements(writer); }
                CardGen.WebhookMessage message = card.ToWebhookMessage();
                C.CardBuilder builder = C.CreateCardBuilder().WithA("a");
                CardGen.Cards.AdaptiveCard built = card.ToCardBuilder().AddElement(new CardGen.Cards.TextBlock("x")).Build();
                CardGen.WebhookMessage builtMessage = builder.BuildMessage();
                CardGen.ChatHookResponse response = await card.PostToHookAsync(hook);
                response = await card.PostToHookAsync(client, hook, System.Threading.CancellationToken.None);
                var items = new System.Collections.Generic.List<CardGen.Cards.CardElement>();
                part.AppendCardElements(items);
                bool any = part.HasCardElements;
            }
        }
        """;

    private const string Part = "[CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; }\n";

    [Fact]
    public async Task One_wrong_placeholder_and_three_uses_of_generated_members_give_exactly_one_error()
    {
        const string Source = """
            using System;
            using CardGen;
            namespace Demo;

            [ChatCard(Title = "Build {Nmber} failed", Summary = "A build failed")]
            public partial class BuildFailed
            {
                public int Number { get; set; }
                [CardFact("Project")] public string Project { get; set; } = "";
            }

            public static class Use
            {
                public static async System.Threading.Tasks.Task<string> Post(BuildFailed build, WebhookUrl hook)
                {
                    await build.PostToHookAsync(hook);
                    var card = BuildFailed.CreateCardBuilder().WithProject("payments").Build();
                    return build.ToCardJson() + card.ToJson();
                }
            }
            """;
        var run = await AnalyzerHarness.RunAsync(AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, Source)));

        Assert.Empty(run.Crashes());
        var errors = run.CompilerDiagnostics.Concat(run.AnalyzerDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("CARDGEN003", error.Id);
        Assert.Equal("Nmber", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "unknown placeholder", "CARDGEN003", "[ChatCard(Title = \"{Missing}\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "unclosed placeholder", "CARDGEN003", "[ChatCard(Title = \"{A\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "placeholder on a section", "CARDGEN003", "[ChatCard(Title = \"{S}\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardSection] public P? S { get; set; } }" },
        { "image on an int", "CARDGEN004", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardImage] public int N { get; set; } }" },
        { "action on a DateTime", "CARDGEN004", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardAction(\"Go\")] public System.DateTime D { get; set; } }" },
        { "text on an object", "CARDGEN004", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardText] public object? O { get; set; } }" },
        { "fact on a dictionary", "CARDGEN004", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact(\"L\")] public System.Collections.Generic.Dictionary<string, string>? L { get; set; } }" },
        { "section of a skipped part", "CARDGEN004", "[CardPart] public class Q { [CardText] public string B { get; set; } = \"\"; } [ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardSection] public Q? S { get; set; } }" },
        { "bad version", "CARDGEN007", "[ChatCard(Title = \"T\", Version = \"one\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "version above the host", "CARDGEN006", "[ChatCard(Title = \"T\", Version = \"1.5\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "host out of range", "CARDGEN007", "[ChatCard(Title = \"T\", Host = (ChatHost)9)] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "relative icon", "CARDGEN007", "[ChatCard(Title = \"T\", IconUrl = \"icon.png\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" },
        { "empty action title", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardAction(\"\")] public string? U { get; set; } }" },
        { "text size out of its enum", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText(Size = (CardGen.Cards.FontSize)99)] public string A { get; set; } = \"\"; }" },
        { "text colour out of its enum", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText(Color = (CardGen.Cards.TextColor)(-1))] public string A { get; set; } = \"\"; }" },
        { "action style out of its enum", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardAction(\"Go\", Style = (CardGen.Cards.ActionStyle)42)] public System.Uri? U { get; set; } }" },
        { "negative MaxLines", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText(MaxLines = -1)] public string A { get; set; } = \"\"; }" },
        { "a format a string cannot take", "CARDGEN007", "[ChatCard(Title = \"T\")] public partial class C { [CardText(Format = \"N2\")] public string A { get; set; } = \"\"; }" },
        { "a static mapped member", "CARDGEN004", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardText] public static string S { get; set; } = \"\"; }" },
        { "a style newer than the version", "CARDGEN005", "[ChatCard(Title = \"T\", Version = \"1.0\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardAction(\"Go\", Style = CardGen.Cards.ActionStyle.Positive)] public System.Uri? U { get; set; } }" },
        { "action in a card that is also a part", "CARDGEN013", "[ChatCard(Title = \"T\")] [CardPart] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardAction(\"Go\")] public System.Uri? U { get; set; } }" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_card_with_an_error_keeps_its_generated_members_and_only_the_CARDGEN_error_shows(string mistake, string id, string declaration)
    {
        var source = "using CardGen;\nnamespace Demo;\n" + Part + declaration + Uses;
        var run = await AnalyzerHarness.RunAsync(AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, source)));

        Assert.Empty(run.Crashes());
        var generated = GeneratorHarness.GeneratedSources(run.GeneratorRun);
        Assert.True(generated.TryGetValue("Demo.C.g.cs", out var stub), $"{mistake}: no Demo.C.g.cs; generated [{string.Join(", ", generated.Keys)}]");
        Assert.True(GeneratorHarness.IsStub(stub!), $"{mistake}: Demo.C.g.cs is not the stub:\n{stub}");

        var compilerErrors = run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(compilerErrors.Count == 0, $"{mistake}: compiler errors beside the CARDGEN one:\n  {string.Join("\n  ", compilerErrors)}\n--- Demo.C.g.cs ---\n{stub}");
        var cardgen = run.AnalyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToList();
        Assert.Contains(id, cardgen);
        Assert.Contains(id, stub!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_members_of_a_card_with_an_error_throw_naming_the_error()
    {
        const string Source = """
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "{Missing}")] public partial class C { [CardText] public string A { get; set; } = ""; }
            """;
        var run = await AnalyzerHarness.RunAsync(GeneratorHarness.Compile(LanguageVersion.Latest, Source));
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var type = Assembly.Load(image.ToArray()).GetType("Demo.C", throwOnError: true)!;
        var card = Activator.CreateInstance(type)!;
        foreach (var name in new[] { "ToAdaptiveCard", "ToCardJson", "ToWebhookMessage", "ToCardBuilder" })
        {
            var thrown = Assert.Throws<TargetInvocationException>(() => type.GetMethod(name, Type.EmptyTypes)!.Invoke(card, null));
            var inner = Assert.IsType<InvalidOperationException>(thrown.InnerException);
            Assert.Contains("CARDGEN003", inner.Message, StringComparison.Ordinal);
            Assert.Contains("'Demo.C'", inner.Message, StringComparison.Ordinal);
        }

        var create = Assert.Throws<TargetInvocationException>(() => type.GetMethod("CreateCardBuilder")!.Invoke(null, null));
        Assert.IsType<InvalidOperationException>(create.InnerException);
    }
}
