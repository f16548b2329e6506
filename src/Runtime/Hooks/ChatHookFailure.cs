namespace CardGen;

/// <summary>Why a post to an incoming webhook failed.</summary>
public enum ChatHookFailure
{
    /// <summary>
    /// The host answered and refused the post: <c>"status":"error"</c> (often with HTTP 200), or a 4xx status other
    /// than 429. Nothing was posted; retrying the same message fails the same way.
    /// </summary>
    HostError,

    /// <summary>HTTP 429, still after the allowed attempts, or with a <c>Retry-After</c> beyond the allowed delay.</summary>
    RateLimited,

    /// <summary>A 5xx status. The host may have posted the message before failing.</summary>
    ServerError,

    /// <summary>
    /// An attempt took longer than <see cref="ChatHookClientOptions.AttemptTimeout"/>, or the post took longer than
    /// <see cref="ChatHookClientOptions.TotalRequestTimeout"/> during an attempt. The message may have been posted.
    /// </summary>
    Timeout,

    /// <summary>
    /// The connection failed (DNS, refused, reset, TLS). When it was never made, nothing was sent
    /// (<see cref="ChatHookException.MayHaveBeenDelivered"/> is <see langword="false"/>) and the client retried it
    /// within <see cref="ChatHookRetryOptions.MaxRetryAttempts"/>.
    /// </summary>
    Network,

    /// <summary>
    /// The host answered with something that is not the webhook protocol (not JSON, no <c>"status":"OK"</c>, a redirect,
    /// a body over the size cap), or with an answer that could not be read at all.
    /// </summary>
    UnexpectedResponse,

    /// <summary>
    /// The webhook's circuit is open after too many failed attempts (see <see cref="ChatHookClientOptions.CircuitBreaker"/>),
    /// so the post failed at once without a request; nothing was sent. Retry after
    /// <see cref="ChatHookException.RetryAfter"/>, when the circuit lets a trial request through.
    /// </summary>
    CircuitOpen,

    /// <summary>
    /// The message is larger than the host takes in one post (<see cref="Schema.HostProfile.MaxPayloadBytes"/>, for
    /// example about 28 KB for Teams), so it was not sent; no request was made.
    /// </summary>
    PayloadTooLarge,
}
