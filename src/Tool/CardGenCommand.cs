using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.Linq;
using System.Threading.Tasks;

namespace CardGen.Tool;

/// <summary>The <c>cardgen</c> command line: its commands, their help, and one exit-code convention for all.</summary>
internal static class CardGenCommand
{
    public const string ExitCodesHelp = "Exit codes: 0 success, 1 card errors or a refused/failed request, 2 usage error, unreadable file or missing setting.";

    public static Command Build(ToolConsole console)
    {
        // A plain Command named cardgen rather than a RootCommand, which takes its name from the assembly
        // (CardGen.Tool): help then says "cardgen", as the installed command is called.
        var root = new Command(
            "cardgen",
            "CardGen: validate Adaptive Cards for chat webhooks, post them, manage RingCentral webhooks and run a local webhook emulator.\n"
            + ExitCodesHelp)
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(ValidateCommand.Build(console));
        root.Subcommands.Add(PostCommand.Build(console));
        root.Subcommands.Add(HooksCommand.Build(console));
        root.Subcommands.Add(EmulatorCommand.Build(console));
        root.Subcommands.Add(TemplateCommand.Build(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, ToolConsole console)
    {
        var root = Build(console);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync("cardgen: " + error.Message).ConfigureAwait(false);
            }

            var command = string.Join(" ", result.CommandResult.Command == root ? Array.Empty<string>() : new[] { result.CommandResult.Command.Name });
            await console.Error.WriteLineAsync($"Run 'cardgen {(command.Length == 0 ? string.Empty : command + " ")}--help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    /// <summary>Whether a value is a URL, which the commands never take where a webhook or a secret could land in shell history.</summary>
    public static bool LooksLikeUrl(string? value)
        => value is not null && (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "The output: text (one line per finding or item) or json (one JSON document on standard output).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static Option<string> HostOption(bool followsUrl = false)
    {
        var names = Schema.HostProfile.All.Select(h => h.Name.ToLowerInvariant()).ToArray();
        var option = new Option<string>("--host")
        {
            Description = followsUrl
                ? $"The chat host the cards are checked against: {string.Join(", ", names)} (default: the host the webhook URL is for, ringcentral or teams)."
                : $"The chat host the cards are checked against: {string.Join(", ", names)} (default ringcentral).",
        };
        if (!followsUrl)
        {
            option.DefaultValueFactory = _ => "ringcentral";
        }

        option.AcceptOnlyFromAmong(names);
        return option;
    }
}
