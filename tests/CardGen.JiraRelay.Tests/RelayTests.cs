using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CardGen.Emulator;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// Jira events and CI notifications posted to the relay over HTTP become the cards the emulator receives, on the hook
/// their route names, with what the event says: the issue key and summary, the changed fields, the comment, the links.
/// </summary>
public sealed class RelayTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;
    private EmulatedHook _issues = null!;
    private EmulatedHook _builds = null!;
    private RunningRelay _relay = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync();
        _issues = _emulator.CreateHook(Guid.NewGuid().ToString());
        _builds = _emulator.CreateHook(Guid.NewGuid().ToString());
        _relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _issues.Uri.AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _builds.Uri.AbsoluteUri));
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task An_issue_created_event_becomes_a_card_with_the_key_summary_facts_and_browse_link()
    {
        var answer = await _relay.PostAsync("/jira", Payloads.IssueCreated());

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("posted", answer["status"]);
        Assert.Equal("IssueCreatedCard", answer["card"]);
        Assert.Equal("issues", answer["hook"]);
        Assert.Equal("PAY-1042", answer["subject"]);

        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(_issues.Id, post.HookId);
        var card = CardView.Of(post);
        Assert.True(card.Shows("PAY-1042: Card posts time out when the chat host is slow"), card.Json);
        Assert.Equal("Payments (PAY)", card.Facts["Project"]);
        Assert.Equal("Bug", card.Facts["Type"]);
        Assert.Equal("To Do", card.Facts["Status"]);
        Assert.Equal("High", card.Facts["Priority"]);
        Assert.Equal("Unassigned", card.Facts["Assignee"]);
        Assert.Equal("Dana Reyes", card.Facts["Reporter"]);
        Assert.Contains("2026-12-05T09:00:00", card.Facts["Created"], StringComparison.Ordinal);
        Assert.Equal($"{Payloads.Site}/browse/PAY-1042", card.Links["Open issue"]);
        Assert.Equal("Dana Reyes created Bug PAY-1042: Card posts time out when the chat host is slow", FallbackText(card));
    }

    [Fact]
    public async Task An_issue_updated_event_shows_each_changed_field_from_old_to_new_and_who_changed_it()
    {
        var answer = await _relay.PostAsync("/jira", Payloads.IssueUpdated());

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("IssueUpdatedCard", answer["card"]);
        var card = CardView.Of(Assert.Single(_emulator.Posts));
        Assert.True(card.Shows("PAY-1042: Card posts time out when the chat host is slow"), card.Json);
        Assert.True(card.Shows("To Do \u2192 In Progress"), card.Json);
        Assert.Equal("To Do \u2192 In Progress", card.Facts["Status"]);
        Assert.Equal("(none) \u2192 Tomás Ibarra", card.Facts["Assignee"]);
        Assert.Equal("Tomás Ibarra", card.Facts["Changed by"]);
        Assert.Equal($"{Payloads.Site}/browse/PAY-1042", card.Links["Open issue"]);
        Assert.Equal("Tomás Ibarra changed Status and Assignee on PAY-1042", FallbackText(card));
    }

    [Fact]
    public async Task A_comment_created_event_shows_the_comment_its_author_and_links_to_it()
    {
        var answer = await _relay.PostAsync("/jira", Payloads.CommentCreated());

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("CommentAddedCard", answer["card"]);
        var card = CardView.Of(Assert.Single(_emulator.Posts));
        Assert.True(card.Shows("PAY-1042: Card posts time out when the chat host is slow"), card.Json);
        Assert.True(card.Shows("Reproduced with a 35 s delay on the emulator; the retry never starts."), card.Json);
        Assert.True(card.Shows("Dana Reyes"), card.Json);
        Assert.Equal("In Progress", card.Facts["Status"]);
        Assert.Equal($"{Payloads.Site}/browse/PAY-1042?focusedCommentId=10571", card.Links["Open comment"]);
        Assert.Equal($"{Payloads.Site}/browse/PAY-1042", card.Links["Open issue"]);
        Assert.Equal("Dana Reyes commented on PAY-1042", FallbackText(card));
    }

    [Fact]
    public async Task A_comment_in_atlassian_document_format_shows_as_its_text()
    {
        var payload = Payloads.CommentCreated();
        payload["comment"]!["body"] = JsonNode.Parse("""
            { "type": "doc", "version": 1, "content": [
              { "type": "paragraph", "content": [ { "type": "text", "text": "Fixed in " }, { "type": "text", "text": "build 1843", "marks": [ { "type": "strong" } ] } ] },
              { "type": "paragraph", "content": [ { "type": "text", "text": "Please verify." } ] } ] }
            """);

        var answer = await _relay.PostAsync("/jira", payload);

        Assert.True(answer.Status == 200, answer.ToString());
        var card = CardView.Of(Assert.Single(_emulator.Posts));
        Assert.True(card.Shows("Fixed in build 1843\nPlease verify."), card.Json);
    }

    [Fact]
    public async Task A_ci_notification_goes_to_the_builds_hook_with_its_outcome_commit_and_build_link()
    {
        var answer = await _relay.PostAsync("/ci", Payloads.BuildFailed());

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("BuildFinishedCard", answer["card"]);
        Assert.Equal("builds", answer["hook"]);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(_builds.Id, post.HookId);
        var card = CardView.Of(post);
        Assert.True(card.Shows("payments-api failed on main"), card.Json);
        Assert.True(card.Shows("Retry card posts after a dropped connection"), card.Json);
        Assert.Equal("main", card.Facts["Branch"]);
        Assert.Equal("9f3c2a1e77", card.Facts["Commit"]);
        Assert.Equal("1842", card.Facts["Build"]);
        Assert.Equal("Dana Reyes", card.Facts["Author"]);
        Assert.Equal("0:05:12", card.Facts["Duration"]);
        Assert.Equal("https://ci.example.com/payments-api/builds/1842", card.Links["Open build"]);
    }

    [Fact]
    public async Task Events_route_to_the_hooks_their_settings_name()
    {
        await using var relay = await RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", _issues.Uri.AbsoluteUri),
            ("ChatHooks:Hooks:builds:Url", _builds.Uri.AbsoluteUri),
            ("Relay:Routes:CommentCreated", "builds"),
            ("Relay:Routes:BuildFinished", "issues"));

        Assert.Equal(200, (await relay.PostAsync("/jira", Payloads.CommentCreated())).Status);
        Assert.Equal(200, (await relay.PostAsync("/ci", Payloads.BuildFailed())).Status);
        Assert.Equal(200, (await relay.PostAsync("/jira", Payloads.IssueCreated())).Status);

        var posts = _emulator.Posts.OrderBy(p => p.Seq).ToList();
        Assert.Equal([_builds.Id, _issues.Id, _issues.Id], posts.Select(p => p.HookId));
        Assert.Equal(
            ["Dana Reyes commented on PAY-1042", "payments-api failed on main at 9f3c2a1e77", "Dana Reyes created Bug PAY-1042: Card posts time out when the chat host is slow"],
            posts.Select(p => FallbackText(CardView.Of(p))));
    }

    [Fact]
    public async Task An_update_without_a_changelog_and_an_event_the_relay_does_not_post_are_accepted_and_post_nothing()
    {
        var commentOnly = Payloads.IssueUpdated();
        commentOnly.Remove("changelog");
        commentOnly["issue_event_type_name"] = "issue_commented";
        var deleted = Payloads.IssueCreated();
        deleted["webhookEvent"] = "jira:issue_deleted";

        var first = await _relay.PostAsync("/jira", commentOnly);
        var second = await _relay.PostAsync("/jira", deleted);

        Assert.True(first.Status == 202, first.ToString());
        Assert.Equal("ignored", first["status"]);
        Assert.Contains("changelog.items", first["problem"], StringComparison.Ordinal);
        Assert.True(second.Status == 202, second.ToString());
        Assert.Contains("jira:issue_deleted is not relayed", second["problem"], StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalPosts);
    }

    /// <summary>The notification text (the card's fallbackText), which RingCentral shows on phones.</summary>
    private static string FallbackText(CardView card)
        => System.Text.Json.JsonDocument.Parse(card.Json).RootElement.GetProperty("fallbackText").GetString()!;
}
