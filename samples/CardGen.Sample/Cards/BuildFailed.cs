using System;
using CardGen.Cards;

namespace CardGen.Sample.Cards;

/// <summary><c>build.failed</c> from a CI server: what broke, on which commit, and the first lines of the log.</summary>
[ChatCard(Title = "Build {BuildNumber} of {Pipeline} failed", Summary = "{Pipeline} is red on {Branch}: {FailedJobs} failed")]
internal sealed partial record BuildFailed : IChatEvent
{
    public required string Pipeline { get; init; }

    public long BuildNumber { get; init; }

    [CardImage(AltText = "Commit author", Size = ImageSize.Small, Style = ImageStyle.Person)]
    public Uri? AuthorAvatar { get; init; }

    [CardFact("Branch")]
    public required string Branch { get; init; }

    [CardFact("Commit")]
    public required string Commit { get; init; }

    [CardFact("Author")]
    public string? Author { get; init; }

    [CardFact("Failed jobs")]
    public required string FailedJobs { get; init; }

    [CardFact("Tests")]
    public string? Tests { get; init; }

    [CardFact("Duration", Format = @"m\m\ ss\s")]
    public TimeSpan Duration { get; init; }

    [CardFact("Finished")]
    public DateTimeOffset Finished { get; init; }

    [CardText(IsSubtle = true, Size = FontSize.Small, Order = 1)]
    public string? LogExcerpt { get; init; }

    [CardAction("Open build", Order = 2)]
    public required Uri BuildUrl { get; init; }

    [CardAction("View commit", Order = 2)]
    public Uri? CommitUrl { get; init; }
}
