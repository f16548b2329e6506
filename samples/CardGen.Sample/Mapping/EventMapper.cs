using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CardGen.Sample.Cards;

namespace CardGen.Sample.Mapping;

/// <summary>
/// Maps webhook payloads to the sample's <c>[ChatCard]</c> types: Jira Cloud's <c>jira:issue_created</c>,
/// <c>jira:issue_updated</c> (status changes) and <c>comment_created</c>, and a CI server's <c>build.failed</c>.
/// Throws only <see cref="EventFormatException"/>, naming the JSON path of what is missing or wrong.
/// </summary>
internal static class EventMapper
{
    // Custom field ids are per Jira site; these are the ones the example site uses for story points and sprints.
    private const string StoryPointsField = "customfield_10016";
    private const string SprintField = "customfield_10020";

    /// <summary>Maps one payload.</summary>
    public static IChatEvent Map(JsonElement payload)
    {
        var root = EventNode.Root(payload);
        if (root.TryGet("webhookEvent") is { } jira)
        {
            var name = jira.AsString();
            return name switch
            {
                "jira:issue_created" => IssueCreated(root),
                "jira:issue_updated" => IssueTransitioned(root),
                "comment_created" => CommentAdded(root),
                _ => throw jira.Problem($"is \"{name}\", which this sample does not map (it maps jira:issue_created, jira:issue_updated and comment_created)"),
            };
        }

        if (root.TryGet("event") is { } ci)
        {
            var name = ci.AsString();
            return name == "build.failed"
                ? BuildFailed(root)
                : throw ci.Problem($"is \"{name}\", which this sample does not map (it maps build.failed)");
        }

        throw new EventFormatException("neither webhookEvent (a Jira webhook) nor event (a CI webhook) is present at the top level");
    }

    private static IssueCreated IssueCreated(EventNode root)
    {
        var issue = root.Get("issue");
        var fields = issue.Get("fields");
        var reporter = fields.Get("reporter");
        return new IssueCreated
        {
            Key = issue.String("key"),
            Summary = fields.String("summary"),
            Description = fields.OptionalString("description"),
            IssueType = fields.Get("issuetype").String("name"),
            Status = fields.Get("status").String("name"),
            Priority = Priority(fields),
            Assignee = fields.TryGet("assignee")?.String("displayName") ?? "Unassigned",
            Reporter = reporter.String("displayName"),
            ReporterAvatar = Avatar(reporter),
            Created = fields.Get("created").AsDate(),
            Fields = ExtraFields(fields),
            IssueUrl = BrowseUrl(issue),
        };
    }

    private static IssueTransitioned IssueTransitioned(EventNode root)
    {
        var issue = root.Get("issue");
        var fields = issue.Get("fields");
        var user = root.Get("user");
        var changes = root.Get("changelog").Get("items");
        var items = changes.Items().ToList();
        var statusAt = items.FindIndex(i => i.OptionalString("field") == "status");
        if (statusAt < 0)
        {
            throw changes.Problem("has no status change; this sample maps jira:issue_updated only when the issue moves to another status");
        }

        var status = items[statusAt];

        return new IssueTransitioned
        {
            Key = issue.String("key"),
            Summary = fields.String("summary"),
            FromStatus = status.String("fromString"),
            ToStatus = status.String("toString"),
            Priority = Priority(fields),
            Assignee = fields.TryGet("assignee")?.String("displayName") ?? "Unassigned",
            ChangedBy = user.String("displayName"),
            ChangedByAvatar = Avatar(user),
            Changed = DateTimeOffset.FromUnixTimeMilliseconds(root.Get("timestamp").AsInt64()),
            OtherChanges = items
                .Where((_, index) => index != statusAt)
                .Select(i => KeyValuePair.Create(FieldTitle(i.String("field")) + " changed", $"{i.OptionalString("fromString") ?? "(none)"} \u2192 {i.OptionalString("toString") ?? "(none)"}"))
                .ToList(),
            IssueUrl = BrowseUrl(issue),
        };
    }

    private static CommentAdded CommentAdded(EventNode root)
    {
        var issue = root.Get("issue");
        var fields = issue.Get("fields");
        var comment = root.Get("comment");
        var author = comment.Get("author");
        var issueUrl = BrowseUrl(issue);
        return new CommentAdded
        {
            Key = issue.String("key"),
            Summary = fields.String("summary"),
            Status = fields.Get("status").String("name"),
            Priority = Priority(fields),
            Assignee = fields.TryGet("assignee")?.String("displayName") ?? "Unassigned",
            Comment = new IssueComment
            {
                Author = author.String("displayName"),
                AuthorAvatar = Avatar(author),
                Body = comment.OptionalString("body"),
                Posted = comment.Get("created").AsDate(),
            },
            CommentUrl = new Uri(issueUrl + "?focusedCommentId=" + Uri.EscapeDataString(comment.String("id"))),
            IssueUrl = issueUrl,
        };
    }

