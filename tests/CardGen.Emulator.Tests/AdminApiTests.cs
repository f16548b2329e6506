using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>
/// The admin endpoints (<c>/api/hooks/{id}/faults</c>, <c>/api/hooks/{id}/rate-limit</c>) and the inspection
/// queries refuse every value they cannot use with a 400 that names the field, read no more than their cap of any
/// body, and change nothing when they refuse.
/// </summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Uri Faults => _emulator.At($"api/hooks/{_emulator.DefaultHookId}/faults");

    private Uri RateLimit => _emulator.At($"api/hooks/{_emulator.DefaultHookId}/rate-limit");

    [Theory]
    [InlineData("""{"kind":"delay","delayMs":1e300}""", "delayMs")]
    [InlineData("""{"kind":"delay","delayMs":-1e300}""", "delayMs")]
    [InlineData("""{"kind":"delay","delayMs":-1}""", "delayMs")]
    [InlineData("""{"kind":"delay","delayMs":3600001}""", "delayMs")]
    [InlineData("""{"kind":"delay","delayMs":"500"}""", "delayMs")]
    [InlineData("""{"kind":"delay","delayMs":[500]}""", "delayMs")]
    [InlineData("""{"kind":"tooManyRequests","retryAfterSeconds":1e300}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"tooManyRequests","retryAfterSeconds":-1e300}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"tooManyRequests","retryAfterSeconds":86401}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"tooManyRequests","retryAfterSeconds":true}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"serverError","statusCode":1e300}""", "statusCode")]
    [InlineData("""{"kind":"serverError","statusCode":502.5}""", "statusCode")]
    [InlineData("""{"kind":"serverError","statusCode":404}""", "statusCode")]
    [InlineData("""{"kind":"serverError","statusCode":"503"}""", "statusCode")]
    [InlineData("""{"kind":"drop","rate":1e300}""", "rate")]
    [InlineData("""{"kind":"drop","rate":-0.5}""", "rate")]
    [InlineData("""{"kind":"drop","rate":"0.5"}""", "rate")]
    [InlineData("""{"kind":"drop","count":-1}""", "count")]
    [InlineData("""{"kind":"drop","count":1.5}""", "count")]
    [InlineData("""{"kind":"drop","count":1e10}""", "count")]
    [InlineData("""{"kind":"drop","count":"3"}""", "count")]
    [InlineData("""{"kind":"drop","seed":1e300}""", "seed")]
    [InlineData("""{"kind":"drop","seed":0.5}""", "seed")]
    [InlineData("""{"kind":"drop","seed":{}}""", "seed")]
    [InlineData("""{"kind":5}""", "kind")]
    [InlineData("""{"kind":"explode"}""", "kind")]
    [InlineData("""{"rate":0.5}""", "kind")]
    [InlineData("""{"kind":"drop","delayMs":500}""", "delayMs")]
    [InlineData("""{"kind":"delay","statusCode":500}""", "statusCode")]
    [InlineData("""{"kind":"serverError","retryAfterSeconds":2}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"drop","dleayMs":500}""", "dleayMs")]
    [InlineData("""{"kind":"drop","count":1,"count":2}""", "count")]
    public async Task BadFaultValuesAre400NamingTheField(string json, string field)
    {
        var answer = await Raw.SendAsync(HttpMethod.Post, Faults, json: json);

        Assert.True(answer.Status == 400, $"{json} answered {answer.Status}: {answer.Text}");
        Assert.Equal("error", answer.Str("status"));
        Assert.Contains($"'{field}'", answer.Str("error"), StringComparison.Ordinal);
        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
    }

    [Theory]
    [InlineData("""{"requests":1,"windowSeconds":-1e300}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":1e300}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":0}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":1e-300}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":86401}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":"60"}""", "windowSeconds")]
    [InlineData("""{"requests":1}""", "windowSeconds")]
    [InlineData("""{"requests":1,"windowSeconds":null}""", "windowSeconds")]
    [InlineData("""{"requests":0,"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":-1,"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":1.5,"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":1e300,"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":3000000000,"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":"1","windowSeconds":60}""", "requests")]
    [InlineData("""{"windowSeconds":60}""", "requests")]
    [InlineData("""{"requests":1,"windowSeconds":60,"burst":2}""", "burst")]
    public async Task BadRateLimitValuesAre400NamingTheField(string json, string field)
    {
        // A limit in effect before, which a refused value must neither replace nor clear.
        Assert.Equal(204, (await Raw.SendAsync(HttpMethod.Put, RateLimit, json: """{"requests":5,"windowSeconds":60}""")).Status);

        var answer = await Raw.SendAsync(HttpMethod.Put, RateLimit, json: json);

        Assert.True(answer.Status == 400, $"{json} answered {answer.Status}: {answer.Text}");
        Assert.Contains($"'{field}'", answer.Str("error"), StringComparison.Ordinal);
        var limit = (await DefaultHookAsync()).GetProperty("rateLimit");
        Assert.Equal(JsonValueKind.Object, limit.ValueKind);
        Assert.Equal(5, limit.GetProperty("requests").GetInt32());
        Assert.Equal(60, limit.GetProperty("windowSeconds").GetDouble());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"drop\"")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"kind\":\"drop\"")]
    [InlineData("{\"kind\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":1,\"kind\":\"drop\"}")]
    public async Task BodiesThatAreNotAJsonObjectAre400(string json)
    {
        foreach (var (method, uri) in new[] { (HttpMethod.Post, Faults), (HttpMethod.Put, RateLimit) })
        {
            var answer = await Raw.SendAsync(method, uri, json: json);

            Assert.True(answer.Status == 400, $"{method} {json} answered {answer.Status}: {answer.Text}");
            Assert.False(string.IsNullOrEmpty(answer.Str("error")));
        }

        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
    }

    [Fact]
    public async Task GoodValuesAtTheEdgesAreTaken()
    {
        var fault = await Raw.SendAsync(HttpMethod.Post, Faults, json: """{"kind":"delay","delayMs":3600000,"rate":0,"count":0,"seed":-2147483648,"description":"ignored"}""");
        var limit = await Raw.SendAsync(HttpMethod.Put, RateLimit, json: """{"requests":2147483647,"windowSeconds":86400}""");
        var status = await Raw.SendAsync(HttpMethod.Post, Faults, json: """{"kind":"serverError","statusCode":5.99e2,"count":null}""");

        Assert.True(fault.Status == 200, fault.Text);
        Assert.Equal(204, limit.Status);
        Assert.True(status.Status == 200, status.Text);
        Assert.Equal(599, status.Json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task AChunkedAdminBodyIsCappedLikeADeclaredOne()
    {
        // An unknown field is refused anyway; the point is that the body is not read past the cap.
        var json = """{"kind":"drop","pad":" """ + new string(' ', 80 * 1024) + "\"}";
        foreach (var chunked in new[] { true, false })
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            using var request = new HttpRequestMessage(HttpMethod.Post, Faults)
            {
                Content = chunked ? new StreamContent(new NonSeekableStream(bytes)) : new ByteArrayContent(bytes),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = chunked;

            var answer = await Raw.SendAsync(request);

            Assert.True(answer.Status == 413, $"chunked={chunked}: answered {answer.Status}: {answer.Text}");
            Assert.Contains("65536", answer.Str("error"), StringComparison.Ordinal);
        }

        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
    }

    [Theory]
    [InlineData("zz\r\n")]                    // not a chunk size
    [InlineData("ffffffffffffffff\r\n")]      // a chunk size that overflows
    [InlineData("3\r\nabcX\r\n")]             // a chunk not followed by CRLF
    public async Task ABrokenChunkedAdminBodyIs400(string damage)
    {
        // The connection stays open after the damage, so the emulator has someone to answer: exactly a 400 that says
        // the body could not be read.
        var answer = await RawSocket.SendAsync(_emulator.BaseAddress.Port, ChunkedFaultHead(), Encoding.ASCII.GetBytes("e\r\n{\"kind\":\"drop\"\r\n" + damage), halfClose: false, headRequest: false);

        Assert.True(answer is not null, "the emulator closed the connection without an answer");
        Assert.True(answer.Status == 400, $"answered {answer.StatusLine}: {answer.Text}");
        Assert.Contains("could not be read", JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
        Assert.Equal(200, (await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts"))).Status);
    }

    [Fact]
    public async Task AChunkedAdminBodyCutShortByTheClientChangesNothing()
    {
        // A body that ends in the middle of a chunk is only known to be cut when the client ends its side of the
        // connection, and Kestrel takes that as the client leaving: there is no one to answer, so the connection is
        // closed without an answer. What matters is that nothing was added and the emulator goes on answering.
        var answer = await RawSocket.SendAsync(_emulator.BaseAddress.Port, ChunkedFaultHead(), Encoding.ASCII.GetBytes("e\r\n{\"kind\":\"drop\"\r\n5\r\nab"), halfClose: true, headRequest: false);

        Assert.True(answer is null, $"answered {answer?.StatusLine}: {answer?.Text}");
        Assert.Empty(_emulator.GetFaults(_emulator.DefaultHookId));
        Assert.Equal(200, (await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts"))).Status);
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1e300", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("limit=", "limit")]
    public async Task BadListQueriesAre400NamingTheParameter(string query, string name)
    {
        var answer = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts?" + query));

        Assert.True(answer.Status == 400, $"{query} answered {answer.Status}: {answer.Text}");
        Assert.Contains($"'{name}'", answer.Str("error"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=x")]
    [InlineData("after=1e300")]
    [InlineData("after=99999999999999999999")]
    public async Task BadEventQueriesAre400NamingTheParameter(string query)
    {
        var answer = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/events?" + query));

        Assert.True(answer.Status == 400, $"{query} answered {answer.Status}: {answer.Text}");
        Assert.Contains("'after'", answer.Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALimitOfZeroListsNothingButTheCounters()
    {
        await Raw.PostAsync(_emulator.V2(_emulator.DefaultHookId), """{"text":"x"}""");

        var answer = await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/posts?limit=0"));

        Assert.Equal(200, answer.Status);
        Assert.Equal(1, answer.Json.GetProperty("total").GetInt64());
        Assert.Empty(answer.Json.GetProperty("posts").EnumerateArray());
    }

    /// <summary>A stream without a length, so that HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private byte[] ChunkedFaultHead() => Encoding.ASCII.GetBytes(
        $"POST /api/hooks/{_emulator.DefaultHookId}/faults HTTP/1.1\r\nHost: 127.0.0.1:{_emulator.BaseAddress.Port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");

    /// <summary>The default hook as <c>GET /api/hooks</c> shows it: the state in effect, as a client of the API sees it.</summary>
    private async Task<JsonElement> DefaultHookAsync()
    {
        var hooks = (await Raw.SendAsync(HttpMethod.Get, _emulator.At("api/hooks"))).Json.GetProperty("hooks");
        return Assert.Single(hooks.EnumerateArray(), h => h.GetProperty("id").GetString() == _emulator.DefaultHookId);
    }
}
