using System;
using System.Collections.Generic;
using CardGen.Cards;

namespace CardGen.JiraRelay.Cards;

// The cards for Jira Cloud events. ToAdaptiveCard, WriteCardJson, ToWebhookMessage and PostToHookAsync are generated
// at compile time from these attributes.

/// <summary><c>jira:issue_created</c>: a new issue, what it is and who has it.</summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{Reporter} created {IssueType} {Key}: {Summary}")]
internal sealed partial record IssueCreatedCard : IRelayCard
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    [CardFact("Project")]
    public string? Project { get; init; }

    [CardFact("Type")]
    public string IssueType { get; init; } = "Issue";

    [CardFact("Status")]
    public string? Status { get; init; }

    [CardFact("Priority")]
    public string? Priority { get; init; }

    [CardFact("Assignee")]
    public string Assignee { get; init; } = "Unassigned";

    [CardFact("Reporter")]
    public string Reporter { get; init; } = "Someone";

    [CardFact("Created")]
    public DateTimeOffset? Created { get; init; }

    [CardAction("Open issue")]
    public required Uri IssueUrl { get; init; }
}

/// <summary>
/// <c>jira:issue_updated</c>: which fields changed, each as "old → new", and who changed them. The issue's current
/// status and assignee are not repeated beside the changes, which show them when they changed.
/// </summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{ChangedBy} changed {ChangedFields} on {Key}")]
internal sealed partial record IssueUpdatedCard : IRelayCard
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    /// <summary>The changed fields' names, for the notification text.</summary>
    public required string ChangedFields { get; init; }

    [CardText(Weight = FontWeight.Bolder, Color = TextColor.Accent)]
    public string? Transition { get; init; }

    /// <summary>One row per changed field: its name, then "old → new".</summary>
    [CardFacts(Order = 1)]
    public required IReadOnlyList<KeyValuePair<string, string>> Changes { get; init; }

    [CardFact("Changed by", Order = 1)]
    public string ChangedBy { get; init; } = "Someone";

    [CardFact("Changed", Order = 1)]
    public DateTimeOffset? Changed { get; init; }

    [CardAction("Open issue", Order = 2)]
    public required Uri IssueUrl { get; init; }
}

/// <summary><c>comment_created</c>: the comment's text and author, under the issue's key and summary.</summary>
[ChatCard(Title = "{Key}: {Summary}", Summary = "{Author} commented on {Key}")]
internal sealed partial record CommentAddedCard : IRelayCard
{
    public required string Key { get; init; }

    public required string Summary { get; init; }

    [CardText(Weight = FontWeight.Bolder)]
    public required string Author { get; init; }

    [CardText(MaxLines = 12)]
    public required string Body { get; init; }

    [CardFact("Status", Order = 1)]
    public string? Status { get; init; }

    [CardFact("Assignee", Order = 1)]
    public string Assignee { get; init; } = "Unassigned";

    [CardFact("Posted", Order = 1)]
    public DateTimeOffset? Posted { get; init; }

    [CardAction("Open comment", Order = 2)]
    public Uri? CommentUrl { get; init; }

    [CardAction("Open issue", Order = 2)]
    public required Uri IssueUrl { get; init; }
}
