using System;

namespace CardGen;

/// <summary>
/// The one back-off of CardGen's retries: the client's retries of a post and the durable outbox's attempts of a stored
/// post both wait this long, so the two cannot drift apart.
/// </summary>
internal static class RetryDelays
{
    /// <summary>
    /// A random time between half and all of the delay that doubles from <paramref name="first"/> for each earlier
    /// failure, capped at <paramref name="max"/> ("equal jitter"; the whole delay without <paramref name="jitter"/>).
    /// Senders that failed together, for example when a host went away, then do not all try again at the same moment;
    /// the lower half keeps a floor.
    /// </summary>
    /// <param name="first">The delay after the first failure.</param>
    /// <param name="max">The longest delay.</param>
    /// <param name="earlierFailures">How many failures came before this one (0 for the first).</param>
    /// <param name="jitter">Random numbers in [0, 1); <see langword="null"/> for no jitter.</param>
    /// <returns>How long to wait.</returns>
    public static TimeSpan Exponential(TimeSpan first, TimeSpan max, int earlierFailures, Func<double>? jitter)
    {
        var doubled = first.Ticks * Math.Pow(2, Math.Min(Math.Max(earlierFailures, 0), 30));
        var full = doubled >= max.Ticks ? max.Ticks : (long)doubled;
        if (jitter is null)
        {
            return TimeSpan.FromTicks(full);
        }

        var half = full / 2;
        var random = jitter();
        return TimeSpan.FromTicks(half + (long)((full - half) * (random is >= 0 and < 1 ? random : 0)));
    }
}
