using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>The JSON inspection API the page reads, the live event stream, and the bounded record.</summary>
public sealed class InspectionApiTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { EventStreamPingInterval = TimeSpan.FromMilliseconds(200) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Uri Default => _emulator.V2(_emulator.DefaultHookId);

    [Fact]
    public async Task PostsAreListedNewestFirstWithTheWholeContract()
    {
        await Raw.PostAsync(Default, $$"""{"activity":"CI","title":"Build","text":"first","attachments":[{{Raw.Card}}]}""");
        await Raw.PostAsync(Default, """{"text":1}""");

        var answer = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        var root = answer.Json;
        Assert.Equal(2, root.GetProperty("total").GetInt64());
        var posts = root.GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal(new long[] { 2, 1 }, posts.Select(p => p.GetProperty("seq").GetInt64()));

        var accepted = posts[1];
        Assert.Equal("post-1", accepted.GetProperty("id").GetString());
        Assert.Equal(_emulator.DefaultHookId, accepted.GetProperty("hookId").GetString());
        Assert.Equal("v2", accepted.GetProperty("route").GetString());
        Assert.True(DateTimeOffset.TryParse(accepted.GetProperty("receivedAt").GetString(), out _));
        Assert.Equal("accepted", accepted.GetProperty("verdict").GetString());
        Assert.Equal(200, accepted.GetProperty("httpStatus").GetInt32());
        Assert.Equal("OK", accepted.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal("application/json", accepted.GetProperty("contentType").GetString());
        Assert.StartsWith("{\"activity\":\"CI\"", accepted.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.False(accepted.GetProperty("bodyTruncated").GetBoolean());
        Assert.Equal("first", accepted.GetProperty("text").GetString());
        Assert.Equal("Build", accepted.GetProperty("title").GetString());
        Assert.Equal("CI", accepted.GetProperty("activity").GetString());
        var card = Assert.Single(accepted.GetProperty("cards").EnumerateArray());
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Raw.Card).RootElement, card));
        Assert.Equal(JsonValueKind.Array, accepted.GetProperty("findings").ValueKind);

