using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Validation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

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
/// <para>A post is written once into a pooled buffer; its cards are validated from those bytes with one parse, and
/// the same bytes are sent. It succeeds only with a 2xx status and a JSON body whose <c>status</c> is <c>OK</c>.</para>
/// <para>Each webhook has a Polly resilience pipeline (<see cref="ChatHookClientOptions"/>): a total timeout, retries,
/// a circuit breaker and a per-attempt timeout. A post is not idempotent, so by default only failures that certainly
/// posted nothing are retried: 429 (after its <c>Retry-After</c>) and a connection that was never made (DNS failure,
/// connection refused, TLS handshake), within <see cref="ChatHookRetryOptions.MaxRetryAttempts"/>. A failure that may
/// have posted the message (a 5xx, a timeout, a connection lost after sending) is retried only with
/// <see cref="ChatHookRetryOptions.RetryServerErrors"/>; <see cref="ChatHookException.MayHaveBeenDelivered"/> tells
/// which kind a failure was. While a webhook's circuit is open its posts fail at once with
/// <see cref="ChatHookFailure.CircuitOpen"/>.</para>
/// <para>The client never writes the webhook id to an exception message, a log line, a span or a metric, and removes
/// it from text the host sends back; it reports under <see cref="ChatHookTelemetry.SourceName"/>. Its own HttpClient
/// has no <c>System.Net.Http</c> request activity on .NET 8+ (whose <c>url.full</c> would hold the token): the
/// client's own span carries a redacted URL instead.</para>
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
/// or a timeout by default, which posts a message twice behind <see cref="ChatHookRetryOptions.RetryServerErrors"/>.
/// Leave retries to these options: add no retry handler to this client.</description></item>
/// <item><description>Logging handlers write the URL: the default logging of an <c>IHttpClientFactory</c> client
/// writes each request URL, token included, at Information level. Call <c>RemoveAllLoggers()</c> on that client's
/// builder, or filter its <c>System.Net.Http.HttpClient.{name}</c> log categories.</description></item>
/// <item><description>Tracing: the <c>System.Net.Http</c> request activity records <c>url.full</c> with the token; set
/// <c>SocketsHttpHandler.ActivityHeadersPropagator = null</c> on the primary handler to drop it.</description></item>
/// </list>
/// <para><c>services.AddChatHooks(…)</c> (package <c>CardGen.Extensions</c>) configures an <c>IHttpClientFactory</c>
/// client all these ways and checks it at start-up. Pass an HttpClient only for what the client's own cannot do (a
/// proxy, client certificates), and configure it as above.</para>
/// <para>The client is thread-safe. Reuse one instance (or <see cref="Shared"/>) rather than creating one per post:
/// the circuits live in it.</para>
/// </remarks>
public sealed partial class ChatHookClient : IDisposable
{
    /// <summary>The most of a response body the client reads; a larger body is cut off.</summary>
    internal const int MaxResponseBytes = 64 * 1024;

    private static readonly Lazy<ChatHookClient> SharedClient = new(() => new ChatHookClient(null, isShared: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Func<ResilienceContext, PostState, ValueTask<Outcome<AttemptResult>>> Attempt = RunAttemptAsync;

    private readonly HttpClient? _http;
    private readonly Func<HttpClient>? _httpSource;
    private readonly bool _ownsHttp;
    private readonly bool _isShared;
    private readonly HookPipelines _pipelines = new();
    private int _disposed;

    /// <summary>Creates a client that posts through <paramref name="httpClient"/>.</summary>
    /// <remarks>
    /// Its handlers see the full webhook URL, token included. Turn off <c>AllowAutoRedirect</c> on its primary
    /// handler (a followed redirect re-posts the message, and the token when the new URL keeps the path, to another
    /// host; the client reports it afterwards as <see cref="ChatHookFailure.UnexpectedResponse"/>), add no retry or
    /// resilience handler (it would retry POSTs and post twice; use <see cref="ChatHookClientOptions.Retry"/>), and
    /// remove or filter its request logging and tracing, which write the URL. See the class remarks.
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
    /// Creates a client that takes an HTTP client from <paramref name="httpClientSource"/> for each post, for example
    /// <c>IHttpClientFactory.CreateClient</c>, whose pooled handlers are renewed by the factory. The same cautions
    /// apply as to <see cref="ChatHookClient(HttpClient, ChatHookClientOptions?)"/>.
    /// </summary>
    /// <param name="httpClientSource">Gives the HTTP client of a post; the clients are not disposed by this client.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="name">The name of the hook this client posts to, for logs, spans and metrics (<c>cardgen.hook.name</c>); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClientSource"/> is null.</exception>
    public ChatHookClient(Func<HttpClient> httpClientSource, ChatHookClientOptions? options = null, string? name = null)
    {
        _httpSource = httpClientSource ?? throw new ArgumentNullException(nameof(httpClientSource));
        Options = options ?? new ChatHookClientOptions();
        Name = name;
    }

    /// <summary>
    /// Creates a client with its own HTTP client, disposed with this client. It does not follow redirects, on .NET 8+
    /// records no <c>System.Net.Http</c> request activity (whose URL would hold the token) and renews pooled
    /// connections every two minutes so that DNS changes are seen.
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

    /// <summary>The name of the hook this client posts to, when it was given one; logs, spans and metrics carry it.</summary>
    public string? Name { get; }

    /// <summary>Posts a message to a webhook.</summary>
    /// <param name="hook">The webhook. A v1 URL is posted to as its v2 form, the same webhook, since the message is in the v2 schema.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hook"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="Options"/> has a value out of range (the message names it), or a card is null; nothing was sent.</exception>
    /// <exception cref="CardValidationException">A card has a validation error for <see cref="ChatHookClientOptions.Host"/>; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The message has neither text nor a card.</exception>
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
    /// <exception cref="ArgumentException"><see cref="Options"/> has a value out of range; nothing was sent.</exception>
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
            _http!.Dispose();
        }
    }

