using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CardGen;

/// <summary>
/// Posts messages and Adaptive Cards to RingCentral incoming webhooks: validates cards first, posts to the v2 form
/// of a v1 URL, honours <c>Retry-After</c> on 429, and turns the host's answers (including
/// <c>"status":"error"</c> with HTTP 200) into <see cref="ChatHookException"/>.
/// </summary>
/// <remarks>
/// <para>A <see cref="WebhookMessage"/> is written in the v2 message schema (<c>text</c>, <c>iconUri</c>,
/// attachments), which the legacy v1 URL <c>/webhook/{id}</c> does not read (it expects <c>body</c> and
/// <c>icon</c>). So every post to a v1 URL, text-only included, goes to its v2 form <c>/webhook/v2/{id}</c>:
/// RingCentral documents that rewrite as the same webhook.</para>
/// <para>A post succeeds only with a 2xx status and a JSON body whose <c>status</c> is <c>OK</c>. A post is not
/// idempotent, so by default only failures that certainly posted nothing are retried: 429 (after its
/// <c>Retry-After</c>) and a connection that was never made (DNS failure, connection refused, TLS handshake),
/// within <see cref="ChatHookClientOptions.MaxAttempts"/>. A failure that may have posted the message (a 5xx, a
/// timeout, a connection lost after sending) is retried only with
/// <see cref="ChatHookClientOptions.RetryServerErrors"/>; <see cref="ChatHookException.MayHaveBeenDelivered"/> tells
/// which kind a failure was.</para>
/// <para>The client never writes the webhook id to an exception message or a log line, and removes it from text
/// the host sends back. HTTP tracing below it (<c>System.Net.Http</c> activities, for example OpenTelemetry's
/// HttpClient instrumentation) records the request URL as <c>url.full</c>, and .NET redacts at most a query
/// string there, never the path that holds the token: filter or redact webhook hosts in your tracing.</para>
/// <para>An <see cref="HttpClient"/> you pass (<see cref="ChatHookClient(HttpClient, ChatHookClientOptions?)"/>)
/// carries the post through its own handlers, and they see the full URL. The client's own HttpClient follows no
/// redirect and has no retry or logging handler; with yours:</para>
/// <list type="bullet">
/// <item><description>A redirect may be followed (<c>AllowAutoRedirect</c> is on by default): a 307 or 308 re-posts
/// the body, and a 301, 302 or 303 sends a GET, to the <c>Location</c>, which may be another host; the URL path, and
/// with it the token, goes along when the new URL keeps it. RingCentral never redirects a webhook post, so set
/// <c>AllowAutoRedirect = false</c> on the primary handler. When a redirect was followed anyway, the client sees
/// afterwards that the request went to another URL and throws <see cref="ChatHookFailure.UnexpectedResponse"/>
/// instead of returning a success, but what was sent cannot be called back.</description></item>
/// <item><description>A resilience handler (for example <c>AddStandardResilienceHandler</c>) retries POSTs after a 5xx
/// or a timeout by default, which posts a message twice behind <see cref="ChatHookClientOptions.RetryServerErrors"/>
/// and <see cref="ChatHookClientOptions.MaxAttempts"/>. Leave retries to these options: add no retry handler to
/// this client, or disable it for POST.</description></item>
/// <item><description>Logging handlers write the URL: the default logging of an <c>IHttpClientFactory</c> client
/// writes each request URL, token included, at Information level. Call <c>RemoveAllLoggers()</c> on that client's
/// builder, or filter its <c>System.Net.Http.HttpClient.{name}</c> log categories.</description></item>
/// </list>
/// <para>Pass an HttpClient only for what the client's own cannot do (a proxy, client certificates), and configure
/// it as above.</para>
/// <para>The client is thread-safe. Reuse one instance (or <see cref="Shared"/>) rather than creating one per post.</para>
/// </remarks>
public sealed class ChatHookClient : IDisposable
{
    /// <summary>The most of a response body the client reads; a larger body is cut off.</summary>
    internal const int MaxResponseBytes = 64 * 1024;

