using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CardGen.Emulator;

namespace CardGen.Benchmarks;

/// <summary>
/// A post of a <c>[ChatCard]</c> deployment notification to the local webhook emulator over loopback, through
/// <see cref="ChatHookClient"/> (write once into a pooled buffer, validate from those bytes, send them through the Polly
/// pipeline, read and classify the answer), against a raw <see cref="HttpClient"/> POST of the same bytes that reads
/// the answer: what CardGen adds to the HTTP round trip. <c>UncheckedPost</c> is the same post with
/// <c>ValidateCards = false</c>, which shows what validating the card costs.
/// </summary>
[MemoryDiagnoser]
public class PostBenchmarks
{
    private HookEmulator _emulator = null!;
    private WebhookUrl _hook = null!;
    private Uri _uri = null!;
    private ChatHookClient _client = null!;
    private ChatHookClient _unchecked = null!;
    private HttpClient _raw = null!;
    private byte[] _bytes = null!;
    private DeploymentSucceeded _event = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { MaxRecordedPosts = 100 });
        _hook = _emulator.DefaultHook;
        _uri = _hook.RevealUri();
        _event = DeploymentNotification.Sample();
        _client = new ChatHookClient();
        _unchecked = new ChatHookClient(new ChatHookClientOptions { ValidateCards = false });

        // The same handler settings as the client's own: no redirects, no request activity, pooled connections.
        _raw = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ActivityHeadersPropagator = null, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        _bytes = _event.ToWebhookMessage().ToUtf8Json();

        // Both send exactly the same bytes, and the emulator accepts them.
        await GeneratedCardPost();
        await RawHttpClient();
        var posts = _emulator.Posts.TakeLast(2).ToArray();
        if (posts.Length != 2 || posts[0].Body != posts[1].Body || _emulator.AcceptedPosts != 2)
        {
            throw new InvalidOperationException("The client and the raw HttpClient did not send the same accepted body.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _unchecked.Dispose();
        _raw.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpClient()
    {
        using var content = new ByteArrayContent(_bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(_uri, content);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode + body.Length;
    }

    [Benchmark]
    public async Task<int> UncheckedPost()
    {
        var response = await _event.PostToHookAsync(_unchecked, _hook);
        return response.StatusCode + response.Body.Length;
    }

    [Benchmark]
    public async Task<int> GeneratedCardPost()
    {
        var response = await _event.PostToHookAsync(_client, _hook);
        return response.StatusCode + response.Body.Length;
    }
}
