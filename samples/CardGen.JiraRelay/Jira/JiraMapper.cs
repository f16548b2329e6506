using System;
using System.Collections.Generic;
using System.Linq;
using CardGen.JiraRelay.Cards;
using CardGen.JiraRelay.Relay;

namespace CardGen.JiraRelay.Jira;

/// <summary>
/// Turns a Jira Cloud webhook event into the card the relay posts, or into a reason to post nothing. Throws only
/// <see cref="PayloadException"/>, naming the JSON path of what is missing or wrong.
/// </summary>
internal static class JiraMapper
{
    /// <summary>How much of one changed value a card shows (a description can be pages long).</summary>
    private const int MaxValueLength = 300;

    public static RelayEvent Map(JiraWebhookEvent e)
    {
        var name = Required(e.WebhookEvent, "webhookEvent");
        return name switch
        {
            "jira:issue_created" => IssueCreated(name, e),
            "jira:issue_updated" => IssueUpdated(name, e),
            "comment_created" => CommentCreated(name, e),
            _ => RelayEvent.Ignore(name, e.Issue?.Key ?? "-", RouteKind.IssueUpdated, $"{name} is not relayed (the relay posts jira:issue_created, jira:issue_updated and comment_created)."),
        };
    }

    private static RelayEvent IssueCreated(string name, JiraWebhookEvent e)
    {
        var (_, fields, key, url) = Issue(e);
        var card = new IssueCreatedCard
        {
            Key = key,
            Summary = Required(fields.Summary, "issue.fields.summary"),
            Project = Project(fields.Project),
            IssueType = Text(fields.IssueType?.Name) ?? "Issue",
            Status = Text(fields.Status?.Name),
            Priority = Text(fields.Priority?.Name),
            Assignee = Text(fields.Assignee?.DisplayName) ?? "Unassigned",
            Reporter = Text(fields.Reporter?.DisplayName) ?? Text(e.User?.DisplayName) ?? "Someone",
            Created = When(e.Timestamp),
            IssueUrl = url,
        };
        return RelayEvent.Post(name, key, RouteKind.IssueCreated, card);
    }

    private static RelayEvent IssueUpdated(string name, JiraWebhookEvent e)
    {
        var (_, fields, key, url) = Issue(e);
        var items = e.Changelog?.Items ?? [];
        if (items.Count == 0)
        {
            // Jira also sends jira:issue_updated, without a changelog, when a comment or a work log is added; the
            // comment arrives on its own as comment_created.
            return RelayEvent.Ignore(name, key, RouteKind.IssueUpdated, "jira:issue_updated without changelog.items changed no field (a comment or a work log); nothing is posted.");
        }

        var changes = new List<KeyValuePair<string, string>>(items.Count);
        string? transition = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new PayloadException($"changelog.items[{i}] is null.");
            var field = Required(item.Field, $"changelog.items[{i}].field");
            var from = Value(item.From);
            var to = Value(item.To);
            if (string.Equals(field, "status", StringComparison.OrdinalIgnoreCase) && transition is null)
            {
                transition = $"{from} \u2192 {to}";
            }

            changes.Add(KeyValuePair.Create(FieldTitle(field), $"{from} \u2192 {to}"));
        }

        var card = new IssueUpdatedCard
        {
            Key = key,
            Summary = Required(fields.Summary, "issue.fields.summary"),
            ChangedFields = List(changes.Select(c => c.Key).Distinct(StringComparer.Ordinal).ToList()),
            Transition = transition,
            Changes = changes,
            ChangedBy = Text(e.User?.DisplayName) ?? "Someone",
            Changed = When(e.Timestamp),
            IssueUrl = url,
        };
        return RelayEvent.Post(name, key, RouteKind.IssueUpdated, card);
    }

    private static RelayEvent CommentCreated(string name, JiraWebhookEvent e)
    {
        var (_, fields, key, url) = Issue(e);
        var comment = e.Comment ?? throw PayloadException.Missing("comment");
        var body = Text(JiraText.Read(comment.Body)) ?? throw new PayloadException("comment.body is missing or empty: a comment_created event carries the comment's text.");
        var card = new CommentAddedCard
        {
            Key = key,
            Summary = Required(fields.Summary, "issue.fields.summary"),
            Author = Text(comment.Author?.DisplayName) ?? Text(e.User?.DisplayName) ?? "Someone",
            Body = body,
            Status = Text(fields.Status?.Name),
            Assignee = Text(fields.Assignee?.DisplayName) ?? "Unassigned",
            Posted = When(e.Timestamp),
            CommentUrl = Text(comment.Id) is { } id ? new Uri(url.AbsoluteUri + "?focusedCommentId=" + Uri.EscapeDataString(id)) : null,
            IssueUrl = url,
        };
        return RelayEvent.Post(name, key, RouteKind.CommentCreated, card);
    }

    /// <summary>The issue, its fields, its key and its browse link, each required.</summary>
    private static (JiraIssue Issue, JiraIssueFields Fields, string Key, Uri Url) Issue(JiraWebhookEvent e)
    {
        var issue = e.Issue ?? throw PayloadException.Missing("issue");
        var key = Required(issue.Key, "issue.key");
        var fields = issue.Fields ?? throw PayloadException.Missing("issue.fields");
        return (issue, fields, key, BrowseUrl(issue.Self, key));
    }

    /// <summary>
    /// The issue's page, <c>https://site/browse/KEY</c>, from its REST URL <c>https://site/rest/api/2/issue/10002</c>
    /// (a Jira served under a path, <c>https://host/jira/rest/…</c>, keeps the path).
    /// </summary>
    public static Uri BrowseUrl(string? self, string key)
    {
        var text = Required(self, "issue.self");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var rest) || (rest.Scheme != Uri.UriSchemeHttps && rest.Scheme != Uri.UriSchemeHttp))
        {
            throw new PayloadException("issue.self is not an absolute http(s) URL, so the issue cannot be linked.");
        }

        var path = rest.AbsolutePath;
        var at = path.IndexOf("/rest/", StringComparison.Ordinal);
        var site = at >= 0 ? path[..at] : string.Empty;
        return new Uri($"{rest.GetLeftPart(UriPartial.Authority)}{site}/browse/{Uri.EscapeDataString(key)}");
    }

    private static string? Project(JiraProject? project)
        => (Text(project?.Name), Text(project?.Key)) switch
        {
            ({ } name, { } key) => $"{name} ({key})",
            (var name, var key) => name ?? key,
        };

    private static DateTimeOffset? When(long? timestamp)
        => timestamp is { } ms && ms > 0 && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string Value(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return "(none)";
        }

        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "\u2026");
    }

    /// <summary>Jira's field ids are lower case ("status", "assignee"); a card shows them as titles.</summary>
    private static string FieldTitle(string field)
        => char.IsLower(field[0]) ? char.ToUpperInvariant(field[0]) + field[1..] : field;

    /// <summary>"Status", "Status and Assignee", "Status, Assignee and Priority".</summary>
    private static string List(List<string> names)
        => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Required(string? value, string path) => Text(value) ?? throw PayloadException.Missing(path);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
