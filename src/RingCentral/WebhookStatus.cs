namespace CardGen.RingCentral;

/// <summary>A webhook's state, as the management API names it (<c>TMWebhookInfo.status</c>).</summary>
public enum WebhookStatus
{
    /// <summary>A state this version does not know, or none was given.</summary>
    Unknown = 0,

    /// <summary>Posts are accepted.</summary>
    Active,

    /// <summary>Posts are refused until the webhook is activated.</summary>
    Suspended,

    /// <summary>The webhook is gone.</summary>
    Deleted,
}
