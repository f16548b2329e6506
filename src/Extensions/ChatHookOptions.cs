using System;
using System.Collections.Generic;

namespace CardGen;

/// <summary>One named incoming webhook of <see cref="ChatHooksOptions"/>: its URL, and the options it posts with.</summary>
public sealed class ChatHookOptions
{
    /// <summary>
    /// The webhook URL, for example <c>https://hooks.ringcentral.com/webhook/v2/{id}</c>, or a Microsoft Teams Workflows
    /// URL (<c>…/workflows/{id}/triggers/manual/paths/invoke?…&amp;sig=…</c>); the hook posts to the host the URL is for. It is a credential: keep it in
    /// a secret store or the environment (<c>ChatHooks__Hooks__builds__Url</c>), never in source. A missing or malformed
    /// URL fails start-up with a message that names the hook, never the token.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// The options this hook posts with: <see cref="ChatHooksOptions.Client"/> with the hook's own values over it. Set
    /// when the options are built; <see langword="null"/> before.
    /// </summary>
    public ChatHookClientOptions? Client { get; internal set; }

    /// <summary>The hook's own option values, applied in order over a copy of <see cref="ChatHooksOptions.Client"/>.</summary>
    internal List<Action<ChatHookClientOptions>> Overrides { get; } = new();
}
