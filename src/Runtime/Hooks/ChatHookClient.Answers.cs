using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen;

/// <summary>How the client reads an answer: what it says, whether the post may have been delivered, and whether to retry.</summary>
public sealed partial class ChatHookClient
{
    internal static AttemptResult Classify(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings)
    {
        var status = (int)response.StatusCode;
        var http = $"HTTP {status}" + (string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : $" ({Clip(hook.Scrub(response.ReasonPhrase!), 100)})");
        HookEnvelope? envelope = null;
        var problem = "a body larger than 64 KiB";
        if (!truncated && !HookEnvelope.TryParse(body, out envelope, out var parseProblem))
        {
            problem = parseProblem!;
        }

        if (status == 429)
        {
            return RateLimited("RingCentral rate-limited", hook, response, status, attempt, settings, error: null);
        }

        if (status is >= 500 and < 600)
        {
            var detail = envelope is not null && (envelope.Error ?? envelope.Message) is { } error ? $": {Clip(hook.Scrub(error), 500)}" : string.Empty;
            return ServerError("RingCentral", hook, response, http + detail, status, attempt, settings, error: null, envelope);
        }

        if (status is >= 200 and < 300)
        {
            if (envelope is null)
            {
                return Unexpected(hook, status, $"{http} with {problem}", mayHaveBeenDelivered: true);
            }

            if (envelope.IsError)
            {
                return HostError(hook, status, http, envelope);
            }

            if (envelope.IsOk)
            {
                return new AttemptResult(new ChatHookResponse(status, attempt, body, hook));
            }

            return Unexpected(hook, status, $"{http} without \"status\":\"OK\"", mayHaveBeenDelivered: true);
        }

        if (status is >= 300 and < 400)
        {
            return Unexpected(hook, status, $"{http}, a redirect; webhook posts are not redirected, so check the URL", mayHaveBeenDelivered: false);
        }

        if (status is >= 400 and < 500)
        {
            return HostError(hook, status, http, envelope);
        }

        return Unexpected(hook, status, http, mayHaveBeenDelivered: true);
    }

    /// <summary>
    /// A 429: not delivered; retried after the host's <c>Retry-After</c> (or the back-off) unless that is longer than
    /// <c>Retry.MaxDelay</c>. <paramref name="who"/> starts the message: the host and what it did ("RingCentral rate-limited").
    /// </summary>
    private static AttemptResult RateLimited(string who, WebhookUrl hook, HttpResponseMessage response, int status, int attempt, Settings settings, string? error)
    {
        var retryAfter = RetryAfter(response, settings.Time);
        var tooLong = retryAfter > settings.MaxRetryDelay;
        var wait = retryAfter is { } r
            ? tooLong
                ? $"it asks to retry after {Seconds(r)}, longer than Retry.MaxDelay ({Seconds(settings.MaxRetryDelay)})"
                : $"it asks to retry after {Seconds(r)}"
            : "it sent no Retry-After";
        return AttemptResult.Fail(
            ChatHookFailure.RateLimited,
            $"{who} the post to {hook.Redacted} (HTTP 429) after {attempt} attempt(s); {wait}. The message was not delivered.",
            mayHaveBeenDelivered: false,
            retryable: !tooLong,
            delay: retryAfter ?? Backoff(settings, attempt),
            statusCode: status,
            retryAfter: retryAfter,
            error: error);
    }

    /// <summary>
    /// A 5xx: the post may have been delivered, so it is retried only where <c>Retry.RetryServerErrors</c> allows it.
    /// <paramref name="answer"/> is the status and what the host said of it, as the message shows them.
    /// </summary>
    private static AttemptResult ServerError(string host, WebhookUrl hook, HttpResponseMessage response, string answer, int status, int attempt, Settings settings, string? error, HookEnvelope? envelope)
    {
        var retryAfter = RetryAfter(response, settings.Time);
        var tooLong = retryAfter > settings.MaxRetryDelay;
        var retry = settings.RetryServerErrors
            ? tooLong ? $"; it asks to retry after {Seconds(retryAfter!.Value)}, longer than Retry.MaxDelay" : $" (attempt {attempt} of {settings.MaxAttempts})"
            : ", so it was not retried (set Retry.RetryServerErrors to retry)";
        return AttemptResult.Fail(
            ChatHookFailure.ServerError,
            $"{host} answered the post to {hook.Redacted} with {answer}; the message may have been delivered{retry}.",
            mayHaveBeenDelivered: true,
            retryable: settings.RetryServerErrors && !tooLong,
            delay: retryAfter ?? Backoff(settings, attempt),
            statusCode: status,
            retryAfter: retryAfter,
            error: error,
            envelope: envelope,
            hook: hook);
    }

