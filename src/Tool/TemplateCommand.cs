using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Generator.Templates;

namespace CardGen.Tool;

/// <summary>
/// <c>cardgen template scaffold</c>: writes the <c>[ChatCard(Template = …)]</c> type for a template designed in the
/// Adaptive Cards Designer, its members derived from the template's sample data (the same derivation the template
/// conformance tests use).
/// </summary>
internal static class TemplateCommand
{
    public static Command Build(ToolConsole console)
    {
        var template = new Argument<string>("template") { Description = "The template file, for example Cards/BuildFailed.card.json." };
        var data = new Option<string?>("--data")
        {
            Description = "The sample data (default: the template's name with .data.json for .template.json or .card.json).",
            HelpName = "FILE",
        };
        var name = new Option<string?>("--name") { Description = "The type's name (default: from the template's file name).", HelpName = "TYPE" };
        var ns = new Option<string?>("--namespace") { Description = "The type's namespace (default: none).", HelpName = "NAMESPACE" };
        var host = new Option<string?>("--host") { Description = "The chat host: RingCentral, Teams or Generic (default: the project default).", HelpName = "HOST" };
        host.AcceptOnlyFromAmong("RingCentral", "Teams", "Generic");
        var output = new Option<string?>("--output") { Description = "Write the C# file there (default: standard output); the Template path is then relative to it.", HelpName = "FILE" };
        var scaffold = new Command("scaffold", "Write the [ChatCard] type for a card template, with members derived from its sample data.")
        {
            template, data, name, ns, host, output,
        };
        scaffold.SetAction((result, _) => RunAsync(console, result.GetValue(template)!, result.GetValue(data), result.GetValue(name), result.GetValue(ns), result.GetValue(host), result.GetValue(output)));
        return new Command("template", "Card templates designed in the Adaptive Cards Designer.") { scaffold };
    }

    internal static string DataPathFor(string template)
    {
        foreach (var suffix in new[] { ".template.json", ".card.json", ".json" })
        {
            if (template.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return template[..^suffix.Length] + ".data.json";
            }
        }

        return template + ".data.json";
    }

    internal static string TypeNameFor(string template)
    {
        var file = Path.GetFileName(template);
        var stem = file.Split('.')[0];
        var builder = new System.Text.StringBuilder();
        var upper = true;
        foreach (var c in stem)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        var name = builder.ToString();
        return name.Length == 0 || char.IsDigit(name[0]) ? "Card" + name : name;
    }

    private static async Task<int> RunAsync(ToolConsole console, string template, string? data, string? name, string? ns, string? host, string? output)
    {
        if (!File.Exists(template))
        {
            throw new UsageException($"the template '{template}' does not exist.");
        }

        data ??= DataPathFor(template);
        if (!File.Exists(data))
        {
            throw new UsageException($"the sample data '{data}' does not exist; give it with --data.");
        }

        name ??= TypeNameFor(template);
        if (name.Length == 0 || char.IsDigit(name[0]) || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new UsageException($"'{name}' is not a C# type name; give one with --name.");
        }

        var templatePath = output is null
            ? template.Replace('\\', '/')
            : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(template)).Replace('\\', '/');
        string text;
        try
        {
            text = await File.ReadAllTextAsync(data).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read '{data}': {e.Message}", e);
        }

        var declarations = TemplateScaffold.Generate(text, name, templatePath, host, withSample: false, out var error);
        if (declarations is null)
        {
            await console.Error.WriteLineAsync($"cardgen: {data}: {error}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var source = new System.Text.StringBuilder()
            .Append("// The [ChatCard] type for ").Append(Path.GetFileName(template)).Append(", its members derived from ").Append(Path.GetFileName(data)).Append(".\n")
            .Append("// Adjust the member types (string?, double?, bool?) to the event's own; the build checks every binding.\n")
            .Append("using System;\nusing System.Collections.Generic;\nusing CardGen;\n\n");
        if (ns is not null)
        {
            source.Append("namespace ").Append(ns).Append(";\n\n");
        }

        source.Append(declarations);
        if (output is null)
        {
            await console.Output.WriteAsync(source.ToString()).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(output, source.ToString()).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Wrote {output}.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
