using System;

namespace CardGen;

/// <summary>
/// Where a message goes. One webhook has two URL forms, and each reads one message schema (see
/// <see cref="WebhookFormat"/>); RingCentral documents the v1 to v2 rewrite of a URL as the same webhook. Every
/// decision about which form a body is posted to is made here, so that a message written in another schema only
/// adds a case.
/// </summary>
internal static class MessageRoute
{
    /// <summary>The URL a message written in <paramref name="schema"/> is posted to when the caller gives <paramref name="hook"/>.</summary>
    /// <param name="schema">The message schema of the body: <see cref="WebhookFormat.V2"/> for a <see cref="WebhookMessage"/>, <see cref="WebhookFormat.V1"/> for a <see cref="Legacy.LegacyMessage"/>.</param>
    /// <param name="hook">The URL the caller gave.</param>
    /// <returns>The same webhook, in the URL form that reads <paramref name="schema"/>.</returns>
    public static WebhookUrl Endpoint(WebhookFormat schema, WebhookUrl hook)
        => schema switch
        {
            // The v1 route reads body and icon, and no Adaptive Cards: a v2 body sent there is refused or loses its text.
            WebhookFormat.V2 => hook.ToV2(),

            // The v2 route reads text and iconUri: a legacy body sent there loses its text and its Slack-style fields.
            WebhookFormat.V1 => hook.ToV1(),
            _ => throw new ArgumentOutOfRangeException(nameof(schema), schema, "Only v2 (WebhookMessage) and v1 (LegacyMessage) messages can be posted."),
        };
}
