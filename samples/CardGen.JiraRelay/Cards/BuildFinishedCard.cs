using System;

namespace CardGen.JiraRelay.Cards;

/// <summary>A CI build that finished: how it ended, on which branch and commit, and a link to it.</summary>
[ChatCard(Title = "{Pipeline} {Outcome} on {Branch}", Summary = "{Pipeline} {Outcome} on {Branch} at {ShortCommit}")]
internal sealed partial record BuildFinishedCard : IRelayCard
{
    public required string Pipeline { get; init; }

    /// <summary>"succeeded", "failed" or "was cancelled".</summary>
    public required string Outcome { get; init; }

    [CardText(IsSubtle = true)]
    public string? Message { get; init; }

    [CardFact("Branch", Order = 1)]
    public required string Branch { get; init; }

    [CardFact("Commit", Order = 1)]
    public required string ShortCommit { get; init; }

    [CardFact("Build", Order = 1)]
    public long? Number { get; init; }

    [CardFact("Author", Order = 1)]
    public string? Author { get; init; }

    [CardFact("Duration", Format = @"h\:mm\:ss", Order = 1)]
    public TimeSpan? Duration { get; init; }

    [CardFact("Finished", Order = 1)]
    public DateTimeOffset? Finished { get; init; }

    [CardAction("Open build", Order = 2)]
    public required Uri BuildUrl { get; init; }
}
