using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Emulator;
using CardGen.Schema;
using Xunit.Abstractions;

namespace CardGen.Aot.Tests;

/// <summary>
/// The console sample as a Native AOT binary: the README's publish command works on a fresh clone with no warning
/// at all, and the native binary posts every event, to a webhook URL and to the emulator it runs in-process,
/// exactly as the JIT-compiled sample does.
/// </summary>
[Collection(PublishedSamples.Name)]
public sealed partial class SamplePublishTests
{
    private readonly PublishedSampleFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SamplePublishTests(PublishedSampleFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [SkippableFact]
    public async Task TheReadmeCommandPublishesANativeBinaryOnAFreshCloneWithoutAnyWarning()
    {
        AotToolchain.SkipOrFailIfMissing();
        Assert.Contains(PublishedSampleFixture.Command, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);

        var sample = await _fixture.GetAsync();
        var publish = sample.Publish;
        _output.WriteLine(publish.Describe());
        Assert.True(publish.ExitCode == 0, "The publish failed:\n" + publish.Describe());

        // Every warning fails the build (TreatWarningsAsErrors reaches the ILCompiler too), but a warning that some
        // step does not promote must not pass unnoticed either.
        var warnings = PublishChecks.WarningLines(publish.Output);
        Assert.True(warnings.Count == 0, $"{warnings.Count} warning(s):\n{string.Join("\n", warnings)}\n{publish.Describe()}");

        // The ILCompiler ran, and what came out is a native executable with its symbols beside it: no IL for a
        // runtime to JIT, and none of the libraries' .pdb or .xml files.
        Assert.Contains("Generating native code", publish.StandardOutput, StringComparison.Ordinal);
        var binary = File.ReadAllBytes(sample.Binary);
        Assert.Equal("\u007fELF"u8.ToArray(), binary[..4]);
        Assert.Equal(["CardGen.Sample", "CardGen.Sample.dbg"], Directory.GetFiles(sample.PublishDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // What the binary reads at run time travels with it: the events and the emulator's page.
        Assert.Equal(
            PublishedSampleFixture.EventFiles.Select(Path.GetFileName),
            Directory.GetFiles(Path.Combine(sample.PublishDirectory, "events"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var page in new[] { "index.html", "app.js", "styles.css", "lib/adaptivecards.min.js", "lib/markdown-it.min.js" })
        {
            Assert.True(File.Exists(Path.Combine(sample.PublishDirectory, "wwwroot", page)), $"wwwroot/{page} was not published.");
        }

        PublishChecks.WriteFigures("sample-publish.txt", new Dictionary<string, object>
        {
            ["command"] = PublishedSampleFixture.Command,
            ["files in the fresh copy"] = sample.CopiedFiles,
            ["exit code"] = publish.ExitCode,
            ["seconds (whole process)"] = Math.Round(publish.Elapsed.TotalSeconds, 1),
            ["warnings"] = warnings.Count,
            ["binary bytes"] = binary.Length,
        });
    }

    [SkippableFact]
    public async Task TheNativeBinaryPostsToAWebhookUrlExactlyWhatTheJitBuildPosts()
    {
        AotToolchain.SkipOrFailIfMissing();
        var sample = await PublishedAsync();
        var reference = await _fixture.GetReferencePostsAsync();
        var events = PublishedSampleFixture.EventFiles;
        Assert.Equal(events.Count, reference.Count);

        await using var emulator = await HookEmulator.StartAsync();
        var run = await ChildProcess.RunAsync(
            sample.Binary,
            ["--exit"],
            sample.PublishDirectory,
            TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["CARDGEN_WEBHOOK_URL"] = emulator.DefaultHook.RevealUri().AbsoluteUri });
        _output.WriteLine(run.Describe());
        Assert.True(run.ExitCode == 0, "The native sample failed:\n" + run.Describe());
        Assert.Contains($"{events.Count} of {events.Count} event(s) posted, 0 failed.", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.DefaultHookId, run.Output, StringComparison.Ordinal);

        var posts = emulator.Posts;
        Assert.Equal(events.Count, posts.Count);
        for (var i = 0; i < posts.Count; i++)
        {
            var name = Path.GetFileName(events[i]);
            Assert.True(posts[i].Verdict == PostVerdict.Accepted, $"{name}: {posts[i]}");
            AssertCardOf(events[i], posts[i].Cards);

            // Byte for byte what the JIT build of the same sources posted, and judged the same by the emulator.
            Assert.Equal(reference[i].Body, posts[i].Body);
            Assert.Equal(Findings(reference[i].Findings), Findings(posts[i].Findings));
        }

        PublishChecks.WriteFigures("sample-url-run.txt", new Dictionary<string, object>
        {
            ["events"] = events.Count,
            ["posts received"] = posts.Count,
            ["accepted"] = posts.Count(p => p.Verdict == PostVerdict.Accepted),
            ["bodies equal to the JIT build's"] = posts.Select((p, i) => p.Body == reference[i].Body).Count(same => same),
            ["seconds"] = Math.Round(run.Elapsed.TotalSeconds, 2),
        });
    }

    [SkippableFact]
    public async Task TheNativeBinaryRunsTheEmulatorInProcessServesItsPageAndStopsOnCtrlC()
    {
        AotToolchain.SkipOrFailIfMissing();
        var sample = await PublishedAsync();
        var reference = await _fixture.GetReferencePostsAsync();
        var events = PublishedSampleFixture.EventFiles;

        using var child = ChildProcess.Start(sample.Binary, [], sample.PublishDirectory, new Dictionary<string, string?> { ["CARDGEN_EMULATOR_PORT"] = "0" });
        var open = await child.WaitForLineAsync(OpenLine(), TimeSpan.FromMinutes(1));
        var address = new Uri(open.Groups["address"].Value);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var listing = JsonDocument.Parse(await http.GetStringAsync("api/posts"));
        var root = listing.RootElement;
        Assert.Equal(events.Count, root.GetProperty("total").GetInt32());
        Assert.Equal(events.Count, root.GetProperty("accepted").GetInt32());
        var posts = root.GetProperty("posts").EnumerateArray().Reverse().ToList();
        Assert.Equal(events.Count, posts.Count);
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            var name = Path.GetFileName(events[i]);
            Assert.True(post.GetProperty("verdict").GetString() == "accepted", $"{name}: {post}");
            Assert.Equal(200, post.GetProperty("httpStatus").GetInt32());
            AssertCardOf(events[i], post.GetProperty("cards").EnumerateArray().ToList());

            // The same bytes as the JIT build posts, and the native emulator's validator finds what the JIT one finds.
            Assert.Equal(reference[i].Body, post.GetProperty("body").GetString());
            Assert.Equal(
                Findings(reference[i].Findings),
                post.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()}").ToList());
        }

        // The preview page and its scripts are served from beside the binary.
        var page = await http.GetStringAsync("");
        Assert.Contains("<title>CardGen webhook emulator</title>", page, StringComparison.Ordinal);
        var script = await http.GetByteArrayAsync("lib/adaptivecards.min.js");
        Assert.Equal(File.ReadAllBytes(Path.Combine(sample.PublishDirectory, "wwwroot", "lib", "adaptivecards.min.js")), script);

        await child.InterruptAsync();
        var run = await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        _output.WriteLine(run.Describe());
        Assert.True(run.ExitCode == 0, "The native sample did not stop cleanly on Ctrl+C:\n" + run.Describe());
        Assert.Contains($"{events.Count} of {events.Count} card(s) accepted, 0 not.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Stopped. The emulator received {events.Count} post(s): {events.Count} accepted, 0 rejected.", run.StandardOutput, StringComparison.Ordinal);

        PublishChecks.WriteFigures("sample-in-process-run.txt", new Dictionary<string, object>
        {
            ["events"] = events.Count,
            ["posts recorded by the native emulator"] = posts.Count,
            ["accepted"] = posts.Count(p => p.GetProperty("verdict").GetString() == "accepted"),
            ["page bytes"] = Encoding.UTF8.GetByteCount(page),
            ["seconds until stopped"] = Math.Round(run.Elapsed.TotalSeconds, 2),
        });
    }

    [Fact]
    public void WarningLinesFindsTheWarningsOfEveryStepOfAPublish()
    {
        var output = """
              Determining projects to restore...
            /src/Program.cs(12,5): warning CS8618: Non-nullable property 'Name' must contain a non-null value [/src/App.csproj]
            ILC : Trim analysis warning IL2026: Program.Main(): Using member 'JsonSerializer.Serialize' which has 'RequiresUnreferencedCodeAttribute' [/src/App.csproj]
            ILC : AOT analysis warning IL3050: Program.Main(): Using member 'JsonSerializer.Serialize' which has 'RequiresDynamicCodeAttribute' [/src/App.csproj]
            /usr/share/dotnet/sdk/Microsoft.NET.Publish.targets(1,1): warning NETSDK1179: One of '--self-contained' or '--no-self-contained' options are required [/src/App.csproj]
              CardGen.Sample -> /src/bin/Release/net10.0/linux-x64/publish/
              Treating warnings as errors; no warning was found in WarningLines.cs
            """;

        var found = PublishChecks.WarningLines(output);

        Assert.Equal(["CS8618", "IL2026", "IL3050", "NETSDK1179"], found.Select(l => PublishChecks.WarningCode().Match(l).Groups["code"].Value));
    }

    private async Task<PublishedSample> PublishedAsync()
    {
        // The publish and its warnings are asserted in their own test; here it only has to have produced the binary.
        var sample = await _fixture.GetAsync();
        Assert.True(sample.Publish.ExitCode == 0 && File.Exists(sample.Binary), "The sample was not published:\n" + sample.Publish.Describe());
        return sample;
    }

    /// <summary>The card posted for an event names it: the issue key, or the failed build.</summary>
    private static void AssertCardOf(string eventFile, IReadOnlyList<JsonElement> cards)
    {
        var card = Assert.Single(cards);
        Assert.True(AdaptiveCard.Parse(card.GetRawText()).Validate(HostProfile.RingCentral).IsValid, $"{Path.GetFileName(eventFile)}: the card is not valid for RingCentral: {card}");

        using var source = JsonDocument.Parse(File.ReadAllBytes(eventFile));
        var evt = source.RootElement;
        var expected = evt.TryGetProperty("issue", out var issue)
            ? issue.GetProperty("key").GetString()!
            : string.Create(CultureInfo.InvariantCulture, $"Build {evt.GetProperty("build").GetProperty("number").GetInt64()} of {evt.GetProperty("pipeline").GetProperty("name").GetString()} failed");
        Assert.Contains(expected, card.GetRawText(), StringComparison.Ordinal);
    }

    private static List<string> Findings(IEnumerable<RecordedFinding> findings)
        => findings.Select(f => $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Path}").ToList();

    [GeneratedRegex(@"^Open (?<address>http://127\.0\.0\.1:[0-9]+/) to see the cards\.$")]
    private static partial Regex OpenLine();
}
