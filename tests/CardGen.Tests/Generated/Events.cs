using System;
using System.Collections.Generic;
using CardGen.Cards;

namespace CardGen.Tests.Generated;

// Real annotated types: the generator runs on them when this project builds.

[ChatCard(Title = "Build {BuildNumber} of {Project} failed", Summary = "{Project} is red on {Branch}")]
public partial record BuildFailed
{
    [CardFact("Project")] public required string Project { get; init; }
    [CardFact("Branch")] public required string Branch { get; init; }
    public int BuildNumber { get; init; }
    [CardText(IsSubtle = true)] public string? LogExcerpt { get; init; }
    [CardImage(AltText = "Author")] public Uri? AuthorAvatar { get; init; }
    [CardAction("Open build")] public required Uri BuildUrl { get; init; }
    [CardIgnore] public string? InternalNote { get; init; }
}

public enum IssuePriority { Lowest, Low, Medium, High, Highest }

[CardPart]
public partial class IssueComment
{
    [CardText(Weight = FontWeight.Bolder)] public string Author { get; set; } = "";
    [CardText] public string? Body { get; set; }
    [CardFact("Posted")] public DateTimeOffset? Posted { get; set; }
}

[ChatCard(Title = "{Key}: {Summary}", Summary = "{Key} changed to {Status}")]
public partial class IssueUpdated
{
    public string Key { get; set; } = "";
    public string Summary { get; set; } = "";
    [CardFact("Status", Order = 1)] public string Status { get; set; } = "";
    [CardFact("Priority", Order = 1)] public IssuePriority Priority { get; set; }
    [CardFact("Story points", Order = 1, Format = "0.#")] public double? StoryPoints { get; set; }
    [CardFact("Updated", Order = 1)] public DateTimeOffset Updated { get; set; }
    [CardFacts(Order = 1)] public IReadOnlyDictionary<string, string>? Fields { get; set; }
    [CardText(Order = 0, Size = FontSize.Small)] public string? Description { get; set; }
    [CardSection(Title = "Latest comment", Style = ContainerStyle.Emphasis, Order = 2)] public IssueComment? LatestComment { get; set; }
    [CardSection(Order = 3, Separator = true)] public List<IssueComment> OlderComments { get; set; } = new();
    [CardAction("Open issue", Order = 4)] public string? Url { get; set; }
}

[ChatCard(Title = "Release {Version}", Host = ChatHost.Generic, Version = "1.5")]
public partial struct ReleasePublished
{
    public string Version { get; set; }
    [CardText(Markdown = true)] public string? Notes { get; set; }
    [CardAction("Download", Style = ActionStyle.Positive)] public Uri? Download { get; set; }
}