    private static AttemptResult HostError(WebhookUrl hook, int status, string http, HookEnvelope? envelope)
    {
        var error = envelope?.Error is { } e ? hook.Scrub(e) : null;
        var validation = envelope?.Validation.Select(hook.Scrub).ToArray() ?? Array.Empty<string>();
        var text = new StringBuilder("RingCentral rejected the post to ").Append(hook.Redacted);
        if (status is < 200 or >= 300)
        {
            text.Append(" with ").Append(http);
        }

        text.Append(": ").Append(Clip(error ?? (envelope?.Message is { } m ? hook.Scrub(m) : "no error given"), 500));
        if (validation.Length > 0)
        {
            text.Append(" (").Append(Clip(string.Join("; ", validation), 1000)).Append(')');
        }

        return AttemptResult.Fail(
            ChatHookFailure.HostError,
            text.ToString(),
            mayHaveBeenDelivered: false,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status,
            error: error,
            validation: validation);
    }

    private static AttemptResult Unexpected(WebhookUrl hook, int status, string what, bool mayHaveBeenDelivered)
        => Unexpected("RingCentral", "webhook", hook, status, what, mayHaveBeenDelivered);

    /// <summary>An answer outside the host's protocol; <paramref name="host"/> and its <paramref name="protocol"/> ("webhook", "workflow") name it.</summary>
    private static AttemptResult Unexpected(string host, string protocol, WebhookUrl hook, int status, string what, bool mayHaveBeenDelivered)
        => AttemptResult.Fail(
            ChatHookFailure.UnexpectedResponse,
            $"{host} answered the post to {hook.Redacted} with {what}, which is not the {protocol} protocol"
                + (mayHaveBeenDelivered ? "; the message may have been delivered." : "; the message was not delivered."),
            mayHaveBeenDelivered,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status);

    private static AttemptResult Redirected(WebhookUrl hook, int status, Uri sentTo, bool reposted)
    {
        var mayHaveBeenDelivered = reposted && status is not (>= 300 and < 500);
        var elsewhere = hook.Scrub(sentTo.GetLeftPart(UriPartial.Authority)) + "/";
        return AttemptResult.Fail(
            ChatHookFailure.UnexpectedResponse,
            $"The HttpClient given to ChatHookClient followed a redirect: the post to {hook.Redacted} was sent to {elsewhere} instead, which answered HTTP {status}. "
                + (!reposted ? "The request became a GET there, so the message was not delivered"
                    : mayHaveBeenDelivered ? "The message was posted there and may have been delivered"
                    : "The message was posted there, which refused it")
                + ", and the webhook URL's token went along if the new URL kept the path. Webhook posts are never redirected: "
                + "check the URL, and set AllowAutoRedirect = false on the handler of the HttpClient you pass.",
            mayHaveBeenDelivered,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status);
    }

    private static AttemptResult Unreadable(WebhookUrl hook, int status, Exception exception)
    {
        var host = HostProtocol.For(hook).Name;
        // A redirect or a 4xx (429 included) says the host did not take the post; any other answer may have posted it.
        var mayHaveBeenDelivered = status is not (>= 300 and < 500);
        return AttemptResult.Fail(
            ChatHookFailure.UnexpectedResponse,
            $"{host} answered the post to {hook.Redacted} with HTTP {status}, but the answer could not be read ({exception.GetType().Name}: {hook.Scrub(exception.Message)})"
                + (mayHaveBeenDelivered ? "; the message may have been delivered." : "; the message was not delivered."),
            mayHaveBeenDelivered,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status,
            inner: exception);
    }

    private static async Task<(string Text, bool Truncated)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return (string.Empty, false);
        }

#if NET
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeStream = stream.ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var abort = cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
#endif
        using var buffer = new MemoryStream();
        // A pooled chunk: most answers are {"status":"OK"}, and a post should not allocate 8 KiB to read 15 bytes.
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            while (buffer.Length <= MaxResponseBytes)
            {
                var wanted = (int)Math.Min(chunk.Length, MaxResponseBytes + 1 - buffer.Length);
#if NET
                var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(chunk, 0, wanted, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        var truncated = buffer.Length > MaxResponseBytes;
        var length = (int)Math.Min(buffer.Length, MaxResponseBytes);
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, length), truncated);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));
        }

        return null;
    }

    /// <summary>
    /// The wait before retry number <paramref name="attempt"/> when the host gives none: <see cref="RetryDelays.Exponential"/>
    /// from <see cref="ChatHookRetryOptions.Delay"/> up to <see cref="ChatHookRetryOptions.MaxDelay"/>, with jitter
    /// unless <see cref="ChatHookRetryOptions.UseJitter"/> is off.
    /// </summary>
    internal static TimeSpan Backoff(Settings settings, int attempt)
        => RetryDelays.Exponential(settings.DefaultRetryDelay, settings.MaxRetryDelay, attempt - 1, settings.UseJitter ? settings.Jitter : null);

    /// <summary>
    /// Whether a failed request may have reached the host. Only failures to connect (DNS, refused, unreachable, TLS
    /// handshake) prove it did not; anything else, for example a reset after sending, may have delivered it.
    /// </summary>
    internal static bool MayHaveBeenSent(Exception exception)
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

    internal static string Seconds(TimeSpan value)
        => value == Timeout.InfiniteTimeSpan
            ? "an unlimited time"
            : value.TotalSeconds.ToString(value.TotalSeconds % 1 == 0 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/> and an ellipsis, without splitting a surrogate pair.</summary>
    internal static string Clip(string text, int max) => Json.SafeText.Clip(text, max);
}
