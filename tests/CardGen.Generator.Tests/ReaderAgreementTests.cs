using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CardReader = CardGen.Generator.CardReader;
using CardTargets = CardGen.Generator.CardTargets;
using KnownNames = CardGen.Generator.KnownNames;
using ProjectDefaults = CardGen.Generator.ProjectDefaults;

namespace CardGen.Generator.Tests;

/// <summary>
/// The generator writes a type's members exactly when the reader the analyzer reports from found no error in it (and
/// its members compile): over every feature source and every source of the robustness, stub and unextendable tests.
/// </summary>
public sealed class ReaderAgreementTests
{
    public static TheoryData<string, string> Sources()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, source) in FeatureSources.All)
        {
            data.Add("feature " + name, source);
        }

        // What the generator once wrote in full although the analyzer reported an error.
        data.Add("an empty card", "using CardGen;\nnamespace Demo;\n[ChatCard] public partial class C { public string A { get; set; } = \"\"; }");
        data.Add("a static card", "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T\", Summary = \"S\")] public static partial class C { }");
        data.Add("a plain base with a member that cannot render", "using CardGen;\nnamespace Demo;\npublic class B { [CardImage] public int N { get; set; } }\n[ChatCard(Title = \"T\")] public partial class C : B { [CardText] public string A { get; set; } = \"\"; }");

        foreach (var testClass in new[] { typeof(RobustnessTests), typeof(UnextendableCardTests), typeof(SkippedCardTests), typeof(StubParityTests) })
        {
            foreach (var method in testClass.GetMethods())
            {
                var rows = method.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(method))
                    .Concat(method.GetCustomAttributes<MemberDataAttribute>().SelectMany(a => a.GetData(method)));
                var index = 0;
                foreach (var row in rows)
                {
                    index++;
                    foreach (var text in row.OfType<string>().Where(t => t.Contains("[ChatCard", StringComparison.Ordinal) || t.Contains("[CardPart", StringComparison.Ordinal)))
                    {
                        var source = text.Contains("namespace ", StringComparison.Ordinal) ? text : "using CardGen;\nnamespace Demo;\n" + text;
                        data.Add($"{testClass.Name}.{method.Name} #{index}", source);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_sources_cover_valid_and_invalid_types()
    {
        var count = Sources().Count;
        Assert.True(count >= 40, $"only {count} sources");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_generator_writes_a_full_type_exactly_when_the_reader_reports_no_error(string name, string source)
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, source);
        var (_, _, run) = GeneratorHarness.Run(source);
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var defaults = CardTargets.FromAttributes(compilation.Assembly.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.DefaultsAttribute));

        var checkedTypes = 0;
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            var card = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ChatCardAttribute);
            var part = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.CardPartAttribute);
            if ((card is null && part is null) || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                continue;
            }

            checkedTypes++;
            // The type's own reading, and its bases': a base's member is reported where it is declared.
            var errors = CardReader.Read(type, card, part, defaults, CancellationToken.None).Diagnostics.Where(d => d.IsError).Select(d => d.Descriptor.Id).ToList();
            for (var baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object }; baseType = baseType.BaseType)
            {
                var baseCard = baseType.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ChatCardAttribute);
                var basePart = baseType.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.CardPartAttribute);
                var baseReading = baseCard is null && basePart is null
                    ? CardReader.ReadPlainBase(baseType, CancellationToken.None)
                    : CardReader.Read(baseType, baseCard, basePart, defaults, CancellationToken.None).Diagnostics;
                errors.AddRange(baseReading.Where(d => d.IsError && d.Descriptor.Id is "CARDGEN004" or "CARDGEN007" or "CARDGEN013").Select(d => d.Descriptor.Id + " (on " + baseType.Name + ")"));
            }

            var compiles = type.GetMembers().All(m => m is not (IPropertySymbol { Type.TypeKind: TypeKind.Error } or IFieldSymbol { Type.TypeKind: TypeKind.Error }));
            var file = generated.Where(g => g.Key.EndsWith("." + type.Name + ".g.cs", StringComparison.Ordinal) || g.Key == type.Name + ".g.cs").Select(g => g.Value).FirstOrDefault();
            var full = file is not null && !GeneratorHarness.IsStub(file);

            Assert.True(full == (errors.Count == 0 && compiles),
                $"{name}: {type.ToDisplayString()} is {(file is null ? "not generated" : full ? "generated in full" : "a stub")}, and the reader reports {(errors.Count == 0 ? "no error" : string.Join(", ", errors))}{(compiles ? string.Empty : " (a member's type does not compile)")}");
        }

        Assert.True(checkedTypes > 0, $"{name}: no annotated type to check");
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in AllTypes(inner))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                foreach (var nested in Nested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var inner in type.GetTypeMembers().SelectMany(Nested))
        {
            yield return inner;
        }
    }
}
