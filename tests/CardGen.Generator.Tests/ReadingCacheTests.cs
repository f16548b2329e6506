using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CardGen.Generator.Tests;

/// <summary>
/// A re-run reuses a card's reading only while nothing it was read from changed: after every edit below, the warm
/// driver's output must be exactly what a fresh driver writes for the edited project, and where the edit changes the
/// card, it must differ from the output before the edit.
/// </summary>
public sealed class ReadingCacheTests
{
    private const string Card = """
        using System;
        using CardGen;

        namespace Demo;

        [ChatCard(Title = "Build {Number}", Summary = "Level {Level}")]
        public partial class Built
        {
            [CardFact("Project")] public string Project { get; set; } = "";
            public int Number { get; set; }
            [CardFact("Level")] public Level Level { get; set; }
            [CardSection] public Note? Note { get; set; }
            [CardText(Size = CardGen.Cards.FontSize.Large)] public string? Details { get; set; }
        }
        """;

    private const string Other = """
        namespace Demo;

        public enum Level { Low, High }

        [CardGen.CardPart]
        public partial class Note
        {
            [CardGen.CardText] public string Text { get; set; } = "";
        }
        """;

    private const string Util = """
        namespace Demo;

        public static class Util
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    [Fact]
    public void An_edit_in_a_method_body_elsewhere_reuses_every_reading()
    {
        var reused = Check(Card, Other, Util, util => util.Replace("x * 2", "x + x", StringComparison.Ordinal), changesCard: false);
        Assert.Equal(2, reused); // The card and its part.
    }

    [Fact]
    public void A_new_enum_member_is_noticed()
        => Check(Card, Other, other => other.Replace("Low, High", "Low, Medium, High", StringComparison.Ordinal), changesCard: null);

    [Fact]
    public void A_member_type_that_becomes_internal_changes_the_builder()
        => Check(Card, Other, other => other.Replace("public enum Level", "internal enum Level", StringComparison.Ordinal), changesCard: true);

    [Fact]
    public void A_member_type_that_stops_being_an_enum_is_read_again()
        => Check(Card, Other, other => other.Replace("public enum Level { Low, High }", "public sealed class Level { }", StringComparison.Ordinal), changesCard: true);

    [Fact]
    public void A_part_that_gains_an_action_stops_being_a_section()
        => Check(Card, Other, other => other.Replace("[CardGen.CardText] public string Text", "[CardGen.CardAction(\"Go\")] public string Go { get; set; } = \"https://example.com\";\n    [CardGen.CardText] public string Text", StringComparison.Ordinal), changesCard: true);

    [Fact]
    public void A_second_declaration_of_the_card_elsewhere_adds_its_members()
        => Check(Card, Other, other => other + "\npublic partial class Built { [CardGen.CardFact(\"Extra\")] public string Extra { get; set; } = \"\"; }", changesCard: true);

    [Fact]
    public void An_attribute_of_the_same_name_in_the_card_namespace_takes_over()
        => Check(Card, Other, other => other + "\n[System.AttributeUsage(System.AttributeTargets.All)] public sealed class CardFactAttribute : System.Attribute { public CardFactAttribute(string label) { } }", changesCard: true);

    [Fact]
    public void A_namespace_named_like_an_attribute_is_noticed()
        => Check(Card, Other, other => other + "\nnamespace Demo.CardText { public static class Holder { } }", changesCard: null);

    [Fact]
    public void A_type_named_like_an_enum_in_an_argument_is_noticed()
        => Check(
            Card.Replace("using CardGen;", "using CardGen;\nusing CardGen.Cards;", StringComparison.Ordinal).Replace("CardGen.Cards.FontSize.Large", "FontSize.Large", StringComparison.Ordinal),
            Other,
            other => other + "\npublic enum FontSize { Small, Large }",
            changesCard: true);

    [Fact]
    public void A_global_alias_elsewhere_is_noticed()
        => Check(Card, "global using CardFact = System.ObsoleteAttribute;\n" + Other, other => other.Replace("global using CardFact = System.ObsoleteAttribute;\n", string.Empty, StringComparison.Ordinal), changesCard: true);

    [Fact]
    public void Removing_the_global_using_the_card_relies_on_is_noticed()
        => Check(Card.Replace("using CardGen;", string.Empty, StringComparison.Ordinal).Replace("[ChatCard(", "[CardGen.ChatCard(", StringComparison.Ordinal), "global using CardGen;\n" + Other, other => other.Replace("global using CardGen;\n", string.Empty, StringComparison.Ordinal), changesCard: true);

    [Fact]
    public void A_constant_declared_elsewhere_is_read_again()
        => Check(
            Card.Replace("[CardFact(\"Project\")]", "[CardFact(Labels.Project)]", StringComparison.Ordinal),
            Other + "\npublic static class Labels { public const string Project = \"Project\"; }",
            other => other.Replace("= \"Project\";", "= \"Repository\";", StringComparison.Ordinal),
            changesCard: true);

    [Fact]
    public void A_base_declared_elsewhere_is_read_again()
        => Check(
            Card.Replace("public partial class Built", "public partial class Built : BuildEvent", StringComparison.Ordinal),
            Other + "\npublic abstract class BuildEvent { }",
            other => other.Replace("public abstract class BuildEvent { }", "public abstract class BuildEvent { [CardGen.CardFact(\"Agent\")] public string Agent { get; set; } = \"\"; }", StringComparison.Ordinal),
            changesCard: true);

    [Fact]
    public void An_interface_that_becomes_a_base_class_is_noticed()
        => Check(
            Card.Replace("public partial class Built", "public partial class Built : IBuildEvent", StringComparison.Ordinal),
            Other + "\npublic interface IBuildEvent { }",
            other => other.Replace("public interface IBuildEvent { }", "public abstract class IBuildEvent { [CardGen.CardFact(\"Agent\")] public string Agent { get; set; } = \"\"; }", StringComparison.Ordinal),
            changesCard: true);

    [Fact]
    public void A_second_declaration_of_the_containing_type_is_noticed()
        => Check(
            Card.Replace("[ChatCard(", "public partial class Outer {\n[ChatCard(", StringComparison.Ordinal) + "\n}",
            Other,
            other => other + "\npublic partial class Outer { public partial class Built { [CardGen.CardFact(\"Extra\")] public string Extra { get; set; } = \"\"; } }",
            changesCard: true);

    [Fact]
    public void A_member_type_that_now_binds_elsewhere_is_noticed()
        => Check(
            Card.Replace("using CardGen;", "using CardGen;\nusing Demo.Kinds;", StringComparison.Ordinal),
            Other + "\nnamespace Demo.Kinds { public static class Placeholder { } }",
            other => other.Replace("public enum Level { Low, High }", string.Empty, StringComparison.Ordinal)
                .Replace("public static class Placeholder { }", "public enum Level { Green, Red }", StringComparison.Ordinal),
            changesCard: true);

    [Fact]
    public void Other_compilation_options_read_every_card_again()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Card, Other);
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);
        var edited = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));

        var reused = new StrongBox<int>();
        CardReadingCache.Reused.Value = reused;
        try
        {
            var warm = GeneratorHarness.GeneratedSources(driver.RunGenerators(edited).GetRunResult());
            Assert.Equal(0, reused.Value);
            Assert.Equal(Sorted(Fresh(edited)), Sorted(warm));
        }
        finally
        {
            CardReadingCache.Reused.Value = null;
        }
    }

    [Fact]
    public void A_card_in_a_file_with_a_using_alias_is_read_again_every_time()
    {
        // An alias can name a CardGen attribute or enum under any name, so the written names prove nothing.
        var aliased = Card.Replace("using CardGen;", "using CardGen;\nusing Fact = CardGen.CardFactAttribute;", StringComparison.Ordinal)
            .Replace("[CardFact(\"Project\")]", "[Fact(\"Project\")]", StringComparison.Ordinal);
        var reused = Check(aliased, Other, Util, util => util.Replace("x * 2", "x + x", StringComparison.Ordinal), changesCard: false);
        Assert.Equal(1, reused); // The part only.
    }

    [Fact]
    public void A_global_alias_anywhere_keeps_no_reading()
    {
        var reused = Check(Card, "global using Sized = CardGen.Cards.FontSize;\n" + Other, Util, util => util.Replace("x * 2", "x + x", StringComparison.Ordinal), changesCard: false);
        Assert.Equal(0, reused);
    }

    [Fact]
    public void A_card_with_an_error_is_read_again_every_time()
    {
        var broken = Card.Replace("[CardFact(\"Project\")]", "[CardFact(\"Project\")][CardIgnore]", StringComparison.Ordinal)
            .Replace("[CardText(Size", "[CardText(MaxLines = -1, Size", StringComparison.Ordinal);
        var reused = Check(broken, Other, Util, util => util.Replace("x * 2", "x + x", StringComparison.Ordinal), changesCard: false);
        Assert.Equal(1, reused); // The part only.
    }

    private static int Check(string card, string other, Func<string, string> edit, bool? changesCard)
        => Check(card, other, null, edit, changesCard);

    /// <summary>
    /// Runs a driver over the files, edits the last, runs it again and compares with a fresh driver; returns how
    /// many readings the re-run reused. <paramref name="changesCard"/>: whether the edit must change the card's
    /// output (null: either may be right).
    /// </summary>
    private static int Check(string card, string other, string? third, Func<string, string> edit, bool? changesCard)
    {
        var files = third is null ? new[] { card, other } : new[] { card, other, third };
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, files);
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);
        var before = GeneratorHarness.GeneratedSources(driver.GetRunResult());

        var tree = compilation.SyntaxTrees[files.Length - 1];
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(edit(files[^1]))));
        var reused = new StrongBox<int>();
        CardReadingCache.Reused.Value = reused;
        IReadOnlyDictionary<string, string> warm;
        try
        {
            warm = GeneratorHarness.GeneratedSources(driver.RunGenerators(edited).GetRunResult());
        }
        finally
        {
            CardReadingCache.Reused.Value = null;
        }

        Assert.Equal(Sorted(Fresh(edited)), Sorted(warm));
        var cardKey = before.Keys.Single(k => k.Contains("Built", StringComparison.Ordinal));
        if (changesCard is { } changes)
        {
            Assert.Equal(changes, !warm.TryGetValue(cardKey, out var after) || after != before[cardKey]);
        }

        return reused.Value;
    }

    private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> sources)
        => sources.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();

    private static IReadOnlyDictionary<string, string> Fresh(Compilation compilation)
        => GeneratorHarness.GeneratedSources(GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options).RunGenerators(compilation).GetRunResult());
}
