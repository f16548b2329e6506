using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>
/// Posts holding text that cannot be decoded (an escaped lone surrogate, bad UTF-8) are recorded in a form the
/// inspection API can write back, so one such post cannot break the listing, a single post or the live stream.
/// </summary>
public sealed class UndecodableTextTests : IAsyncLifetime
{
    private const string Lone = "\\ud800";
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { EventStreamPingInterval = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    /// <summary>Bodies that reach the record with a lone surrogate or bad UTF-8 somewhere the checks do not read.</summary>
    private static readonly (string Name, HookRoute Route, byte[] Body)[] Bad =
    [
        ("unmodelled card property", HookRoute.V2, Utf8($$"""{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","x-note":"{{Lone}}","body":[{"type":"TextBlock","text":"ok"}]}]}""")),
        ("unmodelled property name", HookRoute.V2, Utf8($$"""{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[{"type":"TextBlock","text":"ok","x{{Lone}}":1}]}]}""")),
        ("unknown element", HookRoute.V2, Utf8($$"""{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[{"type":"Widget","{{Lone}}":"{{Lone}}","fallback":"drop"}]}]}""")),
        ("card text", HookRoute.V2, Utf8($$"""{"attachments":[{"type":"AdaptiveCard","version":"1.3","fallbackText":"f","body":[{"type":"TextBlock","text":"a{{Lone}}b"}]}]}""")),
        ("card on the v1 route", HookRoute.V1, Utf8($$"""{"attachments":[{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"{{Lone}}"}]}]}""")),
        ("message text", HookRoute.V2, Utf8($$"""{"text":"{{Lone}}"}""")),
        ("unmodelled message field", HookRoute.V2, Utf8($$"""{"text":"ok","x":"{{Lone}}","{{Lone}}":0}""")),
        ("legacy card field", HookRoute.V1, Utf8($$"""{"body":"b","attachments":[{"type":"Card","fallback":"f","title":"t","text":"{{Lone}}"}]}""")),
        ("bad UTF-8", HookRoute.V2, [.. Utf8("""{"text":"a"""), 0xFF, 0xED, 0xA0, 0x80, .. Utf8("""b"}""")]),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Uri Hook(HookRoute route) => route == HookRoute.V2 ? _emulator.V2(_emulator.DefaultHookId) : _emulator.V1(_emulator.DefaultHookId);

    [Fact]
    public async Task ThePostsAreListedAndShownOneByOneWithLaterPosts()
    {
        foreach (var (_, route, body) in Bad)
        {
            var answer = await Raw.PostAsync(Hook(route), body);
            Assert.Equal(200, answer.Status);
        }

        await Raw.PostAsync(Hook(HookRoute.V2), """{"text":"later"}""");
        var list = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts"));

        Assert.True(list.Status == 200, $"GET /api/posts answered {list.Status}: {list.Text}");
        var posts = list.Json.GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, Bad.Length + 1).Reverse().Select(i => (long)i), posts.Select(p => p.GetProperty("seq").GetInt64()));
        Assert.Equal("later", posts[0].GetProperty("text").GetString());
        AssertDecodable(list.Json, "the listing");
        for (var i = 0; i < Bad.Length; i++)
        {
            var one = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts/" + (i + 1)));
            Assert.True(one.Status == 200, $"{Bad[i].Name}: GET /api/posts/{i + 1} answered {one.Status}: {one.Text}");
            Assert.Equal(i + 1, one.Json.GetProperty("seq").GetInt64());
            AssertDecodable(one.Json, Bad[i].Name);
        }

        // The card kept on the record is the one posted, with U+FFFD where the lone surrogate was.
        var kept = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts/1"));
        var card = Assert.Single(kept.Json.GetProperty("cards").EnumerateArray());
        Assert.Equal("\uFFFD", card.GetProperty("x-note").GetString());
        Assert.Equal("ok", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains(kept.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == EmulatorRules.MalformedJson && f.GetProperty("severity").GetString() == "warning");
    }

    [Fact]
    public async Task TheLiveStreamReplaysThemAndStreamsALaterPost()
    {
        foreach (var (_, route, body) in Bad)
        {
            await Raw.PostAsync(Hook(route), body);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var connection = 0; connection < 2; connection++)
        {
            // A reconnecting page asks for everything after the last post it saw; each time the stream must go on.
            using var request = new HttpRequestMessage(HttpMethod.Get, _emulator.At("api/events?after=0"));
            using var response = await Raw.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            for (var seq = 1; seq <= Bad.Length + connection; seq++)
            {
                var replayed = await EventStream.ReadPostAsync(reader, cts.Token);
                Assert.Equal(seq, replayed.GetProperty("seq").GetInt64());
                AssertDecodable(replayed, "event " + seq);
            }

            await Raw.PostAsync(Hook(HookRoute.V2), $$"""{"text":"live {{connection}}"}""");
            var live = await EventStream.ReadPostAsync(reader, cts.Token);
            Assert.Equal("live " + connection, live.GetProperty("text").GetString());
        }
    }

    [Fact]
    public void APostThatCannotBeWrittenBecomesAStandInAndTheOthersAreListed()
    {
        // The record should never hold such a post; if one slips in, it costs its own entry, not the listing.
        var good = new RecordedPost(1, _emulator.DefaultHookId, HookRoute.V2, DateTimeOffset.UnixEpoch, "application/json", "{}", false, 2) { Text = "good" };
        var bad = new RecordedPost(2, _emulator.DefaultHookId, HookRoute.V2, DateTimeOffset.UnixEpoch, "application/json", "{}", false, 2)
        {
            Cards = [JsonDocument.Parse($$"""{"type":"AdaptiveCard","x":"{{Lone}}"}""").RootElement],
        };

        var list = JsonDocument.Parse(Formats.ToListBytes(2, 2, 0, 0, [bad, good])).RootElement;

        var posts = list.GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal(2, posts[0].GetProperty("seq").GetInt64());
        Assert.Empty(posts[0].GetProperty("cards").EnumerateArray());
        Assert.Equal("The emulator cannot show this post: JsonException", posts[0].GetProperty("error").GetString());
        Assert.Equal("good", posts[1].GetProperty("text").GetString());
        AssertDecodable(list, "the listing");
    }

    /// <summary>Every string and property name decodes: what the emulator writes, any JSON reader can read back.</summary>
    private static void AssertDecodable(JsonElement element, string what)
    {
        var problem = Decodable.Problem(element);
        Assert.True(problem is null, $"{what}: the answer holds text that cannot be decoded: {problem}");
    }
}
