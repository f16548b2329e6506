using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit.Abstractions;
using TemplateScaffold = CardGen.Generator.Templates.TemplateScaffold;

namespace CardGen.Generator.Tests.Templates;

/// <summary>
/// The official Adaptive Card templates with their sample data, compiled by CardGen and run, against the official
/// adaptivecards-templating engine (tests/renderer) on the same data: each template's C# type is derived from its data
/// file as <c>cardgen template scaffold</c> derives it, and the two outputs must be JSON-equal. A template CardGen
/// reports a diagnostic for is unsupported and names the feature it lacks; one that compiles must match.
/// </summary>
public sealed class TemplateConformanceTests
{
    /// <summary>How many of the official templates compile and match; a change that lowers it fails here.</summary>
    private const int SupportedAtLeast = 37;

    /// <summary>
    /// The official templates CardGen rejects on purpose, with the diagnostic and the text of the engine's output that
    /// shows why: ImageGallery binds <c>${….thumbnail.name}</c>, which its data does not have; the engine "passes" only by
    /// writing the binding's text into the card, where CardGen's point is that a binding naming no member fails the build.
    /// </summary>
    private static readonly Dictionary<string, (string Diagnostic, string EngineWrites)> RejectedOnPurpose = new(StringComparer.Ordinal)
    {
        ["Scenarios/ImageGallery.template.json"] = ("CARDGEN024 'name' names no member of 'Conformance.ImageGalleryCardQueryExpansionsItemThumbnail'", "${queryExpansions[0].thumbnail.name}"),
    };

    private readonly ITestOutputHelper _output;

    public TemplateConformanceTests(ITestOutputHelper output) => _output = output;

    private static string TemplatesRoot => Path.Combine(RepositoryPaths.SamplesRoot, "Templates");

    private static string RendererDirectory => Path.Combine(RepositoryPaths.Root, "tests", "renderer");

