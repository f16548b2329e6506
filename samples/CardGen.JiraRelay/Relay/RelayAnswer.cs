namespace CardGen.JiraRelay.Relay;

/// <summary>
/// The relay's answer to a sender, as JSON: what became of its event (<c>posted</c>, <c>ignored</c>, <c>rejected</c>
/// when the request or payload is at fault, <c>failed</c> when the chat host is) and, when something went wrong, the
/// problem in words. It never holds a webhook URL.
/// </summary>
internal sealed record RelayAnswer
{
    public required string Status { get; init; }

    /// <summary>The event's name, for example <c>jira:issue_updated</c> or <c>build.finished</c>.</summary>
    public string? Event { get; init; }

    /// <summary>What the event is about: an issue key or a pipeline.</summary>
    public string? Subject { get; init; }

    /// <summary>The card posted (or that would have been).</summary>
    public string? Card { get; init; }

    /// <summary>The name of the chat hook it went to (never its URL).</summary>
    public string? Hook { get; init; }

    /// <summary>What is wrong, or why nothing was posted.</summary>
    public string? Problem { get; init; }

    /// <summary>How the post failed (<c>ChatHookFailure</c>), when the chat host failed.</summary>
    public string? Failure { get; init; }

    /// <summary>The chat host's HTTP status, when it answered.</summary>
    public int? HostStatus { get; init; }

    /// <summary>Whether the card may have been posted despite the failure, so that sending the event again could post it twice.</summary>
    public bool? MayHaveBeenDelivered { get; init; }
}