    private static readonly Lazy<ChatHookClient> SharedClient = new(() => new ChatHookClient(null, isShared: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly bool _isShared;
    private int _disposed;

    /// <summary>Creates a client that posts through <paramref name="httpClient"/>.</summary>
    /// <remarks>
    /// Its handlers see the full webhook URL, token included. Turn off <c>AllowAutoRedirect</c> on its primary
    /// handler (a followed redirect re-posts the message, and the token when the new URL keeps the path, to another
    /// host; the client reports it afterwards as <see cref="ChatHookFailure.UnexpectedResponse"/>), add no retry or
    /// resilience handler (it would retry POSTs and post twice; use <see cref="ChatHookClientOptions.MaxAttempts"/>
    /// and <see cref="ChatHookClientOptions.RetryServerErrors"/>), and remove or filter its request logging, which
    /// writes the URL. See the class remarks.
    /// </remarks>
    /// <param name="httpClient">The HTTP client; it is not disposed with this client. Its own <c>Timeout</c> also applies, and counts as <see cref="ChatHookFailure.Timeout"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    public ChatHookClient(HttpClient httpClient, ChatHookClientOptions? options = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new ChatHookClientOptions();
    }

    /// <summary>
    /// Creates a client with its own HTTP client, disposed with this client. It does not follow redirects, and on
    /// .NET 8+ renews pooled connections every two minutes so that DNS changes are seen.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    public ChatHookClient(ChatHookClientOptions? options = null)
        : this(options, isShared: false)
    {
    }

    private ChatHookClient(ChatHookClientOptions? options, bool isShared)
    {
        _http = CreateHttpClient();
        _ownsHttp = true;
        _isShared = isShared;
        Options = options ?? new ChatHookClientOptions();
    }

    /// <summary>
    /// A process-wide client with default options, created on first use (thread-safe) and never disposed;
    /// <see cref="Dispose"/> does nothing on it. Its <see cref="Options"/> are shared by every caller.
    /// </summary>
    public static ChatHookClient Shared => SharedClient.Value;

    /// <summary>The options, read at the start of each post.</summary>
    public ChatHookClientOptions Options { get; }

    /// <summary>Posts a message to a webhook.</summary>
    /// <param name="hook">The webhook. A v1 URL is posted to as its v2 form, the same webhook, since the message is in the v2 schema.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hook"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="CardValidationException">A card has a validation error for <see cref="ChatHookClientOptions.Host"/>; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The message has neither text nor an attachment.</exception>
    /// <exception cref="ChatHookException">The host refused the post, or it failed; see <see cref="ChatHookException.Failure"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public Task<ChatHookResponse> PostAsync(WebhookUrl hook, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return Post(hook, message, nameof(message), cancellationToken);
    }

    /// <summary>Posts one card to a webhook, with the card's <c>FallbackText</c> as the activity line.</summary>
    /// <param name="hook">The webhook. A v1 URL is posted to as its v2 form, the same webhook.</param>
    /// <param name="card">The card.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hook"/> or <paramref name="card"/> is null.</exception>
    /// <exception cref="CardValidationException">The card has a validation error for <see cref="ChatHookClientOptions.Host"/>; nothing was sent.</exception>
    /// <exception cref="ChatHookException">The host refused the post, or it failed; see <see cref="ChatHookException.Failure"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public Task<ChatHookResponse> PostAsync(WebhookUrl hook, AdaptiveCard card, CancellationToken cancellationToken = default)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        if (card is null)
        {
            throw new ArgumentNullException(nameof(card));
        }