    [SkippableFact]
    public void The_official_templates_write_what_the_templating_engine_writes()
    {
        if (!Directory.Exists(TemplatesRoot))
        {
            Assert.False(RepositoryPaths.IsCi, RepositoryPaths.SamplesMissingMessage);
            Skip.If(true, RepositoryPaths.SamplesMissingMessage);
        }

        var engineMissing = EngineMissing();
        if (engineMissing is not null)
        {
            Assert.False(RepositoryPaths.IsCi, engineMissing);
            Skip.If(true, engineMissing);
        }

        var pairs = Pairs();
        Assert.True(pairs.Count >= 38, $"Only {pairs.Count} templates with data under {TemplatesRoot}.");
        var expected = Expand(pairs);
        var supported = new List<string>();
        var unsupported = new List<string>();
        var wrong = new List<string>();
        foreach (var (name, template, data) in pairs)
        {
            var outcome = Check(name, template, data, expected[template]);
            if (RejectedOnPurpose.TryGetValue(name, out var rejected))
            {
                Assert.True(outcome.Unsupported?.Contains(rejected.Diagnostic, StringComparison.Ordinal) == true, $"{name} must be rejected with {rejected.Diagnostic}; it was: {outcome.Unsupported ?? outcome.Wrong ?? "supported"}");
                Assert.Contains(rejected.EngineWrites, expected[template]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
            }

            if (outcome.Wrong is not null)
            {
                wrong.Add($"{name}: {outcome.Wrong}");
            }
            else if (outcome.Unsupported is not null)
            {
                unsupported.Add($"{name}: {outcome.Unsupported}");
            }
            else
            {
                supported.Add(name);
            }
        }

        var report = new StringBuilder()
            .AppendLine($"{supported.Count}/{pairs.Count} official templates compile and match the templating engine.")
            .AppendLine("Unsupported:").AppendJoin('\n', unsupported.Select(u => "  " + u)).AppendLine()
            .AppendLine("Wrong output:").AppendJoin('\n', wrong.Select(w => "  " + w)).AppendLine()
            .ToString();
        _output.WriteLine(report);
        Assert.True(wrong.Count == 0, report);
        Assert.True(supported.Count >= SupportedAtLeast, report);
    }

    private static string? EngineMissing()
    {
        if (!File.Exists(Path.Combine(RendererDirectory, "node_modules", "adaptivecards-templating", "package.json")))
        {
            return $"The templating engine is not installed in {RendererDirectory} (run 'npm ci' there).";
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            node!.WaitForExit();
            return node.ExitCode == 0 ? null : "node --version failed.";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "Node.js is not installed: " + e.Message;
        }
    }

    /// <summary>Each template with its data: Scenarios/X.template.json with X.data.json; Elements/Template.*.json with Template.data.json.</summary>
    private static List<(string Name, string Template, string Data)> Pairs()
    {
        var pairs = new List<(string, string, string)>();
        foreach (var template in Directory.EnumerateFiles(TemplatesRoot, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Path.GetFileName(template);
            var folder = Path.GetDirectoryName(template)!;
            string? data = null;
            if (file.EndsWith(".template.json", StringComparison.Ordinal))
            {
                data = Path.Combine(folder, file[..^".template.json".Length] + ".data.json");
            }
            else if (file.StartsWith("Template.", StringComparison.Ordinal) && !file.EndsWith(".data.json", StringComparison.Ordinal))
            {
                data = Path.Combine(folder, "Template.data.json");
            }

            if (data is not null && File.Exists(data))
            {
                pairs.Add((Path.GetFileName(folder) + "/" + file, template, data));
            }
        }

        return pairs;
    }

    /// <summary>Runs the official engine over every pair at once.</summary>
    private static Dictionary<string, JsonNode?> Expand(List<(string Name, string Template, string Data)> pairs)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RendererDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("expand-templates.js");
        foreach (var (_, template, data) in pairs)
        {
            start.ArgumentList.Add(template);
            start.ArgumentList.Add(data);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        Assert.True(node.WaitForExit(120_000), "The templating engine did not finish in 120 s.");
        Assert.True(node.ExitCode == 0, $"expand-templates.js exited with {node.ExitCode}: {stderr.Result}");
        var results = JsonNode.Parse(stdout.Result)!.AsArray();
        var expanded = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            Assert.True(result!["error"] is null, $"The engine failed on {result["template"]}: {result["error"]}");
            expanded[(string)result["template"]!] = result["output"];
        }

        return expanded;
    }

    private readonly record struct Outcome(string? Unsupported, string? Wrong);

    private static Outcome Check(string name, string templatePath, string dataPath, JsonNode? expected)
    {
        var typeName = new string(Path.GetFileName(templatePath).Replace(".template.json", "", StringComparison.Ordinal).Replace(".json", "", StringComparison.Ordinal).Where(char.IsLetterOrDigit).ToArray()) + "Card";
        var fileName = Path.GetFileName(templatePath);
        var declarations = TemplateScaffold.Generate(File.ReadAllText(dataPath), typeName, fileName, "Generic", withSample: true, out var error);
        if (declarations is null)
        {
            return new Outcome($"its data cannot be read: {error}", null);
        }

        var source = "using System;\nusing System.Collections.Generic;\nusing CardGen;\n\nnamespace Conformance;\n\n" + declarations;
        var template = ("/samples/" + fileName, File.ReadAllText(templatePath));
        var diagnostics = TemplateHarness.AnalyzeAsync(source, template).GetAwaiter().GetResult();
        if (diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            var lacks = diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .Distinct()
                .ToList();
            return new Outcome(string.Join("; ", lacks), null);
        }

        string json;
        try
        {
            var (output, _) = TemplateHarness.Generate(source, template);
            json = TemplateHarness.Run(output, "Conformance." + typeName, "Sample");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(null, "it did not compile or run: " + e.Message.Split('\n')[0]);
        }

        var difference = Difference(Canonical(expected), Canonical(JsonNode.Parse(json)), "$");
        return difference is null ? new Outcome(null, null) : new Outcome(null, difference + "\n    CardGen: " + json + "\n    engine:  " + expected?.ToJsonString());
    }

    /// <summary>The JSON with nulls dropped and numbers as doubles, so equal values compare equal however they are written.</summary>
    private static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[key] = Canonical(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Canonical).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(value.GetValue<double>());
            default:
                return node?.DeepClone();
        }
    }

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
            {
                if (!e.ContainsKey(key))
                {
                    return $"{path}.{key} is written by CardGen only";
                }

                if (!a.ContainsKey(key))
                {
                    return $"{path}.{key} is missing (the engine writes {e[key]?.ToJsonString()})";
                }

                if (Difference(e[key], a[key], path + "." + key) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (expected is JsonArray ea && actual is JsonArray aa)
        {
            if (ea.Count != aa.Count)
            {
                return $"{path} has {aa.Count} items, the engine's {ea.Count}";
            }

            for (var i = 0; i < ea.Count; i++)
            {
                if (Difference(ea[i], aa[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        return JsonNode.DeepEquals(expected, actual) ? null : $"{path} is {actual?.ToJsonString()}, the engine's {expected?.ToJsonString()}";
    }
}
