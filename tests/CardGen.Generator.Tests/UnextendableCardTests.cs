using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// A card nothing can be added to (CARDGEN001: not partial; CARDGEN002: generic, a ref struct, nested in a generic or
/// non-partial type) gets its instance members as extension methods that throw, so each use of one binds and the
/// CARDGEN error is the only one. Static members and the nested builder type have no such form and still fail once
/// per use; a type code outside it cannot name gets nothing, and the generator never breaks the build itself.
/// </summary>
public sealed class UnextendableCardTests
{
    /// <summary>Every instance member the generator adds to a card, used as a user's code would, on <c>{0}</c>.</summary>
    private const string InstanceUses = """

        public static class Uses
        {
            public static async System.Threading.Tasks.Task All({0} card, CardGen.WebhookUrl hook, CardGen.ChatHookClient client)
            {
                CardGen.Cards.AdaptiveCard model = card.ToAdaptiveCard();
                string json = card.ToCardJson();
                using (var writer = new System.Text.Json.Utf8JsonWriter(new System.IO.MemoryStream())) { card.WriteCardJson(writer); }
                CardGen.WebhookMessage message = card.ToWebhookMessage();
                CardGen.Cards.AdaptiveCard built = card.ToCardBuilder().WithProject("payments").AddElement(new CardGen.Cards.TextBlock("x")).Build();
                CardGen.WebhookMessage builtMessage = card.ToCardBuilder().BuildMessage();
                CardGen.ChatHookResponse response = await card.PostToHookAsync(hook);
                response = await card.PostToHookAsync(client, hook, System.Threading.CancellationToken.None);
            }
        }
        """;

    private const string Members = """[CardFact("Project")] public string Project { get; set; } = ""; public int Number { get; set; }""";

    [Fact]
    public async Task Forgetting_partial_gives_only_CARDGEN001_for_every_use_of_an_instance_member()
    {
        var source = "using CardGen;\nnamespace Demo;\n"
            + $"[ChatCard(Title = \"Build {{Number}} failed\")] public class BuildFailed {{ {Members} }}"
            + InstanceUses.Replace("{0}", "BuildFailed", StringComparison.Ordinal);

        var errors = await ErrorsAsync(source);

        Assert.Equal(new[] { "CARDGEN001" }, errors.Select(e => e.Id));
    }

