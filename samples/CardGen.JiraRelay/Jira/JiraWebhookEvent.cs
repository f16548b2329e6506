using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CardGen.JiraRelay.Jira;

// The parts of a Jira Cloud webhook event (https://developer.atlassian.com/cloud/jira/platform/webhooks/) that the
// relay reads, named as Jira names them. Everything else Jira sends (custom fields, changelog ids, avatars of every
// size) is skipped by the reader. Read with the source-generated RelayJsonContext: no reflection.

/// <summary>One Jira webhook delivery: <c>jira:issue_created</c>, <c>jira:issue_updated</c>, <c>comment_created</c>, …</summary>
internal sealed class JiraWebhookEvent
{
    /// <summary>The event, for example <c>jira:issue_updated</c>.</summary>
    [JsonPropertyName("webhookEvent")]
    public string? WebhookEvent { get; init; }

    /// <summary>When it happened, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; init; }

    /// <summary>Who did it (issue events; a comment's author is <see cref="JiraComment.Author"/>).</summary>
    [JsonPropertyName("user")]
    public JiraUser? User { get; init; }

    [JsonPropertyName("issue")]
    public JiraIssue? Issue { get; init; }

    /// <summary>What an update changed (<c>jira:issue_updated</c>); absent when only a comment or a work log was added.</summary>
    [JsonPropertyName("changelog")]
    public JiraChangelog? Changelog { get; init; }

    /// <summary>The comment of a <c>comment_*</c> event.</summary>
    [JsonPropertyName("comment")]
    public JiraComment? Comment { get; init; }
}

internal sealed class JiraIssue
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The issue's REST URL, for example <c>https://example.atlassian.net/rest/api/2/issue/10002</c>; its site gives the browse link.</summary>
    [JsonPropertyName("self")]
    public string? Self { get; init; }

    /// <summary>The issue key, for example <c>PAY-1042</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("fields")]
    public JiraIssueFields? Fields { get; init; }
}

internal sealed class JiraIssueFields
{
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("status")]
    public JiraNamed? Status { get; init; }

    [JsonPropertyName("priority")]
    public JiraNamed? Priority { get; init; }

    [JsonPropertyName("issuetype")]
    public JiraNamed? IssueType { get; init; }

    [JsonPropertyName("project")]
    public JiraProject? Project { get; init; }

    /// <summary>Null when the issue is unassigned.</summary>
    [JsonPropertyName("assignee")]
    public JiraUser? Assignee { get; init; }

    [JsonPropertyName("reporter")]
    public JiraUser? Reporter { get; init; }
}

/// <summary>A status, priority or issue type: Jira sends an object whose <c>name</c> is what people read.</summary>
internal sealed class JiraNamed
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

internal sealed class JiraProject
{
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

internal sealed class JiraUser
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }
}

internal sealed class JiraChangelog
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<JiraChangeItem>? Items { get; init; }
}

/// <summary>One changed field: its name and the old and new values as people read them.</summary>
internal sealed class JiraChangeItem
{
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    [JsonPropertyName("fromString")]
    public string? From { get; init; }

    [JsonPropertyName("toString")]
    public string? To { get; init; }
}

internal sealed class JiraComment
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>
    /// The text: a string (Jira's wiki markup, what webhooks send) or an Atlassian Document Format object (what the
    /// REST API v3 returns), kept as JSON and turned into text by <see cref="JiraText"/>.
    /// </summary>
    [JsonPropertyName("body")]
    public JsonElement Body { get; init; }

    [JsonPropertyName("author")]
    public JiraUser? Author { get; init; }
}
