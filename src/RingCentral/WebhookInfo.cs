using System;
using System.Collections.Generic;

namespace CardGen.RingCentral;

/// <summary>
/// A webhook as the management API describes it (RingCentral's <c>TMWebhookInfo</c>). Its URL is a credential, and so
/// is its id where the URL ends with it: <see cref="Url"/> is a <see cref="WebhookUrl"/> (shown redacted) and
/// <see cref="ToString"/> shows <see cref="RedactedId"/>.
/// </summary>
public sealed class WebhookInfo
{
    internal WebhookInfo(string id, string? creatorId, IReadOnlyList<string> groupIds, DateTimeOffset? creationTime, DateTimeOffset? lastModifiedTime, WebhookUrl? url, WebhookStatus status)
    {
        Id = id;
        CreatorId = creatorId;
        GroupIds = groupIds;
        CreationTime = creationTime;
        LastModifiedTime = lastModifiedTime;
        Url = url;
        Status = status;
    }

    /// <summary>The webhook id, which the other operations take. Where the URL ends with it, it is the webhook's secret: do not log it.</summary>
    public string Id { get; }

    /// <summary>The id as logs may show it: its first four characters and an ellipsis.</summary>
    public string RedactedId => Redaction.RedactId(Id);

    /// <summary>The id of the user who created it, when given.</summary>
    public string? CreatorId { get; }

    /// <summary>The chats (groups) it posts to.</summary>
    public IReadOnlyList<string> GroupIds { get; }

    /// <summary>When it was created, when given.</summary>
    public DateTimeOffset? CreationTime { get; }

    /// <summary>When its state last changed, when given.</summary>
    public DateTimeOffset? LastModifiedTime { get; }

    /// <summary>
    /// The URL to post to (<c>uri</c>), or <see langword="null"/> when the answer had none or one that is not a
    /// webhook URL. <see cref="WebhookUrl.RevealUri"/> gives the secret URL.
    /// </summary>
    public WebhookUrl? Url { get; }

    /// <summary>Its state.</summary>
    public WebhookStatus Status { get; }

    /// <summary>The redacted id, the state, the groups and the redacted URL.</summary>
    /// <returns>For example <c>Webhook 3053… (Active) in 6090227714: https://hooks.ringcentral.com/webhook/v2/3053…</c>.</returns>
    public override string ToString()
        => $"Webhook {RedactedId} ({Status}) in {(GroupIds.Count == 0 ? "no group" : string.Join(", ", GroupIds))}: {Url?.Redacted ?? "no URL"}";
}