        return Post(hook, WebhookMessage.ForCard(card, activity: card.FallbackText), nameof(card), cancellationToken);
    }

    /// <summary>Disposes the HTTP client when this client created it. Does nothing on <see cref="Shared"/>.</summary>
    public void Dispose()
    {
        if (_isShared || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient()
    {
#if NET
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        try
        {
            // Each attempt has its own timeout (Options.Timeout); the HttpClient one would only interfere.
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    private Task<ChatHookResponse> Post(WebhookUrl hook, WebhookMessage message, string paramName, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ChatHookClient));
        }

        var settings = new Settings(Options);

        // Everything that can be refused is refused here, before any network I/O.
        if (settings.ValidateCards)
        {
            var target = new ValidationTarget(settings.Host);
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var card = message.Attachments[i]
                    ?? throw new ArgumentException($"Attachments[{i}] of the webhook message is null.", paramName);
                var result = card.Validate(target);
                var errors = result.Errors.Count();
                if (errors > 0)
                {
                    HookLog.InvalidCard(settings.Logger, hook, i, errors);
                    throw new CardValidationException(result, paramName, message.Attachments.Count > 1 ? i : null);
                }

                var warnings = result.Warnings.Count();
                if (warnings > 0)
                {
                    HookLog.CardWarnings(settings.Logger, i, warnings, target.ToString());
                }
            }
        }

        var body = message.ToUtf8Json();
        var endpoint = MessageRoute.Endpoint(WebhookFormat.V2, hook);
        if (endpoint != hook)
        {
            HookLog.UpgradedToV2(settings.Logger, endpoint, hook);
        }

        return SendAsync(endpoint, body, message.Attachments.Count, settings, cancellationToken);
    }

    private async Task<ChatHookResponse> SendAsync(WebhookUrl hook, byte[] body, int cards, Settings settings, CancellationToken cancellationToken)
    {
        var logger = settings.Logger;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HookLog.Sending(logger, hook, body.Length, attempt, settings.MaxAttempts);

            Outcome outcome;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (StartTimeout(attemptCts, settings))
            {

                try
                {
                    outcome = await AttemptAsync(hook, body, attempt, settings, attemptCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
                {
                    // Name the caller's token, not the per-attempt one linked to it.
                    if (e.CancellationToken == cancellationToken)
                    {
                        throw;
                    }

#if NET5_0_OR_GREATER
                    if (e is TaskCanceledException)
                    {
                        throw new TaskCanceledException(e.Message, e, cancellationToken);
                    }
#endif
                    throw new OperationCanceledException(e.Message, e, cancellationToken);
                }
                catch (OperationCanceledException e)
                {
                    // Our per-attempt timeout, or the given HttpClient's own Timeout.
                    outcome = Outcome.Fail(
                        ChatHookFailure.Timeout,
                        $"The post to {hook.Redacted} timed out after {Seconds(settings.Timeout)} (attempt {attempt} of {settings.MaxAttempts}); the message may have been delivered.",
                        mayHaveBeenDelivered: true,
                        retryable: settings.RetryServerErrors,
                        delay: Backoff(settings, attempt),
                        inner: e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    // A connection that was never made sent nothing, so trying again cannot post the message twice.
                    var delivered = MayHaveBeenSent(e);
                    outcome = Outcome.Fail(
                        ChatHookFailure.Network,
                        $"The post to {hook.Redacted} failed: {hook.Scrub(e.Message)}; "
                            + (delivered ? "the message may have been delivered." : "the connection was not made, so the message was not delivered."),
                        mayHaveBeenDelivered: delivered,
                        retryable: !delivered || settings.RetryServerErrors,
                        delay: Backoff(settings, attempt),
                        inner: e);
                }
            }

            if (outcome.Response is { } response)
            {
                HookLog.Posted(logger, hook, cards, attempt, response.StatusCode);
                return new ChatHookResponse(response.StatusCode, attempt, response.Body, hook);
            }

            if (outcome.Retryable && attempt < settings.MaxAttempts)
            {
                HookLog.Retrying(logger, hook, outcome.Failure, outcome.StatusCode, outcome.Delay, attempt + 1, settings.MaxAttempts);
                if (outcome.Delay > TimeSpan.Zero)
                {
#if NET8_0_OR_GREATER
                    await Task.Delay(outcome.Delay, settings.Time, cancellationToken).ConfigureAwait(false);
#else
                    await settings.Time.Delay(outcome.Delay, cancellationToken).ConfigureAwait(false);
#endif
                }

                continue;
            }

            var exception = outcome.ToException(hook, attempt);
            HookLog.Failed(logger, exception);
            throw exception;
        }
    }

    /// <summary>Cancels <paramref name="attempt"/> when the per-attempt timeout passes on the options' clock.</summary>
    private static ITimer? StartTimeout(CancellationTokenSource attempt, Settings settings)
        => settings.Timeout == Timeout.InfiniteTimeSpan
            ? null
            : settings.Time.CreateTimer(static state => Cancel((CancellationTokenSource)state!), attempt, settings.Timeout, Timeout.InfiniteTimeSpan);

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

    private async Task<Outcome> AttemptAsync(WebhookUrl hook, byte[] body, int attempt, Settings settings, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var target = hook.RevealUri();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        // This client's own HttpClient never follows a redirect; a caller's may, and then the request (its body, and
        // the token when the new URL keeps the path) went elsewhere. It cannot be undone, but it must not pass as a success.
        var sent = response.RequestMessage ?? request;
        if (sent.RequestUri is { } uri && !string.Equals(uri.AbsoluteUri, target.AbsoluteUri, StringComparison.Ordinal))
        {
            return Redirected(hook, (int)response.StatusCode, uri, reposted: sent.Method == HttpMethod.Post);
        }

        try
        {
            var (text, truncated) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            return Classify(hook, response, text, truncated, attempt, settings);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A read aborted by the timeout or the caller can surface as something else (on .NET Framework the response
            // is disposed to abort it, and the stream throws ObjectDisposedException): it is still that cancellation.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or HttpRequestException or IOException))
        {
            // An answer arrived but could not be made sense of (a bug here, or a handler of a caller's HttpClient):
            // the caller still gets the status and whether the post may have gone through, not a raw exception.
            return Unreadable(hook, (int)response.StatusCode, e);
        }
    }

    private static Outcome Classify(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings)
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
            var retryAfter = RetryAfter(response, settings.Time);
            var delay = retryAfter ?? Backoff(settings, attempt);
            var tooLong = retryAfter > settings.MaxRetryDelay;
            var wait = retryAfter is { } r
                ? tooLong
                    ? $"it asks to retry after {Seconds(r)}, longer than MaxRetryDelay ({Seconds(settings.MaxRetryDelay)})"
                    : $"it asks to retry after {Seconds(r)}"
                : "it sent no Retry-After";
            return Outcome.Fail(
                ChatHookFailure.RateLimited,
                $"RingCentral rate-limited the post to {hook.Redacted} (HTTP 429) after {attempt} attempt(s); {wait}. The message was not delivered.",
                mayHaveBeenDelivered: false,
                retryable: !tooLong,
                delay: delay,
                statusCode: status,
                retryAfter: retryAfter);
        }

        if (status is >= 500 and < 600)
        {
            var retryAfter = RetryAfter(response, settings.Time);
            var tooLong = retryAfter > settings.MaxRetryDelay;
            var detail = envelope is not null && (envelope.Error ?? envelope.Message) is { } error ? $": {Clip(hook.Scrub(error), 500)}" : string.Empty;
            var retry = settings.RetryServerErrors
                ? tooLong ? $"; it asks to retry after {Seconds(retryAfter!.Value)}, longer than MaxRetryDelay" : $" (attempt {attempt} of {settings.MaxAttempts})"
                : ", so it was not retried (set RetryServerErrors to retry)";
            return Outcome.Fail(
                ChatHookFailure.ServerError,
                $"RingCentral answered the post to {hook.Redacted} with {http}{detail}; the message may have been delivered{retry}.",
                mayHaveBeenDelivered: true,
                retryable: settings.RetryServerErrors && !tooLong,
                delay: retryAfter ?? Backoff(settings, attempt),
                statusCode: status,
                retryAfter: retryAfter,
                envelope: envelope,
                hook: hook);
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
                return new Outcome(new ChatHookResponse(status, attempt, body, hook));
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

    private static Outcome HostError(WebhookUrl hook, int status, string http, HookEnvelope? envelope)
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

        return Outcome.Fail(
            ChatHookFailure.HostError,
            text.ToString(),
            mayHaveBeenDelivered: false,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status,
            error: error,
            validation: validation);
    }

    private static Outcome Unexpected(WebhookUrl hook, int status, string what, bool mayHaveBeenDelivered)
        => Outcome.Fail(
            ChatHookFailure.UnexpectedResponse,
            $"RingCentral answered the post to {hook.Redacted} with {what}, which is not the webhook protocol"
                + (mayHaveBeenDelivered ? "; the message may have been delivered." : "; the message was not delivered."),
            mayHaveBeenDelivered,
            retryable: false,
            delay: TimeSpan.Zero,
            statusCode: status);

    private static Outcome Redirected(WebhookUrl hook, int status, Uri sentTo, bool reposted)
    {
        var mayHaveBeenDelivered = reposted && status is not (>= 300 and < 500);
        var elsewhere = hook.Scrub(sentTo.GetLeftPart(UriPartial.Authority)) + "/";
        return Outcome.Fail(
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

    private static Outcome Unreadable(WebhookUrl hook, int status, Exception exception)
    {
        // A redirect or a 4xx (429 included) says the host did not take the post; any other answer may have posted it.
        var mayHaveBeenDelivered = status is not (>= 300 and < 500);
        return Outcome.Fail(
            ChatHookFailure.UnexpectedResponse,
            $"RingCentral answered the post to {hook.Redacted} with HTTP {status}, but the answer could not be read ({exception.GetType().Name}: {hook.Scrub(exception.Message)})"
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
        var chunk = new byte[8192];
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
    /// The wait before retry number <paramref name="attempt"/> when the host gives none: a random time between half
    /// and all of the delay that doubles from <see cref="ChatHookClientOptions.DefaultRetryDelay"/>, capped at
    /// <see cref="ChatHookClientOptions.MaxRetryDelay"/> ("equal jitter"). Clients that failed together, for
    /// example when a host went away, then do not all retry at the same moment; the lower half keeps a floor.
    /// </summary>
    private static TimeSpan Backoff(Settings settings, int attempt)
    {
        var doubled = settings.DefaultRetryDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var full = doubled >= settings.MaxRetryDelay.Ticks ? settings.MaxRetryDelay.Ticks : (long)doubled;
        var half = full / 2;
        var random = settings.Jitter();
        return TimeSpan.FromTicks(half + (long)((full - half) * (random is >= 0 and < 1 ? random : 0)));
    }

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

    private static string Seconds(TimeSpan value)
        => value == Timeout.InfiniteTimeSpan
            ? "an unlimited time"
            : value.TotalSeconds.ToString(value.TotalSeconds % 1 == 0 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/> and an ellipsis, without splitting a surrogate pair.</summary>
    internal static string Clip(string text, int max) => Json.SafeText.Clip(text, max);

    /// <summary>The options as they were when a post started.</summary>
    private sealed class Settings
    {
        public Settings(ChatHookClientOptions options)
        {
            MaxAttempts = options.MaxAttempts;
            MaxRetryDelay = options.MaxRetryDelay;
            DefaultRetryDelay = options.DefaultRetryDelay;
            RetryServerErrors = options.RetryServerErrors;
            Timeout = options.Timeout;
            Host = options.Host;
            ValidateCards = options.ValidateCards;
            Logger = options.Logger ?? NullLogger.Instance;
            Time = options.TimeProvider;
            Jitter = options.Jitter;
        }

        public Func<double> Jitter { get; }

        public int MaxAttempts { get; }

        public TimeSpan MaxRetryDelay { get; }

        public TimeSpan DefaultRetryDelay { get; }

        public bool RetryServerErrors { get; }

        public TimeSpan Timeout { get; }

        public Schema.HostProfile Host { get; }

        public TimeProvider Time { get; }

        public bool ValidateCards { get; }

        public ILogger Logger { get; }
    }

    /// <summary>What one attempt came to: a success, or a failure that may be retried.</summary>
    private sealed class Outcome
    {
        public Outcome(ChatHookResponse response) => Response = response;

        private Outcome()
        {
        }

        public ChatHookResponse? Response { get; }

        public ChatHookFailure Failure { get; private init; }

        public string Message { get; private init; } = string.Empty;

        public bool MayHaveBeenDelivered { get; private init; }

        public bool Retryable { get; private init; }

        public TimeSpan Delay { get; private init; }

        public int? StatusCode { get; private init; }

        public TimeSpan? RetryAfter { get; private init; }

        public string? Error { get; private init; }

        public IReadOnlyList<string>? Validation { get; private init; }

        public Exception? Inner { get; private init; }

        public static Outcome Fail(
            ChatHookFailure failure,
            string message,
            bool mayHaveBeenDelivered,
            bool retryable,
            TimeSpan delay,
            int? statusCode = null,
            TimeSpan? retryAfter = null,
            string? error = null,
            IReadOnlyList<string>? validation = null,
            Exception? inner = null,
            HookEnvelope? envelope = null,
            WebhookUrl? hook = null)
            => new()
            {
                Failure = failure,
                Message = message,
                MayHaveBeenDelivered = mayHaveBeenDelivered,
                Retryable = retryable,
                Delay = delay,
                StatusCode = statusCode,
                RetryAfter = retryAfter,
                Error = error ?? (envelope?.Error is { } e && hook is not null ? hook.Scrub(e) : null),
                Validation = validation ?? (envelope is not null && hook is not null ? envelope.Validation.Select(hook.Scrub).ToArray() : null),
                Inner = inner,
            };

        public ChatHookException ToException(WebhookUrl hook, int attempts)
        {
            // An inner exception whose text shows the webhook id (some handlers print the request URL) is left out:
            // Exception.ToString() prints every inner exception, and their text cannot be rewritten.
            var message = hook.Scrub(Message);
            var inner = Inner;
            if (inner is not null && hook.Reveals(inner.ToString()))
            {
                message += $" The underlying {inner.GetType().Name} is left out because its text shows the webhook URL.";
                inner = null;
            }

            return new ChatHookException(
                message,
                inner,
                Failure,
                hook.Redacted,
                attempts,
                StatusCode,
                Error,
                Validation,
                RetryAfter,
                MayHaveBeenDelivered);
        }
    }
}
