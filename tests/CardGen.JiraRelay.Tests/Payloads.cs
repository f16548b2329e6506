using System.Text.Json.Nodes;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// Payloads shaped as Jira Cloud sends its webhook events (the documented fields, plus the kind of extra fields a real
/// site sends and the relay must skip: avatars, ids, custom fields), and the relay's own CI notification. Written for
/// these tests; the people, issues and sites are made up.
/// </summary>
internal static class Payloads
{
    public const string Site = "https://acme-payments.atlassian.net";

    /// <summary><c>jira:issue_created</c> for PAY-1042.</summary>
    public static JsonObject IssueCreated() => Parse($$"""
        {
          "timestamp": 1796461200000,
          "webhookEvent": "jira:issue_created",
          "issue_event_type_name": "issue_created",
          "user": {
            "self": "{{Site}}/rest/api/2/user?accountId=5b10a2844c20165700ede21g",
            "accountId": "5b10a2844c20165700ede21g",
            "avatarUrls": { "48x48": "https://avatar-management.example.net/initials/DR-5.png" },
            "displayName": "Dana Reyes",
            "active": true,
            "timeZone": "Europe/Berlin",
            "accountType": "atlassian"
          },
          "issue": {
            "id": "10482",
            "self": "{{Site}}/rest/api/2/issue/10482",
            "key": "PAY-1042",
            "fields": {
              "summary": "Card posts time out when the chat host is slow",
              "issuetype": { "self": "{{Site}}/rest/api/2/issuetype/10004", "id": "10004", "name": "Bug", "subtask": false },
              "project": { "self": "{{Site}}/rest/api/2/project/10001", "id": "10001", "key": "PAY", "name": "Payments", "projectTypeKey": "software" },
              "status": { "self": "{{Site}}/rest/api/2/status/10000", "name": "To Do", "id": "10000", "statusCategory": { "id": 2, "key": "new", "name": "To Do" } },
              "priority": { "self": "{{Site}}/rest/api/2/priority/2", "name": "High", "id": "2" },
              "assignee": null,
              "reporter": { "accountId": "5b10a2844c20165700ede21g", "displayName": "Dana Reyes", "active": true },
              "labels": [ "chat", "timeouts" ],
              "customfield_10016": 3.0,
              "customfield_10020": null,
              "created": "2026-12-05T10:00:00.000+0100",
              "description": "Posting a card waits for the host's answer; when the host takes 30 s the relay gives up."
            }
          }
        }
        """);

    /// <summary><c>jira:issue_updated</c> for PAY-1042 whose changelog moves it to In Progress and assigns it.</summary>
    public static JsonObject IssueUpdated() => Parse($$"""
        {
          "timestamp": 1796464800000,
          "webhookEvent": "jira:issue_updated",
          "issue_event_type_name": "issue_generic",
          "user": { "accountId": "60e5a9c1d4a4d20069f7a1b2", "displayName": "Tomás Ibarra", "active": true },
          "issue": {
            "id": "10482",
            "self": "{{Site}}/rest/api/2/issue/10482",
            "key": "PAY-1042",
            "fields": {
              "summary": "Card posts time out when the chat host is slow",
              "issuetype": { "name": "Bug" },
              "project": { "key": "PAY", "name": "Payments" },
              "status": { "name": "In Progress", "statusCategory": { "key": "indeterminate" } },
              "priority": { "name": "High" },
              "assignee": { "accountId": "60e5a9c1d4a4d20069f7a1b2", "displayName": "Tomás Ibarra" },
              "reporter": { "displayName": "Dana Reyes" }
            }
          },
          "changelog": {
            "id": "10937",
            "items": [
              { "field": "status", "fieldtype": "jira", "fieldId": "status", "from": "10000", "fromString": "To Do", "to": "3", "toString": "In Progress" },
              { "field": "assignee", "fieldtype": "jira", "fieldId": "assignee", "from": null, "fromString": null, "to": "60e5a9c1d4a4d20069f7a1b2", "toString": "Tomás Ibarra" }
            ]
          }
        }
        """);

    /// <summary><c>comment_created</c> on PAY-1042, its body in Jira's wiki markup as webhooks send it.</summary>
    public static JsonObject CommentCreated() => Parse($$"""
        {
          "timestamp": 1796472000000,
          "webhookEvent": "comment_created",
          "comment": {
            "self": "{{Site}}/rest/api/2/issue/10482/comment/10571",
            "id": "10571",
            "author": { "accountId": "5b10a2844c20165700ede21g", "displayName": "Dana Reyes", "active": true },
            "body": "Reproduced with a 35 s delay on the emulator; the retry never starts.",
            "updateAuthor": { "displayName": "Dana Reyes" },
            "created": "2026-12-05T13:00:00.000+0100",
            "updated": "2026-12-05T13:00:00.000+0100",
            "jsdPublic": true
          },
          "issue": {
            "id": "10482",
            "self": "{{Site}}/rest/api/2/issue/10482",
            "key": "PAY-1042",
            "fields": {
              "summary": "Card posts time out when the chat host is slow",
              "issuetype": { "name": "Bug" },
              "project": { "key": "PAY", "name": "Payments" },
              "status": { "name": "In Progress" },
              "priority": { "name": "High" },
              "assignee": { "displayName": "Tomás Ibarra" }
            }
          }
        }
        """);

    /// <summary>The relay's CI notification: a failed build of payments-api.</summary>
    public static JsonObject BuildFailed() => Parse("""
        {
          "pipeline": "payments-api",
          "status": "failed",
          "branch": "main",
          "commit": "9f3c2a1e77b0c4d2e5f6a7b8c9d0e1f2a3b4c5d6",
          "url": "https://ci.example.com/payments-api/builds/1842",
          "number": 1842,
          "author": "Dana Reyes",
          "message": "Retry card posts after a dropped connection",
          "durationSeconds": 312.4,
          "finishedAt": "2026-12-05T14:05:12Z"
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