    private static BuildFailed BuildFailed(EventNode root)
    {
        var pipeline = root.Get("pipeline");
        var build = root.Get("build");
        var commit = build.Get("commit");
        var author = commit.TryGet("author");
        var started = build.Get("started_at").AsDate();
        var finished = build.Get("finished_at").AsDate();
        if (finished < started)
        {
            throw build.Get("finished_at").Problem("is before build.started_at");
        }

        var jobs = build.Get("jobs").Items().ToList();
        var failed = jobs.Where(j => j.String("state") == "failed").ToList();
        if (failed.Count == 0)
        {
            throw build.Get("jobs").Problem("has no job in state \"failed\"; a build.failed event names the job that failed");
        }

        var sha = commit.String("sha");
        var message = commit.OptionalString("message");
        return new BuildFailed
        {
            Pipeline = pipeline.String("name"),
            BuildNumber = build.Get("number").AsInt64(),
            Branch = build.String("branch"),
            Commit = message is null ? Short(sha) : $"{Short(sha)} {FirstLine(message)}",
            Author = author?.OptionalString("name"),
            AuthorAvatar = author?.TryGet("avatar_url")?.AsUrl(),
            FailedJobs = string.Join(", ", failed.Select(j => j.String("name"))),
            Tests = Tests(build.TryGet("tests")),
            Duration = finished - started,
            Finished = finished,
            LogExcerpt = failed.Select(j => j.OptionalString("log_excerpt")).FirstOrDefault(l => l is not null),
            BuildUrl = build.Get("url").AsUrl(),
            CommitUrl = commit.TryGet("url")?.AsUrl(),
        };
    }

    /// <summary>The issue's page: Jira's webhooks send the REST URL (<c>…/rest/api/2/issue/10482</c>), not the browse URL.</summary>
    private static Uri BrowseUrl(EventNode issue)
    {
        var self = issue.Get("self");
        var url = self.AsUrl().GetLeftPart(UriPartial.Path);
        var api = url.IndexOf("/rest/api/", StringComparison.Ordinal);
        return api < 0
            ? throw self.Problem("is not a Jira REST URL (it has no /rest/api/), so the issue's page is unknown")
            : new Uri(url[..api] + "/browse/" + Uri.EscapeDataString(issue.String("key")));
    }

    private static IssuePriority? Priority(EventNode fields)
    {
        if (fields.TryGet("priority") is not { } priority)
        {
            return null;
        }

        var name = priority.Get("name");
        return name.AsString() switch
        {
            "Highest" => IssuePriority.Highest,
            "High" => IssuePriority.High,
            "Medium" => IssuePriority.Medium,
            "Low" => IssuePriority.Low,
            "Lowest" => IssuePriority.Lowest,
            var other => throw name.Problem($"is \"{other}\"; expected Highest, High, Medium, Low or Lowest (Jira's default priority scheme)"),
        };
    }

    /// <summary>The 48×48 avatar Jira sends for a user, when there is one.</summary>
    private static Uri? Avatar(EventNode user) => user.TryGet("avatarUrls")?.TryGet("48x48")?.AsUrl();

    /// <summary>Labels, components, story points and sprint, each only when set.</summary>
    private static List<KeyValuePair<string, string>> ExtraFields(EventNode fields)
    {
        var result = new List<KeyValuePair<string, string>>();
        Add("Labels", fields.TryGet("labels")?.Items().Select(l => l.AsString()));
        Add("Components", fields.TryGet("components")?.Items().Select(c => c.String("name")));
        if (fields.TryGet(StoryPointsField) is { } points)
        {
            result.Add(KeyValuePair.Create("Story points", points.AsDouble().ToString("0.#", CultureInfo.InvariantCulture)));
        }

        // Jira sends the sprint field as an array of sprints; the last one is the current sprint.
        Add("Sprint", fields.TryGet(SprintField)?.Items().Select(s => s.String("name")).TakeLast(1));
        return result;

        void Add(string title, IEnumerable<string>? values)
        {
            var text = values is null ? string.Empty : string.Join(", ", values);
            if (text.Length > 0)
            {
                result.Add(KeyValuePair.Create(title, text));
            }
        }
    }

    private static string? Tests(EventNode? tests)
    {
        if (tests is not { } counts)
        {
            return null;
        }

        var failed = counts.Get("failed").AsInt64();
        var passed = counts.Get("passed").AsInt64();
        var skipped = counts.TryGet("skipped")?.AsInt64() ?? 0;
        var text = string.Create(CultureInfo.InvariantCulture, $"{failed} failed, {passed} passed");
        return skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text}, {skipped} skipped") : text;
    }

    private static string FieldTitle(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
