using System;
using System.Text.Json.Serialization;

namespace CardGen.JiraRelay.Ci;

/// <summary>
/// The relay's own CI notification, small enough for any CI server to send with one <c>curl</c> step at the end of a
/// pipeline (samples/README.md documents it):
/// <code>
/// { "pipeline": "payments-api", "status": "failed", "branch": "main", "commit": "9f3c2a1e…",
///   "url": "https://ci.example.com/payments-api/1842",
///   "number": 1842, "author": "Dana Reyes", "message": "Retry card posts", "durationSeconds": 312 }
/// </code>
/// <c>pipeline</c>, <c>status</c>, <c>branch</c>, <c>commit</c> and <c>url</c> are required.
/// </summary>
internal sealed class BuildNotification
{
    [JsonPropertyName("pipeline")]
    public string? Pipeline { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("branch")]
    public string? Branch { get; init; }

    /// <summary>The commit id (shown shortened to 10 characters).</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; init; }

    /// <summary>The build's page.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("number")]
    public long? Number { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    /// <summary>The commit message's first line.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("durationSeconds")]
    public double? DurationSeconds { get; init; }

    [JsonPropertyName("finishedAt")]
    public DateTimeOffset? FinishedAt { get; init; }
}
