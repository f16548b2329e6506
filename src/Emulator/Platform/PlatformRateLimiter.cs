using System;

namespace CardGen.Emulator;

/// <summary>
/// A fixed-window limit for one of the platform's rate groups (the token endpoint's <c>Auth</c> group, the management
/// API's <c>Medium</c> group), on the emulator's clock. Thread-safe.
/// </summary>
internal sealed class PlatformRateLimiter
{
    private readonly RateLimit? _limit;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private DateTimeOffset _windowStart;
    private int _count;

    public PlatformRateLimiter(RateLimit? limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
    }

    /// <summary>Counts a request; when it is over the limit, says how many whole seconds remain in the window.</summary>
    public bool TryAcquire(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_limit is not { } limit)
        {
            return true;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_windowStart == default || now - _windowStart >= limit.Window)
            {
                _windowStart = now;
                _count = 0;
            }

            if (++_count <= limit.Requests)
            {
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((limit.Window - (now - _windowStart)).TotalSeconds));
            return false;
        }
    }
}
