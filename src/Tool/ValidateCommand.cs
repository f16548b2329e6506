using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tool;

/// <summary><c>cardgen validate</c>: findings with JSON paths and an exit code, for CI pipelines.</summary>
internal static class ValidateCommand
{
    /// <summary>From this many files on, progress is shown on standard error.</summary>
    internal const int ProgressEvery = 25;

    public static Command Build(ToolConsole console)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Card files: a bare Adaptive Card, a whole webhook message body (its Adaptive Card attachments are checked), or a RingCentral legacy (v1) message (\"body\", legacy card attachments; checked against the documented v1 limits, rules LV...). Patterns with *, ? and ** are expanded.",
            Arity = ArgumentArity.OneOrMore,
        };
        var host = CardGenCommand.HostOption();
        var version = new Option<string?>("--version")
        {
            Description = "The Adaptive Cards version the host renders, for example 1.3 (default: the host's newest).",
            HelpName = "1.x",
        };
        var format = CardGenCommand.FormatOption();
        var quiet = new Option<bool>("--quiet") { Description = "No progress on standard error." };
        var command = new Command("validate", "Validate Adaptive Card files against a chat host. " + CardGenCommand.ExitCodesHelp)
        {
            files, host, version, format, quiet,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetValue(files) ?? Array.Empty<string>(),
            Target(result.GetValue(host)!, result.GetValue(version)),
            result.GetValue(format) == "json",
            result.GetValue(quiet),
            cancellationToken));
        return command;
    }

    /// <summary>The host and version to validate against.</summary>
    /// <exception cref="UsageException">The version is not one or is newer than the host renders.</exception>
    public static ValidationTarget Target(string hostName, string? versionText)
    {
        if (!HostProfile.TryGet(hostName, out var host))
        {
            throw new UsageException($"Unknown host '{hostName}'.");
        }

        if (versionText is null)
        {
            return new ValidationTarget(host);
        }

        if (!CardVersion.TryParse(versionText, out var version))
        {
            throw new UsageException($"--version '{versionText}' is not an Adaptive Cards version such as 1.3.");
        }

        if (version > host.MaxVersion)
        {
            throw new UsageException($"{host.Name} renders Adaptive Cards up to {host.MaxVersion}, not {version}.");
        }

        return new ValidationTarget(host, version);
    }

    private static async Task<int> RunAsync(ToolConsole console, string[] arguments, ValidationTarget target, bool json, bool quiet, CancellationToken cancellationToken)
    {
        var paths = FileGlobs.Expand(arguments);
        var results = new List<CardFile>();
        var unreadable = new List<string>();
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(CardFile.Read(paths[i], target));
            }
            catch (UsageException e)
            {
                unreadable.Add(e.Message);
                await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
            }

            if (!quiet && paths.Count > ProgressEvery && ((i + 1) % ProgressEvery == 0 || i + 1 == paths.Count))
            {
                await console.Error.WriteLineAsync($"cardgen: validated {i + 1} of {paths.Count} files").ConfigureAwait(false);
            }
        }

        var errors = results.Sum(r => r.Errors);
        var warnings = results.Sum(r => r.Warnings);
        if (json)
        {
            await console.Output.WriteLineAsync(Json(results, unreadable, target, errors, warnings)).ConfigureAwait(false);
        }
        else
        {
            foreach (var file in results)
            {
                foreach (var finding in file.Findings)
                {
                    await console.Output.WriteLineAsync($"{file.Path}: {Severity(finding.Severity)} {finding.RuleId} {finding.Path}: {finding.Message}").ConfigureAwait(false);
                }
            }

            var cards = results.Sum(r => r.CardCount);
            var summary = $"{results.Count} file(s), {cards} card(s) checked for {target}: {errors} error(s), {warnings} warning(s)"
                + (unreadable.Count > 0 ? $", {unreadable.Count} file(s) unreadable" : string.Empty) + ".";
            await console.Output.WriteLineAsync(summary).ConfigureAwait(false);
        }

        return unreadable.Count > 0 ? ExitCodes.Usage : errors > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Json(List<CardFile> results, List<string> unreadable, ValidationTarget target, int errors, int warnings)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("host", target.Host.Name);
            writer.WriteString("version", target.Version.ToString());
            writer.WriteNumber("errors", errors);
            writer.WriteNumber("warnings", warnings);
            writer.WriteStartArray("files");
            foreach (var file in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteNumber("cards", file.CardCount);
                writer.WriteString("schema", file.IsLegacy ? "v1" : file.IsMessage ? "v2" : "card");
                writer.WriteNumber("errors", file.Errors);
                writer.WriteNumber("warnings", file.Warnings);
                writer.WriteStartArray("findings");
                foreach (var finding in file.Findings)
                {
                    writer.WriteStartObject();
                    writer.WriteString("severity", Severity(finding.Severity));
                    writer.WriteString("ruleId", finding.RuleId);
                    writer.WriteString("path", finding.Path);
                    writer.WriteString("message", finding.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unreadable");
            foreach (var problem in unreadable)
            {
                writer.WriteStringValue(problem);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
