using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator.Tests;

/// <summary>What one source's generated code came to, for the fuzzer's counts.</summary>
internal enum GeneratedCodeOutcome
{
    /// <summary>The source has compiler errors of its own, so the generated code was not held to compile.</summary>
    SourceDoesNotCompile,

    /// <summary>The source compiles (CARDGEN errors aside) and the generated code compiles with it.</summary>
    Compiles,
}

/// <summary>
/// Checks that hold for any source whose only errors are CARDGEN ones: the generated files compile, and no use of a
/// generated member fails (CS1061, CS0117, CS0426): a card with an error keeps its members as a stub, and one the
/// analyzers say cannot be extended (CARDGEN001, CARDGEN002) keeps its instance members as extension methods, so there
/// only a static member, the nested builder type or a property may fail, or any member of a type no code outside it
/// can name (file-local, private or protected at some level, a type parameter named twice).
/// </summary>
internal static class GeneratedCodeChecks
{
    /// <summary>
    /// The members the generator adds to a card and a part, and those of them with no extension form, read from a valid
    /// card that is also a part, so the list cannot fall behind the generator (builder steps are <c>With</c> plus a name).
    /// </summary>
    private static readonly Lazy<(HashSet<string> All, HashSet<string> NoExtensionForm)> GeneratedMembers = new(ReadGeneratedMembers);

    /// <summary>Returns the problems found (empty when all is well) and what the source came to.</summary>
    public static (List<string> Problems, GeneratedCodeOutcome Outcome) Check(AnalysisRun run, SyntaxTree source, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (source.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (problems, GeneratedCodeOutcome.SourceDoesNotCompile); // Does not parse: no need to bind it to know.
        }

        var errors = run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var sourceErrors = errors.Where(d => d.Location.SourceTree == source).ToList();
        var missing = sourceErrors.Where(IsMissingGeneratedMember).ToList();
        if (sourceErrors.Count != missing.Count)
        {
            return (problems, GeneratedCodeOutcome.SourceDoesNotCompile);
        }

        foreach (var error in errors.Where(d => d.Location.SourceTree != source))
        {
            problems.Add($"the generated code does not compile: {error}");
        }

        var model = run.Output.GetSemanticModel(source);
        foreach (var error in missing)
        {
            if (Receiver(model, error, cancellationToken) is not { } type)
            {
                continue;
            }

            var isAnnotated = type.GetAttributes().Any(a => a.AttributeClass is { Name: "ChatCardAttribute" or "CardPartAttribute", ContainingNamespace.Name: "CardGen" });
            var cannotExtend = run.AnalyzerDiagnostics.Any(d => d.Id is "CARDGEN001" or "CARDGEN002"
                && d.Location.SourceTree == source
                && type.Locations.Any(l => l.SourceTree == source && l.SourceSpan.IntersectsWith(d.Location.SourceSpan)));
            if (isAnnotated && !cannotExtend)
            {
                problems.Add($"a use of a generated member does not compile although '{type.Name}' is not reported as impossible to extend: {error}");
            }
            else if (isAnnotated && CanBeNamedOutside(type) && MemberName(error) is { } name && !GeneratedMembers.Value.NoExtensionForm.Contains(name))
            {
                problems.Add($"a use of the instance member '{name}' of '{type.Name}', which cannot be extended, does not bind to the extension method that stands in for it: {error}");
            }
        }

        return (problems, GeneratedCodeOutcome.Compiles);
    }

    /// <summary>Whether an error is a use of a generated member that does not bind (CS1061, CS0117, CS0426).</summary>
    public static bool IsMissingGeneratedMember(Diagnostic diagnostic)
    {
        if (diagnostic.Id is not ("CS1061" or "CS0117" or "CS0426"))
        {
            return false;
        }

        return MemberName(diagnostic) is not null;
    }

    /// <summary>The generated member a CS1061, CS0117 or CS0426 is about, or <see langword="null"/> for another member.</summary>
    private static string? MemberName(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return GeneratedMembers.Value.All.FirstOrDefault(m => message.Contains($"'{m}'", StringComparison.Ordinal))
            ?? (message.Contains("definition for 'With", StringComparison.Ordinal) ? "With" : null);
    }

    /// <summary>Whether code outside the type can name it, as the extension methods that stand in for its members must.</summary>
    private static bool CanBeNamedOutside(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var level = type; level is not null; level = level.ContainingType)
        {
            if (level.IsFileLocal || level.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                || level.TypeParameters.Any(p => !names.Add(p.Name)))
            {
                return false;
            }
        }

        return true;
    }

    private static (HashSet<string> All, HashSet<string> NoExtensionForm) ReadGeneratedMembers()
    {
        var (output, _, _) = GeneratorHarness.Run("""
            using CardGen;
            namespace Demo;
            [ChatCard(Title = "T")] [CardPart] public partial class C { [CardText] public string A { get; set; } = ""; }
            """);
        var generated = output.GetTypeByMetadataName("Demo.C")!.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private && m.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
            .Where(m => m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet })
            .ToList();
        Assert.Contains(generated, m => m.Name == "ToCardJson");
        return (
            generated.Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
            generated.Where(m => m.IsStatic || m is IPropertySymbol or INamedTypeSymbol).Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The type whose member was not found, for <c>x.Member</c>, <c>Type.Member</c> and <c>Type.CardBuilder</c>.</summary>
    private static INamedTypeSymbol? Receiver(SemanticModel model, Diagnostic error, CancellationToken cancellationToken)
    {
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        var receiver = node.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberAccessExpressionSyntax or QualifiedNameSyntax) switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
        if (receiver is null)
        {
            return null;
        }

        return model.GetTypeInfo(receiver, cancellationToken).Type as INamedTypeSymbol
            ?? model.GetSymbolInfo(receiver, cancellationToken).Symbol as INamedTypeSymbol;
    }
}