    [Fact]
    public async Task Static_members_and_the_builder_type_cannot_be_stood_in_for_and_fail_once_per_use()
    {
        // Documented in docs/diagnostics/CARDGEN001.md: these three uses each add an error of their own.
        const string Source = """
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "T")] [CardPart] public class BuildFailed { [CardFact("Project")] public string Project { get; set; } = ""; }
            public static class Uses
            {
                public static void All(BuildFailed card)
                {
                    _ = BuildFailed.CreateCardBuilder();
                    BuildFailed.CardBuilder? named = null;
                    _ = card.HasCardElements;
                }
            }
            """;

        var errors = await ErrorsAsync(Source);

        Assert.Equal(new[] { "CARDGEN001", "CS0117", "CS0426", "CS1061" }, errors.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Contains("CreateCardBuilder", errors.Single(e => e.Id == "CS0117").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("CardBuilder", errors.Single(e => e.Id == "CS0426").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("HasCardElements", errors.Single(e => e.Id == "CS1061").GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>Shapes of CARDGEN001 and CARDGEN002 code outside the type can still name, with the type as uses name it.</summary>
    public static TheoryData<string, string, string[]> Shapes() => new()
    {
        { "not partial, internal", $"[ChatCard(Title = \"{{Number}}\")] internal class C {{ {Members} }}", new[] { "CARDGEN001" } },
        { "not partial, a struct", $"[ChatCard(Title = \"{{Number}}\")] public struct C {{ {Members} public C() {{ }} }}", new[] { "CARDGEN001" } },
        { "not partial, a record", $"[ChatCard(Title = \"{{Number}}\")] public record C {{ {Members} }}", new[] { "CARDGEN001" } },
        { "not partial, a card and a part", $"[ChatCard(Title = \"{{Number}}\")] [CardPart] public class C {{ {Members} }}", new[] { "CARDGEN001" } },
        { "nested in a type that is not partial", $"public class Outer {{ [ChatCard(Title = \"{{Number}}\")] public partial class C {{ {Members} }} }}", new[] { "CARDGEN002" } },
        { "nested, internal, in an internal type that is not partial", $"internal class Outer {{ [ChatCard(Title = \"{{Number}}\")] internal partial class C {{ {Members} }} }}", new[] { "CARDGEN002" } },
        { "nested protected internal", $"public class Outer {{ [ChatCard(Title = \"{{Number}}\")] protected internal partial class C {{ {Members} }} }}", new[] { "CARDGEN002" } },
        { "nested in a generic type", $"public partial class Outer<TKey> where TKey : class, new() {{ [ChatCard(Title = \"{{Number}}\")] public partial class C {{ {Members} }} }}", new[] { "CARDGEN002" } },
        { "generic", $"[ChatCard(Title = \"{{Number}}\")] public partial class C<TValue> where TValue : struct, System.IComparable<TValue> {{ {Members} public TValue Value {{ get; set; }} }}", new[] { "CARDGEN002" } },
        { "generic and not partial", $"[ChatCard(Title = \"{{Number}}\")] public class C<TValue> where TValue : notnull {{ {Members} }}", new[] { "CARDGEN001", "CARDGEN002" } },
        { "generic, nested in a generic type", $"public partial class Outer<TKey> where TKey : unmanaged {{ [ChatCard(Title = \"{{Number}}\")] public partial class C<TValue> where TValue : class? {{ {Members} }} }}", new[] { "CARDGEN002" } },
        { "a ref struct", $"[ChatCard(Title = \"{{Number}}\")] public ref partial struct C {{ {Members} public C() {{ }} }}", new[] { "CARDGEN002" } },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_use_of_an_instance_member_binds_and_only_the_CARDGEN_error_shows(string shape, string declaration, string[] ids)
    {
        var type = shape switch
        {
            _ when shape.Contains("generic, nested", StringComparison.Ordinal) => "Outer<int>.C<string>",
            _ when shape.Contains("nested in a generic type", StringComparison.Ordinal) => "Outer<object>.C",
            _ when shape.Contains("nested", StringComparison.Ordinal) => "Outer.C",
            _ when shape.StartsWith("generic", StringComparison.Ordinal) => "C<int>",
            _ => "C",
        };
        var uses = InstanceUses.Replace("{0}", type, StringComparison.Ordinal);
        if (shape.Contains("ref struct", StringComparison.Ordinal))
        {
            // A ref struct cannot be a parameter of an async method: the same uses, without await.
            uses = uses.Replace("public static async System.Threading.Tasks.Task All", "public static void All", StringComparison.Ordinal)
                .Replace("await ", string.Empty, StringComparison.Ordinal)
                .Replace("CardGen.ChatHookResponse response = ", "var response = ", StringComparison.Ordinal);
        }

        if (shape.Contains("internal", StringComparison.Ordinal))
        {
            uses = uses.Replace("public static class Uses", "internal static class Uses", StringComparison.Ordinal);
        }

        var source = "using CardGen;\nnamespace Demo;\n" + declaration + uses;
        if (shape.Contains("a card and a part", StringComparison.Ordinal))
        {
            source += "\npublic static class PartUses { public static void All(C part, System.Text.Json.Utf8JsonWriter writer) { part.AppendCardElements(new System.Collections.Generic.List<CardGen.Cards.CardElement>()); part.WriteCardElements(writer); } }";
        }

        var run = await RunAsync(source);
        var errors = Errors(run);

        Assert.True(
            errors.Select(e => e.Id).Order(StringComparer.Ordinal).SequenceEqual(ids),
            $"{shape}: expected only {string.Join(", ", ids)}, got:\n  {string.Join("\n  ", errors)}\n--- generated ---\n{string.Join("\n", GeneratorHarness.GeneratedSources(run.GeneratorRun).Values)}");
    }

    [Theory]
    [InlineData("private, nested in a partial type", "public partial class Outer { [ChatCard(Title = \"T\")] private class C { [CardText] public string A { get; set; } = \"\"; } public static string Use(C card) => card.ToCardJson(); }")]
    [InlineData("protected, nested in a type that is not partial", "public class Outer { [ChatCard(Title = \"T\")] protected partial class C { [CardText] public string A { get; set; } = \"\"; } protected static string Use(C card) => card.ToCardJson(); }")]
    [InlineData("file-local", "[ChatCard(Title = \"T\")] file partial class C { [CardText] public string A { get; set; } = \"\"; } file static class Use { public static string Json(C card) => card.ToCardJson(); }")]
    [InlineData("a static class", "[ChatCard(Title = \"T\")] public static partial class C { }")]
    [InlineData("a static class that is not partial", "[ChatCard(Title = \"T\")] public static class C { }")]
    [InlineData("a type parameter named as the outer one", "public partial class Outer<T> { [ChatCard(Title = \"T\")] public partial class C<T> { [CardText] public string A { get; set; } = \"\"; } }")]
    public async Task A_type_no_code_outside_it_can_name_gets_nothing_and_the_generator_adds_no_error(string shape, string declaration)
    {
        var run = await RunAsync("using CardGen;\nnamespace Demo;\n" + declaration);

        Assert.Empty(run.Crashes());
        var generated = GeneratorHarness.GeneratedSources(run.GeneratorRun);
        Assert.True(generated.Count == 0, $"{shape}: generated [{string.Join(", ", generated.Keys)}]");
        Assert.DoesNotContain(Errors(run), e => e.Location.SourceTree is { } tree && !tree.FilePath.StartsWith("Source", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cards_with_the_same_name_in_different_places_get_stubs_that_do_not_clash()
    {
        const string Source = """
            using CardGen;
            namespace A { [ChatCard(Title = "T")] public class Card { [CardText] public string X { get; set; } = ""; } }
            namespace B { [ChatCard(Title = "T")] public class Card { [CardText] public int X { get; set; } } }
            namespace B { public class Outer1 { [ChatCard(Title = "T")] public partial class Card { [CardText] public string X { get; set; } = ""; } } }
            namespace B { public partial class Outer1<T> { [ChatCard(Title = "T")] public partial class Card { [CardText] public string X { get; set; } = ""; } } }
            namespace B { [ChatCard(Title = "T")] public partial class Card<T> { [CardText] public string X { get; set; } = ""; } }
            [ChatCard(Title = "T")] public class Card { [CardText] public string X { get; set; } = ""; }
            public static class Uses
            {
                public static string All(A.Card a, B.Card b, B.Outer1.Card c, B.Outer1<int>.Card d, B.Card<int> e, Card f)
                    => a.ToCardBuilder().WithX("x").ToString() + b.ToCardBuilder().WithX(1) + c.ToCardJson() + d.ToCardJson() + e.ToCardJson() + f.ToCardJson();
            }
            """;

        var run = await RunAsync(Source);

        Assert.Empty(run.Crashes());
        Assert.Equal(6, GeneratorHarness.GeneratedSources(run.GeneratorRun).Count);
        Assert.Equal(
            new[] { "CARDGEN001", "CARDGEN001", "CARDGEN001", "CARDGEN002", "CARDGEN002", "CARDGEN002" },
            Errors(run).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_stand_in_members_throw_naming_the_error()
    {
        const string Source = """
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "T")] public class C { [CardFact("Project")] public string Project { get; set; } = ""; }
            public static class Uses
            {
                public static string Json() => new C().ToCardJson();
                public static object Builder() => new C().ToCardBuilder().WithProject("p");
            }
            """;
        var run = await RunAsync(Source);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var uses = Assembly.Load(image.ToArray()).GetType("Demo.Uses", throwOnError: true)!;
        foreach (var name in new[] { "Json", "Builder" })
        {
            var thrown = Assert.Throws<TargetInvocationException>(() => uses.GetMethod(name)!.Invoke(null, null));
            var inner = Assert.IsType<InvalidOperationException>(thrown.InnerException);
            Assert.Contains("CARDGEN001", inner.Message, StringComparison.Ordinal);
            Assert.Contains("'Demo.C'", inner.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<AnalysisRun> RunAsync(string source)
        => await AnalyzerHarness.RunAsync(AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, source)));

    private static async Task<List<Diagnostic>> ErrorsAsync(string source)
    {
        var run = await RunAsync(source);
        Assert.Empty(run.Crashes());
        return Errors(run);
    }

    private static List<Diagnostic> Errors(AnalysisRun run)
        => run.CompilerDiagnostics.Concat(run.AnalyzerDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
