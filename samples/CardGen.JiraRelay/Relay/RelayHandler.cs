using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Text.Unicode;
using System.Threading.Tasks;
using CardGen.JiraRelay.Ci;
using CardGen.JiraRelay.Jira;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CardGen.JiraRelay.Relay;

/// <summary>
/// Handles one delivery: reads the body (bounded), checks the secret, reads the event, turns it into a card, posts the
/// card to the event's chat hook through <see cref="IChatHooks"/>, and answers the sender with what became of it.
/// Nothing is posted unless the request and the payload are sound; no answer or log line holds a webhook URL.
/// </summary>
internal sealed class RelayHandler
{
    private readonly IChatHooks _hooks;
    private readonly RelayOptions _options;
    private readonly RequestSecret? _secret;
    private readonly ILogger _logger;

    public RelayHandler(IChatHooks hooks, RelayOptions options, ILoggerFactory loggers)
    {
        _hooks = hooks;
        _options = options;
        _secret = options.Secret is { } secret ? new RequestSecret(secret) : null;
        _logger = loggers.CreateLogger("CardGen.JiraRelay");
    }

    /// <summary>A Jira Cloud webhook event.</summary>
    public Task<IResult> JiraAsync(HttpRequest request, CancellationToken cancellationToken)
        => RelayAsync(request, RelayJsonContext.Default.JiraWebhookEvent, "a Jira webhook event", JiraMapper.Map, cancellationToken);

    /// <summary>A CI notification (<see cref="BuildNotification"/>).</summary>
    public Task<IResult> CiAsync(HttpRequest request, CancellationToken cancellationToken)
        => RelayAsync(request, RelayJsonContext.Default.BuildNotification, "a CI notification", BuildMapper.Map, cancellationToken);

    private async Task<IResult> RelayAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string what, Func<T, RelayEvent> map, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return Reject(request, StatusCodes.Status415UnsupportedMediaType, $"The body must be JSON (Content-Type: application/json), not {request.ContentType}.");
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Reject(request, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes (Relay:MaxBodyBytes).");
        }

        if (_secret is not null && !_secret.Admits(request, body))
        {
            return Reject(request, StatusCodes.Status401Unauthorized, $"The request is neither signed with the relay's secret ({RequestSecret.SignatureHeader}: sha256=<HMAC-SHA256 of the body>) nor carries it (?{RequestSecret.TokenParameter}=).");
        }

        RelayEvent relayed;
        try
        {
            relayed = map(Read(body, type, what));
        }
        catch (PayloadException e)
        {
            return Reject(request, StatusCodes.Status400BadRequest, $"The body is not {what} the relay can post: {e.Message}");
        }

        if (relayed.Card is null)
        {
            RelayLog.Ignored(_logger, relayed.Event, relayed.Subject, relayed.IgnoredBecause!);
            return Answer(StatusCodes.Status202Accepted, new RelayAnswer { Status = "ignored", Event = relayed.Event, Subject = relayed.Subject, Problem = relayed.IgnoredBecause });
        }

