using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.RingCentral;

namespace CardGen.Tool;

/// <summary>
/// <c>cardgen hooks</c>: RingCentral's webhook management API. Webhook ids and URLs are credentials, so output shows
/// them redacted (<c>3053…</c>) unless <c>--reveal</c> is given, and a webhook can be named by the start of its id as
/// shown.
/// </summary>
internal static class HooksCommand
{
    private sealed record Common(Option<string?> Server, Option<string?> CredentialsFile, Option<string> Format, Option<bool> Reveal);

    public static Command Build(ToolConsole console)
    {
        var common = new Common(
            new Option<string?>("--server") { Description = $"The platform (default ${Credentials.ServerName}, else https://platform.ringcentral.com); a local emulator's address for tests.", HelpName = "URL" },
            new Option<string?>("--credentials-file")
            {
                Description = $"A file of NAME=value lines with {Credentials.ClientIdName}, {Credentials.ClientSecretName} and {Credentials.JwtName} (default: those environment variables).",
                HelpName = "PATH",
            },
            CardGenCommand.FormatOption(),
            new Option<bool>("--reveal") { Description = "Show webhook ids and URLs in full. They are credentials: do not use it where output is logged." });

        var hooks = new Command(
            "hooks",
            $"Manage RingCentral incoming webhooks through the REST API with a JWT credential ({Credentials.ClientIdName}, {Credentials.ClientSecretName}, {Credentials.JwtName}). " + CardGenCommand.ExitCodesHelp);

        var group = new Option<string>("--group") { Description = "The chat (group) id.", Required = true, HelpName = "ID" };
        var create = With(new Command("create", "Create a webhook in a chat and print it.") { group }, common);
        create.SetAction((r, ct) => RunAsync(console, r, common, async (client, c) => new[] { await client.CreateWebhookAsync(r.GetValue(group)!, c).ConfigureAwait(false) }, "Created", ct));
        hooks.Subcommands.Add(create);

        var listGroup = new Option<string?>("--group") { Description = "Only this chat's (group's) webhooks.", HelpName = "ID" };
        var list = With(new Command("list", "List the account's webhooks, or a chat's.") { listGroup }, common);
        list.SetAction((r, ct) => RunAsync(
            console,
            r,
            common,
            (client, c) => r.GetValue(listGroup) is { } g ? client.ListGroupWebhooksAsync(g, c) : client.ListWebhooksAsync(c),
            null,
            ct));
        hooks.Subcommands.Add(list);

        foreach (var (name, description, verb) in new[]
        {
            ("get", "Show a webhook.", (string?)null),
            ("suspend", "Suspend a webhook: its posts are refused until it is activated.", "Suspended"),
            ("activate", "Activate a suspended webhook.", "Activated"),
            ("delete", "Delete a webhook: its URL stops working.", "Deleted"),
        })
        {
            var id = new Argument<string>("id") { Description = "The webhook id, or its start as list shows it (at least 4 characters, for example 3053)." };
            var command = With(new Command(name, description) { id }, common);
            command.SetAction((r, ct) => RunAsync(console, r, common, async (client, c) =>
            {
                var webhookId = await ResolveAsync(client, r.GetValue(id)!, c).ConfigureAwait(false);
                switch (name)
                {
                    case "suspend":
                        await client.SuspendWebhookAsync(webhookId, c).ConfigureAwait(false);
                        break;
                    case "activate":
                        await client.ActivateWebhookAsync(webhookId, c).ConfigureAwait(false);
                        break;
                    case "delete":
                        await client.DeleteWebhookAsync(webhookId, c).ConfigureAwait(false);
                        return Array.Empty<WebhookInfo>();
                }

                return new[] { await client.GetWebhookAsync(webhookId, c).ConfigureAwait(false) };
            },
            verb,
            ct));
            hooks.Subcommands.Add(command);
        }

        return hooks;
    }

