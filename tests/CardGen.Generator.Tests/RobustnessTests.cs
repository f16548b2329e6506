using System.Linq;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Tests;

/// <summary>
/// Input the generator cannot handle never makes it throw: a type it cannot extend gets its members as extension
/// methods that throw (see <see cref="UnextendableCardTests"/>), or nothing where no code outside it can name it; a
/// type with an error gets a stub (see <see cref="SkippedCardTests"/>); and the analyzers explain each.
/// </summary>
public sealed class RobustnessTests
{
    private const string Good = "\n[ChatCard(Title = \"Good {A}\")] public partial class Good { [CardText] public string A { get; set; } = \"\"; }";

    [Theory]
    [InlineData("not partial", "[ChatCard(Title = \"T\")] public class C { [CardText] public string A { get; set; } = \"\"; }", "Demo.C.g.cs")]
    [InlineData("generic", "[ChatCard(Title = \"T\")] public partial class C<T> { [CardText] public string A { get; set; } = \"\"; }", "Demo.C-1.g.cs")]
    [InlineData("ref struct", "[ChatCard(Title = \"T\")] public ref partial struct C { [CardText] public string A { get; set; } }", "Demo.C.g.cs")]
    [InlineData("nested in a non-partial type", "public class Outer { [ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; } }", "Demo.Outer.C.g.cs")]
    [InlineData("nested in a generic type", "public partial class Outer<T> { [ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; } }", "Demo.Outer-1.C.g.cs")]
    [InlineData("file-local", "[ChatCard(Title = \"T\")] file partial class C { [CardText] public string A { get; set; } = \"\"; }", null)]
    [InlineData("nested in a file-local type", "file partial class Outer { [ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; } }", null)]
    [InlineData("file-local part", "[CardPart] file partial class C { [CardText] public string A { get; set; } = \"\"; }", null)]
    public void A_type_the_generator_cannot_extend_gets_extension_stubs_or_nothing_and_does_not_stop_the_others(string _, string declaration, string? stub)
    {
        var (output, _, run) = GeneratorHarness.Run("using CardGen;\nnamespace Demo;\n" + declaration + Good);

        // The good card and, where code outside the type can name it, the extension methods that stand in for its members.
        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Equal(new[] { "Demo.Good.g.cs", stub }.Where(n => n is not null).Order(System.StringComparer.Ordinal), generated.Keys.Order(System.StringComparer.Ordinal));
        if (stub is not null)
        {
            Assert.True(GeneratorHarness.IsExtensionStub(generated[stub]), generated[stub]);
        }

        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_member_whose_type_does_not_compile_leaves_that_compiler_error_only()
    {
        var (output, _, run) = GeneratorHarness.Run("""
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "T {A}")] public partial class C { [CardText] public Missing? A { get; set; } [CardFact("B")] public string B { get; set; } = ""; }
            public static class Use { public static string Json(C card) => C.CreateCardBuilder().WithB("b").Build().ToJson() + card.ToCardJson(); }
            """);

        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Equal(new[] { "Demo.C.g.cs" }, generated.Keys);
        Assert.True(GeneratorHarness.IsStub(generated["Demo.C.g.cs"]), generated["Demo.C.g.cs"]);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1 && errors[0].Id == "CS0246", string.Join("\n", errors));
    }

    [Theory]
    [InlineData("[CardPart] public class P { [CardText] public string A { get; set; } = \"\"; }", new[] { "Demo.C.g.cs", "Demo.P.g.cs" })]
    [InlineData("[CardPart] public partial class P { [CardAction(\"Go\")] public System.Uri? A { get; set; } }", new[] { "Demo.C.g.cs", "Demo.P.g.cs" })]
    [InlineData("public class Outer { [CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; } }", new[] { "Demo.C.g.cs", "Demo.Outer.P.g.cs" })]
    public void A_card_whose_section_part_is_not_generated_gets_a_stub_instead_of_calling_missing_code(string part, string[] expected)
    {
        var partName = part.StartsWith("public class Outer", System.StringComparison.Ordinal) ? "Outer.P" : "P";
        var (output, _, run) = GeneratorHarness.Run("using CardGen;\nnamespace Demo;\n" + part
            + "\n[ChatCard(Title = \"T\")] public partial class C { [CardSection] public " + partName + "? S { get; set; } [CardSection] public System.Collections.Generic.List<" + partName + "> L { get; set; } = new(); }"
            + "\npublic static class Use { public static string Json(C card) => card.ToCardJson(); }");

        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Equal(expected, generated.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(generated.Values, code => Assert.True(GeneratorHarness.IsStub(code), code));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_type_with_an_error_does_not_stop_the_others()
    {
        var (output, _, run) = GeneratorHarness.Run("""
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "{Missing}")] public partial class Bad { [CardText] public string A { get; set; } = ""; }
            """ + Good);

        var generated = GeneratorHarness.GeneratedSources(run);
        Assert.Equal(new[] { "Demo.Bad.g.cs", "Demo.Good.g.cs" }, generated.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.True(GeneratorHarness.IsStub(generated["Demo.Bad.g.cs"]));
        Assert.False(GeneratorHarness.IsStub(generated["Demo.Good.g.cs"]));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
