using System;
using System.Collections.Generic;

namespace CardGen.RingCentral;

/// <summary>
/// A call to RingCentral's API failed: the token endpoint refused the credential, or the management API refused or
/// failed the operation. It carries the HTTP status, the platform's error codes and messages and the
/// <c>Retry-After</c> of a 429; neither its message nor any property contains the client secret, the JWT, an access
/// token or a webhook's secret id.
/// </summary>
public sealed class RingCentralException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public RingCentralException()
        : this("The call to RingCentral failed.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message; it must not contain a secret.</param>
    public RingCentralException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message; it must not contain a secret.</param>
    /// <param name="innerException">The cause.</param>
    public RingCentralException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = Array.Empty<RingCentralError>();
        Operation = string.Empty;
        MayHaveSucceeded = true;
    }

    internal RingCentralException(
        string message,
        Exception? innerException,
        string operation,
        int? statusCode,
        string? error,
        string? errorCode,
        IReadOnlyList<RingCentralError> errors,
        TimeSpan? retryAfter,
        int attempts,
        bool isAuthenticationFailure,
        bool mayHaveSucceeded)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Error = error;
        ErrorCode = errorCode;
        Errors = errors;
        RetryAfter = retryAfter;
        Attempts = attempts;
        IsAuthenticationFailure = isAuthenticationFailure;
        MayHaveSucceeded = mayHaveSucceeded;
    }

    /// <summary>What was being done, for example <c>create a webhook in group 6090227714</c> (webhook ids redacted).</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the last answer, or <see langword="null"/> when there was none (timeout, network).</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> of a token endpoint refusal, for example <c>invalid_client</c> or <c>invalid_grant</c>.</summary>
    public string? Error { get; }

    /// <summary>The platform's error code: the answer's top-level <c>errorCode</c>, else the first of <see cref="Errors"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The answer's <c>errors</c> list; empty when it had none.</summary>
    public IReadOnlyList<RingCentralError> Errors { get; }

    /// <summary>The wait RingCentral asked for with <c>Retry-After</c> on the last answer (a 429), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many requests the operation made (token requests not counted).</summary>
    public int Attempts { get; }

    /// <summary>
    /// Whether the token endpoint refused the credential (a wrong client id or secret, a bad or expired JWT, a grant
    /// the app may not use): retrying cannot help, the credential must change.
    /// </summary>
    public bool IsAuthenticationFailure { get; }

    /// <summary>
    /// Whether the operation may have taken effect despite the failure (a 5xx, a timeout or a connection lost after the
    /// request was sent). A create that may have succeeded is never retried, since a retry could create a second
    /// webhook: list the group's webhooks to find out. <see langword="false"/> when the platform certainly refused it.
    /// </summary>
    public bool MayHaveSucceeded { get; }
}
