using System;
using System.Collections.Generic;
using System.Linq;

namespace CardGen;

/// <summary>What one attempt came to: a success, or a failure that may be retried.</summary>
internal sealed class AttemptResult
{
    public AttemptResult(ChatHookResponse response) => Response = response;

    private AttemptResult()
    {
    }

    public ChatHookResponse? Response { get; }

    public ChatHookFailure Failure { get; private init; }

    public string Message { get; private set; } = string.Empty;

    public bool MayHaveBeenDelivered { get; private set; }

    public bool Retryable { get; private init; }

    public TimeSpan Delay { get; private init; }

    public int? StatusCode { get; private init; }

    public TimeSpan? RetryAfter { get; private init; }

    public string? Error { get; private init; }

    public IReadOnlyList<string>? Validation { get; private init; }

    public Exception? Inner { get; private init; }

    public static AttemptResult Fail(
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

    /// <summary>
    /// This failure, marked as possibly delivered when an earlier attempt of the same post may have delivered the
    /// message: a post is only as undelivered as its least certain attempt.
    /// </summary>
    public AttemptResult AfterEarlierDelivery(bool earlierMayHaveBeenDelivered)
    {
        if (!earlierMayHaveBeenDelivered || MayHaveBeenDelivered || Response is not null)
        {
            return this;
        }

        var copy = (AttemptResult)MemberwiseClone();
        copy.MayHaveBeenDelivered = true;
        copy.Message = Message + " An earlier attempt of this post may have delivered the message.";
        return copy;
    }

    /// <summary>This result with a sentence added to its message.</summary>
    public AttemptResult WithNote(string note)
    {
        var copy = (AttemptResult)MemberwiseClone();
        copy.Message = Message + " " + note;
        return copy;
    }

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
