using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CardGen.Outbox;

/// <summary>
/// How a durable outbox stores and delivers posts: its capacity, how it claims and leases posts, how it backs off
/// after a failure, how fast it posts to each hook, and how long it keeps delivered posts.
/// </summary>
/// <remarks>
/// Whether a hook's post is sent again after a failure that may have delivered it (a 5xx, a timeout, a connection lost
/// after sending) is the hook's own <see cref="ChatHookRetryOptions.RetryServerErrors"/>: without it, such a post goes
/// to the dead letters instead, since a post is not idempotent.
/// </remarks>
public sealed class ChatOutboxOptions
{
    /// <summary>The most pending posts the store holds (default 100,000); an enqueue beyond it throws <see cref="OutboxFullException"/> at once.</summary>
    public long Capacity { get; set; } = 100_000;

    /// <summary>The most posts one claim takes, and held in hand waiting to be sent (default 256).</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>The most posts this instance sends at the same time (default 8). Posts of one order key are never sent together.</summary>
    public int MaxConcurrentPosts { get; set; } = 8;

    /// <summary>
    /// How long a claim holds a post before another instance may take it over (default 5 min). It must exceed each
    /// hook's <see cref="ChatHookClientOptions.TotalRequestTimeout"/>: a post whose remaining lease is shorter than
    /// that is given back unsent rather than risk being sent by two instances.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle instance looks for due posts (default 1 s). A post enqueued in the same process is picked up at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered posts are kept before they are purged (default 1 day; <see cref="TimeSpan.Zero"/> purges them at the next sweep).</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many failed attempts a post may have before it goes to the dead letters (default 10).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after a post's first failure (default 5 s); each further failure doubles it, up to <see cref="MaxRetryDelay"/>. A host's <c>Retry-After</c> wins when longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts of a post (default 10 min).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The least time between two posts to a hook, shared by every instance on the same store (default
    /// <see cref="TimeSpan.Zero"/>: no pace). <see cref="PostIntervals"/> sets it per hook.
    /// </summary>
    public TimeSpan MinimumPostInterval { get; set; } = TimeSpan.Zero;

    /// <summary>The least time between two posts to the hook of each name (ordinal, ignoring case), over <see cref="MinimumPostInterval"/>.</summary>
    public IDictionary<string, TimeSpan> PostIntervals { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// On a graceful shutdown, how long posts already being sent may take to finish (default 10 s). Posts not yet sent
    /// are given back at once; a post still being sent after this is cut off and handled as a failure that may have
    /// delivered it.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Values of the configuration section that could not be read, each naming its key; reported at start-up.</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    /// <summary>The pace of a hook: its <see cref="PostIntervals"/> entry, or <see cref="MinimumPostInterval"/>.</summary>
    /// <param name="hookName">The hook.</param>
    /// <returns>The least time between two posts to it.</returns>
    public TimeSpan PostIntervalOf(string hookName)
        => hookName is not null && PostIntervals.TryGetValue(hookName, out var interval) ? interval : MinimumPostInterval;

    /// <summary>Checks every value's range.</summary>
    /// <returns>One line per value out of range, naming it; empty when all are valid.</returns>
    public IReadOnlyList<string> Validate() => Check().Select(e => e.Message).ToArray();

    /// <summary>Checks every value's range.</summary>
    /// <returns>Each value out of range: its configuration key below the outbox's section, and the line naming it.</returns>
    internal IReadOnlyList<(string Key, string Message)> Check()
    {
        var errors = new List<(string Key, string Message)>();
        if (Capacity < 1)
        {
            errors.Add((nameof(Capacity), $"Capacity is {Capacity}; it must be 1 or more."));
        }

        Range(errors, nameof(BatchSize), BatchSize, 1, 10_000);
        Range(errors, nameof(MaxConcurrentPosts), MaxConcurrentPosts, 1, 1_000);
        Range(errors, nameof(MaxAttempts), MaxAttempts, 1, 1_000);
        Positive(errors, nameof(LeaseDuration), LeaseDuration);
        Positive(errors, nameof(PollInterval), PollInterval);
        Positive(errors, nameof(RetryDelay), RetryDelay);
        NotNegative(errors, nameof(DeliveredRetention), DeliveredRetention);
        NotNegative(errors, nameof(MinimumPostInterval), MinimumPostInterval);
        NotNegative(errors, nameof(ShutdownTimeout), ShutdownTimeout);
        if (MaxRetryDelay < RetryDelay)
        {
            errors.Add((nameof(MaxRetryDelay), $"MaxRetryDelay is {MaxRetryDelay}; it must be at least RetryDelay ({RetryDelay})."));
        }

        foreach (var pair in PostIntervals)
        {
            if (pair.Value < TimeSpan.Zero)
            {
                errors.Add(($"{nameof(PostIntervals)}:{pair.Key}", $"PostIntervals[{pair.Key}] is {pair.Value}; it must not be negative."));
            }
        }

        return errors;
    }

    private static void Range(List<(string Key, string Message)> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add((name, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be {min} to {max}.")));
        }
    }

    private static void Positive(List<(string Key, string Message)> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add((name, $"{name} is {value}; it must be more than zero."));
        }
    }

    private static void NotNegative(List<(string Key, string Message)> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add((name, $"{name} is {value}; it must not be negative."));
        }
    }
}
