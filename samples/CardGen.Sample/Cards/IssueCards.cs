using System;
using System.Collections.Generic;
using CardGen.Cards;

namespace CardGen.Sample.Cards;

// The cards for Jira Cloud webhooks. Everything that turns these types into Adaptive Cards, webhook messages and
// posts (ToAdaptiveCard, ToCardJson, ToWebhookMessage, CardBuilder, PostToHookAsync) is generated at compile time.

/// <summary>Jira's default priority scheme; it renders on the card by name.</summary>
internal enum IssuePriority
{
    Lowest,
    Low,
    Medium,
    High,
    Highest,
}

/// <summary><c>jira:issue_created</c>: a new issue, with who reported it and what it is about.</summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{Reporter} created {IssueType} {Key}: {Summary}")]
internal sealed partial record IssueCreated : IChatEvent
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    [CardImage(AltText = "Reporter", Size = ImageSize.Small, Style = ImageStyle.Person)]
    public Uri? ReporterAvatar { get; init; }

    [CardText(MaxLines = 6)]
    public string? Description { get; init; }

    [CardFact("Type", Order = 1)]
    public required string IssueType { get; init; }

    [CardFact("Status", Order = 1)]
    public required string Status { get; init; }

    [CardFact("Priority", Order = 1)]
    public IssuePriority? Priority { get; init; }

    [CardFact("Assignee", Order = 1)]
    public string Assignee { get; init; } = "Unassigned";

    [CardFact("Reporter", Order = 1)]
    public required string Reporter { get; init; }

    [CardFact("Created", Order = 1)]
    public DateTimeOffset Created { get; init; }

    /// <summary>Labels, components and the site's custom fields, in the order they should show.</summary>
    [CardFacts(Order = 1)]
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    [CardAction("Open issue", Order = 2)]
    public required Uri IssueUrl { get; init; }
}

/// <summary><c>jira:issue_updated</c> whose changelog moves the issue to another status.</summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{ChangedBy} moved {Key} from {FromStatus} to {ToStatus}")]
internal sealed partial record IssueTransitioned : IChatEvent
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    public required string FromStatus { get; init; }

    public required string ToStatus { get; init; }

    [CardImage(AltText = "Changed by", Size = ImageSize.Small, Style = ImageStyle.Person)]
    public Uri? ChangedByAvatar { get; init; }

    /// <summary>A computed member renders like any other.</summary>
    [CardText(Weight = FontWeight.Bolder, Color = TextColor.Accent)]
    public string Transition => $"{FromStatus} \u2192 {ToStatus}";

    [CardFact("Priority", Order = 1)]
    public IssuePriority? Priority { get; init; }

    [CardFact("Assignee", Order = 1)]
    public string Assignee { get; init; } = "Unassigned";

    [CardFact("Changed by", Order = 1)]
    public required string ChangedBy { get; init; }

    [CardFact("Changed", Order = 1)]
    public DateTimeOffset Changed { get; init; }

    /// <summary>The other fields the same update changed (resolution, assignee, …), as "old → new".</summary>
    [CardFacts(Order = 1)]
    public IReadOnlyList<KeyValuePair<string, string>> OtherChanges { get; init; } = [];

    [CardAction("Open issue", Order = 3)]
    public required Uri IssueUrl { get; init; }
}

/// <summary>A comment, shown as a section of a card.</summary>
[CardPart]
internal sealed partial class IssueComment
{
    [CardImage(AltText = "Comment author", Size = ImageSize.Small, Style = ImageStyle.Person)]
    public Uri? AuthorAvatar { get; init; }

    [CardText(Weight = FontWeight.Bolder)]
    public required string Author { get; init; }

    [CardText]
    public string? Body { get; init; }

    [CardFact("Posted")]
    public DateTimeOffset Posted { get; init; }
}

/// <summary><c>comment_created</c>: the comment in its own emphasized section, under the issue's state.</summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{CommentAuthor} commented on {Key}")]
internal sealed partial record CommentAdded : IChatEvent
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    public string CommentAuthor => Comment.Author;

    [CardFact("Status")]
    public required string Status { get; init; }

    [CardFact("Priority")]
    public IssuePriority? Priority { get; init; }

    [CardFact("Assignee")]
    public string Assignee { get; init; } = "Unassigned";

    [CardSection(Title = "New comment", Style = ContainerStyle.Emphasis, Order = 1)]
    public required IssueComment Comment { get; init; }

    [CardAction("Open comment", Order = 2)]
    public required Uri CommentUrl { get; init; }

    [CardAction("Open issue", Order = 2)]
    public required Uri IssueUrl { get; init; }
}
