using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// A request or payload the relay cannot post from gets a 4xx whose answer names the problem (by its JSON path), and
/// nothing reaches the chat hook.
/// </summary>
public sealed class RejectionTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;
    private RunningRelay _relay = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });
        _relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _emulator.DefaultHook.RevealUri().AbsoluteUri),
            ("Relay:MaxBodyBytes", "4096"));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("created", "webhookEvent", null, "webhookEvent is missing.")]
    [InlineData("created", "issue", null, "issue is missing.")]
    [InlineData("created", "issue.key", null, "issue.key is missing.")]
    [InlineData("created", "issue.key", "\"  \"", "issue.key is missing.")]
    [InlineData("created", "issue.fields", null, "issue.fields is missing.")]
    [InlineData("created", "issue.fields.summary", null, "issue.fields.summary is missing.")]
    [InlineData("created", "issue.self", null, "issue.self is missing.")]
    [InlineData("created", "issue.self", "\"/rest/api/2/issue/10482\"", "issue.self is not an absolute http(s) URL")]
    [InlineData("created", "issue.key", "1042", "at $.issue.key (line 1, byte ")]
    [InlineData("created", "issue.fields.status", "\"Done\"", "at $.issue.fields.status (line 1, byte ")]
    [InlineData("created", "timestamp", "\"yesterday\"", "at $.timestamp (line 1, byte ")]
    [InlineData("updated", "changelog.items", "{}", "at $.changelog.items (line 1, byte ")]
    [InlineData("updated", "changelog.items.0.field", null, "changelog.items[0].field is missing.")]
    [InlineData("comment", "comment", null, "comment is missing.")]
    [InlineData("comment", "comment.body", null, "comment.body is missing or empty")]
    [InlineData("comment", "comment.body", "\"\"", "comment.body is missing or empty")]
    public async Task A_jira_payload_without_what_its_card_needs_gets_400_naming_the_path(string kind, string path, string? value, string problem)
    {
        var payload = kind switch { "created" => Payloads.IssueCreated(), "updated" => Payloads.IssueUpdated(), _ => Payloads.CommentCreated() };
        Set(payload, path, value is null ? null : JsonNode.Parse(value), remove: value is null);

        var answer = await _relay.PostAsync("/jira", payload);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("rejected", answer["status"]);
        Assert.StartsWith("The body is not a Jira webhook event the relay can post: ", answer["problem"], StringComparison.Ordinal);
        Assert.Contains(problem, answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Theory]
    [InlineData("pipeline", null, "pipeline is missing.")]
    [InlineData("status", "\"flaky\"", "status is \"flaky\"; it must be succeeded, failed or cancelled.")]
    [InlineData("branch", null, "branch is missing.")]
    [InlineData("commit", null, "commit is missing.")]
    [InlineData("url", "\"ci.example.com/1842\"", "url is not an absolute http(s) URL.")]
    [InlineData("durationSeconds", "-3", "durationSeconds must be a number of seconds, 0 or more.")]
    [InlineData("number", "\"1842\"", "at $.number (line 1, byte ")]
    [InlineData("finishedAt", "\"5 Dec\"", "at $.finishedAt (line 1, byte ")]
    public async Task A_ci_notification_without_what_its_card_needs_gets_400_naming_the_field(string path, string? value, string problem)
    {
        var payload = Payloads.BuildFailed();
        Set(payload, path, value is null ? null : JsonNode.Parse(value), remove: value is null);

        var answer = await _relay.PostAsync("/ci", payload);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains(problem, answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Theory]
    [InlineData("", "the body is empty.")]
    [InlineData("  \r\n", "the body is empty.")]
    [InlineData("null", "the body is null, not a Jira webhook event object.")]
    [InlineData("[1, 2]", "at $ (line 1, byte 2): the body is not a JSON object, as a Jira webhook event is.")]
    [InlineData("{\"webhookEvent\": \"jira:issue_created\", \"issue\": {", "at $.issue (line 1, byte 50): Expected depth to be zero at the end of the JSON payload.")]
    [InlineData("{\"webhookEvent\": 'jira:issue_created'}", "at $.webhookEvent (line 1, byte 18): ''' is an invalid start of a value.")]
    public async Task A_body_that_is_not_a_json_object_gets_400_saying_where(string body, string problem)
    {
        var answer = await _relay.PostAsync("/jira", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains(problem, answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Theory]
    [InlineData("\"body\":\"Reproduced ", "the body is not UTF-8: byte ")]
    [InlineData("\"key\":\"PAY-", "the body is not UTF-8: byte ")]
    public async Task A_body_that_is_not_utf8_gets_400_saying_where(string before, string problem)
    {
        // Found by PayloadFuzzTests (seed 20261205, case 7): an invalid byte inside a string became a 500.
        var json = Encoding.UTF8.GetBytes(Payloads.CommentCreated().ToJsonString());
        var at = IndexOf(json, Encoding.UTF8.GetBytes(before)) + Encoding.UTF8.GetByteCount(before);
        json[at] = 0xFF;

        var answer = await _relay.PostAsync("/jira", json, "application/json");

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains(problem + (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Theory]
    [InlineData("comment.body")]
    [InlineData("issue.fields.summary")]
    [InlineData("issue.key")]
    public async Task A_string_with_a_lone_surrogate_gets_400_naming_its_path(string path)
    {
        var payload = Payloads.CommentCreated();
        Set(payload, path, JsonValue.Create("placeholder"), remove: false);
        var json = Encoding.UTF8.GetBytes(payload.ToJsonString().Replace("placeholder", "half \\udc00 of a pair", StringComparison.Ordinal));

        var answer = await _relay.PostAsync("/jira", json, "application/json");

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Contains(path, answer["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    [Fact]
    public async Task A_body_that_is_not_json_a_too_large_body_and_a_get_are_refused_before_reading()
    {
        var form = await _relay.PostAsync("/jira", Encoding.UTF8.GetBytes("webhookEvent=jira:issue_created"), "application/x-www-form-urlencoded");
        var large = Payloads.IssueCreated();
        large["issue"]!["fields"]!["description"] = new string('x', 5000);
        var tooLarge = await _relay.PostAsync("/jira", large);
        var withoutType = await _relay.PostAsync("/ci", Encoding.UTF8.GetBytes(Payloads.BuildFailed().ToJsonString()), contentType: null);
        using var get = await _relay.Http.GetAsync("/jira");

        Assert.True(form.Status == 415, form.ToString());
        Assert.Contains("The body must be JSON (Content-Type: application/json), not application/x-www-form-urlencoded.", form["problem"], StringComparison.Ordinal);
        Assert.True(tooLarge.Status == 413, tooLarge.ToString());
        Assert.Contains("larger than 4096 bytes (Relay:MaxBodyBytes)", tooLarge["problem"], StringComparison.Ordinal);
        Assert.Equal(405, (int)get.StatusCode);

        // A sender that sets no Content-Type at all (some CI tools) is read as JSON.
        Assert.True(withoutType.Status == 200, withoutType.ToString());
        Assert.Equal(1, _emulator.TotalPosts);
    }

    [Fact]
    public async Task Every_refusal_is_logged_as_a_warning_with_the_path_and_the_problem()
    {
        var payload = Payloads.IssueCreated();
        payload["issue"]!.AsObject().Remove("key");

        await _relay.PostAsync("/jira", payload);

        var record = Assert.Single(_relay.Logs.Records, r => r.Contains("[Rejected]", StringComparison.Ordinal));
        Assert.StartsWith("Warning CardGen.JiraRelay[Rejected]", record, StringComparison.Ordinal);
        Assert.Contains("Rejected a request to /jira with 400: The body is not a Jira webhook event the relay can post: issue.key is missing.", record, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0, "The payload does not hold the text to break.");
        return at;
    }

    /// <summary>Sets (or removes) the value at a dotted path; a number segment indexes an array.</summary>
    internal static void Set(JsonNode root, string path, JsonNode? value, bool remove)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var last = parts[^1];
        if (remove)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
