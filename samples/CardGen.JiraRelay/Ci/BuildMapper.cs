using System;
using CardGen.JiraRelay.Cards;
using CardGen.JiraRelay.Relay;

namespace CardGen.JiraRelay.Ci;

/// <summary>Turns a CI notification into a card; throws only <see cref="PayloadException"/>, naming what is missing or wrong.</summary>
internal static class BuildMapper
{
    public static RelayEvent Map(BuildNotification n)
    {
        var pipeline = Required(n.Pipeline, "pipeline");
        var status = Required(n.Status, "status");
        var outcome = status.ToLowerInvariant() switch
        {
            "succeeded" or "success" or "passed" => "succeeded",
            "failed" or "failure" => "failed",
            "cancelled" or "canceled" => "was cancelled",
            _ => throw new PayloadException($"status is \"{status}\"; it must be succeeded, failed or cancelled."),
        };
        var commit = Required(n.Commit, "commit");
        if (!Uri.TryCreate(Required(n.Url, "url"), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new PayloadException("url is not an absolute http(s) URL.");
        }

        if (n.DurationSeconds is { } seconds && (double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds))
        {
            throw new PayloadException("durationSeconds must be a number of seconds, 0 or more.");
        }

        var card = new BuildFinishedCard
        {
            Pipeline = pipeline,
            Outcome = outcome,
            Message = Text(n.Message),
            Branch = Required(n.Branch, "branch"),
            ShortCommit = commit.Length > 10 ? commit[..10] : commit,
            Number = n.Number,
            Author = Text(n.Author),
            Duration = n.DurationSeconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null,
            Finished = n.FinishedAt,
            BuildUrl = url,
        };
        return RelayEvent.Post("build.finished", pipeline, RouteKind.BuildFinished, card);
    }

    private static string Required(string? value, string path) => Text(value) ?? throw PayloadException.Missing(path);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
