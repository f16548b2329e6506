using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;
using Xunit.Abstractions;

namespace CardGen.Emulator.Tests.Browser;

/// <summary>
/// The preview page in a real browser: the sample posts its cards to an emulator, headless Chromium opens the page,
/// and every card must have been rendered by the official renderer with its heading and facts, without errors.
/// </summary>
public sealed partial class PreviewPageTests
{
    private const int Width = 1280;
    private const int Height = 2000;

    /// <summary>What the page reports about itself: one entry per post article (nothing while it is still loading).</summary>
    private const string PageState = """
        (() => { try { return JSON.stringify({
          loaded: document.documentElement.dataset.loaded === "true",
          connection: document.getElementById("connection")?.dataset.state ?? null,
          count: document.getElementById("count")?.textContent ?? null,
          renderErrors: Array.from(document.querySelectorAll(".render-error")).map(e => e.textContent),
          posts: Array.from(document.querySelectorAll("article.post")).map(a => ({
            seq: Number(a.dataset.seq),
            verdict: a.dataset.verdict,
            cards: Array.from(a.querySelectorAll(".card-render")).map(c => ({
              text: c.innerText,
              adaptiveCards: c.querySelectorAll(".ac-adaptiveCard").length
            }))
          }))
        }); } catch (e) { return JSON.stringify({ loaded: false, renderErrors: [], posts: [] }); } })()
        """;

    private readonly ITestOutputHelper _output;

    public PreviewPageTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task EveryCardTheSamplePostsRendersOnThePageWithItsHeadingAndFacts()
    {
        var chromium = ChromiumPage.FindExecutable();
        const string Missing = "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it; CARDGEN_CHROMIUM names another), so the preview page was not opened in a browser.";
        if (chromium is null && RepositoryPaths.IsCi)
        {
            // As the renderer tests: CI must run every check, so a missing browser is a failure there, not a skip.
            Assert.Fail(Missing);
        }

        Skip.If(chromium is null, Missing);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cancel = timeout.Token;

        var sample = await SampleProcess.BuiltAssemblyAsync(cancel);
        await using var emulator = await HookEmulator.StartAsync(cancellationToken: cancel);

        // The sample posts through its generated PostToHookAsync to the URL in CARDGEN_WEBHOOK_URL, as against RingCentral.
        var run = await SampleProcess.RunAsync(
            sample,
            ["--exit"],
            new Dictionary<string, string?> { ["CARDGEN_WEBHOOK_URL"] = emulator.DefaultHook.RevealUri().AbsoluteUri },
            cancel);
        _output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"The sample exited with {run.ExitCode}:{Environment.NewLine}{run.Output}");
        Assert.DoesNotContain(emulator.DefaultHookId, run.Output, StringComparison.Ordinal);

