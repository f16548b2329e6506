using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Schema;
using CardGen.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CardGen.Emulator;

/// <summary>
/// A Teams Workflows webhook: <c>POST /workflows/{id}/triggers/manual/paths/invoke?api-version=…&amp;sig=…</c> (and
/// the <c>/powerautomate/automations/direct/workflows/…</c> form). It checks the signature as the workflow trigger does,
/// answers <c>202 Accepted</c> with an empty body, and refuses with the trigger's <c>{"error":{"code","message"}}</c>
/// shape. Where real Teams accepts a post and then fails the workflow run (a card it cannot render, a message over its
/// size), the emulator refuses at once with 400 or 413, so that a test sees the mistake (see docs/teams.md).
/// </summary>
internal sealed class TeamsEndpoint
{
    /// <summary>The api-version a Logic Apps workflow URL carries.</summary>
    public const string ApiVersion = "2016-06-01";

    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 130, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private readonly HookEmulatorOptions _options;
    private readonly HookRegistry _hooks;
    private readonly PostStore _store;
    private readonly TimeProvider _time;
    private readonly PostRecorder _recorder;
    private readonly byte[] _key;

    public TeamsEndpoint(HookEmulatorOptions options, HookRegistry hooks, PostStore store, TimeProvider time, ILogger logger, byte[] key)
    {
        _options = options;
        _hooks = hooks;
        _store = store;
        _time = time;
        _recorder = new PostRecorder(store, time, logger);
        _key = key;
    }

    /// <summary>The most a Teams post may hold (<see cref="HostProfile.MaxPayloadBytes"/> of <see cref="HostProfile.Teams"/>).</summary>
    public static int MaxBytes => HostProfile.Teams.MaxPayloadBytes!.Value;

    /// <summary>The path of a hook's workflow trigger.</summary>
    public static string PathOf(string hookId) => "workflows/" + hookId + "/triggers/manual/paths/invoke";

    /// <summary>The <c>sig</c> of a hook: an HMAC of its id under this emulator's key, in base64url (43 characters, as Azure's).</summary>
    public string Signature(string hookId)
    {
        using var hmac = new HMACSHA256(_key);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(hookId))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public void Map(WebApplication app)
    {
        app.Map("/workflows/{id}/triggers/manual/paths/invoke", (RequestDelegate)(c => HandleAsync(c, (string?)c.Request.RouteValues["id"] ?? string.Empty)));
        app.Map("/powerautomate/automations/direct/workflows/{id}/triggers/manual/paths/invoke", (RequestDelegate)(c => HandleAsync(c, (string?)c.Request.RouteValues["id"] ?? string.Empty)));
    }

