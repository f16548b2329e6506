using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CardGen.JiraRelay.Relay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CardGen.JiraRelay.Tests;

/// <summary>
/// How the relay starts: with no chat hook configured it runs the emulator in-process and posts there, saying where to
/// look; with hooks configured, a route to a hook that is not configured, or a hook without a webhook URL, stops it at
/// start-up with a message that names the setting and never a token.
/// </summary>
public sealed partial class StartupTests
{
    [Fact]
    public async Task With_no_hook_configured_the_cards_go_to_an_emulator_in_the_same_process_and_the_log_says_where_to_look()
    {
        await using var relay = await RunningRelay.StartAsync();
        var emulator = relay.Host.Emulator;
        Assert.NotNull(emulator);

        var created = await relay.PostAsync("/jira", Payloads.IssueCreated());
        var build = await relay.PostAsync("/ci", Payloads.BuildFailed());

        Assert.True(created.Status == 200, created.ToString());
        Assert.True(build.Status == 200, build.ToString());
        Assert.Equal(2, emulator.AcceptedPosts);
        Assert.All(emulator.Posts, p => Assert.Equal(emulator.DefaultHookId, p.HookId));
        Assert.True(CardView.Of(emulator.Posts.Single(p => p.Body.Contains("PAY-1042", StringComparison.Ordinal))).Shows("PAY-1042: Card posts time out when the chat host is slow"));

        var line = Assert.Single(relay.Logs.Records, r => r.Contains("[UsingEmulator]", StringComparison.Ordinal));
        var open = OpenLine().Match(line);
        Assert.True(open.Success, line);
        Assert.Equal(emulator.PageUri.AbsoluteUri, open.Groups["page"].Value);
        Assert.Contains("(chat hooks builds, issues)", line, StringComparison.Ordinal);
        Assert.Contains(relay.Logs.Records, r => r.Contains($"Relaying Jira webhooks at {relay.Http.BaseAddress!.AbsoluteUri}jira and CI notifications at {relay.Http.BaseAddress.AbsoluteUri}ci", StringComparison.Ordinal));
        Assert.DoesNotContain("/webhook/v2/" + emulator.DefaultHookId, relay.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_to_a_hook_that_is_not_configured_stops_the_relay_before_it_starts_naming_the_setting()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", "https://hooks.ringcentral.com/webhook/v2/" + Guid.NewGuid())));

        Assert.Equal(
            "Relay:Routes:BuildFinished sends its events to the chat hook 'builds', which is not configured: set ChatHooks:Hooks:builds:Url (in the environment ChatHooks__Hooks__builds__Url), or route them to a configured one (issues).",
            e.Message);
    }

    [Fact]
    public async Task A_route_setting_for_an_unknown_kind_of_event_stops_the_relay_naming_the_kinds()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningRelay.StartAsync(("Relay:Routes:IssueDeleted", "issues")));

        Assert.Equal("Relay:Routes:IssueDeleted is not a kind of event the relay routes; the kinds are IssueCreated, IssueUpdated, CommentCreated, BuildFinished.", e.Message);
    }

    [Fact]
    public async Task A_hook_with_a_url_that_is_not_a_webhook_fails_start_up_naming_the_hook_and_not_the_token()
    {
        var token = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningRelay.StartAsync(
            ("ChatHooks:Hooks:issues:Url", "http://hooks.example.com/webhook/v2/" + token),
            ("ChatHooks:Hooks:builds:Url", "https://hooks.ringcentral.com/webhook/v2/" + Guid.NewGuid())));

        Assert.Contains("The chat hook 'issues' has a URL that is not a webhook URL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_relay_setting_names_its_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Relay:EmulatorPort", "5o80")])
            .Build();

        var e = Assert.Throws<InvalidOperationException>(() => RelayOptions.Read(configuration));

        Assert.Equal("Relay:EmulatorPort is '5o80', which is not a whole number from 0 to 65535.", e.Message);
    }

    [GeneratedRegex(@"Open (?<page>http://127\.0\.0\.1:[0-9]+/) to see the cards\.")]
    private static partial Regex OpenLine();
}