    private static Command With(Command command, Common common)
    {
        command.Options.Add(common.Server);
        command.Options.Add(common.CredentialsFile);
        command.Options.Add(common.Format);
        command.Options.Add(common.Reveal);
        return command;
    }

    /// <summary>A full id is used as it is; a shorter one names the one webhook whose id starts with it.</summary>
    private static async Task<string> ResolveAsync(RingCentralClient client, string id, CancellationToken cancellationToken)
    {
        id = id.TrimEnd('\u2026', '.');
        if (id.Length >= 20)
        {
            return id;
        }

        if (id.Length < 4)
        {
            throw new UsageException("give at least the first 4 characters of the webhook id.");
        }

        var matches = (await client.ListWebhooksAsync(cancellationToken).ConfigureAwait(false)).Where(w => w.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new UsageException($"no webhook id starts with '{id}'."),
            _ => throw new UsageException($"{matches.Count} webhook ids start with '{id}'; give more characters."),
        };
    }

    private static async Task<int> RunAsync(
        ToolConsole console,
        ParseResult result,
        Common common,
        Func<RingCentralClient, CancellationToken, Task<IReadOnlyList<WebhookInfo>>> call,
        string? verb,
        CancellationToken cancellationToken)
    {
        var credential = Credentials.Load(result.GetValue(common.CredentialsFile), console.Environment);
        var server = Credentials.Server(result.GetValue(common.Server), console.Environment);
        var json = result.GetValue(common.Format) == "json";
        var reveal = result.GetValue(common.Reveal);
        RingCentralClient client;
        try
        {
            client = new RingCentralClient(credential, new RingCentralClientOptions { Server = server, Logger = new ProgressLogger(console) });
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        using (client)
        {
            IReadOnlyList<WebhookInfo> hooks;
            try
            {
                hooks = await call(client, cancellationToken).ConfigureAwait(false);
            }
            catch (RingCentralException e)
            {
                await console.Error.WriteLineAsync("cardgen: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (json)
            {
                await console.Output.WriteLineAsync(Json(hooks, reveal)).ConfigureAwait(false);
            }
            else
            {
                foreach (var hook in hooks)
                {
                    await console.Output.WriteLineAsync((verb is null ? string.Empty : verb + ": ") + Line(hook, reveal)).ConfigureAwait(false);
                }

                if (verb == "Deleted")
                {
                    await console.Output.WriteLineAsync("Deleted.").ConfigureAwait(false);
                }
                else if (verb is null && hooks.Count == 0)
                {
                    await console.Output.WriteLineAsync("No webhooks.").ConfigureAwait(false);
                }
            }
        }

        return ExitCodes.Success;
    }

    private static string Line(WebhookInfo hook, bool reveal)
    {
        var id = reveal ? hook.Id : hook.RedactedId;
        var url = hook.Url is null ? "no URL" : reveal ? hook.Url.RevealUri().AbsoluteUri : hook.Url.Redacted;
        var created = hook.CreationTime?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "?";
        return $"{id}  {hook.Status}  group {string.Join(",", hook.GroupIds)}  created {created}  {url}";
    }

    private static string Json(IReadOnlyList<WebhookInfo> hooks, bool reveal)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var hook in hooks)
            {
                writer.WriteStartObject();
                writer.WriteString("id", reveal ? hook.Id : hook.RedactedId);
                writer.WriteString("status", hook.Status.ToString());
                writer.WriteStartArray("groupIds");
                foreach (var g in hook.GroupIds)
                {
                    writer.WriteStringValue(g);
                }

                writer.WriteEndArray();
                if (hook.CreatorId is not null)
                {
                    writer.WriteString("creatorId", hook.CreatorId);
                }

                if (hook.CreationTime is { } c)
                {
                    writer.WriteString("creationTime", c);
                }

                if (hook.LastModifiedTime is { } m)
                {
                    writer.WriteString("lastModifiedTime", m);
                }

                writer.WriteString("uri", hook.Url is null ? null : reveal ? hook.Url.RevealUri().AbsoluteUri : hook.Url.Redacted);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