        var events = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "CardGen.Sample", "events"), "*.json").Length;
        var posts = emulator.Posts;
        Assert.Equal(events, posts.Count);
        Assert.All(posts, p => Assert.Equal(PostVerdict.Accepted, p.Verdict));

        await using var page = await ChromiumPage.LaunchAsync(chromium!, Width, Height, cancel);
        await page.NavigateAsync(emulator.PageUri, cancel);
        var state = await WaitForAsync(page, s => s.Loaded && s.Posts.Count == posts.Count && s.Connection == "live", cancel);

        Assert.Empty(state.RenderErrors);
        Assert.Equal(posts.Select(p => p.Seq).OrderByDescending(s => s), state.Posts.Select(p => p.Seq));
        foreach (var post in posts)
        {
            var shown = state.Posts.Single(p => p.Seq == post.Seq);
            Assert.Equal("accepted", shown.Verdict);
            Assert.Equal(post.Cards.Count, shown.Cards.Count);
            for (var i = 0; i < post.Cards.Count; i++)
            {
                var expected = ExpectedTexts(post.Cards[i]);
                var rendered = Normalize(shown.Cards[i].Text);
                Assert.Equal(1, shown.Cards[i].AdaptiveCards);
                Assert.True(expected.Count >= 3, $"post #{post.Seq}: the card has too little text to check: {post.Cards[i]}");
                foreach (var text in expected)
                {
                    Assert.True(rendered.Contains(text, StringComparison.Ordinal), $"post #{post.Seq}, card {i}: \"{text}\" is not in the rendered card:{Environment.NewLine}{rendered}");
                }
            }
        }

        // A post made while the page is open arrives over the event stream, on top, without a reload.
        var live = new AdaptiveCard(CardVersion.V1_3)
        {
            FallbackText = "Live post",
            Body = { new TextBlock("Deployed while the page was open") { Weight = FontWeight.Bolder, Wrap = true }, new FactSet(new Fact("Environment", "staging")) },
        };
        using (var client = new ChatHookClient())
        {
            await client.PostAsync(emulator.DefaultHook, live, cancel);
        }

        var liveSeq = emulator.TotalPosts;
        state = await WaitForAsync(page, s => s.Posts.Count == posts.Count + 1, cancel);
        Assert.Equal(liveSeq, state.Posts[0].Seq);
        var liveText = Normalize(Assert.Single(state.Posts[0].Cards).Text);
        Assert.Contains("Deployed while the page was open", liveText, StringComparison.Ordinal);
        Assert.Contains("staging", liveText, StringComparison.Ordinal);
        Assert.Empty(state.RenderErrors);

        Assert.True(page.PageErrors.IsEmpty, "Script errors on the page: " + string.Join(Environment.NewLine, page.PageErrors));

        var png = await page.ScreenshotAsync(Width, Height, cancel);
        Assert.True(png.Length > 10_000 && png.AsSpan(0, 8).SequenceEqual(PngSignature), "The screenshot is not a PNG of a rendered page.");
        var file = Path.Combine(RepositoryPaths.Artifacts("emulator"), "preview.png");
        await File.WriteAllBytesAsync(file, png, cancel);
        _output.WriteLine($"Screenshot: {file} ({png.Length:N0} bytes); page says \"{state.Count}\".");
    }

    /// <summary>The card's heading (its first TextBlock) and every fact title and value, as they read once rendered.</summary>
    private static List<string> ExpectedTexts(JsonElement card)
    {
        var texts = new List<string>();
        var heading = FirstTextBlock(card.GetProperty("body"));
        Assert.False(heading is null, "The card has no TextBlock: " + card);
        texts.Add(Normalize(heading!));
        foreach (var fact in Facts(card))
        {
            texts.Add(Normalize(fact.GetProperty("title").GetString()!));
            var value = fact.GetProperty("value").GetString()!;
            // {{DATE(...)}} and {{TIME(...)}} are formatted by the renderer in the browser's locale.
            if (!value.Contains("{{", StringComparison.Ordinal))
            {
                texts.Add(Normalize(value));
            }
        }

        return texts;
    }

    private static string? FirstTextBlock(JsonElement elements)
    {
        foreach (var element in elements.EnumerateArray())
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "TextBlock")
            {
                return element.GetProperty("text").GetString();
            }

            foreach (var children in new[] { "items", "columns" })
            {
                if (element.TryGetProperty(children, out var inner) && FirstTextBlock(inner) is { } text)
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Facts(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("type", out var type) && type.GetString() == "FactSet")
            {
                foreach (var fact in node.GetProperty("facts").EnumerateArray())
                {
                    yield return fact;
                }
            }

            foreach (var property in node.EnumerateObject())
            {
                if (property.Name != "facts")
                {
                    foreach (var fact in Facts(property.Value))
                    {
                        yield return fact;
                    }
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                foreach (var fact in Facts(item))
                {
                    yield return fact;
                }
            }
        }
    }

    /// <summary>Text as a reader sees it: Markdown backslash escapes resolved, all whitespace runs one space.</summary>
    private static string Normalize(string text)
        => Whitespace().Replace(MarkdownEscape().Replace(text, "$1"), " ").Trim();

    private static async Task<PageSnapshot> WaitForAsync(ChromiumPage page, Func<PageSnapshot, bool> ready, CancellationToken cancellationToken)
    {
        PageSnapshot? last = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var json = (await page.EvaluateAsync(PageState, cancellationToken)).GetString()!;
            last = JsonSerializer.Deserialize<PageSnapshot>(json, JsonOptions)!;
            if (ready(last))
            {
                return last;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The page did not get ready within 60 s. Last state: {JsonSerializer.Serialize(last, JsonOptions)}; script errors: {string.Join("; ", page.PageErrors)}; browser log: {page.Log}");
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record PageSnapshot(bool Loaded, string? Connection, string? Count, List<string> RenderErrors, List<ShownPost> Posts);

    private sealed record ShownPost(long Seq, string Verdict, List<ShownCard> Cards);

    private sealed record ShownCard(string Text, int AdaptiveCards);
}
