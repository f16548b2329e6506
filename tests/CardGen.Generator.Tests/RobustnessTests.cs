using System.Linq;
using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Tests;

/// <summary>Input the generator cannot handle is skipped without an exception; the analyzers explain it.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("not partial", "[ChatCard(Title = \"T\")] public class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("generic", "[ChatCard(Title = \"T\")] public partial class C<T> { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("ref struct", "[ChatCard(Title = \"T\")] public ref partial struct C { [CardText] public string A { get; set; } }")]
    [InlineData("nested in a non-partial type", "public class Outer { [ChatCard(Title = \"T\")] public partial class C { [CardText] public string A { get; set; } = \"\"; } }")]
    [InlineData("unknown placeholder", "[ChatCard(Title = \"{Missing}\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("unclosed placeholder", "[ChatCard(Title = \"{A\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("placeholder on a section", "[CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; } [ChatCard(Title = \"{S}\")] public partial class C { [CardSection] public P? S { get; set; } }")]
    [InlineData("bad version", "[ChatCard(Title = \"T\", Version = \"one\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("version above the host", "[ChatCard(Title = \"T\", Version = \"1.5\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("relative icon", "[ChatCard(Title = \"T\", IconUrl = \"icon.png\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("image on an int", "[ChatCard(Title = \"T\")] public partial class C { [CardImage] public int A { get; set; } }")]
    [InlineData("action on a DateTime", "[ChatCard(Title = \"T\")] public partial class C { [CardAction(\"Go\")] public System.DateTime A { get; set; } }")]
    [InlineData("text on an object", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public object? A { get; set; } }")]
    [InlineData("empty action title", "[ChatCard(Title = \"T\")] public partial class C { [CardAction(\"\")] public string? A { get; set; } }")]
    [InlineData("member of an unknown type", "[ChatCard(Title = \"T\")] public partial class C { [CardText] public Missing A { get; set; } }")]
    [InlineData("host out of range", "[ChatCard(Title = \"T\", Host = (ChatHost)9)] public partial class C { [CardText] public string A { get; set; } = \"\"; }")]
    public void A_type_the_generator_cannot_handle_is_skipped(string _, string declaration)
    {
        var (_, _, run) = GeneratorHarness.Run("using CardGen;\nnamespace Demo;\n" + declaration);

        Assert.DoesNotContain("Demo.C.g.cs", GeneratorHarness.GeneratedSources(run).Keys);
        Assert.DoesNotContain("Demo.Outer.C.g.cs", GeneratorHarness.GeneratedSources(run).Keys);
    }

    [Theory]
    [InlineData("[CardPart] public class P { [CardText] public string A { get; set; } = \"\"; }")]
    [InlineData("[CardPart] public partial class P { [CardAction(\"Go\")] public System.Uri? A { get; set; } }")]
    [InlineData("public class Outer { [CardPart] public partial class P { [CardText] public string A { get; set; } = \"\"; } }")]
    public void A_card_whose_section_part_is_skipped_is_skipped_too_instead_of_calling_missing_code(string part)
    {
        var partName = part.StartsWith("public class Outer", System.StringComparison.Ordinal) ? "Outer.P" : "P";
        var (output, _, run) = GeneratorHarness.Run("using CardGen;\nnamespace Demo;\n" + part
            + "\n[ChatCard(Title = \"T\")] public partial class C { [CardSection] public " + partName + "? S { get; set; } [CardSection] public System.Collections.Generic.List<" + partName + "> L { get; set; } = new(); }");

        Assert.DoesNotContain("Demo.C.g.cs", GeneratorHarness.GeneratedSources(run).Keys);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS1061" or "CS0117");
    }

    [Fact]
    public void A_type_that_is_skipped_does_not_stop_the_others()
    {
        var (output, _, run) = GeneratorHarness.Run("""
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "{Missing}")] public partial class Bad { [CardText] public string A { get; set; } = ""; }
            [ChatCard(Title = "Good {A}")] public partial class Good { [CardText] public string A { get; set; } = ""; }
            """);

        Assert.Equal(new[] { "Demo.Good.g.cs" }, GeneratorHarness.GeneratedSources(run).Keys);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
    }
}
