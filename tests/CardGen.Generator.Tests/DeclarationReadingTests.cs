using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CardReader = CardGen.Generator.CardReader;
using KnownNames = CardGen.Generator.KnownNames;

namespace CardGen.Generator.Tests;

/// <summary>
/// The generator reads a type from its declaration's syntax when it can (<see cref="CardReader.TryReadDeclaration"/>)
/// and from its symbols otherwise. Whenever the syntax settles a reading, it is the reading the symbols give; where a
/// name, an alias or an argument could mean something else, the syntax leaves it to the symbols.
/// </summary>
public sealed class DeclarationReadingTests
{
    /// <summary>Shapes the syntax must settle (read from the declaration, not handed to the symbols).</summary>
    public static TheoryData<string, string> Settled() => new()
    {
        {
            "the benchmark's card",
            """
            using System;
            using CardGen;
            namespace Demo;
            public enum Severity { Info, Warning }
            [ChatCard(Title = "Event {Number} of {Project}", Summary = "{Project} on {Branch}")]
            public partial class C
            {
                [CardFact("Project")] public string Project { get; set; } = "";
                [CardFact("Branch")] public string Branch { get; set; } = "";
                public int Number { get; set; }
                [CardText] public string? Details { get; set; }
                [CardAction("Open")] public Uri Link { get; set; } = new Uri("https://example.com");
                [CardFact("When")] public DateTimeOffset When { get; set; }
                [CardFact("Severity")] public Severity Severity { get; set; }
            }
            """
        },
        {
            "enum and literal arguments, the suffix written, fields, an ignored member",
            """
            using CardGen;
            using CardGen.Cards;
            namespace Demo;
            [ChatCard(Title = "T", Summary = "S")]
            public partial class C
            {
                [CardTextAttribute(Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Good, IsSubtle = true, Wrap = false, MaxLines = 3, Order = -1)] public string A { get; set; } = "";
                [CardFact(Title = "B", Format = "N2")] public decimal B;
                [CardFact] public string D = "", E = "";
                [CardIgnore] public string F { get; set; } = "";
                [CardImage(AltText = "logo", Size = ImageSize.Small, Style = ImageStyle.Person)] public string Logo { get; set; } = "https://example.com/a.png";
                [CardAction("Open", Style = ActionStyle.Positive)] public System.Uri Link { get; } = new("https://example.com");
            }
            """
        },
        {
            "CardGen.Cards in scope, whose CardText is not an attribute",
            """
            using CardGen;
            using CardGen.Cards;
            namespace Demo;
            [ChatCard(Title = "T", Summary = "S")]
            public partial class C { [CardText] public string A { get; set; } = ""; }
            """
        },
        {
            "a part, a struct and a record nested in a partial class",
            """
            using System.Collections.Generic;
            using CardGen;
            namespace Demo;
            public static partial class Outer
            {
                [CardPart] public partial struct P { [CardFact] public string Name { get; set; } }
                [ChatCard(Title = "T", Summary = "S")]
                public partial record R
                {
                    [CardSection(Title = "Parts", Separator = true)] public List<P> Parts { get; init; } = new();
                    [CardText(Markdown = true)] public string Note => "computed";
                }
            }
            """
        },
    };

