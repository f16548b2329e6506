using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator.Tests;

/// <summary>Every member the generator adds says it is generated and stays out of the user's code coverage.</summary>
public sealed class GeneratedAttributeTests
{
    public static TheoryData<string> Features() => new(FeatureSources.All.Keys);

    [Theory]
    [MemberData(nameof(Features))]
    public void Every_generated_member_carries_GeneratedCode_and_ExcludeFromCodeCoverage(string feature)
    {
        var (_, _, run) = GeneratorHarness.Run(FeatureSources.All[feature]);
        var missing = new List<string>();
        var members = 0;
        foreach (var (hint, text) in GeneratorHarness.GeneratedSources(run))
        {
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();

            // The annotated type: the partial declaration holding no partial declaration (the ones around it hold it); or an
            // extension stub's static class.
            var generatedTypes = root.DescendantNodes().OfType<TypeDeclarationSyntax>()
                .Where(t => t.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))
                    ? !t.Members.OfType<TypeDeclarationSyntax>().Any(inner => inner.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                    : t.Parent is CompilationUnitSyntax);
            foreach (var type in generatedTypes)
            {
                foreach (var member in type.Members)
                {
                    members++;
                    var attributes = member.AttributeLists.SelectMany(l => l.Attributes).Select(a => a.Name.ToString()).ToList();
                    if (!attributes.Contains("global::System.CodeDom.Compiler.GeneratedCode")
                        || !attributes.Contains("global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage"))
                    {
                        missing.Add($"{hint}: {member.ToString().Split('\n').First(l => !l.TrimStart().StartsWith("///", System.StringComparison.Ordinal) && !l.TrimStart().StartsWith("[", System.StringComparison.Ordinal)).Trim()}");
                    }
                }
            }
        }

        Assert.True(members > 0, $"{feature}: no generated member found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
