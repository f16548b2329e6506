using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen.Tool;

/// <summary>
/// <c>cardgen post</c>: validates a card file, then posts it to the webhook whose URL is in an environment variable.
/// The URL is never an argument: arguments land in shell history and process listings, and the URL is the webhook's
/// only credential.
/// </summary>
internal static class PostCommand
{
    public static Command Build(ToolConsole console)
    {
        var file = new Argument<string>("file") { Description = "The card file: a bare Adaptive Card, a whole webhook message body, or a RingCentral legacy (v1) message (posted to the v1 form of the URL)." };
        var hookEnv = new Option<string>("--hook-env")
        {
            Description = "The name of the environment variable that holds the webhook URL (never the URL itself: arguments end up in shell history).",
            Required = true,
            HelpName = "NAME",
        };
        var host = CardGenCommand.HostOption(followsUrl: true);
        var command = new Command("post", "Validate a card file and post it to an incoming webhook. Nothing is sent when a card has errors. " + CardGenCommand.ExitCodesHelp)
        {
            file, hookEnv, host,
        };
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetValue(file)!, result.GetValue(hookEnv)!, result.GetValue(host), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string path, string variable, string? hostName, CancellationToken cancellationToken)
    {
        if (CardGenCommand.LooksLikeUrl(path) || CardGenCommand.LooksLikeUrl(variable))
        {
            // Not even echoed: the value is a credential.
            throw new UsageException(
                "a webhook URL was given on the command line, where it lands in shell history and process listings. "
                + "Put it in an environment variable and name the variable: cardgen post card.json --hook-env MY_HOOK_URL.");
        }

        var url = console.Environment(variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UsageException($"the environment variable {variable} is not set; it must hold the webhook URL.");
        }

        if (!WebhookUrl.TryParse(url, out var hook, out var problem))
        {
            throw new UsageException($"the environment variable {variable} does not hold a webhook URL: {problem}");
        }

        // The cards are checked for the host the URL posts to, unless --host names another profile.
        var target = hostName is null
            ? new ValidationTarget(hook!.ChatHost == ChatHost.Teams ? HostProfile.Teams : HostProfile.RingCentral)
            : ValidateCommand.Target(hostName, null);
        var file = CardFile.Read(path, target);
        foreach (var finding in file.Findings)
        {
            await console.Error.WriteLineAsync($"{file.Path}: {ValidateCommand.Severity(finding.Severity)} {finding.RuleId} {finding.Path}: {finding.Message}").ConfigureAwait(false);
        }

        if (file.Errors > 0)
        {
            await console.Error.WriteLineAsync($"cardgen: not posted: {file.Errors} error(s) for {target}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        using var client = new ChatHookClient(new ChatHookClientOptions { Host = target.Host, Logger = new ProgressLogger(console) });
        if (file.Legacy is { } legacy)
        {
            if (hook!.ChatHost != ChatHost.RingCentral)
            {
                throw new UsageException($"{file.Path} is a legacy (v1) message, which only RingCentral's webhooks take; the environment variable {variable} holds a {hook.ChatHost} URL.");
            }

            // A legacy (v1) message goes to the v1 form of the URL, as it is.
            return await SendAsync(console, file, hook!, () => client.PostAsync(hook!, legacy, cancellationToken)).ConfigureAwait(false);
        }

        var message = new WebhookMessage { Text = file.Text, Title = file.Title, Activity = file.Activity, IconUri = file.IconUri };
        foreach (var (card, _) in file.Cards)
        {
            message.Attachments.Add(card);
        }

        if (!file.IsMessage && file.Cards.Count == 1)
        {
            message.Activity = file.Cards[0].Card.FallbackText;
        }

        return await SendAsync(console, file, hook!, () => client.PostAsync(hook!, message, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<int> SendAsync(ToolConsole console, CardFile file, WebhookUrl hook, Func<Task<ChatHookResponse>> post)
    {
        try
        {
            var response = await post().ConfigureAwait(false);
            await console.Output.WriteLineAsync($"Posted {file.CardCount} card(s) to {hook.Redacted}: {response}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (ChatHookException e)
        {
            await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (CardValidationException e)
        {
            await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Legacy.LegacyValidationException e)
        {
            await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (InvalidOperationException e)
        {
            // A message the host cannot carry, for example text without a card to a Teams workflow; nothing was sent.
            await console.Error.WriteLineAsync("cardgen: not posted: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