        return await PostAsync(relayed, relayed.Card, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IResult> PostAsync(RelayEvent relayed, Cards.IRelayCard card, CancellationToken cancellationToken)
    {
        var hook = _options.Routes[relayed.Kind];
        var cardName = card.GetType().Name;
        var answer = new RelayAnswer { Status = "posted", Event = relayed.Event, Subject = relayed.Subject, Card = cardName, Hook = hook };
        try
        {
            await card.PostToHookAsync(_hooks, hook, cancellationToken).ConfigureAwait(false);
            RelayLog.Posted(_logger, cardName, relayed.Event, relayed.Subject, hook);
            return Answer(StatusCodes.Status200OK, answer);
        }
        catch (CardValidationException e)
        {
            // Nothing was sent: the card the event made is not valid for the hook's host (a value the payload set).
            var first = e.Result.Errors.FirstOrDefault();
            var problem = first is null ? "The card is not valid for its chat host; nothing was sent." : $"The card is not valid for {e.Result.Target}, so nothing was sent: {first.RuleId} at {first.Path}: {first.Message}";
            RelayLog.PostFailed(_logger, cardName, relayed.Event, relayed.Subject, hook, problem);
            return Answer(StatusCodes.Status422UnprocessableEntity, answer with { Status = "rejected", Problem = problem });
        }
        catch (ChatHookException e)
        {
            // The exception's message names the webhook by its redacted URL; the sender and the log get none of it.
            var problem = Describe(e);
            RelayLog.PostFailed(_logger, cardName, relayed.Event, relayed.Subject, hook, problem);
            var status = e.Failure switch
            {
                ChatHookFailure.RateLimited or ChatHookFailure.CircuitOpen => StatusCodes.Status503ServiceUnavailable,
                ChatHookFailure.Timeout => StatusCodes.Status504GatewayTimeout,
                _ => StatusCodes.Status502BadGateway,
            };
            return new RelayResult(
                status,
                answer with { Status = "failed", Problem = problem, Failure = e.Failure.ToString(), HostStatus = e.StatusCode, MayHaveBeenDelivered = e.MayHaveBeenDelivered },
                e.RetryAfter);
        }
        catch (ArgumentException e) when (e.ParamName == "hookName")
        {
            // The routes were checked against the hooks at start-up; a reload of the configuration removed this one.
            RelayLog.PostFailed(_logger, cardName, relayed.Event, relayed.Subject, hook, e.Message);
            return Answer(StatusCodes.Status500InternalServerError, answer with { Status = "failed", Problem = e.Message });
        }
    }

    /// <summary>The failure in words, from its parts: never the exception's message, which names the webhook.</summary>
    private static string Describe(ChatHookException e)
    {
        var what = e.Failure switch
        {
            ChatHookFailure.HostError => "The chat host refused the card",
            ChatHookFailure.RateLimited => "The chat host is rate limiting this hook",
            ChatHookFailure.ServerError => "The chat host failed",
            ChatHookFailure.Timeout => "The chat host did not answer in time",
            ChatHookFailure.Network => "The chat host could not be reached",
            ChatHookFailure.CircuitOpen => "Posts to this hook are paused after repeated failures",
            _ => "The chat host's answer could not be understood",
        };
        var status = e.StatusCode is { } code ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {code})") : string.Empty;
        var error = string.IsNullOrWhiteSpace(e.Error) ? string.Empty : $": {e.Error}";
        var validation = e.Validation.Count > 0 ? $" ({string.Join("; ", e.Validation)})" : string.Empty;
        var retry = e.RetryAfter is { } after ? string.Create(CultureInfo.InvariantCulture, $" Retry after {Math.Ceiling(after.TotalSeconds)} s.") : string.Empty;
        var delivered = e.MayHaveBeenDelivered ? " The card may have been posted all the same." : " Nothing was posted.";
        return $"{what}{status}{error}{validation}.{delivered}{retry}";
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type, string what)
        where T : class
    {
        var json = body.AsSpan();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        // System.Text.Json reads invalid UTF-8 inside a string only when something asks for the string, and then throws
        // InvalidOperationException, not JsonException: check the whole body first, and say where it goes wrong.
        if (!Utf8.IsValid(json))
        {
            throw new PayloadException(string.Create(CultureInfo.InvariantCulture, $"the body is not UTF-8: byte {body.Length - json.Length + FirstInvalidByte(json) + 1}."));
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new PayloadException("the body is empty.");
        }

        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new PayloadException($"the body is null, not {what} object.");
        }
        catch (JsonException e)
        {
            // System.Text.Json's message ends with the path, line and byte; say them once, counted from 1. Its
            // "could not be converted to <.NET type>" names the relay's own types, which mean nothing to a sender.
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            if (message.Contains("could not be converted", StringComparison.Ordinal))
            {
                message = path == "$" ? $"the body is not a JSON object, as {what} is." : "the value has the wrong JSON type (a string, number, object or array where another belongs).";
            }

            throw new PayloadException(string.Create(CultureInfo.InvariantCulture, $"at {path} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {message}"));
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length && Rune.DecodeFromUtf8(utf8[at..], out _, out var length) == OperationStatus.Done)
        {
            at += length;
        }

        return at;
    }

    /// <summary>The body, or <see langword="null"/> when it is larger than <see cref="RelayOptions.MaxBodyBytes"/> (read no further).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = _options.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>No Content-Type (some CI tools send none), or a JSON media type.</summary>
    private static bool IsJson(string? contentType)
        => string.IsNullOrEmpty(contentType)
            || (MediaTypeHeaderValue.TryParse(contentType, out var media)
                && media.MediaType is { } type
                && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    private RelayResult Reject(HttpRequest request, int status, string problem)
    {
        RelayLog.Rejected(_logger, request.Path.Value ?? "/", status, problem);
        return Answer(status, new RelayAnswer { Status = "rejected", Problem = problem });
    }

    private static RelayResult Answer(int status, RelayAnswer answer) => new(status, answer, null);
}
