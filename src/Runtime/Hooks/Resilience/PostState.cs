using System;
using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace CardGen;

/// <summary>One post as it goes through its webhook's resilience pipeline: what to send, and what each attempt came to.</summary>
internal sealed class PostState
{
    public static readonly ResiliencePropertyKey<PostState> Key = new("CardGen.Post");

    private int _timeoutResultOf;

    public PostState(HttpClient http, WebhookUrl endpoint, byte[] body, int length, Settings settings, string? hookName)
    {
        HookName = hookName;
        Http = http;
        Endpoint = endpoint;
        Body = body;
        Length = length;
        Settings = settings;
    }

    public HttpClient Http { get; }

    /// <summary>The hook's configured name, when it has one.</summary>
    public string? HookName { get; }

    public WebhookUrl Endpoint { get; }

    public byte[] Body { get; }

    public int Length { get; }

    public Settings Settings { get; }

    /// <summary>How many attempts have started.</summary>
    public int Attempts { get; set; }

    /// <summary>What the last finished attempt came to.</summary>
    public AttemptResult? Last { get; set; }

    /// <summary>Whether an attempt before <see cref="Last"/> may have delivered the message.</summary>
    public bool DeliveredBefore { get; set; }

    /// <summary>The attempt the per-attempt timeout cut off, if any.</summary>
    public int TimedOutAttempt { get; set; }

    /// <summary>The attempt that was cancelled from outside it (the total timeout or the caller), if any.</summary>
    public int CancelledAttempt { get; set; }

    /// <summary>The retries, for the span.</summary>
    public int Retries { get; set; }

    /// <summary>
    /// What an attempt's outcome means: its result, or for an attempt the per-attempt timeout cut off, a
    /// <see cref="ChatHookFailure.Timeout"/> (made once, and kept as <see cref="Last"/>). <see langword="null"/> for any
    /// other exception (an open circuit, a cancellation), which is never retried.
    /// </summary>
    public AttemptResult? Result(Outcome<AttemptResult> outcome)
    {
        if (outcome.Result is { } result)
        {
            return result;
        }

        if (outcome.Exception is TimeoutRejectedException && TimedOutAttempt == Attempts)
        {
            if (_timeoutResultOf != Attempts)
            {
                _timeoutResultOf = Attempts;
                Last = AttemptResult.Fail(
                    ChatHookFailure.Timeout,
                    $"The post to {Endpoint.Redacted} timed out after {ChatHookClient.Seconds(Settings.Timeout)} (attempt {Attempts} of {Settings.MaxAttempts}); the message may have been delivered.",
                    mayHaveBeenDelivered: true,
                    retryable: Settings.RetryServerErrors,
                    delay: ChatHookClient.Backoff(Settings, Attempts),
                    inner: outcome.Exception);
            }

            return Last;
        }

        return null;
    }
}