    /// <summary>Shapes the syntax must leave to the symbols, each for a reason the syntax cannot see past.</summary>
    public static TheoryData<string, string[]> Unsettled() => new()
    {
        { "a using alias for a CardGen attribute", new[] { "using CardGen;\nusing Fact = CardGen.CardFactAttribute;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [Fact] public string A { get; set; } = \"\"; }" } },
        { "a global using alias in another file", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }", "global using Text = CardGen.CardTextAttribute;" } },
        { "a qualified attribute name", new[] { "namespace Demo;\n[CardGen.ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardGen.CardText] public string A { get; set; } = \"\"; }" } },
        { "an attribute of the same name in the card's namespace", new[] { "using CardGen;\nnamespace Demo;\npublic sealed class CardTextAttribute : System.Attribute { }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a title from a constant", new[] { "using CardGen;\nnamespace Demo;\npublic static class Names { public const string A = \"A\"; }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(Names.A)] public string A { get; set; } = \"\"; }" } },
        { "an enum argument through a member named like the enum", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { public TextColor TextColor => TextColor.Good; [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "a base class", new[] { "using CardGen;\nnamespace Demo;\npublic class B { [CardText] public string A { get; set; } = \"\"; }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C : B { [CardFact] public string F { get; set; } = \"\"; }" } },
        { "two declarations", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }\npublic partial class C { [CardFact] public string F { get; set; } = \"\"; }" } },
        { "an attribute with a target", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [field: CardFact] public string F { get; set; } = \"\"; }" } },
        { "an error: a negative MaxLines", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(MaxLines = -1)] public string A { get; set; } = \"\"; }" } },
        { "a static member with a mapping", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public static string S { get; set; } = \"\"; }" } },
        { "a positional record", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial record C([property: CardText] string A);" } },
    };

    [Theory]
    [MemberData(nameof(Settled))]
    public void The_syntax_settles_plain_declarations_as_the_symbols_do(string name, string source)
    {
        var readings = Compare(source);
        Assert.True(readings.Count > 0, $"{name}: no annotated type");
        Assert.All(readings, r => Assert.True(r.Settled, $"{name}: {r.Type} was left to the symbols"));
    }

    [Theory]
    [MemberData(nameof(Unsettled))]
    public void The_syntax_leaves_what_it_cannot_see_past_to_the_symbols(string name, string[] sources)
    {
        var readings = Compare(sources);
        Assert.True(readings.Count > 0, $"{name}: no annotated type");
        Assert.Contains(readings, r => !r.Settled && r.Type.EndsWith("C", StringComparison.Ordinal));
    }

    [Fact]
    public void Cards_in_one_namespace_share_names_only_where_their_files_see_the_same_types()
    {
        // Same namespace, same usings: the member type Severity is Demo.Severity in the first file, and the file-local
        // struct in the second. A binding shared between the two would give the second card an enum.
        var first = "using CardGen;\nnamespace Demo;\npublic enum Severity { Low, High }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public Severity Severity { get; set; } }";
        var second = "using CardGen;\nnamespace Demo;\nfile readonly struct Severity : System.IFormattable { public string ToString(string? format, System.IFormatProvider? provider) => \"s\"; }\n"
            + "[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] internal Severity Severity { get; set; } }";
        var third = "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { public enum Severity { Nested } [CardFact] public Severity Severity { get; set; } }";

        var readings = Compare(first, second, third);
        Assert.Equal(3, readings.Count);
        Assert.All(readings, r => Assert.True(r.Settled, $"{r.Type} was left to the symbols"));
    }

    [Fact]
    public void A_metadata_attribute_of_the_same_name_in_scope_is_left_to_the_symbols()
    {
        // Two imported namespaces with a CardTextAttribute: the compiler reports the ambiguity; the syntax must not pick one.
        var other = CSharpCompilation.Create(
            "Other",
            new[] { CSharpSyntaxTree.ParseText("namespace Other; public sealed class CardTextAttribute : System.Attribute { }") },
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var card = "using CardGen;\nusing Other;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public string A { get; set; } = \"\"; [CardText] public string B { get; set; } = \"\"; }";
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, card).AddReferences(other.ToMetadataReference());
        var reading = Assert.Single(Read(compilation));
        Assert.False(reading.Settled, "the syntax settled a card whose [CardText] is ambiguous");
    }

    [Theory]
    [MemberData(nameof(ReaderAgreementTests.Sources), MemberType = typeof(ReaderAgreementTests))]
    public void Every_reading_the_syntax_settles_is_the_symbols_reading(string name, string source)
    {
        Assert.NotEmpty(Compare(source));
        _ = name;
    }

    [Fact]
    public void The_syntax_settles_most_feature_sources()
    {
        var readings = FeatureSources.All.Values.SelectMany(source => Compare(source)).ToList();
        var settled = readings.Count(r => r.Settled);

        // Left to the symbols: a base class, a plain base, qualified names and the like; most cards are plain.
        Assert.True(settled * 2 > readings.Count, $"only {settled} of {readings.Count} feature types were read from their declaration");
    }

    /// <summary>
    /// Reads every annotated type from its declaration, in a compilation of its own, and from its symbols, in another;
    /// asserts that a settled reading is the symbols' reading.
    /// </summary>
    private static List<(string Type, bool Settled)> Compare(params string[] sources)
    {
        var fromSyntax = Read(GeneratorHarness.Compile(LanguageVersion.Latest, sources));
        var fromSymbols = Read(GeneratorHarness.Compile(LanguageVersion.Latest, sources), symbolsOnly: true).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.First().Model);
        foreach (var reading in fromSyntax.Where(r => r.Settled))
        {
            var expected = fromSymbols[reading.Type];
            Assert.True(Equals(expected, reading.Model), $"{reading.Type} read from syntax:\n{Show(reading.Model)}\nfrom symbols:\n{Show(expected)}");
        }

        return fromSyntax.Select(r => (r.Type, r.Settled)).ToList();
    }

    private static string Show(object? model)
        => model is Models.CardTypeModel card
            ? string.Join("\n", new[] { card.ToString() }.Concat(card.Members.Select(m => "  " + m)).Concat(card.Items.Select(i => "  " + i)).Concat(card.Title.Select(t => "  " + t)))
            : model?.ToString() ?? "null";

    private static List<(string Type, bool Settled, object? Model)> Read(Compilation compilation, bool symbolsOnly = false)
    {
        var result = new List<(string, bool, object?)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (semanticModel.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    continue;
                }

                var card = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ChatCardAttribute);
                var part = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.CardPartAttribute);
                if (card is null && part is null)
                {
                    continue;
                }

                // Each declaration of a type carrying the attribute, as ForAttributeWithMetadataName hands it over.
                var carries = declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("ChatCard", StringComparison.Ordinal) || a.Name.ToString().Contains("CardPart", StringComparison.Ordinal));
                if (!carries)
                {
                    continue;
                }

                var key = type.ToDisplayString();
                var model = symbolsOnly ? null : CardReader.TryReadDeclaration(declaration, type, semanticModel, card, part, CancellationToken.None);
                result.Add((key, model is not null, model ?? CardReader.Read(type, card, part, defaults: null, CancellationToken.None).Model));
            }
        }

        return result;
    }
}
