using CardGen.JiraRelay.Cards;

namespace CardGen.JiraRelay.Relay;

/// <summary>The kinds of event the relay routes to chat hooks, each by its own <c>Relay:Routes:&lt;kind&gt;</c> setting.</summary>
internal enum RouteKind
{
    IssueCreated,
    IssueUpdated,
    CommentCreated,
    BuildFinished,
}

/// <summary>What a payload became: a card to post under a route, or a reason to post nothing.</summary>
/// <param name="Event">The event's name as the sender gave it, for the answer and the log.</param>
/// <param name="Subject">What the event is about (an issue key, a pipeline), for the log.</param>
/// <param name="Kind">The route.</param>
/// <param name="Card">The card; <see langword="null"/> when the event is ignored.</param>
/// <param name="IgnoredBecause">Why nothing is posted, when <paramref name="Card"/> is null.</param>
internal sealed record RelayEvent(string Event, string Subject, RouteKind Kind, IRelayCard? Card, string? IgnoredBecause)
{
    public static RelayEvent Post(string name, string subject, RouteKind kind, IRelayCard card) => new(name, subject, kind, card, null);

    public static RelayEvent Ignore(string name, string subject, RouteKind kind, string because) => new(name, subject, kind, null, because);
}