    public async Task HandleAsync(HttpContext context, string id)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"The workflow trigger takes POST, not {Formats.Clip(request.Method)}.").ConfigureAwait(false);
            return;
        }

        var receivedAt = _time.GetUtcNow();
        byte[] body;
        bool tooLarge;
        try
        {
            (body, tooLarge) = await ReadAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            context.Abort();
            return;
        }

        var recorded = Math.Min(body.Length, _options.RecordedBodyBytes);
        var post = new RecordedPost(
            _store.NextSeq(),
            id,
            HookRoute.Teams,
            receivedAt,
            request.ContentType,
            Encoding.UTF8.GetString(body, 0, recorded),
            tooLarge || recorded < body.Length,
            tooLarge ? Math.Max(request.ContentLength ?? body.Length, body.Length) : body.Length);
        await ProcessAsync(context, post, id, body, tooLarge).ConfigureAwait(false);
    }

    private async Task ProcessAsync(HttpContext context, RecordedPost post, string id, byte[] body, bool tooLarge)
    {
        var query = context.Request.Query;
        if (string.IsNullOrEmpty(query["api-version"]))
        {
            await RefuseAsync(context, post, StatusCodes.Status400BadRequest, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.", EmulatorRules.Envelope).ConfigureAwait(false);
            return;
        }

        var state = HookIds.IsValid(id) ? _hooks.Find(id) : null;
        if (state is null || state.CurrentStatus == HookStatus.Deleted)
        {
            await RefuseAsync(context, post, StatusCodes.Status404NotFound, "WorkflowNotFound", "The workflow could not be found.", EmulatorRules.HookNotFound).ConfigureAwait(false);
            return;
        }

        var sig = query["sig"];
        if (sig.Count != 1 || string.IsNullOrEmpty(sig[0]))
        {
            await RefuseAsync(context, post, StatusCodes.Status401Unauthorized, "DirectApiAuthorizationRequired", "The request must be authenticated only by Shared Access scheme.", EmulatorRules.TeamsSignature).ConfigureAwait(false);
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sig[0]!), Encoding.ASCII.GetBytes(Signature(id))))
        {
            await RefuseAsync(context, post, StatusCodes.Status401Unauthorized, "DirectApiInvalidAuthorizationSignature", "The provided authorization signature is not valid.", EmulatorRules.TeamsSignature).ConfigureAwait(false);
            return;
        }

        if (state.CurrentStatus == HookStatus.Suspended)
        {
            await RefuseAsync(context, post, StatusCodes.Status400BadRequest, "WorkflowTriggerIsNotEnabled", $"Could not find a enabled trigger of workflow '{id}' with state 'Disabled'.", EmulatorRules.HookSuspended).ConfigureAwait(false);
            return;
        }

        var fault = _hooks.Decide(state, out var retryAfter, out var delay, out var description);
        post.Fault = description;
        if (!await _recorder.DelayAsync(post, delay, description, context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        if (fault is not null)
        {
            post.Verdict = PostVerdict.Fault;
            switch (fault.Kind)
            {
                case FaultKind.TooManyRequests:
                    context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await AnswerErrorAsync(context, post, StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Rate limit is exceeded. Try again in {retryAfter} seconds.").ConfigureAwait(false);
                    return;
                case FaultKind.ServerError:
                    await AnswerErrorAsync(context, post, fault.StatusCode, "ServiceUnavailable", "The server encountered an error processing the request.").ConfigureAwait(false);
                    return;
                default:
                    post.Error = "Connection dropped";
                    _recorder.Record(post, 0, null);
                    context.Abort();
                    return;
            }
        }

        if (tooLarge)
        {
            await RefuseAsync(context, post, StatusCodes.Status413RequestEntityTooLarge, "RequestEntityTooLarge", $"The message is larger than {MaxBytes} bytes, the most Teams posts (about 28 KB).", EmulatorRules.Limits).ConfigureAwait(false);
            return;
        }

        if (!WebhookEndpoint.IsJsonContentType(post.ContentType, out var contentTypeProblem))
        {
            await RefuseAsync(context, post, StatusCodes.Status400BadRequest, "InvalidRequestContent", contentTypeProblem, EmulatorRules.ContentType).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> json = body;
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        JsonDocument document;
        try
        {
            if (!System.Text.Unicode.Utf8.IsValid(json.Span))
            {
                throw new JsonException("The body is not valid UTF-8.");
            }

            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException e)
        {
            await RefuseAsync(context, post, StatusCodes.Status400BadRequest, "InvalidRequestContent", "The request content is not valid and could not be deserialized: " + Formats.Clip(e.Message), EmulatorRules.MalformedJson).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            PayloadCheck check;
            try
            {
                check = TeamsPayloadChecker.Check(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                await RefuseAsync(context, post, StatusCodes.Status400BadRequest, "InvalidRequestContent", "The body contains text that cannot be decoded: " + Formats.Clip(e.Message), EmulatorRules.MalformedJson).ConfigureAwait(false);
                return;
            }

            post.Cards = check.Cards.ToArray();
            post.Findings = check.Findings.ToArray();
            if (check.Error is not null)
            {
                var detail = check.Validation.Count > 0 ? string.Join("; ", check.Validation) : check.Error;
                await AnswerErrorAsync(context, post, StatusCodes.Status400BadRequest, check.Error, CardGen.Json.SafeText.Clip(detail, 2000), PostVerdict.Rejected).ConfigureAwait(false);
                return;
            }
        }

        post.Verdict = PostVerdict.Accepted;
        _recorder.Record(post, StatusCodes.Status202Accepted, null);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }

    private Task RefuseAsync(HttpContext context, RecordedPost post, int status, string code, string message, string ruleId)
    {
        post.Findings = new[] { new RecordedFinding(FindingSeverity.Error, ruleId, "$", message) };
        return AnswerErrorAsync(context, post, status, code, message, PostVerdict.Rejected);
    }

    private Task AnswerErrorAsync(HttpContext context, RecordedPost post, int status, string code, string message, PostVerdict? verdict = null)
    {
        if (verdict is { } v)
        {
            post.Verdict = v;
        }

        post.Error = code;
        var bytes = ErrorBody(code, message);
        _recorder.Record(post, status, bytes);
        return WebhookEndpoint.WriteJsonAsync(context, status, bytes);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
        => WebhookEndpoint.WriteJsonAsync(context, status, ErrorBody(code, message));

    /// <summary>The workflow trigger's error shape: <c>{"error":{"code":…,"message":…}}</c>.</summary>
    private static byte[] ErrorBody(string code, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the body up to one byte over the Teams limit (and the emulator's own cap).</summary>
    private async Task<(byte[] Body, bool TooLarge)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var max = Math.Min(MaxBytes, _options.MaxBodyBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (buffer.Length <= max)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), buffer.Length > max);
    }
}

/// <summary>Checks a Teams message: the envelope Teams Workflows' "post card" template reads, and each card for <see cref="HostProfile.Teams"/>.</summary>
internal static class TeamsPayloadChecker
{
    public const string InvalidMessage = "InvalidTeamsMessage";
    public const string InvalidCard = "InvalidAdaptiveCard";

    private static readonly ValidationTarget Teams = new(HostProfile.Teams);

    public static PayloadCheck Check(JsonElement root)
    {
        var check = new PayloadCheck();
        if (root.ValueKind != JsonValueKind.Object)
        {
            check.Fail(InvalidMessage, EmulatorRules.Envelope, "$", $"The message must be a JSON object, not {JsonKinds.Describe(root)}.");
            return check;
        }

        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "message")
        {
            check.Fail(InvalidMessage, EmulatorRules.Envelope, "$.type", "The message's type must be \"message\".");
        }

        if (!root.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            check.Fail(InvalidMessage, EmulatorRules.Envelope, "$.attachments", "The message has no attachments array; Teams workflows post the cards in attachments.");
            return check;
        }

        if (attachments.GetArrayLength() == 0)
        {
            check.Fail(InvalidMessage, EmulatorRules.NoContent, "$.attachments", "The message has no attachment, so the workflow has no card to post.");
            return check;
        }

        var index = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            var path = $"$.attachments[{index++}]";
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                check.Fail(InvalidMessage, EmulatorRules.AttachmentType, path, $"The attachment must be an object, not {JsonKinds.Describe(attachment)}.");
                continue;
            }

            if (!attachment.TryGetProperty("contentType", out var contentType) || contentType.ValueKind != JsonValueKind.String
                || contentType.GetString() != TeamsContentType)
            {
                var hint = attachment.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "AdaptiveCard"
                    ? " This is a bare Adaptive Card, RingCentral's form; Teams wants it wrapped as {\"contentType\":\"" + TeamsContentType + "\",\"content\":{card}}."
                    : string.Empty;
                check.Fail(InvalidMessage, EmulatorRules.AttachmentType, path + ".contentType", $"The attachment's contentType must be \"{TeamsContentType}\".{hint}");
                continue;
            }

            if (!attachment.TryGetProperty("content", out var card) || card.ValueKind != JsonValueKind.Object)
            {
                check.Fail(InvalidMessage, EmulatorRules.Envelope, path + ".content", "The attachment has no content object, the Adaptive Card.");
                continue;
            }

            check.AddCard(card, path + ".content");
            var result = CardValidator.Validate(card, Teams);
            foreach (var finding in result.Findings)
            {
                var findingPath = path + ".content" + (finding.Path.StartsWith('$') ? finding.Path[1..] : "." + finding.Path);
                check.Findings.Add(new RecordedFinding(finding.Severity, finding.RuleId, findingPath, finding.Message));
                if (finding.Severity == FindingSeverity.Error)
                {
                    check.Validation.Add($"{findingPath}: {finding.RuleId} {finding.Message}");
                    check.SetError(InvalidCard);
                }
            }
        }

        return check;
    }

    private const string TeamsContentType = "application/vnd.microsoft.card.adaptive";
}
