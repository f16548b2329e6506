using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>The generated code compiles without warnings at C# 8, the lowest version CardGen supports (nullable reference types).</summary>
public sealed class LanguageVersionTests
{
    [Fact]
    public void Generated_code_compiles_at_csharp_8_with_nullable_enabled()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using CardGen;
            using CardGen.Cards;

            namespace Demo
            {
                public enum Level { Low, High }

                [CardPart]
                public partial class Detail
                {
                    [CardText] public string Text { get; set; } = "";
                    [CardFact("At")] public DateTime? At { get; set; }
                }

                [ChatCard(Title = "{Name} {Count:N0}", Summary = "{Level}")]
                public partial class Everything
                {
                    public string Name { get; set; } = "";
                    public int Count { get; set; }
                    [CardFact("Level")] public Level Level { get; set; }
                    [CardFact("When")] public DateTimeOffset When { get; set; }
                    [CardFact("Ratio", Format = "P1")] public double? Ratio { get; set; }
                    [CardFacts] public Dictionary<string, string>? Extra { get; set; }
                    [CardText(Size = FontSize.Small, Markdown = true)] public string? Notes { get; set; }
                    [CardImage(AltText = "a")] public Uri? Picture { get; set; }
                    [CardSection(Title = "Details")] public List<Detail>? Details { get; set; }
                    [CardAction("Open")] public string? Link { get; set; }
                }

                [ChatCard(Title = "S")]
                public partial struct SmallStruct
                {
                    [CardText] public string? Text { get; set; }
                }
            }
            """;

        var (_, diagnostics, run) = GeneratorHarness.Run(source, GeneratorHarness.LowestLanguageVersion);

        Assert.Equal(3, GeneratorHarness.GeneratedSources(run).Count);
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8, false)]
    [InlineData(LanguageVersion.CSharp9, false)]
    [InlineData(LanguageVersion.CSharp10, true)]
    [InlineData(LanguageVersion.Latest, true)]
    public void The_namespace_is_file_scoped_from_csharp_10_and_a_block_before(LanguageVersion version, bool fileScoped)
    {
        const string source = """
            namespace Demo.Cards
            {
                [CardGen.ChatCard(Title = "T {Name}")]
                public partial class Titled
                {
                    [CardGen.CardText] public string Name { get; set; } = "";
                }
            }
            """;

        var (_, diagnostics, run) = GeneratorHarness.Run(source, version);

        var code = GeneratorHarness.GeneratedSources(run).Values.Single();
        Assert.Equal(fileScoped, code.Contains("\nnamespace Demo.Cards;\n", System.StringComparison.Ordinal));
        Assert.Equal(!fileScoped, code.Contains("\nnamespace Demo.Cards\n{\n    partial class Titled", System.StringComparison.Ordinal));
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
