using Microsoft.Extensions.Logging;

namespace CardGen.JiraRelay.Relay;

/// <summary>The relay's log messages (source-generated). None of them holds a webhook URL or the relay's secret.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(1, LogLevel.Information, "Relaying Jira webhooks at {JiraEndpoint} and CI notifications at {CiEndpoint}", EventName = "Listening")]
    public static partial void Listening(ILogger logger, string jiraEndpoint, string ciEndpoint);

    [LoggerMessage(2, LogLevel.Information, "No chat hook is configured: cards go to the local webhook emulator (chat hooks {Hooks}). Open {Page} to see the cards.", EventName = "UsingEmulator")]
    public static partial void UsingEmulator(ILogger logger, string hooks, string page);

    [LoggerMessage(3, LogLevel.Warning, "No Relay:Secret is set: anyone who can reach the relay can post cards through it", EventName = "NoSecret")]
    public static partial void NoSecret(ILogger logger);

    [LoggerMessage(10, LogLevel.Information, "Posted {Card} for {Event} {Subject} to chat hook '{Hook}'", EventName = "Posted")]
    public static partial void Posted(ILogger logger, string card, string @event, string subject, string hook);

    [LoggerMessage(11, LogLevel.Information, "Ignored {Event} {Subject}: {Reason}", EventName = "Ignored")]
    public static partial void Ignored(ILogger logger, string @event, string subject, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Rejected a request to {Path} with {StatusCode}: {Problem}", EventName = "Rejected")]
    public static partial void Rejected(ILogger logger, string path, int statusCode, string problem);

    [LoggerMessage(13, LogLevel.Error, "Could not post {Card} for {Event} {Subject} to chat hook '{Hook}': {Problem}", EventName = "PostFailed")]
    public static partial void PostFailed(ILogger logger, string card, string @event, string subject, string hook, string problem);
}
