using System;
using System.Collections.Generic;

namespace CardGen;

/// <summary>
/// The named incoming webhooks of <see cref="IChatHooks"/> and the options they post with: what
/// <c>AddChatHooks</c> binds from a configuration section such as <c>ChatHooks</c>.
/// </summary>
/// <remarks>
/// <code>
/// "ChatHooks": {
///   "Retry": { "MaxRetryAttempts": 2 },               // ChatHookClientOptions of every hook
///   "Hooks": {
///     "builds": { "Url": "https://hooks.ringcentral.com/webhook/v2/…" },
///     "alerts": { "Url": "…", "Host": "Generic", "AttemptTimeout": { "Timeout": "00:00:10" } },
///     "oncall": { "Url": "https://prod-05.westeurope.logic.azure.com:443/workflows/…/triggers/manual/paths/invoke?…&amp;sig=…" }
///   }
/// }
/// </code>
/// A hook posts to the host its URL is for (<see cref="WebhookUrl.ChatHost"/>): RingCentral, or Microsoft Teams for a
/// Workflows URL, so one <c>[ChatCard]</c> type posts to either by the hook's name. <c>Host</c> picks the profile cards
/// are validated against (by default the URL's host's); one that names the other chat host fails start-up, naming the hook.
/// </remarks>
public sealed class ChatHooksOptions
{
    /// <summary>The options every hook posts with, unless the hook overrides a value.</summary>
    public ChatHookClientOptions Client { get; } = new();

    /// <summary>The hooks by name (ordinal, ignoring case).</summary>
    public IDictionary<string, ChatHookOptions> Hooks { get; } = new Dictionary<string, ChatHookOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values in configuration that could not be read, each naming its key; reported at start-up.</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    /// <summary>The hook named <paramref name="name"/>, added when missing.</summary>
    internal ChatHookOptions Hook(string name)
    {
        if (!Hooks.TryGetValue(name, out var hook))
        {
            hook = new ChatHookOptions();
            Hooks[name] = hook;
        }

        return hook;
    }
}
