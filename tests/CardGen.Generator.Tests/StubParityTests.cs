using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// The stubs cannot drift from what they stand in for: a valid card and the same card with an error are compiled, and
/// the members the generator added to each (every one a caller can see, with its return type, parameters, defaults
/// and accessibility, and the builder's) must be the same; so must the instance members of a valid card and the
/// extension methods that stand in for them when the card cannot be extended. A member added to the generated code
/// and not to a stub fails here, whatever list of names a test keeps.
/// </summary>
public sealed class StubParityTests
{
    /// <summary>A card that is also a part, with a step of a public type, one of an internal type and a template member.</summary>
    private const string Card = """
        using CardGen;
        namespace Demo;
        internal enum Level { Low, High }
        [ChatCard(Title = "Build {Number} failed", Summary = "{Project} is red"{0})]
        [CardPart]
        public {1}class C
        {
            public int Number { get; set; }
            [CardFact("Project")] public string Project { get; set; } = "";
            [CardFact("Level")] internal Level Level { get; set; }
            [CardText] public System.DateTimeOffset? When { get; set; }
        }
        """;

    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeParameters
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    [Theory]
    [InlineData(", IconUrl = \"icon.png\"", "CARDGEN007")]
    [InlineData(", Version = \"1.5\"", "CARDGEN006")]
    [InlineData(", Host = (ChatHost)9", "CARDGEN007")]
    public async Task A_card_with_an_error_has_exactly_the_members_of_the_valid_card(string error, string id)
    {
        var valid = await CompileAsync(Card.Replace("{0}", string.Empty, StringComparison.Ordinal).Replace("{1}", "partial ", StringComparison.Ordinal), expectedError: null);
        var broken = await CompileAsync(Card.Replace("{0}", error, StringComparison.Ordinal).Replace("{1}", "partial ", StringComparison.Ordinal), expectedError: id);

        var expected = GeneratedSurface(valid.GetTypeByMetadataName("Demo.C")!);
        var actual = GeneratedSurface(broken.GetTypeByMetadataName("Demo.C")!);

        Assert.True(expected.Count >= 15, $"the valid card's generated surface is only:\n{string.Join("\n", expected)}");
        Assert.Contains(expected, s => s.Contains("WithLevel(", StringComparison.Ordinal) && s.StartsWith("internal", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_card_that_cannot_be_extended_has_an_extension_method_for_each_instance_member_and_the_same_builder()
    {
        var valid = await CompileAsync(Card.Replace("{0}", string.Empty, StringComparison.Ordinal).Replace("{1}", "partial ", StringComparison.Ordinal), expectedError: null);
        var unextendable = await CompileAsync(Card.Replace("{0}", string.Empty, StringComparison.Ordinal).Replace("{1}", string.Empty, StringComparison.Ordinal), expectedError: "CARDGEN001");
        var card = valid.GetTypeByMetadataName("Demo.C")!;
        var stub = unextendable.GetTypeByMetadataName("Demo.C")!;
        var stubClass = Assert.Single(unextendable.SyntaxTrees.Where(IsGenerated).SelectMany(t => unextendable.GetSemanticModel(t).SyntaxTree.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
            .Select(c => unextendable.GetSemanticModel(t).GetDeclaredSymbol(c)!)
            .Where(c => c.IsStatic)));

        // The valid card's generated instance methods, as the reduced extension methods show them.
        var instance = card.GetMembers().OfType<IMethodSymbol>()
            .Where(m => !m.IsStatic && m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && m.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree)))
            .Select(m => Normalize(MethodShape(m), card))
            .Order(StringComparer.Ordinal)
            .ToList();
        var extensions = stubClass.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.IsExtensionMethod)
            .Select(m => Normalize(MethodShape(m.ReduceExtensionMethod(stub)!), stubClass))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(11, instance.Count); // 9 of the card, 2 of the part
        Assert.Equal(instance, extensions);

        // The builder the stand-in ToCardBuilder() returns has the same steps as the real one.
        var builder = GeneratedSurface(card.GetTypeMembers("CardBuilder").Single()).Select(s => Normalize(s, card)).ToList();
        var stubBuilder = GeneratedSurface(stubClass.GetTypeMembers("CardBuilder").Single()).Select(s => Normalize(s, stubClass)).ToList();
        Assert.Equal(builder, stubBuilder);

        // What has no extension form, and is documented as such (docs/diagnostics/CARDGEN001.md): static members,
        // properties and the nested type. Everything else the valid card gained is an instance method, checked above.
        var noExtensionForm = card.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private && m.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree)))
            .Where(m => m.IsStatic || m is IPropertySymbol or INamedTypeSymbol)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "CardBuilder", "CreateCardBuilder", "HasCardElements" }, noExtensionForm);
    }

    private static async Task<Compilation> CompileAsync(string source, string? expectedError)
    {
        var run = await AnalyzerHarness.RunAsync(AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, source)));
        Assert.Empty(run.Crashes());
        var errors = run.CompilerDiagnostics.Concat(run.AnalyzerDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToList();
        Assert.Equal(expectedError is null ? Array.Empty<string>() : new[] { expectedError }, errors);
        return run.Output;
    }

    /// <summary>Every member the generator added to <paramref name="type"/> that a caller can see, nested types' included.</summary>
    private static List<string> GeneratedSurface(INamedTypeSymbol type)
    {
        var surface = new List<string>();
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private || !member.DeclaringSyntaxReferences.All(r => IsGenerated(r.SyntaxTree)))
            {
                continue;
            }

            if (member is INamedTypeSymbol nested)
            {
                surface.Add($"{nested.DeclaredAccessibility} {(nested.IsSealed ? "sealed " : string.Empty)}{nested.ToDisplayString(Signature)} : {nested.BaseType?.ToDisplayString(Signature)}");
                surface.AddRange(GeneratedSurface(nested));
            }
            else if (member is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet })
            {
                surface.Add(member.ToDisplayString(Signature));
            }
        }

        return surface.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A method as a caller sees it: accessibility, return type, name and parameters, but not where it is declared.</summary>
    private static string MethodShape(IMethodSymbol method)
        => $"{method.DeclaredAccessibility} {method.ReturnType.ToDisplayString(Signature)} {method.Name}({string.Join(", ", method.Parameters.Select(p => p.ToDisplayString(Signature)))})";

    /// <summary>Both builders read as <c>CardBuilder</c>, wherever each is declared.</summary>
    private static string Normalize(string signature, INamedTypeSymbol container)
        => signature.Replace(container.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".", string.Empty, StringComparison.Ordinal);

    private static bool IsGenerated(SyntaxTree tree) => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal);
}