        var rejected = posts[0];
        Assert.Equal("rejected", rejected.GetProperty("verdict").GetString());
        Assert.Equal("error", rejected.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("text").ValueKind);
        var finding = Assert.Single(rejected.GetProperty("findings").EnumerateArray());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(EmulatorRules.Envelope, finding.GetProperty("ruleId").GetString());
        Assert.Equal("$.text", finding.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task OnePostByNumberAndClearing()
    {
        await Raw.PostAsync(Default, """{"text":"one"}""");

        var one = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts/1"));
        var missing = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts/99"));
        var bad = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts/abc"));
        var cleared = await Raw.SendAsync(HttpMethod.Delete, _emulator.At("api/posts"));
        var after = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts"));

        Assert.Equal("one", one.Str("text"));
        Assert.Equal(404, missing.Status);
        Assert.Equal(404, bad.Status);
        Assert.Equal(204, cleared.Status);
        Assert.Empty(after.Json.GetProperty("posts").EnumerateArray());
        Assert.Equal(1, after.Json.GetProperty("total").GetInt64()); // the counter goes on
        Assert.Empty(_emulator.Posts);
    }

    [Fact]
    public async Task TheRecordIsBoundedAndCountersGoOn()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 5 });
        for (var i = 1; i <= 12; i++)
        {
            await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), $$"""{"text":"{{i}}"}""");
        }

        Assert.Equal(new long[] { 8, 9, 10, 11, 12 }, emulator.Posts.Select(p => p.Seq));
        Assert.Equal(12, emulator.TotalPosts);
        Assert.Equal(12, emulator.AcceptedPosts);
        Assert.Null(emulator.GetPost(3));
        Assert.Equal("12", emulator.GetPost(12)!.Text);
    }

    [Fact]
    public async Task TheRecordKeepsWithinItsMemoryBudget()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedBytes = 200_000 });
        var text = new string('m', 30_000);
        for (var i = 0; i < 10; i++)
        {
            await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), $$"""{"text":"{{text}}"}""");
        }

        var posts = emulator.Posts;
        Assert.InRange(posts.Count, 1, 3); // each holds the body and the text, about 120 KB
        Assert.Equal(10, posts[^1].Seq);
        Assert.InRange(emulator.RecordedBytes, 1, 200_000);
        Assert.Equal(10, emulator.TotalPosts);
    }

    [Fact]
    public async Task ConcurrentPostsAreAllRecordedOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Raw.PostAsync(Default, $$"""{"text":"{{i}}"}""")));

        var posts = _emulator.Posts;
        Assert.Equal(200, posts.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), posts.Select(p => p.Seq));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), posts.Select(p => p.Text!).Order());
    }

    [Fact]
    public async Task ObserversSeeEveryPostEvenWhenTheRecordDropsThem()
    {
        await using var emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 2 });
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        var observation = emulator.ObservePosts(p => seen.Add(p.Seq));
        using var failing = emulator.ObservePosts(_ => throw new InvalidOperationException("ignored"));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Raw.PostAsync(emulator.V2(emulator.DefaultHookId), """{"text":"x"}""")));
        observation.Dispose();
        await Raw.PostAsync(emulator.V2(emulator.DefaultHookId), """{"text":"after"}""");

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), seen.Order());
        Assert.Equal(2, emulator.Posts.Count);
        Assert.Equal(21, emulator.AcceptedPosts);
    }

    [Fact]
    public async Task WaitForPostSeesPastAndFuturePosts()
    {
        await Raw.PostAsync(Default, """{"text":"past"}""");

        var past = await _emulator.WaitForPostAsync(p => p.Text == "past");
        var future = _emulator.WaitForPostAsync(p => p.Text == "future");
        Assert.False(future.IsCompleted);
        await Raw.PostAsync(Default, """{"text":"future"}""");

        Assert.Equal(1, past.Seq);
        Assert.Equal(2, (await future).Seq);
        await Assert.ThrowsAsync<TimeoutException>(() => _emulator.WaitForPostAsync(p => p.Text == "never", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task HooksAreListedWithState()
    {
        var hook = _emulator.CreateHook(groupId: "42");
        _emulator.SuspendHook(hook.Id);

        var answer = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/hooks"));

        var listed = answer.Json.GetProperty("hooks").EnumerateArray().Single(h => h.GetProperty("id").GetString() == hook.Id);
        Assert.Equal("Suspended", listed.GetProperty("status").GetString());
        Assert.Equal(hook.Uri.AbsoluteUri, listed.GetProperty("uri").GetString());
        Assert.Equal("42", listed.GetProperty("groupIds")[0].GetString());
    }

    [Fact]
    public async Task EventStreamDeliversEachNewPost()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await OpenEventsAsync(cts.Token);
        using var reader = new StreamReader(stream);
        await EventStream.ReadUntilAsync(reader, ": connected", cts.Token);

        await Raw.PostAsync(Default, """{"text":"live"}""");

        var data = await EventStream.ReadPostAsync(reader, cts.Token);
        Assert.Equal("live", data.GetProperty("text").GetString());
        Assert.Equal("accepted", data.GetProperty("verdict").GetString());
        Assert.Equal(1, data.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task EventStreamServesSeveralClientsAndPings()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var first = new StreamReader(await OpenEventsAsync(cts.Token));
        using var second = new StreamReader(await OpenEventsAsync(cts.Token));
        await EventStream.ReadUntilAsync(first, ": connected", cts.Token);
        await EventStream.ReadUntilAsync(second, ": connected", cts.Token);

        await EventStream.ReadUntilAsync(first, ": ping", cts.Token);
        await Raw.PostAsync(Default, """{"text":"both"}""");

        Assert.Equal("both", (await EventStream.ReadPostAsync(first, cts.Token)).GetProperty("text").GetString());
        Assert.Equal("both", (await EventStream.ReadPostAsync(second, cts.Token)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task EventStreamReplaysPostsAfterAGivenNumber()
    {
        await Raw.PostAsync(Default, """{"text":"a"}""");
        await Raw.PostAsync(Default, """{"text":"b"}""");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var reader = new StreamReader(await OpenEventsAsync(cts.Token, "?after=1"));

        Assert.Equal("b", (await EventStream.ReadPostAsync(reader, cts.Token)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task EventStreamEndsCleanlyWhenTheEmulatorStops()
    {
        var emulator = await HookEmulator.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, emulator.At("api/events"));
        using var response = await Raw.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        await EventStream.ReadUntilAsync(reader, ": connected", cts.Token);

        await emulator.DisposeAsync().AsTask().WaitAsync(cts.Token);

        string? line;
        try
        {
            do
            {
                line = await reader.ReadLineAsync(cts.Token);
            }
            while (line is not null);
        }
        catch (IOException)
        {
            // An abrupt end also ends the stream; the point is that it ends.
        }

        Assert.False(cts.IsCancellationRequested);
    }

    private async Task<Stream> OpenEventsAsync(CancellationToken cancellationToken, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _emulator.At("api/events" + query));
        var response = await Raw.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }
}
