using System;
using System.Collections.Generic;

namespace CardGen.Emulator;

/// <summary>A webhook's state, as RingCentral's management API names it.</summary>
public enum HookStatus
{
    /// <summary>Posts are accepted.</summary>
    Active,

    /// <summary>Posts are refused with an error envelope until the hook is activated.</summary>
    Suspended,

    /// <summary>The hook is gone; posts get "Webhook not found!".</summary>
    Deleted,
}

/// <summary>A webhook the emulator knows, at one moment (a snapshot).</summary>
public sealed class EmulatedHook
{
    internal EmulatedHook(string id, IReadOnlyList<string> groupIds, string creatorId, DateTimeOffset creationTime, DateTimeOffset lastModifiedTime, HookStatus status, Uri uri)
    {
        Id = id;
        GroupIds = groupIds;
        CreatorId = creatorId;
        CreationTime = creationTime;
        LastModifiedTime = lastModifiedTime;
        Status = status;
        Uri = uri;
    }

    /// <summary>The webhook id (a GUID or a three-part token).</summary>
    public string Id { get; }

    /// <summary>The chats the hook posts to.</summary>
    public IReadOnlyList<string> GroupIds { get; }

    /// <summary>The id of the user who created it.</summary>
    public string CreatorId { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationTime { get; }

    /// <summary>When its state last changed.</summary>
    public DateTimeOffset LastModifiedTime { get; }

    /// <summary>Its state.</summary>
    public HookStatus Status { get; }

    /// <summary>The v2 URL to post to (on the emulator; a local credential-free URL).</summary>
    public Uri Uri { get; }

    /// <summary>The v2 URL as a <see cref="WebhookUrl"/>.</summary>
    public WebhookUrl Url => WebhookUrl.Parse(Uri.AbsoluteUri);

    /// <summary>The legacy v1 URL (<c>/webhook/{id}</c>) of the same hook.</summary>
    public Uri V1Uri => new(Uri, "/webhook/" + Id);
}
