using System;

namespace CardGen;

/// <summary>
/// A time limit: <see cref="ChatHookClientOptions.AttemptTimeout"/> for each request, or
/// <see cref="ChatHookClientOptions.TotalRequestTimeout"/> for a whole post, retries and waits included.
/// </summary>
public sealed class ChatHookTimeoutOptions
{
    /// <summary>Creates a limit of 30 s.</summary>
    public ChatHookTimeoutOptions()
    {
    }

    /// <summary>Creates a limit.</summary>
    /// <param name="timeout">The limit; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    public ChatHookTimeoutOptions(TimeSpan timeout) => Timeout = timeout;

    /// <summary>
    /// The limit: positive and at most 24 days, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// A post that reaches it during a request fails with <see cref="ChatHookFailure.Timeout"/> (the message may have
    /// been delivered); during a wait between attempts, with the failure that caused the wait.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    internal ChatHookTimeoutOptions Clone() => (ChatHookTimeoutOptions)MemberwiseClone();
}
