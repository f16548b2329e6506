namespace CardGen;

/// <summary>The incoming-webhook URL format, which decides the message schema the endpoint accepts.</summary>
public enum WebhookFormat
{
    /// <summary>
    /// The legacy <c>/webhook/{id}</c> endpoint: the v1 (Slack-style) message schema, no Adaptive Cards.
    /// <see cref="ChatHookClient"/> posts a <see cref="WebhookMessage"/> (the v2 schema) to such a URL's v2 form, and a
    /// <see cref="Legacy.LegacyMessage"/> to this form of any URL.
    /// </summary>
    V1,

    /// <summary>The <c>/webhook/v2/{id}</c> endpoint: the v2 message schema, with Adaptive Card attachments.</summary>
    V2,

    /// <summary>
    /// A Microsoft Teams Workflows URL (<c>…/workflows/{id}/triggers/manual/paths/invoke?…&amp;sig=…</c>): a
    /// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":…}]}</c> body.
    /// </summary>
    TeamsWorkflow,
}
