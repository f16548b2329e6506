using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CardGen.RingCentral;

/// <summary>One HTTP answer of the platform: its status, <c>Retry-After</c> and body, and how many requests it took.</summary>
internal sealed class PlatformAnswer
{
    public PlatformAnswer(int status, TimeSpan? retryAfter, string body, int attempts)
    {
        Status = status;
        RetryAfter = retryAfter;
        Body = body;
        Attempts = attempts;
    }

    public int Status { get; }

    public TimeSpan? RetryAfter { get; }

    public string Body { get; }

    public int Attempts { get; }

    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// Sends a request with the retries RingCentral's guidance allows: a 429 after its <c>Retry-After</c> (30 s when it
/// sends none), and, only for requests that can be repeated, a 408, a 5xx, a timeout or a lost connection with the
/// back-off it documents (2, 3, 5, 8, 13, 21, 30 s). A connection that was never made is retried for any request.
/// </summary>
internal sealed class PlatformTransport
{
    /// <summary>The most of an answer the client reads; a larger one is refused as unreadable.</summary>
    public const int MaxAnswerBytes = 4 * 1024 * 1024;

    private static readonly int[] BackoffSeconds = { 2, 3, 5, 8, 13, 21, 30 };
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly RingCentralClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<IEnumerable<string?>> _secrets;

    public PlatformTransport(HttpClient http, RingCentralClientOptions options, ILogger logger, Func<IEnumerable<string?>> secrets)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _secrets = secrets;
    }

    public async Task<PlatformAnswer> SendAsync(Func<HttpRequestMessage> build, string operation, bool repeatable, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ClientLog.Sending(_logger, operation, attempt);
            PlatformAnswer? answer = null;
            Exception? failure = null;
            var connected = true;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (_options.TimeProvider.CreateTimer(static s => Cancel((CancellationTokenSource)s!), attemptCts, _options.Timeout, Timeout.InfiniteTimeSpan))
            {
                try
                {
                    answer = await AttemptAsync(build, attempt, attemptCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException e)
                {
                    failure = e;
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    failure = e;
                    connected = MayHaveBeenSent(e);
                }
            }

            if (failure is not null)
            {
                if ((repeatable || !connected) && attempt < _options.MaxAttempts)
                {
                    await WaitAsync(operation, null, Backoff(attempt), attempt + 1, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Failed(operation, failure, attempt, connected, ids);
            }

            var status = answer!.Status;
            if (status == 429)
            {
                var wait = answer.RetryAfter ?? Min(DefaultRateLimitWait, _options.MaxRetryDelay);
                if (attempt < _options.MaxAttempts && wait <= _options.MaxRetryDelay)
                {
                    await WaitAsync(operation, status, wait, attempt + 1, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return answer;
            }

            if (repeatable && (status == 408 || status is >= 500 and < 600) && attempt < _options.MaxAttempts)
            {
                var wait = answer.RetryAfter ?? Backoff(attempt);
                if (wait <= _options.MaxRetryDelay)
                {
                    await WaitAsync(operation, status, wait, attempt + 1, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            return answer;
        }
    }

    private async Task<PlatformAnswer> AttemptAsync(Func<HttpRequestMessage> build, int attempt, CancellationToken cancellationToken)
    {
        using var request = build();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new PlatformAnswer((int)response.StatusCode, RetryAfter(response), body, attempt);
    }

    private async Task WaitAsync(string operation, int? status, TimeSpan delay, int nextAttempt, CancellationToken cancellationToken)
    {
        ClientLog.Retrying(_logger, operation, status, delay, nextAttempt, _options.MaxAttempts);
        if (delay > TimeSpan.Zero)
        {
#if NET8_0_OR_GREATER
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
#else
            await _options.TimeProvider.Delay(delay, cancellationToken).ConfigureAwait(false);
#endif
        }
    }

    private RingCentralException Failed(string operation, Exception failure, int attempts, bool connected, IReadOnlyList<string> ids)
    {
        var what = failure is OperationCanceledException
            ? $"timed out after {Seconds(_options.Timeout)}"
            : "failed: " + Redaction.Scrub(failure.Message, _secrets(), ids);
        var text = $"The request to {operation} {what} (attempt {attempts} of {_options.MaxAttempts}); "
            + (connected ? "it may have taken effect." : "the connection was not made, so it did not take effect.");

        // Exception.ToString() prints inner exceptions, whose text cannot be rewritten: one that shows a secret is left out.
        Exception? inner = failure;
        var innerText = failure.ToString();
        if (Redaction.Scrub(innerText, _secrets(), ids) != innerText)
        {
            inner = null;
            text += $" The underlying {failure.GetType().Name} is left out because its text shows a secret.";
        }

        var exception = new RingCentralException(text, inner, operation, null, null, null, Array.Empty<RingCentralError>(), null, attempts, isAuthenticationFailure: false, mayHaveSucceeded: connected);
        ClientLog.Failed(_logger, exception);
        return exception;
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return string.Empty;
        }

#if NET
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeStream = stream.ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var abort = cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        while (true)
        {
#if NET
            var read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxAnswerBytes)
            {
                throw new IOException($"The answer is larger than {MaxAnswerBytes / (1024 * 1024)} MiB.");
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));
        }

        return null;
    }

    private TimeSpan Backoff(int attempt) => Min(TimeSpan.FromSeconds(BackoffSeconds[Math.Min(attempt - 1, BackoffSeconds.Length - 1)]), _options.MaxRetryDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static string Seconds(TimeSpan value)
        => value.TotalSeconds.ToString(value.TotalSeconds % 1 == 0 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended as the timer fired.
        }
    }

    /// <summary>Whether a failed request may have reached the server: only a connection never made proves it did not.</summary>
    private static bool MayHaveBeenSent(Exception exception)
    {
#if NET
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
        {
            return false;
        }
#endif
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData })
            {
                return false;
            }

            if (e is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure })
            {
                return false;
            }
        }

        return true;
    }
}