    internal static void CountRetry(PostState state, ChatHookFailure failure)
    {
        var tags = Tags(state);
        tags.Add(ChatHookTelemetry.Tags.Reason, failure.ToString());
        ChatHookTelemetry.Retries.Add(1, tags);
    }

    private static HttpClient CreateHttpClient()
    {
#if NET
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,

            // No DiagnosticsHandler: its System.Net.Http.HttpRequestOut activity records url.full, token included.
            ActivityHeadersPropagator = null,
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        try
        {
            // Each attempt has its own timeout (Options.AttemptTimeout); the HttpClient one would only interfere.
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
        var body = WriteChecked(hook, message, settings, paramName);
        try
        {
            var endpoint = MessageRoute.Endpoint(WebhookFormat.V2, hook);
            if (endpoint != hook)
            {
                HookLog.UpgradedToV2(settings.Logger, endpoint, hook);
            }

            return SendAsync(new PostState(ResolveHttp(), endpoint, body.Buffer, body.WrittenCount, settings, Name), body, message.CardCount, cancellationToken);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses here, before any network I/O, everything that can be refused (cards, the host's rules, the size), and
    /// returns the body as it will be sent, in a pooled buffer the caller disposes.
    /// </summary>
    private static PooledBufferWriter WriteChecked(WebhookUrl hook, WebhookMessage message, Settings settings, string paramName)
    {
        CheckCards(message, paramName);
        var protocol = HostProtocol.For(hook);
        protocol.Check(message, paramName);
        var body = Write(message, hook, protocol, settings, paramName);
        try
        {
            CheckSize(hook, protocol, body.WrittenCount);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>The HttpClient this client sends with: its own, or the one its source gives now.</summary>
    private HttpClient ResolveHttp()
        => _http ?? _httpSource!() ?? throw new InvalidOperationException("The HttpClient source of the ChatHookClient returned null.");

    /// <summary>Refuses a body larger than the host takes, before it is sent: the host would refuse it, or drop it after answering 202.</summary>
    private static void CheckSize(WebhookUrl hook, HostProtocol protocol, int bytes)
    {
        if (protocol.Profile.MaxPayloadBytes is { } max && bytes > max)
        {
            throw new ChatHookException(
                FormattableString.Invariant($"The message to {hook.Redacted} is {bytes:N0} bytes of JSON; {protocol.Name} takes at most {max:N0} bytes in one post, so it was not sent. Make the card smaller (shorter texts, fewer facts or images) or split it into several posts."),
                innerException: null,
                ChatHookFailure.PayloadTooLarge,
                hook.Redacted,
                attempts: 0,
                statusCode: null,
                error: null,
                validation: null,
                retryAfter: null,
                mayHaveBeenDelivered: false);
        }
    }

    private static void CheckCards(WebhookMessage message, string paramName)
    {
        for (var i = 0; i < message.Attachments.Count; i++)
        {
            if (message.Attachments[i] is null)
            {
                throw new ArgumentException($"Attachments[{i}] of the webhook message is null.", paramName);
            }
        }

        for (var i = 0; i < message.ChatCards.Count; i++)
        {
            if (message.ChatCards[i] is null)
            {
                throw new ArgumentException($"ChatCards[{i}] of the webhook message is null.", paramName);
            }
        }
    }

    /// <summary>
    /// Writes the message once into a pooled buffer and validates its cards from those bytes with one parse; the
    /// buffer is what is sent.
    /// </summary>
    private static PooledBufferWriter Write(WebhookMessage message, WebhookUrl hook, HostProtocol protocol, Settings settings, string paramName)
    {
        var body = new PooledBufferWriter(4096);
        try
        {
            try
            {
                using var writer = new Utf8JsonWriter(body, CardJson.WriterOptions);
                protocol.Write(message, writer);
            }
            catch (Exception e) when (settings.ValidateCards && e is InvalidOperationException or ArgumentException or JsonException)
            {
                // A card that cannot be written (one that contains itself, a null item) is a validation error of that
                // card; find which, the slow way, since this is the exception.
                ThrowIfUnwritable(message, hook, protocol, settings, paramName);
                throw;
            }

            if (settings.ValidateCards && message.CardCount > 0)
            {
                Validate(body.WrittenMemory, message.CardCount, hook, protocol, settings, paramName);
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private static void Validate(ReadOnlyMemory<byte> json, int cards, WebhookUrl hook, HostProtocol protocol, Settings settings, string paramName)
    {
        var target = new ValidationTarget(settings.Host ?? protocol.Profile);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonText.MaxDepth });

        // Bytes that are UTF-8 throughout with no surrogate escape (nearly every message) pass the checks of each
        // card's own text as they are; only the others have each card's text checked again.
        var plain = JsonText.IsPlain(json.Span);
        var index = 0;
        foreach (var card in protocol.Cards(document.RootElement))
        {
            var result = plain ? CardValidator.ValidateWritten(card, target) : CardValidator.Validate(card, target);
            Report(result, index++, cards, hook, settings, paramName);
        }
    }

    private static void ThrowIfUnwritable(WebhookMessage message, WebhookUrl hook, HostProtocol protocol, Settings settings, string paramName)
    {
        var target = new ValidationTarget(settings.Host ?? protocol.Profile);
        for (var i = 0; i < message.Attachments.Count; i++)
        {
            Report(message.Attachments[i].Validate(target), i, message.CardCount, hook, settings, paramName);
        }
    }

    private static void Report(CardValidationResult result, int index, int cards, WebhookUrl hook, Settings settings, string paramName)
    {
        var errors = result.Errors.Count();
        if (errors > 0)
        {
            HookLog.InvalidCard(settings.Logger, hook, index, errors);
            throw new CardValidationException(result, paramName, cards > 1 ? index : null);
        }

        var warnings = result.Warnings.Count();
        if (warnings > 0)
        {
            HookLog.CardWarnings(settings.Logger, index, warnings, result.Target.ToString());
        }
    }

    /// <param name="state">The post.</param>
    /// <param name="body">The pooled buffer holding the body, returned when the post ends; <see langword="null"/> when the body is not pooled.</param>
    /// <param name="cards">The number of cards, for the log line; -1 to count them from the body only when that line is logged.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    private async Task<ChatHookResponse> SendAsync(PostState state, PooledBufferWriter? body, int cards, CancellationToken cancellationToken)
    {
        using var disposeBody = body;
        var settings = state.Settings;
        var endpoint = state.Endpoint;
        var started = Stopwatch.GetTimestamp();
        using var activity = StartActivity(state);
        var pipeline = _pipelines.For(endpoint, settings);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PostState.Key, state);
        Outcome<AttemptResult> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(Attempt, context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        AttemptResult result;
        if (outcome.Result is { } attempt)
        {
            result = attempt;
        }
        else if (outcome.Exception is OperationCanceledException canceled && cancellationToken.IsCancellationRequested)
        {
            Finish(state, activity, started, canceled: true, response: null, exception: null);

            // Name the caller's token, not one linked to it.
            if (canceled.CancellationToken == cancellationToken)
            {
                ExceptionDispatchInfo.Capture(canceled).Throw();
            }

#if NET5_0_OR_GREATER
            if (canceled is TaskCanceledException)
            {
                throw new TaskCanceledException(canceled.Message, canceled, cancellationToken);
            }
#endif
            throw new OperationCanceledException(canceled.Message, canceled, cancellationToken);
        }
        else if (outcome.Exception is TimeoutRejectedException timeout)
        {
            result = state.Result(outcome) ?? TotalTimeout(state, timeout);
        }
        else if (outcome.Exception is BrokenCircuitException broken)
        {
            result = AttemptResult.Fail(
                ChatHookFailure.CircuitOpen,
                $"The circuit of {endpoint.Redacted} is open after repeated failures, so the post was not sent"
                    + (broken.RetryAfter is { } wait ? $"; it lets a trial post through in {Seconds(wait)}." : "."),
                mayHaveBeenDelivered: false,
                retryable: false,
                delay: TimeSpan.Zero,
                retryAfter: broken.RetryAfter);
        }
        else
        {
            Finish(state, activity, started, canceled: false, response: null, exception: null);
            ExceptionDispatchInfo.Capture(outcome.Exception!).Throw();
            throw outcome.Exception!;
        }

        if (result.Response is { } response)
        {
            if (cards < 0 && settings.Logger.IsEnabled(LogLevel.Information))
            {
                cards = CountCards(state.Body.AsSpan(0, state.Length));
            }

            HookLog.Posted(settings.Logger, endpoint, cards, state.Attempts, response.StatusCode);
            var answer = new ChatHookResponse(response.StatusCode, state.Attempts, response.Body, endpoint);
            Finish(state, activity, started, canceled: false, answer, exception: null);
            return answer;
        }

        // The last attempt's result is not always the post's result: an open circuit or the total timeout can end the
        // post after an attempt that may have delivered the message.
        var earlier = state.DeliveredBefore || (state.Last is { } last && !ReferenceEquals(last, result) && last.MayHaveBeenDelivered);
        var exception = result.AfterEarlierDelivery(earlier).ToException(endpoint, state.Attempts);
        HookLog.Failed(settings.Logger, exception);
        Finish(state, activity, started, canceled: false, response: null, exception);
        throw exception;
    }

    /// <summary>What a post that ran out of <see cref="ChatHookClientOptions.TotalRequestTimeout"/> came to.</summary>
    private static AttemptResult TotalTimeout(PostState state, TimeoutRejectedException timeout)
    {
        var limit = $"its TotalRequestTimeout ({Seconds(state.Settings.TotalTimeout)})";
        if (state.CancelledAttempt == state.Attempts || state.Last is null)
        {
            return AttemptResult.Fail(
                ChatHookFailure.Timeout,
                $"The post to {state.Endpoint.Redacted} ran out of {limit} during attempt {state.Attempts} of {state.Settings.MaxAttempts}; the message may have been delivered.",
                mayHaveBeenDelivered: true,
                retryable: false,
                delay: TimeSpan.Zero,
                inner: timeout);
        }

        // The time ran out while waiting to retry: the post failed as its last attempt did.
        return state.Last.WithNote($"The post ran out of {limit} before attempt {state.Attempts + 1}.");
    }

    private static async ValueTask<Outcome<AttemptResult>> RunAttemptAsync(ResilienceContext context, PostState state)
    {
        var cancellationToken = context.CancellationToken;
        cancellationToken.ThrowIfCancellationRequested();
        if (state.Last is { } previous)
        {
            state.DeliveredBefore |= previous.MayHaveBeenDelivered;
        }

        var attempt = ++state.Attempts;
        var settings = state.Settings;
        HookLog.Sending(settings.Logger, state.Endpoint, state.Length, attempt, settings.MaxAttempts);
        AttemptResult result;
        try
        {
            result = await AttemptAsync(state, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The attempt timeout, the total timeout or the caller: the pipeline tells which.
            state.CancelledAttempt = attempt;
            throw;
        }
        catch (OperationCanceledException e)
        {
            // A given HttpClient's own Timeout.
            result = AttemptResult.Fail(
                ChatHookFailure.Timeout,
                $"The post to {state.Endpoint.Redacted} timed out (attempt {attempt} of {settings.MaxAttempts}); the message may have been delivered.",
                mayHaveBeenDelivered: true,
                retryable: settings.RetryServerErrors,
                delay: Backoff(settings, attempt),
                inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or System.IO.IOException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                state.CancelledAttempt = attempt;
                throw new OperationCanceledException(e.Message, e, cancellationToken);
            }

            // A connection that was never made sent nothing, so trying again cannot post the message twice.
            var delivered = MayHaveBeenSent(e);
            result = AttemptResult.Fail(
                ChatHookFailure.Network,
                $"The post to {state.Endpoint.Redacted} failed: {state.Endpoint.Scrub(e.Message)}; "
                    + (delivered ? "the message may have been delivered." : "the connection was not made, so the message was not delivered."),
                mayHaveBeenDelivered: delivered,
                retryable: !delivered || settings.RetryServerErrors,
                delay: Backoff(settings, attempt),
                inner: e);
        }

        state.Last = result;
        return Outcome.FromResult(result);
    }

    private static async Task<AttemptResult> AttemptAsync(PostState state, int attempt, CancellationToken cancellationToken)
    {
        var hook = state.Endpoint;
        using var content = new ByteArrayContent(state.Body, 0, state.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var target = hook.RevealUri();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        using var response = await state.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

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
            return HostProtocol.For(hook).Classify(hook, response, text, truncated, attempt, state.Settings);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A read aborted by the timeout or the caller can surface as something else (on .NET Framework the response
            // is disposed to abort it, and the stream throws ObjectDisposedException): it is still that cancellation.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or HttpRequestException or System.IO.IOException))
        {
            // An answer arrived but could not be made sense of (a bug here, or a handler of a caller's HttpClient):
            // the caller still gets the status and whether the post may have gone through, not a raw exception.
            return Unreadable(hook, (int)response.StatusCode, e);
        }
    }
}
