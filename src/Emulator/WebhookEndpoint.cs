using System;
using System.Buffers;
using System.IO;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CardGen.Emulator;

/// <summary>Handles <c>/webhook/v2/{id}</c> and <c>/webhook/{id}</c>: reads the body with a cap, applies faults, checks and answers.</summary>
internal sealed class WebhookEndpoint
{
    public const string NotGenerated = "Your request was accepted, however a post was not generated";
    public const string NotFound = "Webhook not found!";
    public const string Suspended = "Webhook is suspended";

    private static readonly byte[] Ok = "{\"status\":\"OK\"}"u8.ToArray();
    // The client reads cards up to 128 levels deep (CardJson); the message adds two around each card, so the emulator
    // accepts what the client accepts.
    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 130, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private readonly HookEmulatorOptions _options;
    private readonly HookRegistry _hooks;
    private readonly PostStore _store;
    private readonly TimeProvider _time;
    private readonly PostRecorder _recorder;

    public WebhookEndpoint(HookEmulatorOptions options, HookRegistry hooks, PostStore store, TimeProvider time, ILogger logger)
    {
        _recorder = new PostRecorder(store, time, logger);
        _options = options;
        _hooks = hooks;
        _store = store;
        _time = time;
    }

    public async Task HandleAsync(HttpContext context, HookRoute route, string id)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteEnvelopeAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", $"Webhooks only take POST, not {context.Request.Method}.").ConfigureAwait(false);
            return;
        }

        var receivedAt = _time.GetUtcNow();
        var request = context.Request;
        var aborted = context.RequestAborted;
        var declared = request.ContentLength;
        byte[]? buffer = null;
        var length = 0;
        var tooLarge = declared > _options.MaxBodyBytes;
        try
        {
            if (!tooLarge)
            {
                (buffer, length, tooLarge) = await ReadBodyAsync(request.Body, declared, aborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The upload was aborted or malformed at the HTTP level: nobody is waiting for an answer.
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            context.Abort();
            return;
        }

        try
        {
            var body = buffer.AsMemory(0, length);
            var recorded = Math.Min(length, _options.RecordedBodyBytes);
            var post = new RecordedPost(
                _store.NextSeq(),
                id,
                route,
                receivedAt,
                request.ContentType,
                Encoding.UTF8.GetString(body.Span[..recorded]),
                tooLarge || recorded < length,
                tooLarge ? Math.Max(declared ?? length, length) : length);
            await ProcessAsync(context, post, route, id, body, tooLarge).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task ProcessAsync(HttpContext context, RecordedPost post, HookRoute route, string id, ReadOnlyMemory<byte> body, bool tooLarge)
    {
        var state = HookIds.IsValid(id) ? _hooks.Find(id) : null;
        if (state is null || state.CurrentStatus == HookStatus.Deleted)
        {
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.HookNotFound, "$", "No active webhook has this id (unknown or deleted).") };
            await RejectAsync(context, post, NotFound, validation: null).ConfigureAwait(false);
            return;
        }

        if (state.CurrentStatus == HookStatus.Suspended)
        {
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.HookSuspended, "$", "The webhook is suspended; activate it to post again.") };
            await RejectAsync(context, post, Suspended, validation: null).ConfigureAwait(false);
            return;
        }

        // Faults and rate limits apply to a hook that exists and is active: a deleted or suspended one answers as
        // RingCentral does, so a client is not sent into retries for a hook that is gone.
        var fault = _hooks.Decide(state, out var retryAfter, out var delay, out var description);
        post.Fault = description;
        if (!await _recorder.DelayAsync(post, delay, description, context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        if (fault is not null)
        {
            await AnswerFaultAsync(context, post, fault, retryAfter).ConfigureAwait(false);
            return;
        }

        if (tooLarge)
        {
            var message = $"The body is larger than {_options.MaxBodyBytes} bytes, the most the emulator reads.";
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.BodyTooLarge, "$", message) };
            await RejectAsync(context, post, "Request body is too large", new[] { message }).ConfigureAwait(false);
            return;
        }

        if (!IsJsonContentType(post.ContentType, out var contentTypeProblem))
        {
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.ContentType, "$", contentTypeProblem) };
            await RejectAsync(context, post, "Unsupported Content-Type", new[] { contentTypeProblem }).ConfigureAwait(false);
            return;
        }

        var json = body;
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            const string Message = "The body is not valid UTF-8.";
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.MalformedJson, "$", Message) };
            await RejectAsync(context, post, "Invalid JSON payload", new[] { Message }).ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException e)
        {
            var message = $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {Formats.Clip(e.Message)}";
            post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.MalformedJson, "$", message) };
            await RejectAsync(context, post, "Invalid JSON payload", new[] { message }).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            PayloadCheck check;
            try
            {
                check = route == HookRoute.V2 ? PayloadChecker.CheckV2(document.RootElement) : PayloadChecker.CheckV1(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json refuses to decode some strings (an escaped lone surrogate).
                var message = "The body contains text that cannot be decoded: " + Formats.Clip(e.Message);
                post.Findings = new[] { new RecordedFinding(Validation.FindingSeverity.Error, EmulatorRules.MalformedJson, "$", message) };
                await RejectAsync(context, post, "Invalid JSON payload", new[] { message }).ConfigureAwait(false);
                return;
            }

            post.Text = check.Text;
            post.Title = check.Title;
            post.Activity = check.Activity;
            post.Cards = check.Cards.ToArray();
            post.Findings = check.Findings.ToArray();
            if (check.Error is not null)
            {
                await RejectAsync(context, post, check.Error, check.Validation.ToArray()).ConfigureAwait(false);
                return;
            }
        }

        post.Verdict = PostVerdict.Accepted;
        _recorder.Record(post, StatusCodes.Status200OK, Ok);
        await WriteJsonAsync(context, StatusCodes.Status200OK, Ok).ConfigureAwait(false);
    }

    private async Task AnswerFaultAsync(HttpContext context, RecordedPost post, FaultSpec fault, int retryAfter)
    {
        post.Verdict = PostVerdict.Fault;
        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(
                    new PlatformError("CMN-301", "Request rate exceeded", new[] { new PlatformErrorItem("CMN-301", "Request rate exceeded", null) }),
                    EmulatorJson.Context.PlatformError);
                post.Error = "Request rate exceeded";
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _recorder.Record(post, StatusCodes.Status429TooManyRequests, bytes);
                await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, bytes).ConfigureAwait(false);
                break;
            }

            case FaultKind.ServerError:
            {
                var reason = ReasonPhrases.GetReasonPhrase(fault.StatusCode);
                var error = string.IsNullOrEmpty(reason) ? "Server error" : reason;
                var bytes = JsonSerializer.SerializeToUtf8Bytes(
                    new ErrorEnvelope("error", "Your request was not processed", error, null),
                    EmulatorJson.Context.ErrorEnvelope);
                post.Error = error;
                _recorder.Record(post, fault.StatusCode, bytes);
                await WriteJsonAsync(context, fault.StatusCode, bytes).ConfigureAwait(false);
                break;
            }

            default:
                post.Error = "Connection dropped";
                _recorder.Record(post, 0, null);
                context.Abort();
                break;
        }
    }

    private Task RejectAsync(HttpContext context, RecordedPost post, string error, string[]? validation)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ErrorEnvelope("error", NotGenerated, error, validation), EmulatorJson.Context.ErrorEnvelope);
        post.Verdict = PostVerdict.Rejected;
        post.Error = error;
        _recorder.Record(post, _options.ErrorHttpStatus, bytes);
        return WriteJsonAsync(context, _options.ErrorHttpStatus, bytes);
    }

    internal static Task WriteEnvelopeAsync(HttpContext context, int status, string error, string detail)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ErrorEnvelope("error", NotGenerated, error, new[] { detail }), EmulatorJson.Context.ErrorEnvelope);
        return WriteJsonAsync(context, status, bytes);
    }

    internal static async Task WriteJsonAsync(HttpContext context, int status, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went away; the post is recorded with the answer it would have had.
        }
    }

    private async Task<(byte[]? Buffer, int Length, bool TooLarge)> ReadBodyAsync(Stream stream, long? declared, CancellationToken cancellationToken)
    {
        var max = _options.MaxBodyBytes;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declared ?? 16 * 1024, 256, (long)max + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        return (buffer, length, true);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, max + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, false);
                }

                length += read;
                if (length > max)
                {
                    return (buffer, length, true);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    internal static bool IsJsonContentType(string? contentType, out string problem)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            problem = "The request has no Content-Type; webhooks take application/json.";
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The Content-Type is '{Formats.Clip(contentType)}'; webhooks take application/json.";
            return false;
        }

        if (parsed.CharSet is { Length: > 0 } charset && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The charset is '{Formats.Clip(charset)}'; webhooks take UTF-8 JSON.";
            return false;
        }

        problem = string.Empty;
        return true;
    }

}
