using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
        { "fields declaring several variables with mappings and an order", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(\"X\", Order = 2)] public int F, G; [CardFact(Format = \"N0\")] public readonly long H = 1, I = 2; [CardText(Order = -3)] public volatile string? J; }" },
        { "string literals of every form", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(\"\"\"raw \"quoted\" \"\"\")] public string A { get; set; } = \"\"; [CardFact(@\"verbatim \"\"q\"\" \\n\")] public string B { get; set; } = \"\"; [CardFact(\"esc \\u0041\\t\\x42 \\U0001F600\")] public string D { get; set; } = \"\"; [CardFact(\"\"\"\n    multi\n      line\n    \"\"\")] public string E { get; set; } = \"\"; [CardFact(\"\")] public string F { get; set; } = \"\"; }" },
        { "members of every shape", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{A} {B} {D}\", Summary = \"S\")] public partial class C { [CardText] public required string A { get; init; } [CardFact] public string B => A + \"!\"; [CardFact] public string D { get => A; private set { } } [CardText(Markdown = true)] public string E { get { return A; } } [CardText(Markdown = true)] public string F { get; } = \"\"; [CardText(Markdown = true)] public string G { get; init; } = \"\"; [CardText] protected internal string H { get; set; } = \"\"; [CardText] private string I { get; set; } = \"\"; [CardText] public virtual string J { get; set; } = \"\"; }" },
        { "a markdown field", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Markdown = true)] public string A = \"\"; [CardText(Markdown = true)] public readonly string B = \"\"; }" },
        { "a record struct and a readonly struct", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{A}\", Summary = \"S\")] public partial record struct R { [CardText] public string A { get; init; } [CardFact] public int B; }\n[ChatCard(Title = \"{A}\", Summary = \"S\")] public readonly partial struct S { [CardText] public string A { get; init; } [CardFact] public readonly int B; }" },
        { "other attributes beside a mapping", "using System;\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [Obsolete(\"x\"), CardText] public string A { get; set; } = \"\"; [CardFact][System.ComponentModel.Description(\"d\")] public string B { get; set; } = \"\"; [NonSerialized, CardFact(\"F\")] public string F = \"\"; }" },
        { "hexadecimal, binary, separated and negated literals", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Order = 0x10, MaxLines = 1_000)] public string A { get; set; } = \"\"; [CardText(Order = -0)] public string B { get; set; } = \"\"; [CardText(Order = 2147483647, MaxLines = 0b11)] public string D { get; set; } = \"\"; [CardText(Order = -2147483647)] public string E { get; set; } = \"\"; [CardFact(\"{x} \\0 \\\\ \\\"\", Format = @\"#,##0.00\")] public decimal F { get; set; } }" },
        { "a card nested in a struct and in a record struct", "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial struct Outer {\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}\npublic partial record struct Other(int X) {\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText(Color = TextColor.Warning)] public string A { get; set; } = \"\"; }\n}" },
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
        { "a verbatim attribute name, which the compiler looks up without the Attribute suffix", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public string B { get; set; } = \"\"; [@CardText] public string A { get; set; } = \"\"; }" } },
        { "an enum argument through a static property of the containing type named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Other { public sealed class TextColor { public const CardGen.Cards.TextColor Good = CardGen.Cards.TextColor.Attention; } }\nnamespace Demo {\npublic partial class Outer {\n public static Other.TextColor? TextColor => null;\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}\n}" } },
        { "an enum argument through a constant of the containing type named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial class Outer {\n public const int TextColor = 1;\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "an enum argument through a member of the containing type's base named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Other { public sealed class TextColor { public const CardGen.Cards.TextColor Good = CardGen.Cards.TextColor.Attention; } }\nnamespace Demo {\npublic class Base { public static Other.TextColor? TextColor => null; }\npublic partial class Outer : Base {\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}\n}" } },
        { "an enum argument through a using static member named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nusing static Other.Holder;\nnamespace Other { public sealed class TextColor { public const CardGen.Cards.TextColor Good = CardGen.Cards.TextColor.Attention; } public static class Holder { public static TextColor? TextColor => null; } }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "an enum argument through a global using static member named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }", "global using static Other.Holder;\nnamespace Other { public sealed class TextColor { public const CardGen.Cards.TextColor Good = CardGen.Cards.TextColor.Attention; } public static class Holder { public static TextColor? TextColor => null; } }" } },
        { "a null title where a CardGen attribute redeclared in source has two one-argument constructors", new[] { "namespace CardGen { public sealed class CardTextAttribute : System.Attribute { public CardTextAttribute() { } public CardTextAttribute(string s) { } public CardTextAttribute(string[] s) { } public int Order { get; set; } } }\nnamespace Demo {\nusing CardGen;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(null, Order = 2)] public string A { get; set; } = \"\"; [CardText(\"x\", Order = 3)] public string B { get; set; } = \"\"; }\n}" } },
        { "a primary constructor parameter of the outer class named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial class Outer(int TextColor) {\n public int Value => TextColor;\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
    };

    /// <summary>
    /// Shapes where a name, an argument or a member could read differently from syntax than from symbols. Whatever the
    /// syntax settles of them must be the symbols' reading; each may also be left to the symbols.
    /// </summary>
    public static TheoryData<string, string[]> Hunted() => new()
    {
        { "a verbatim attribute name with the suffix", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [@CardTextAttribute] public string A { get; set; } = \"\"; }" } },
        { "an enum argument through a using static type's nested enum", new[] { "using CardGen;\nusing CardGen.Cards;\nusing static Other.Holder;\nnamespace Other { public static class Holder { public enum TextColor { Good = 3 } } }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "usings outside the namespace, then inside it, in two files of one namespace", new[] { "public enum Severity { Low }\nnamespace Other { public enum Severity { High, Higher } }", "using CardGen;\nusing Other;\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public Severity S { get; set; } }\n}", "namespace Demo {\nusing CardGen;\nusing Other;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public Severity S { get; set; } }\n}" } },
        { "usings inside the namespace, then outside it, in two files of one namespace", new[] { "public enum Severity { Low }\nnamespace Other { public enum Severity { High, Higher } }", "namespace Demo {\nusing CardGen;\nusing Other;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public Severity S { get; set; } }\n}", "using CardGen;\nusing Other;\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public Severity S { get; set; } }\n}" } },
        { "usings around a file-scoped namespace, after it and before it", new[] { "public enum Severity { Low }\nnamespace Other { public enum Severity { High, Higher } }", "using CardGen;\nusing Other;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public Severity S { get; set; } }", "namespace Demo;\nusing CardGen;\nusing Other;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public Severity S { get; set; } }" } },
        { "an interface's nested enum beside a card that implements it", new[] { "using CardGen;\nnamespace Demo;\npublic interface IHas { public enum Severity { Inner } }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A : IHas { [CardFact] public Severity S { get; set; } }", "using CardGen;\nnamespace Demo;\npublic enum Severity { Outer }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public Severity S { get; set; } }" } },
        { "an interface's nested attribute beside a card that implements it", new[] { "using CardGen;\nnamespace Demo;\npublic interface IHas { public sealed class CardTextAttribute : System.Attribute { } }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A : IHas { [CardText] public string S { get; set; } = \"\"; }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardText] public string S { get; set; } = \"\"; }" } },
        { "a nullable-disabled file beside an enabled one", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public string S { get; set; } = \"\"; [CardText] public string? N { get; set; } [CardSection] public System.Collections.Generic.List<P> Parts { get; set; } = new(); }\n[CardPart] public partial class P { [CardFact] public string Name { get; set; } = \"\"; }", "#nullable disable\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public string S { get; set; } = \"\"; [CardText] public string? N { get; set; } [CardSection] public System.Collections.Generic.List<P> Parts { get; set; } = new(); }" } },
        { "a nullable-disabled file first", new[] { "#nullable disable\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public string S { get; set; } = \"\"; [CardFact] public System.Uri U { get; set; } [CardFact] public object O { get; set; } }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public string S { get; set; } = \"\"; [CardFact] public System.Uri U { get; set; } = null!; [CardFact] public object O { get; set; } = 1; }" } },
        { "nullable regions inside one card", new[] { "using System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C {\n#nullable disable\n [CardFact] public string A { get; set; }\n [CardText] public string? B { get; set; }\n [CardFacts] public Dictionary<string, string> D { get; set; }\n#nullable enable annotations\n [CardFact] public string E { get; set; } = \"\";\n [CardFacts] public Dictionary<string, string?> F { get; set; } = new();\n#nullable restore\n [CardFact] public int? G { get; set; }\n [CardFact] public string[]? H { get; set; }\n [CardFacts] public IReadOnlyDictionary<string, int?> I { get; set; } = new Dictionary<string, int?>();\n}" } },
        { "tuples, arrays and generic member types", new[] { "using System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\n[CardPart] public partial struct P { [CardFact] public string? Name { get; set; } }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardSection] public P[]? Ps { get; set; } [CardSection] public IEnumerable<P?> Qs { get; set; } = new List<P?>(); [CardFacts] public List<KeyValuePair<string, decimal?>> R { get; set; } = new(); public (string Name, int Count) T { get; set; } [CardFact] public System.Nullable<int> N { get; set; } }" } },
        { "a property named like its card", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public string C { get; set; } = \"\"; }" } },
        { "a mapping on an event field", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardText] public event System.Action? E; [field: CardFact] public event System.Action? F; }" } },
        { "a mapping on an event with accessors and on an indexer", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardText] public event System.Action E { add { } remove { } } [CardFact] public string this[int i] => \"\"; }" } },
        { "events, indexers, methods, constants and statics without mappings", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{A} {E} {K} {M} {X}\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; public event System.Action? E; public string this[int i] => \"\"; public const string K = \"k\"; public static string X { get; set; } = \"\"; public string M() => \"\"; public string W { set { } } }" } },
        { "a title template naming an unmapped field of several variables", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{A} {B} {Count}\", Summary = \"{B}\")] public partial class C { public string A = \"\", B = \"\"; public int Count; [CardText] public string D { get; set; } = \"\"; }" } },
        { "a null title", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(null)] public string A { get; set; } = \"\"; }" } },
        { "a null action title", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardAction(null)] public System.Uri A { get; set; } = null!; }" } },
        { "a null title with a named title", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(null, Title = \"N\")] public string A { get; set; } = \"\"; [CardFact(Title = null)] public string B { get; set; } = \"\"; [CardFact(Format = null)] public int D { get; set; } }" } },
        { "a named constructor argument", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(title: \"X\")] public string A { get; set; } = \"\"; }" } },
        { "a UTF-8 string and a constant interpolated string as titles", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact($\"interp\")] public string A { get; set; } = \"\"; [CardFact(\"a\" + \"b\")] public string B { get; set; } = \"\"; }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardFact(\"x\"u8)] public string A { get; set; } = \"\"; }" } },
        { "numbers of other forms and types", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Order = 0x10, MaxLines = 1_000)] public string A { get; set; } = \"\"; [CardText(Order = -0)] public string B { get; set; } = \"\"; [CardText(Order = 2147483647)] public string D { get; set; } = \"\"; [CardText(Order = -2147483648)] public string E { get; set; } = \"\"; [CardText(MaxLines = 'a')] public string F { get; set; } = \"\"; [CardText(Order = (1))] public string G { get; set; } = \"\"; [CardText(Order = +1)] public string H { get; set; } = \"\"; [CardText(Order = 0b11)] public string I { get; set; } = \"\"; }" } },
        { "numbers that do not convert", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Order = 1u)] public string A { get; set; } = \"\"; [CardText(Order = 1L)] public string B { get; set; } = \"\"; [CardText(Order = 1.0)] public string D { get; set; } = \"\"; [CardText(Order = 2147483648)] public string E { get; set; } = \"\"; [CardText(Order = - -1)] public string F { get; set; } = \"\"; }" } },
        { "booleans and strings where the other is wanted", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Wrap = \"false\")] public string A { get; set; } = \"\"; [CardText(Format = true)] public string B { get; set; } = \"\"; [CardText(IsSubtle = 1)] public string D { get; set; } = \"\"; [CardText(Wrap = !true)] public string E { get; set; } = \"\"; }" } },
        { "enum arguments of other forms", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = CardGen.Cards.TextColor.Good)] public string A { get; set; } = \"\"; [CardText(Color = global::CardGen.Cards.TextColor.Warning)] public string B { get; set; } = \"\"; [CardText(Color = 0)] public string D { get; set; } = \"\"; [CardText(Color = (TextColor)2)] public string E { get; set; } = \"\"; [CardText(Size = (FontSize)(-1))] public string F { get; set; } = \"\"; [CardText(Color = TextColor.Good | TextColor.Warning)] public string G { get; set; } = \"\"; }" } },
        { "an enum member of the wrong enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Size = ImageSize.Large)] public string A { get; set; } = \"\"; [CardImage(Size = FontSize.Large)] public string B { get; set; } = \"https://a.example/b.png\"; }" } },
        { "an enum member that does not exist", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Nope)] public string A { get; set; } = \"\"; }" } },
        { "an enum-typed constant as an argument", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic static class Colors { public const TextColor Good = TextColor.Good; }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = Colors.Good)] public string A { get; set; } = \"\"; }" } },
        { "a static import of a CardGen enum", new[] { "using CardGen;\nusing CardGen.Cards;\nusing static CardGen.Cards.TextColor;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = Good)] public string A { get; set; } = \"\"; [CardText(Color = TextColor.Warning)] public string B { get; set; } = \"\"; }" } },
        { "a duplicated named argument", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Order = 1, Order = 2)] public string A { get; set; } = \"\"; }" } },
        { "a positional argument where none is taken", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(\"x\")] public string A { get; set; } = \"\"; [CardIgnore(\"y\")] public string B { get; set; } = \"\"; [CardFact(\"a\", \"b\")] public string D { get; set; } = \"\"; }" } },
        { "a named argument that is not a settable property", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(TypeId = null)] public string A { get; set; } = \"\"; [CardText(Nope = 1)] public string B { get; set; } = \"\"; }" } },
        { "the same mapping twice and an ignore beside a mapping", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText][CardText] public string A { get; set; } = \"\"; [CardFact, CardIgnore] public string B { get; set; } = \"\"; [CardIgnore, CardIgnore] public string D { get; set; } = \"\"; [CardFact] public string E { get; set; } = \"\"; }" } },
        { "CardGen attributes that are not member attributes on members", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [ChatCard] [CardPart] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a namespace named like an attribute", new[] { "using CardGen;\nnamespace Demo.CardText { }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }\n}" } },
        { "a namespace named like an enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo.TextColor { }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "a card named like an enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class TextColor { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "a card named like an attribute", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class CardText { [CardText] public string A { get; set; } = \"\"; }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class CardFactAttribute { [CardFact] public string A { get; set; } = \"\"; }" } },
        { "a generic class named like an attribute", new[] { "using CardGen;\nnamespace Demo;\npublic class CardText<T> { }\npublic class CardFactAttribute<T> : System.Attribute { }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a card in a namespace under CardGen", new[] { "namespace CardGen.Cards.Mine;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a namespace named CardGen inside the card's namespace", new[] { "namespace Demo.CardGen { public sealed class CardTextAttribute : System.Attribute { } }\nnamespace Demo {\nusing CardGen;\n[global::CardGen.ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }\n}" } },
        { "a global using of CardGen", new[] { "namespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }", "global using CardGen;\nglobal using CardGen.Cards;" } },
        { "a CardGen attribute redeclared in source", new[] { "namespace CardGen { public sealed class CardIgnoreAttribute : System.Attribute { public int Extra { get; set; } } }\nnamespace Demo {\nusing CardGen;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact, CardIgnore(Extra = 1)] public string B { get; set; } = \"\"; }\n}" } },
        { "a CardGen mapping redeclared in source", new[] { "namespace CardGen { public sealed class CardTextAttribute : System.Attribute { public Cards.TextColor Color { get; set; } public string? Format { get; set; } } }\nnamespace Demo {\nusing CardGen;\nusing CardGen.Cards;\nusing CardGen.Cards;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "a mapping under #if", new[] { "#define SHOW\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C {\n#if SHOW\n [CardText]\n#else\n [CardFact]\n#endif\n public string A { get; set; } = \"\";\n#if HIDE\n [CardFact] public string B { get; set; } = \"\";\n#endif\n}" } },
        { "a partial property", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public partial string A { get; set; } public partial string A { get => \"\"; set { } } }" } },
        { "a field-keyword property", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get => field; set => field = value; } = \"\"; }" } },
        { "an explicit interface implementation", new[] { "using CardGen;\nnamespace Demo;\npublic interface I { string A { get; } }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C : I { [CardText] public string B { get; set; } = \"\"; string I.A => \"\"; }" } },
        { "a mapping on a setter-only, a static and a const member", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { set { } } [CardText] public const string K = \"k\"; [CardText] public static string S = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a property without accessors", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { } [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a ref property and a ref struct field", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { private string _a = \"\"; [CardText] public ref string A => ref _a; [CardFact] public ref readonly string B => ref _a; }" } },
        { "a fixed buffer in a struct", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public unsafe partial struct C { public fixed byte Buf[4]; [CardText] public string A { get; set; } }" } },
        { "a record with an equality contract of its own", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{EqualityContract}\", Summary = \"S\")] public partial record R { [CardText] public string A { get; init; } = \"\"; protected virtual System.Type EqualityContract => typeof(R); }" } },
        { "a primary constructor on a class", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C(string a) { [CardText] public string A { get; } = a; }" } },
        { "a member named like a CardGen enum, used as its type", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public TextColor TextColor { get; set; } [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "a method named like an enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { public static int TextColor() => 1; [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "a nested card whose outer type has a nested enum named like the CardGen one", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial class Outer {\n public enum TextColor { Good = 2 }\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "two members of one name", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public int A; public string B() => \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "a member type that does not bind", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public Missing B { get; set; } public Missing2 D { get; set; } }" } },
        { "a member type shared between cards of one namespace where one file declares it file-local", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public Kind K { get; set; } }\npublic enum Kind { X }", "using CardGen;\nnamespace Demo;\nfile enum Kind { Y }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] internal Kind K { get; set; } }" } },
        { "a member type written with an alias-qualified and a keyword name", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public global::System.Uri A { get; set; } = null!; [CardFact] public System.String B { get; set; } = \"\"; [CardFact] public String? D { get; set; } [CardFact] public nint E { get; set; } [CardFact] public dynamic F { get; set; } = 1; }\npublic class String { public override string ToString() => \"s\"; }" } },
        { "an extern alias", new[] { "extern alias Other;\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }" } },
        { "a nested card beside a sibling nested type named like an attribute", new[] { "using CardGen;\nnamespace Demo;\npublic partial class Outer {\n public sealed class CardTextAttribute : System.Attribute { }\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }\n}" } },
        { "an attribute inaccessible in the card's namespace", new[] { "using CardGen;\nusing Other;\nnamespace Other { internal sealed class CardFactAttribute : System.Attribute { } }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public string A { get; set; } = \"\"; }\n}" } },
        { "a title naming a member that only syntax or only symbols might see", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"{A} {this[]} {E} {W}\", Summary = \"S\")] public partial class C { [CardText] public string A { get; set; } = \"\"; public event System.Action? E; public string W { set { } } }" } },
        { "a file-local enum named like a CardGen enum, beside a plain card", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\nfile enum TextColor { Good = 3 }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }", "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "a plain card, then a file-local enum named like a CardGen enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }", "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\nfile enum TextColor { Good = 3 }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }" } },
        { "an enum of the same name in the card's namespace, in another file", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }", "namespace Demo;\npublic enum TextColor { Good = 3 }" } },
        { "an enum of the same name imported beside CardGen.Cards", new[] { "using CardGen;\nusing CardGen.Cards;\nusing Other;\nnamespace Other { public enum TextColor { Good = 3 } }\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "a property of the outer type named like the enum and of its type", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial class Outer {\n public static TextColor TextColor => TextColor.Warning;\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "a top-level local named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nvar TextColor = 1;\nSystem.Console.WriteLine(TextColor);\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "malformed string literals", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(\"a\\q\")] public string A { get; set; } = \"\"; }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardFact(\"open)] public string A { get; set; } = \"\"; [CardFact] public string B { get; set; } = \"\"; }" } },
        { "default, nameof and char arguments", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(default)] public string A { get; set; } = \"\"; [CardFact(nameof(A))] public string B { get; set; } = \"\"; [CardFact('x')] public string D { get; set; } = \"\"; [CardText(Format = default, Order = default)] public string E { get; set; } = \"\"; }" } },
        { "incomplete attributes", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Order = )] public string A { get; set; } = \"\"; [CardText(Color = TextColor.)] public string B { get; set; } = \"\"; [] public string D { get; set; } = \"\"; [CardFact(] public string E { get; set; } = \"\"; }" } },
        { "a nullable-disabled file first, with strings and URIs", new[] { "#nullable disable\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFact] public string S { get; set; } [CardAction(\"Open\")] public System.Uri U { get; set; } [CardText] public string? N { get; set; } [CardFact] public int? I { get; set; } }", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFact] public string S { get; set; } = \"\"; [CardAction(\"Open\")] public System.Uri U { get; set; } = null!; [CardText] public string? N { get; set; } [CardFact] public int? I { get; set; } }" } },
        { "a struct, a record and a class sharing one namespace", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic enum Kind { A, B }\n[ChatCard(Title = \"{K}\", Summary = \"S\")] public partial struct S { [CardFact] public Kind K { get; set; } [CardText(Color = TextColor.Good)] public string T { get; set; } }", "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"{K}\", Summary = \"S\")] public partial record R { [CardFact] public Kind K { get; init; } [CardText(Color = TextColor.Accent)] public string T { get; init; } = \"\"; }", "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"{K}\", Summary = \"S\")] public partial class C { [CardFact] public Kind K { get; set; } [CardText(Color = TextColor.Warning)] public string T { get; set; } = \"\"; }" } },
        { "a plain card, then a top-level local named like the enum in a file of the same namespace and usings", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}", "using CardGen;\nusing CardGen.Cards;\nvar TextColor = 1;\nSystem.Console.WriteLine(TextColor);\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
        { "a plain card, then a top-level local named like a member type in a file of the same namespace and usings", new[] { "using CardGen;\nnamespace Demo {\npublic enum Severity { Low }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardFact] public Severity S { get; set; } }\n}", "using CardGen;\nvar Severity = 1;\nSystem.Console.WriteLine(Severity);\nnamespace Demo {\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public Severity S { get; set; } }\n}" } },
        { "a nested type of a generic type as a member type, in an enabled and a disabled file", new[] { "using System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\npublic static class Box<T> { public sealed class Map : Dictionary<string, T> { } public sealed class Items : List<T> { } }\n[CardPart] public partial class P { [CardFact] public string Name { get; set; } = \"\"; }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFacts] public Box<string?>.Map M { get; set; } = new(); [CardFacts] public Box<string>.Map N { get; set; } = new(); [CardSection] public Box<P?>.Items I { get; set; } = new(); }", "#nullable disable\nusing System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFacts] public Box<string?>.Map M { get; set; } = new(); [CardFacts] public Box<string>.Map N { get; set; } = new(); [CardSection] public Box<P?>.Items I { get; set; } = new(); }" } },
        { "a nested type of a generic type, in a disabled file first", new[] { "#nullable disable\nusing System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\npublic static class Box<T> { public sealed class Map : Dictionary<string, T> { } }\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class B { [CardFacts] public Box<string?>.Map M { get; set; } = new(); [CardFacts] public Box<string>.Map N { get; set; } = new(); }", "using System.Collections.Generic;\nusing CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class A { [CardFacts] public Box<string?>.Map M { get; set; } = new(); [CardFacts] public Box<string>.Map N { get; set; } = new(); }" } },
        { "property, return and type targets on a member", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [property: CardText] public string A { get; set; } = \"\"; [return: CardFact] public string B => \"\"; [type: CardFact] public string D { get; set; } = \"\"; }" } },
        { "attribute names with escapes and suffixes", new[] { "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [Card\\u0054ext] public string A { get; set; } = \"\"; [CardFactAttribute(\"B\")] public string B { get; set; } = \"\"; [CardIgnoreAttribute, CardText] public string D { get; set; } = \"\"; }" } },
        { "a CardGen attribute redeclared in source with an optional title and an init-only property", new[] { "namespace CardGen { public sealed class CardFactAttribute : System.Attribute { public CardFactAttribute(string title = \"dflt\") { } public int Order { get; init; } public string? Title { get; set; } } }\nnamespace Demo {\nusing CardGen;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact(Order = 2)] public string A { get; set; } = \"\"; [CardFact(\"x\", Order = 3)] public string B { get; set; } = \"\"; }\n}" } },
        { "a positional record around the card with a property named like the enum", new[] { "using CardGen;\nusing CardGen.Cards;\nnamespace Demo;\npublic partial record Outer(int TextColor) {\n [ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }\n}" } },
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

    [Theory]
    [MemberData(nameof(Hunted))]
    public void Whatever_the_syntax_settles_of_a_doubtful_shape_is_the_symbols_reading(string name, string[] sources)
    {
        var readings = Compare(sources);
        Assert.True(readings.Count > 0, $"{name}: no annotated type");
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
        var card = "using CardGen;\nusing Other;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardFact] public string A { get; set; } = \"\"; [CardText] public string B { get; set; } = \"\"; }";
        var reading = Assert.Single(Read(WithLibrary("namespace Other; public sealed class CardTextAttribute : System.Attribute { }", card)));
        Assert.False(reading.Settled, "the syntax settled a card whose [CardText] is ambiguous");
    }

    [Fact]
    public void Members_of_the_next_language_version_read_as_the_symbols_read_them()
    {
        // Partial properties (two declarations of one name) and the field keyword.
        var readings = Compare(
            LanguageVersion.Preview,
            "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText] public partial string A { get; set; } public partial string A { get => \"\"; set { } } [CardFact] public string B { get; set; } = \"\"; }",
            "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText(Markdown = true)] public string A { get => field; set => field = value.Trim(); } = \"\"; [CardFact] public string B => field ??= \"b\"; }");
        Assert.Equal(2, readings.Count);
        Assert.Contains(readings, r => r.Type == "Demo.C" && !r.Settled);
    }

    [Fact]
    public void A_metadata_enum_of_the_same_name_in_scope_is_left_to_the_symbols()
    {
        var card = "using CardGen;\nusing CardGen.Cards;\nusing Other;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; }";
        var reading = Assert.Single(Read(WithLibrary("namespace Other; public enum TextColor { Good = 3 }", card)));
        Assert.False(reading.Settled, "the syntax settled a card whose TextColor is ambiguous");
    }

    [Fact]
    public void A_card_that_sees_CardGen_through_an_extern_alias_reads_as_the_symbols_read_it()
    {
        var runtime = typeof(CardGen.Cards.AdaptiveCard).Assembly.Location;
        var card = "extern alias CG;\nusing CG::CardGen;\nusing CG::CardGen.Cards;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class C { [CardText(Color = TextColor.Good)] public string A { get; set; } = \"\"; [CG::CardGen.CardFact] public string B { get; set; } = \"\"; }";
        var plain = "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public partial class D { [CardText] public string A { get; set; } = \"\"; }";
        foreach (var aliases in new[] { new[] { "CG" }, new[] { "CG", "global" } })
        {
            Compilation Compile() => CSharpCompilation.Create(
                "CardGenTests",
                new[] { CSharpSyntaxTree.ParseText(card, path: "C.cs"), CSharpSyntaxTree.ParseText(plain, path: "D.cs") },
                Net80.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(runtime, new MetadataReferenceProperties(aliases: aliases.ToImmutableArray()))),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var fromSymbols = Read(Compile(), symbolsOnly: true).ToDictionary(r => r.Type, r => r.Model);
            foreach (var reading in Read(Compile()).Where(r => r.Settled))
            {
                Assert.True(Equals(fromSymbols[reading.Type], reading.Model), $"{reading.Type} with aliases {string.Join(",", aliases)}:\n{Show(reading.Model)}\n{Show(fromSymbols[reading.Type])}");
            }
        }
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
    private static List<(string Type, bool Settled)> Compare(params string[] sources) => Compare(LanguageVersion.Latest, sources);

    private static List<(string Type, bool Settled)> Compare(LanguageVersion languageVersion, params string[] sources)
    {
        var fromSyntax = Read(GeneratorHarness.Compile(languageVersion, sources));
        var fromSymbols = Read(GeneratorHarness.Compile(languageVersion, sources), symbolsOnly: true).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.First().Model);
        foreach (var reading in fromSyntax.Where(r => r.Settled))
        {
            var expected = fromSymbols[reading.Type];
            Assert.True(Equals(expected, reading.Model), $"{reading.Type} read from syntax:\n{Show(reading.Model)}\nfrom symbols:\n{Show(expected)}");
        }

        return fromSyntax.Select(r => (r.Type, r.Settled)).ToList();
    }

    /// <summary>The card compiled against a library built from <paramref name="library"/> (assembly <c>Other</c>).</summary>
    private static Compilation WithLibrary(string library, string card)
    {
        var other = CSharpCompilation.Create(
            "Other",
            new[] { CSharpSyntaxTree.ParseText(library) },
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return GeneratorHarness.Compile(LanguageVersion.Latest, card).AddReferences(other.ToMetadataReference());
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
