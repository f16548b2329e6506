using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = CardGen.Generator.TrackingNames;

namespace CardGen.Generator.Tests;

/// <summary>Re-running the generator regenerates nothing unless an annotated type changed, and its models hold no compiler objects.</summary>
public sealed class IncrementalTests
{
    private const string Unrelated = """
        namespace Demo;
        public static class Util
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private static readonly string[] Steps = { TrackingNames.Cards, TrackingNames.Parts, TrackingNames.ResolvedCards, TrackingNames.Defaults };

    // A part, so the Parts step has something to cache too.
    private const string WithPart = "\n[CardGen.CardPart] public partial class Note { [CardGen.CardText] public string Text { get; set; } = \"\"; }";

    [Fact]
    public void The_steps_checked_are_every_step_the_generator_names()
    {
        var declared = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(n => !n.StartsWith("Template", StringComparison.Ordinal)) // Checked by Templates/TemplateIncrementalTests.
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(declared, Steps.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Running_twice_on_the_same_compilation_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, FeatureSources.All["Sections"], Unrelated);
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void An_edit_to_an_unrelated_file_or_a_method_body_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, FeatureSources.All["ReadmeExample"] + "\npublic partial record BuildFailed { public int Score() { return 1; } }" + WithPart, Unrelated);
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees[1];
        var edited = compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Unrelated.Replace("x * 2", "x + x", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult());

        var annotated = edited.SyntaxTrees[0];
        var bodyEdit = edited.ReplaceSyntaxTree(annotated, annotated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(annotated.ToString().Replace("return 1;", "return 2;", StringComparison.Ordinal))));
        driver = driver.RunGenerators(bodyEdit);
        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void Changing_an_annotated_member_regenerates_that_type()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, FeatureSources.All["ReadmeExample"]);
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees[0];
        var changed = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace("[CardFact(\"Branch\")]", "[CardFact(\"Git branch\")]", StringComparison.Ordinal))));
        var result = driver.RunGenerators(changed).GetRunResult();

        Assert.Contains(result.Results[0].TrackedSteps[TrackingNames.Cards].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Git branch", result.Results[0].GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_nodes_or_compilations()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, FeatureSources.All.Values.ToArray());
        var result = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation).GetRunResult();

        var steps = result.Results[0].TrackedSteps;
        Assert.All(Steps, name => Assert.True(steps.TryGetValue(name, out var runs) && runs.SelectMany(r => r.Outputs).Any(), $"Step {name} has no outputs to check."));
        var outputs = steps
            .Where(step => Steps.Contains(step.Key))
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Select(output => output.Value)
            .ToList();
        foreach (var output in outputs)
        {
            AssertNoCompilerObjects(output, "model", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        // Every named step ran and had outputs: a step renamed, removed or never reached would otherwise pass unchecked.
        var steps = result.Results[0].TrackedSteps;
        var observed = Steps.Where(name => steps.TryGetValue(name, out var runs) && runs.SelectMany(r => r.Outputs).Any()).ToList();
        Assert.True(observed.Count == Steps.Length, $"Steps without outputs: {string.Join(", ", Steps.Except(observed))}; tracked: {string.Join(", ", steps.Keys)}");
        foreach (var name in Steps)
        {
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} produced {output.Reason}.");
            }
        }

        var outputs = result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"An output step produced {o.Reason}."));
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location, $"{path} holds a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
