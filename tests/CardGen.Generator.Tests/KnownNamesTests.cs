using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KnownNames = CardGen.Generator.KnownNames;

namespace CardGen.Generator.Tests;

/// <summary>The generator and the analyzers spell CardGen's metadata names in one place, and each names a runtime type.</summary>
public sealed class KnownNamesTests
{
    [Fact]
    public void Every_known_name_is_a_type_of_the_runtime()
    {
        var runtime = typeof(ChatCardAttribute).Assembly;
        var names = typeof(KnownNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(KnownNames.Namespace))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(runtime.GetType(name) is not null, $"'{name}' is not a type of {runtime.GetName().Name}"));
        Assert.All(KnownNames.Mappings, m => Assert.Contains(m.MetadataName, names));
    }

    [Fact]
    public void No_generator_source_spells_a_CardGen_metadata_name_outside_KnownNames()
    {
        var root = Path.Combine(Baseline.Directory, "..", "..", "..", "src", "Generator");
        var literal = new Regex("\"CardGen\\.(?!(Usage|Schema|Host|Security)\")[A-Za-z`.0-9]+\"");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && Path.GetFileName(f) != "KnownNames.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !x.line.Contains("InternalsVisibleTo", StringComparison.Ordinal) && literal.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Metadata names spelled outside KnownNames:\n" + string.Join("\n", offenders));
    }
}

/// <summary><c>&lt;CardGenGenerate&gt;false&lt;/CardGenGenerate&gt;</c> turns the generator off; any other value leaves it on.</summary>
public sealed class GenerateSwitchTests
{
    private const string Source = "using CardGen;\nnamespace Demo;\n[ChatCard(Title = \"T {A}\")] public partial class C { [CardText] public string A { get; set; } = \"\"; }\n[CardPart] public partial class P { [CardText] public string B { get; set; } = \"\"; }";

    [Theory]
    [InlineData(null, 2)]
    [InlineData("true", 2)]
    [InlineData("", 2)]
    [InlineData("false", 0)]
    [InlineData(" FALSE ", 0)]
    public void The_CardGenGenerate_property_decides_whether_code_is_generated(string? value, int files)
    {
        var options = value is null ? null : new[] { ("build_property.CardGenGenerate", value) };
        var (_, _, run) = GeneratorHarness.Run(Source, globalOptions: options);
        Assert.Equal(files, GeneratorHarness.GeneratedSources(run).Count);
    }
}
