using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = CardGen.Generator.TrackingNames;

namespace CardGen.Generator.Tests.Templates;

/// <summary>Editing one template regenerates only its card; the template steps hold no compiler objects.</summary>
public sealed class TemplateIncrementalTests
{
    private static readonly string[] Steps = { TrackingNames.TemplateCards, TrackingNames.TemplateFiles, TrackingNames.TemplateInputs, TrackingNames.TemplateOutputs };

    private const string Source = """
        using CardGen;
        namespace Demo;

        [ChatCard(Template = "Cards/First.card.json")]
        public partial class First { public string Name { get; set; } = ""; }

        [ChatCard(Template = "Cards/Second.card.json")]
        public partial class Second { public string Name { get; set; } = ""; }
        """;

    private static string Card(string text) => "{ \"type\": \"AdaptiveCard\", \"version\": \"1.3\", \"body\": [ { \"type\": \"TextBlock\", \"text\": \"" + text + "\" } ] }";

    [Fact]
    public void The_steps_checked_are_every_template_step_the_generator_names()
    {
        var declared = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(n => n.StartsWith("Template", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(declared, Steps.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_one_template_regenerates_only_its_card()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Source);
        var first = new TemplateText("/p/Cards/First.card.json", Card("First ${Name}"));
        var second = new TemplateText("/p/Cards/Second.card.json", Card("Second ${Name}"));
        var driver = TemplateHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options, new[] { first, second }).RunGenerators(compilation);

        // Nothing changed: every step is cached.
        driver = driver.RunGenerators(compilation.Clone());
        var again = driver.GetRunResult().Results[0];
        foreach (var name in Steps)
        {
            Assert.All(again.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }

        // The second template changes: only the second card's compile step produces something new.
        driver = driver.ReplaceAdditionalText(second, new TemplateText(second.Path, Card("Second, edited: ${Name}")));
        driver = driver.RunGenerators(compilation.Clone());
        var result = driver.GetRunResult().Results[0];
        var outputs = result.TrackedSteps[TrackingNames.TemplateOutputs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, outputs.Count);
        var modified = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var output = Assert.Single(modified);
        Assert.Contains("Second, edited", output.Value.ToString(), StringComparison.Ordinal);
        Assert.Single(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("Second, edited", result.GeneratedSources.Single(s => s.HintName == "Demo.Second.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        // The card models reach no symbol, syntax node or compilation.
        foreach (var name in Steps)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoCompilerObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location or AdditionalText, $"{path} holds a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, path + "[]", seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoCompilerObjects(property.GetValue(value), path + "." + property.Name, seen);
        }
    }
}
