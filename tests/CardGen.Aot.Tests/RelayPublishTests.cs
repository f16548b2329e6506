using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CardGen.Emulator;
using CardGen.JiraRelay.Tests;
using Xunit.Abstractions;

namespace CardGen.Aot.Tests;

/// <summary>
/// The Jira relay as a Native AOT binary: the documented publish command works on the fresh copy with no warning, and
/// the native relay reads Jira events and CI notifications, checks its secret, posts the cards to its configured hooks
/// or to the emulator it runs in-process, answers failures without the token, and stops on Ctrl+C.
/// </summary>
[Collection(PublishedSamples.Name)]
public sealed partial class RelayPublishTests
{
    private const string Secret = "made-up-secret-for-the-native-relay";
    private readonly PublishedSampleFixture _fixture;
    private readonly ITestOutputHelper _output;

    public RelayPublishTests(PublishedSampleFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public async Task TheDocumentedCommandPublishesTheRelayOnAFreshCloneWithoutAnyWarning()
    {
        AotToolchain.SkipOrFailIfMissing();
        foreach (var doc in new[] { "samples/README.md", "docs/services.md" })
        {
            Assert.Contains(PublishedSampleFixture.RelayCommand, File.ReadAllText(Path.Combine(RepositoryPaths.Root, doc)), StringComparison.Ordinal);
        }

        var relay = await _fixture.GetRelayAsync();
        var publish = relay.Publish;
        _output.WriteLine(publish.Describe());
        Assert.True(publish.ExitCode == 0, "The publish failed:\n" + publish.Describe());
        var warnings = PublishChecks.WarningLines(publish.Output);
        Assert.True(warnings.Count == 0, $"{warnings.Count} warning(s):\n{string.Join("\n", warnings)}\n{publish.Describe()}");

        // A native executable with its symbols and its settings; the emulator's page for the in-process emulator.
        Assert.Contains("Generating native code", publish.StandardOutput, StringComparison.Ordinal);
        var binary = File.ReadAllBytes(relay.Binary);
        Assert.Equal("\u007fELF"u8.ToArray(), binary[..4]);
        Assert.Equal(["CardGen.JiraRelay", "CardGen.JiraRelay.dbg", "appsettings.json"], Directory.GetFiles(relay.PublishDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var page in new[] { "index.html", "app.js", "styles.css", "lib/adaptivecards.min.js" })
        {
            Assert.True(File.Exists(Path.Combine(relay.PublishDirectory, "wwwroot", page)), $"wwwroot/{page} was not published.");
        }

        PublishChecks.WriteFigures("relay-publish.txt", new Dictionary<string, object>
        {
            ["command"] = PublishedSampleFixture.RelayCommand,
            ["exit code"] = publish.ExitCode,
            ["seconds (whole process, after the console sample's publish built the shared libraries)"] = Math.Round(publish.Elapsed.TotalSeconds, 1),
            ["warnings"] = warnings.Count,
            ["binary bytes"] = binary.Length,
        });
    }

    [SkippableFact]
    public async Task TheNativeRelayPostsEveryKindOfEventToItsHooksAndAnswersBadInputAndHostErrorsWithoutTheToken()
    {
        AotToolchain.SkipOrFailIfMissing();
        var relay = await PublishedAsync();
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString() });
        var builds = emulator.CreateHook(Guid.NewGuid().ToString());

        using var child = ChildProcess.Start(relay.Binary, ["--urls", "http://127.0.0.1:0"], relay.PublishDirectory, new Dictionary<string, string?>
        {
            ["ChatHooks__Hooks__issues__Url"] = emulator.DefaultHook.RevealUri().AbsoluteUri,
            ["ChatHooks__Hooks__builds__Url"] = builds.Uri.AbsoluteUri,
            ["ChatHooks__Retry__MaxRetryAttempts"] = "0",
            ["Relay__Secret"] = Secret,
        });
        var listening = await child.WaitForLineAsync(RelayingLine(), TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = new Uri(listening.Groups["address"].Value + "/"), Timeout = TimeSpan.FromSeconds(60) };

        var answers = new List<(int Status, string Body)>
        {
            await PostSignedAsync(http, "jira", Payloads.IssueCreated()),
            await PostSignedAsync(http, "jira", Payloads.IssueUpdated()),
            await PostSignedAsync(http, "jira", Payloads.CommentCreated()),
            await PostSignedAsync(http, "ci", Payloads.BuildFailed()),
        };
        Assert.All(answers, a => Assert.True(a.Status == 200, $"HTTP {a.Status}: {a.Body}"));

        var posts = emulator.Posts.OrderBy(p => p.Seq).ToList();
        Assert.Equal(4, posts.Count);
        Assert.All(posts, p => Assert.True(p.Verdict == PostVerdict.Accepted, p.ToString()));
        Assert.Equal([emulator.DefaultHookId, emulator.DefaultHookId, emulator.DefaultHookId, builds.Id], posts.Select(p => p.HookId));
        string[] expected = ["Dana Reyes created Bug PAY-1042", "Tom\u00e1s Ibarra changed Status and Assignee on PAY-1042", "Dana Reyes commented on PAY-1042", "payments-api failed on main"];
        for (var i = 0; i < posts.Count; i++)
        {
            var card = Assert.Single(posts[i].Cards);
            Assert.StartsWith(expected[i], card.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        }

        // Unsigned, unreadable, and refused by the host: 401, 400 naming the problem, 502; nothing more is posted.
        var unsigned = await PostAsync(http, "jira", Payloads.IssueCreated(), signature: null);
        var missingKey = Payloads.IssueCreated();
        missingKey["issue"]!.AsObject().Remove("key");
        var unreadable = await PostSignedAsync(http, "jira", missingKey);
        emulator.DeleteHook(builds.Id);
        var refused = await PostSignedAsync(http, "ci", Payloads.BuildFailed());

        Assert.True(unsigned.Status == 401, unsigned.Body);
        Assert.True(unreadable.Status == 400, unreadable.Body);
        Assert.Contains("issue.key is missing.", unreadable.Body, StringComparison.Ordinal);
        Assert.True(refused.Status == 502, refused.Body);
        Assert.Contains("\"failure\":\"HostError\"", refused.Body, StringComparison.Ordinal);
        Assert.Equal(4, emulator.AcceptedPosts);

        await child.InterruptAsync();
        var run = await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        _output.WriteLine(run.Describe());
        Assert.True(run.ExitCode == 0, "The native relay did not stop cleanly on Ctrl+C:\n" + run.Describe());
        foreach (var token in new[] { emulator.DefaultHookId, builds.Id, Secret })
        {
            Assert.DoesNotContain(token, run.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token, string.Join("\n", answers.Select(a => a.Body)) + unsigned.Body + unreadable.Body + refused.Body, StringComparison.OrdinalIgnoreCase);
        }

        PublishChecks.WriteFigures("relay-hooks-run.txt", new Dictionary<string, object>
        {
            ["requests"] = answers.Count + 3,
            ["posts accepted by the emulator"] = emulator.AcceptedPosts,
            ["answers 200/401/400/502"] = $"{answers.Count(a => a.Status == 200)}/{(unsigned.Status == 401 ? 1 : 0)}/{(unreadable.Status == 400 ? 1 : 0)}/{(refused.Status == 502 ? 1 : 0)}",
            ["seconds until stopped"] = Math.Round(run.Elapsed.TotalSeconds, 2),
        });
    }

    [SkippableFact]
    public async Task TheNativeRelayWithoutHooksPostsToTheEmulatorItRunsInProcessAndStopsOnCtrlC()
    {
        AotToolchain.SkipOrFailIfMissing();
        var relay = await PublishedAsync();

        using var child = ChildProcess.Start(relay.Binary, ["--urls", "http://127.0.0.1:0"], relay.PublishDirectory, new Dictionary<string, string?> { ["Relay__EmulatorPort"] = "0" });
        var open = await child.WaitForLineAsync(OpenLine(), TimeSpan.FromMinutes(1));
        var listening = await child.WaitForLineAsync(RelayingLine(), TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(listening.Groups["address"].Value + "/"), Timeout = TimeSpan.FromSeconds(60) };
        using var page = new HttpClient { BaseAddress = new Uri(open.Groups["page"].Value), Timeout = TimeSpan.FromSeconds(30) };

        var created = await PostAsync(http, "jira", Payloads.IssueCreated(), signature: null);
        var build = await PostAsync(http, "ci", Payloads.BuildFailed(), signature: null);

        Assert.True(created.Status == 200, created.Body);
        Assert.True(build.Status == 200, build.Body);
        using var listing = JsonDocument.Parse(await page.GetStringAsync("api/posts"));
        Assert.Equal(2, listing.RootElement.GetProperty("accepted").GetInt32());
        var texts = listing.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("cards")[0].GetProperty("fallbackText").GetString()).ToList();
        Assert.Contains(texts, t => t!.StartsWith("Dana Reyes created Bug PAY-1042", StringComparison.Ordinal));
        Assert.Contains(texts, t => t!.StartsWith("payments-api failed on main", StringComparison.Ordinal));
        Assert.Contains("<title>CardGen webhook emulator</title>", await page.GetStringAsync(""), StringComparison.Ordinal);

        await child.InterruptAsync();
        var run = await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        _output.WriteLine(run.Describe());
        Assert.True(run.ExitCode == 0, "The native relay did not stop cleanly on Ctrl+C:\n" + run.Describe());
        Assert.Contains("No chat hook is configured: cards go to the local webhook emulator (chat hooks builds, issues).", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("/webhook/v2/" + HookEmulatorOptions.WellKnownDefaultHookId, run.Output, StringComparison.Ordinal);

        PublishChecks.WriteFigures("relay-in-process-run.txt", new Dictionary<string, object>
        {
            ["posts recorded by the native emulator"] = listing.RootElement.GetProperty("total").GetInt32(),
            ["seconds until stopped"] = Math.Round(run.Elapsed.TotalSeconds, 2),
        });
    }

    private async Task<PublishedSample> PublishedAsync()
    {
        // The publish and its warnings are asserted in their own test; here it only has to have produced the binary.
        var relay = await _fixture.GetRelayAsync();
        Assert.True(relay.Publish.ExitCode == 0 && File.Exists(relay.Binary), "The relay was not published:\n" + relay.Publish.Describe());
        return relay;
    }

    private static Task<(int Status, string Body)> PostSignedAsync(HttpClient http, string path, JsonNode payload)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        return PostAsync(http, path, body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)));
    }

    private static Task<(int Status, string Body)> PostAsync(HttpClient http, string path, JsonNode payload, string? signature)
        => PostAsync(http, path, Encoding.UTF8.GetBytes(payload.ToJsonString()), signature);

    private static async Task<(int Status, string Body)> PostAsync(HttpClient http, string path, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature", signature);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"Relaying Jira webhooks at (?<address>http://127\.0\.0\.1:[0-9]+)/jira and CI notifications at")]
    private static partial Regex RelayingLine();

    [GeneratedRegex(@"Open (?<page>http://127\.0\.0\.1:[0-9]+/) to see the cards\.")]
    private static partial Regex OpenLine();
}
