namespace CardGen;

/// <summary>The RingCentral incoming-webhook URL format, which decides the message schema the endpoint accepts.</summary>
public enum WebhookFormat
{
    /// <summary>The legacy <c>/webhook/{id}</c> endpoint: the v1 (Slack-style) message schema, no Adaptive Cards.</summary>
    V1,

    /// <summary>The <c>/webhook/v2/{id}</c> endpoint: the v2 message schema, with Adaptive Card attachments.</summary>
    V2,
}
