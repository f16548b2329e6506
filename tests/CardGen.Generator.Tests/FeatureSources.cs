using System.Collections.Generic;

namespace CardGen.Generator.Tests;

/// <summary>One annotated source per generator feature; the snapshot, compile and caching tests share them.</summary>
internal static class FeatureSources
{
    public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
    {
        ["ReadmeExample"] = """
            using System;
            using CardGen;

            namespace Demo;

            [ChatCard(Title = "Build {BuildNumber} of {Project} failed", Summary = "{Project} is red on {Branch}")]
            public partial record BuildFailed
            {
                [CardFact("Project")] public required string Project { get; init; }
                [CardFact("Branch")] public required string Branch { get; init; }
                public int BuildNumber { get; init; }
                [CardText(IsSubtle = true)] public string? LogExcerpt { get; init; }
                [CardImage(AltText = "Author")] public Uri? AuthorAvatar { get; init; }
                [CardAction("Open build")] public required Uri BuildUrl { get; init; }
                [CardIgnore] public string? InternalNote { get; init; }
            }
            """,
        ["TextOptions"] = """
            using CardGen;
            using CardGen.Cards;

            namespace Demo;

            [ChatCard(Title = "Deploy notes")]
            public partial class DeployNotes
            {
                [CardText(Size = FontSize.Large, Weight = FontWeight.Bolder, Color = TextColor.Good)] public string Headline { get; set; } = "";
                [CardText(Markdown = true, MaxLines = 3)] public string? ReleaseNotesMarkdown { get; set; }
                [CardText(Wrap = false, IsSubtle = true)] public string Footer { get; set; } = "";
            }
            """,
        ["ValueFormats"] = """
            using System;
            using CardGen;

            namespace Demo;

            public enum Severity { Low, High, Critical }

            [ChatCard(Title = "{Severity} alert {Id:N}", Summary = "{Value:0.00} at {At:yyyy-MM-dd}")]
            public partial class Alert
            {
                public Guid Id { get; set; }
                [CardFact("Severity")] public Severity Severity { get; set; }
                [CardFact("Raised")] public DateTimeOffset At { get; set; }
                [CardFact("Logged", Format = "u")] public DateTime LoggedAt { get; set; }
                [CardFact("Value", Format = "N2")] public double Value { get; set; }
                [CardFact("Retries")] public int? Retries { get; set; }
                [CardFact("Acknowledged")] public bool Acknowledged { get; set; }
                [CardFact("Grade")] public char Grade { get; set; }
                [CardFact("Duration")] public TimeSpan? Duration { get; set; }
            }
            """,
        ["Ordering"] = """
            using CardGen;

            namespace Demo;

            [ChatCard(Title = "Ordered")]
            public partial class Ordered
            {
                [CardText(Order = 3)] public string Third { get; set; } = "";
                [CardFact("First", Order = 1)] public string First { get; set; } = "";
                [CardText(Order = 2)] public string Second { get; set; } = "";
                [CardFact("Also first")] public string? Zero { get; set; }
            }
            """,
        ["FactRows"] = """
            using System.Collections.Generic;
            using CardGen;

            namespace Demo;

            [ChatCard(Title = "Labels")]
            public partial class Labelled
            {
                [CardFact("Ticket")] public string Ticket { get; set; } = "";
                [CardFacts] public IReadOnlyDictionary<string, string?>? Labels { get; set; }
                [CardFacts] public Dictionary<string, int> Counts { get; set; } = new();
            }
            """,
        ["Sections"] = """
            using System.Collections.Generic;
            using CardGen;
            using CardGen.Cards;

            namespace Demo;

            [CardPart]
            public partial class Failure
            {
                [CardText(Weight = FontWeight.Bolder)] public string Test { get; set; } = "";
                [CardFact("Message")] public string? Message { get; set; }
            }

            [ChatCard(Title = "{Count} tests failed")]
            public partial class TestRun
            {
                public int Count { get; set; }
                [CardSection(Title = "First failure", Style = ContainerStyle.Attention)] public Failure? First { get; set; }
                [CardSection(Separator = true)] public List<Failure> All { get; set; } = new();
            }
            """,
        ["TypeShapes"] = """
            using CardGen;

            [ChatCard(Title = "Global {Name}")]
            public partial struct GlobalStruct
            {
                [CardText] public string Name { get; set; }
            }

            namespace Demo.Nested
            {
                public static partial class Outer
                {
                    public partial class Middle
                    {
                        [ChatCard(Title = "Nested")]
                        public partial record struct Inner([property: CardFact("Value")] string Value);
                    }
                }
            }
            """,
        ["EdgeShapes"] = """
            using System;
            using System.Collections.Generic;
            using CardGen;

            namespace Demo.Edges;

            internal enum Kw { @class, @default, Normal, Alias = Normal }

            public sealed class Money : IFormattable
            {
                public decimal Amount { get; set; }
                public string ToString(string? format, IFormatProvider? provider) => Amount.ToString(format, provider) + " EUR";
            }

            [CardPart]
            public partial struct StructPart
            {
                [CardText] public string? Note { get; set; }
            }

            [ChatCard(Title = "Edges {@class}", Summary = "Due {Due}")]
            public partial record BaseEvent
            {
                [CardFact("Class")] public string? @class { get; init; }
                [CardFact("Source")] public string? source { get; init; }
                [CardFact("Version")] public Version? Version { get; init; }
                [CardFact("Kind")] internal Kw Kind { get; init; }
                [CardFact("Due")] public DateTimeOffset? Due { get; init; }
                [CardFacts] public Dictionary<string, Money?>? Prices { get; init; }
                [CardSection] public StructPart Part { get; init; }
                [CardSection] public List<StructPart>? Parts { get; init; }
                [Obsolete("Use Source")] [CardText] public string? Old { get; init; }
            }

            [ChatCard(Title = "Derived")]
            public partial record DerivedEvent : BaseEvent
            {
                [CardText] public string? Extra { get; init; }
            }

            [ChatCard(Title = "Both")]
            [CardPart]
            public partial class CardAndPart
            {
                [CardText] public string? Text { get; set; }
            }

            [ChatCard(Title = "Uses both")]
            public partial class UsesBoth
            {
                [CardSection] public CardAndPart? Inner { get; set; }
            }
            """,
        ["HostAndVersion"] = """
            using CardGen;

            namespace Demo;

            [ChatCard(Title = "Generic {Name}", Host = ChatHost.Generic, Version = "1.5", IconUrl = "https://example.com/icon.png")]
            public partial class GenericCard
            {
                [CardText] public string Name { get; set; } = "";
            }

            [ChatCard]
            public partial class Untitled
            {
                [CardText] public string Body { get; set; } = "";
            }
            """,
        // Cards with an error the generator cannot write: their members are kept and throw (a stub).
        ["Stubs"] = """
            using System;
            using CardGen;

            namespace Demo;

            [CardPart]
            public partial class Detail
            {
                [CardText] public string Note { get; set; } = "";
            }

            [ChatCard(Title = "Build {Nmber} failed", Summary = "{Project} is red")]
            public partial class Misspelt
            {
                public int Number { get; set; }
                [CardFact("Project")] public string Project { get; set; } = "";
                [CardImage] internal Token? Avatar { get; set; }
                [CardText] private Secret? Hidden { get; set; }
                [CardSection] public Detail? Detail { get; set; }
                [CardIgnore] public string? Note { get; set; }

                private sealed class Secret { }
            }

            internal sealed class Token { }

            [ChatCard(Title = "Both")]
            [CardPart]
            public partial struct CardAndPartWithAction
            {
                [CardText] public string? Text { get; set; }
                [CardAction("Open")] public Uri? Link { get; set; }
            }
            """,
    };
}
