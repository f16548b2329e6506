using System;
using System.Collections.Generic;

namespace CardGen;

/// <summary>
/// A post to an incoming webhook failed. <see cref="Failure"/> says how, <see cref="MayHaveBeenDelivered"/> whether
/// retrying could post the message twice. Neither the message nor any property contains the webhook id.
/// </summary>
public sealed class ChatHookException : Exception
{
    /// <summary>Creates an exception with a generic message (<see cref="Failure"/> is <see cref="ChatHookFailure.UnexpectedResponse"/>).</summary>
    public ChatHookException()
        : this("The post to the incoming webhook failed.")
    {
    }

    /// <summary>Creates an exception (<see cref="Failure"/> is <see cref="ChatHookFailure.UnexpectedResponse"/>).</summary>
    /// <param name="message">The message; it must not contain the webhook URL.</param>
    public ChatHookException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception (<see cref="Failure"/> is <see cref="ChatHookFailure.UnexpectedResponse"/>).</summary>
    /// <param name="message">The message; it must not contain the webhook URL.</param>
    /// <param name="innerException">The cause.</param>
    public ChatHookException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = ChatHookFailure.UnexpectedResponse;
        Validation = Array.Empty<string>();
        WebhookUrl = string.Empty;
        MayHaveBeenDelivered = true;
    }

    internal ChatHookException(
        string message,
        Exception? innerException,
        ChatHookFailure failure,
        string redactedUrl,
        int attempts,
        int? statusCode,
        string? error,
        IReadOnlyList<string>? validation,
        TimeSpan? retryAfter,
        bool mayHaveBeenDelivered)
        : base(message, innerException)
    {
        Failure = failure;
        WebhookUrl = redactedUrl;
        Attempts = attempts;
        StatusCode = statusCode;
        Error = error;
        Validation = validation ?? Array.Empty<string>();
        RetryAfter = retryAfter;
        MayHaveBeenDelivered = mayHaveBeenDelivered;
    }

    /// <summary>How the post failed.</summary>
    public ChatHookFailure Failure { get; }

    /// <summary>The HTTP status of the last response, or <see langword="null"/> when there was none (timeout, network).</summary>
    public int? StatusCode { get; }

    /// <summary>The host's <c>error</c> (an error object summarized as its message and code), when it sent one.</summary>
    public string? Error { get; }

    /// <summary>The host's <c>validation</c> entries, for example <c>payload.attachments[0] does not match any schema</c>; empty when none.</summary>
    public IReadOnlyList<string> Validation { get; }

    /// <summary>The wait the host asked for with <c>Retry-After</c> on the last response, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Whether the message may have been posted despite the failure (a 5xx, a timeout or a connection lost after
    /// the request was sent), so that retrying could post it twice. <see langword="false"/> only when it certainly
    /// was not: the host refused it (<see cref="ChatHookFailure.HostError"/>, <see cref="ChatHookFailure.RateLimited"/>,
    /// a redirect that was not followed, an open circuit) or the connection could not be made (DNS failure, connection refused, TLS
    /// handshake), which the client retries by itself within <see cref="ChatHookRetryOptions.MaxRetryAttempts"/>.
    /// </summary>
    public bool MayHaveBeenDelivered { get; }

    /// <summary>The redacted webhook URL, for example <c>https://hooks.ringcentral.com/webhook/v2/3053…</c>.</summary>
    public string WebhookUrl { get; }

    /// <summary>How many requests were made.</summary>
    public int Attempts { get; }
}
