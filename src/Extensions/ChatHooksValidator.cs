using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Options;

namespace CardGen;

/// <summary>
/// Checks <see cref="ChatHooksOptions"/> at start-up (<c>ValidateOnStart</c>) and on every reload: each hook has a
/// webhook URL (the message names the hook and says what is wrong, never the token), every option is in range, every
/// configured value could be read, and CardGen's HttpClient is built safe.
/// </summary>
internal sealed class ChatHooksValidator : IValidateOptions<ChatHooksOptions>
{
    private readonly IHttpMessageHandlerFactory _handlers;

    public ChatHooksValidator(IHttpMessageHandlerFactory handlers) => _handlers = handlers;

    public ValidateOptionsResult Validate(string? name, ChatHooksOptions options)
    {
        var failures = new List<string>(options.ConfigurationErrors);
        failures.AddRange(options.Client.Validate().Select(e => $"ChatHooks: {e}"));
        foreach (var hook in options.Hooks.OrderBy(h => h.Key, System.StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(hook.Value.Url))
            {
                failures.Add($"The chat hook '{hook.Key}' has no URL: set ChatHooks:Hooks:{hook.Key}:Url (for example in the environment as ChatHooks__Hooks__{hook.Key}__Url).");
            }
            else if (!WebhookUrl.TryParse(hook.Value.Url, out var url, out var error))
            {
                failures.Add($"The chat hook '{hook.Key}' has a URL that is not a webhook URL: {error}");
            }
            else if (hook.Value.Client?.Host is { } profile && HostOf(profile) is { } configured && configured != url!.ChatHost)
            {
                // The host follows the URL; a Host that names another chat host is a mix-up of URLs or settings.
                failures.Add($"The chat hook '{hook.Key}' has Host '{profile.Name}', but its URL is a {Describe(url.ChatHost)} URL: "
                    + $"remove ChatHooks:Hooks:{hook.Key}:Host (the host follows the URL) or give the hook a {Describe(configured)} URL.");
            }

            if (hook.Value.Client is { } client)
            {
                failures.AddRange(client.Validate().Select(e => $"The chat hook '{hook.Key}': {e}"));
            }
        }

        failures.AddRange(CheckHttpClient(_handlers));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The chat host a profile stands for, or <see langword="null"/> for one that is only a set of rules (Generic).</summary>
    private static ChatHost? HostOf(Schema.HostProfile profile)
        => ReferenceEquals(profile, Schema.HostProfile.RingCentral) ? ChatHost.RingCentral
            : ReferenceEquals(profile, Schema.HostProfile.Teams) ? ChatHost.Teams
            : null;

    private static string Describe(ChatHost host) => host == ChatHost.Teams ? "Teams workflow" : "RingCentral webhook";

    /// <summary>Builds CardGen's handler chain as the factory does, and says what is unsafe in it.</summary>
    public static IReadOnlyList<string> CheckHttpClient(IHttpMessageHandlerFactory handlers)
    {
        HttpMessageHandler handler = handlers.CreateHandler(ChatHooksHttp.ClientName);
        return ChatHooksHttp.Check(handler);
    }
}
