using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CardGen.Tests.Hooks;

/// <summary>
/// Answers the client cannot take at face value: strings JSON allows but .NET cannot decode (lone surrogate escapes),
/// invalid UTF-8, and a body that fails to read. Each ends as a <see cref="ChatHookResponse"/> or a logged
/// <see cref="ChatHookException"/> with the right <see cref="ChatHookException.MayHaveBeenDelivered"/>.
/// </summary>
public sealed class UnreadableResponseTests : HookClientTest
{
    [Theory]
    [InlineData(200, """{"status":"error","message":"\udc00"}""", ChatHookFailure.HostError, false)]
    [InlineData(200, """{"status":"error","error":"bad \ud800 here"}""", ChatHookFailure.HostError, false)]
    [InlineData(200, """{"status":"error","error":"x","validation":["\ud800\u0041"]}""", ChatHookFailure.HostError, false)]
    [InlineData(200, """{"status":"error","error":{"code":"\udc00","message":"m\ud800","response":{"message":"\udfff","validation":[{"message":"\udfff"},"\ud800"]}}}""", ChatHookFailure.HostError, false)]
    [InlineData(200, """{"status":"error","error":{"message":"m","validation":["\udc00"]}}""", ChatHookFailure.HostError, false)]
    [InlineData(200, """{"status":"\udc00"}""", ChatHookFailure.UnexpectedResponse, true)]
    [InlineData(201, """{"status":"\ud800\ud800"}""", ChatHookFailure.UnexpectedResponse, true)]
    [InlineData(400, """{"error":"\ud800"}""", ChatHookFailure.HostError, false)]
    [InlineData(404, """{"status":"error","validation":"\udc00"}""", ChatHookFailure.HostError, false)]
    [InlineData(429, """{"status":"error","message":"\udc00"}""", ChatHookFailure.RateLimited, false)]
    [InlineData(500, """{"status":"error","error":"\udc00"}""", ChatHookFailure.ServerError, true)]
    [InlineData(503, """{"status":"error","message":"\ud800"}""", ChatHookFailure.ServerError, true)]
    public async Task A_string_with_a_lone_surrogate_escape_ends_as_a_ChatHookException(int status, string body, ChatHookFailure failure, bool mayHaveBeenDelivered)
    {
        Server.Default = Reply.Json(status, body);
        using var client = Client(o => o.Retry.MaxRetryAttempts = 0);

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(failure, e.Failure);
        Assert.Equal(mayHaveBeenDelivered, e.MayHaveBeenDelivered);
        Assert.Equal(status, e.StatusCode);
        Assert.Single(Server.Received);
        Assert.Contains(Logger.Entries, x => x.EventName == "Failed" && x.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Undecodable_strings_are_kept_with_a_replacement_character()
    {
        Server.Enqueue(
            Reply.Json(200, """{"status":"error","error":"bad \ud800 here","validation":["\ud800\u0041","a\\b\"c\/d\n\u00e9\ud83d\ude00"]}"""),
            Reply.Json(200, """{"status":"error","error":{"code":"\udc00","message":"m\ud800","response":{"validation":[{"message":"\udfff"}]}}}"""),
            Reply.Json(200, """{"status":"error","message":"\udc00 Webhook not found"}"""));
        using var client = Client();

        var first = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal("bad \uFFFD here", first.Error);
        Assert.Equal(new[] { "\uFFFDA", "a\\b\"c/d\n\u00e9\U0001F600" }, first.Validation);

        var second = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal("m\uFFFD (\uFFFD)", second.Error);
        Assert.Equal(new[] { "\uFFFD" }, second.Validation);

        var third = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.EndsWith(": \uFFFD Webhook not found", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echoed_id_behind_an_undecodable_escape_is_still_redacted()
    {
        Server.Default = Reply.Json(200, $$"""{"status":"error","error":"\ud800 unknown webhook {{Id}}","validation":["{{Id}} \udc00"]}""");
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal("\uFFFD unknown webhook d1f7\u2026", e.Error);
        Assert.Equal(new[] { "d1f7\u2026 \uFFFD" }, e.Validation);
    }

    [Fact]
    public async Task A_success_with_an_undecodable_string_elsewhere_is_a_success()
    {
        Server.Default = Reply.Json(200, """{"status":"OK","message":"\udc00","error":null}""");
        using var client = Client();

        var response = await client.PostAsync(Hook, ValidCard());
        Assert.Equal(200, response.StatusCode);
        Assert.Contains(Logger.Entries, x => x.EventName == "Posted");
    }

    [Theory]
    [InlineData(200, ChatHookFailure.HostError, false)]
    [InlineData(500, ChatHookFailure.ServerError, true)]
    public async Task Invalid_UTF8_in_the_body_is_read_with_replacement_characters(int status, ChatHookFailure failure, bool mayHaveBeenDelivered)
    {
        // 0xFF never occurs in UTF-8; ED A0 80 is a UTF-8-encoded surrogate; C0 80 an overlong NUL.
        var body = Encoding.ASCII.GetBytes("""{"status":"error","error":"a""")
            .Concat(new byte[] { 0xFF, 0xED, 0xA0, 0x80, 0xC0, 0x80 })
            .Concat(Encoding.ASCII.GetBytes("""b"}"""))
            .ToArray();
        Server.Default = Reply.Raw(status, body);
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(failure, e.Failure);
        Assert.Equal(mayHaveBeenDelivered, e.MayHaveBeenDelivered);
        Assert.NotNull(e.Error);
        Assert.StartsWith("a\uFFFD", e.Error, StringComparison.Ordinal);
        Assert.EndsWith("\uFFFDb", e.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.Found, false)]
    public async Task Any_other_failure_to_read_an_answer_is_an_unexpected_response(HttpStatusCode status, bool mayHaveBeenDelivered)
    {
        // A handler of a caller-supplied HttpClient whose content throws something that is neither a network error
        // nor a cancellation: the answer arrived, so the post still ends as a ChatHookException.
        using var http = new HttpClient(new BrokenContentHandler(status));
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger });

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        Assert.Equal(ChatHookFailure.UnexpectedResponse, e.Failure);
        Assert.Equal((int)status, e.StatusCode);
        Assert.Equal(mayHaveBeenDelivered, e.MayHaveBeenDelivered);
        Assert.Equal(1, e.Attempts);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("could not be read", e.Message, StringComparison.Ordinal);
        Assert.Contains(Logger.Entries, x => x.EventName == "Failed");
    }

    [Fact]
    public async Task A_read_aborted_by_the_timeout_is_a_timeout_whatever_the_stream_throws()
    {
        // On .NET Framework a read is aborted by disposing the response, and the stream then throws
        // ObjectDisposedException, not OperationCanceledException; it is still the attempt's timeout.
        var clock = new TestClock();
        using var http = new HttpClient(new BrokenContentHandler(HttpStatusCode.OK, abortable: true));
        using var client = new ChatHookClient(http, new ChatHookClientOptions { Logger = Logger, AttemptTimeout = { Timeout = TimeSpan.FromSeconds(2) }, TimeProvider = clock });

        var post = Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));

        var e = await post;
        Assert.Equal(ChatHookFailure.Timeout, e.Failure);
        Assert.True(e.MayHaveBeenDelivered);
    }

    /// <summary>Answers every request with <paramref name="status"/> and a body that throws when read.</summary>
    /// <remarks>
    /// With <paramref name="abortable"/>, the body instead never arrives until the read is cancelled, and then the read
    /// throws <see cref="ObjectDisposedException"/>, as a .NET Framework response stream does once disposed.
    /// </remarks>
    private sealed class BrokenContentHandler(HttpStatusCode status, bool abortable = false) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = abortable ? new StreamContent(new NeverEndingStream()) : new BrokenContent(),
            });
    }

    private sealed class BrokenContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => throw new InvalidOperationException("The content was already consumed.");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new ObjectDisposedException(nameof(NeverEndingStream));
            }

            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
