using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CardGen.Emulator;

/// <summary>The hooks, their states, faults and rate-limit windows. Thread-safe; each hook has its own lock.</summary>
internal sealed class HookRegistry
{
    public const string CreatorId = "1000000";

    private readonly ConcurrentDictionary<string, HookState> _hooks = new(StringComparer.Ordinal);
    private readonly Func<Uri> _baseAddress;
    private readonly TimeProvider _time;
    private readonly int _seed;
    private RateLimit? _defaultRateLimit;

    public HookRegistry(Func<Uri> baseAddress, TimeProvider time, int seed, RateLimit? defaultRateLimit)
    {
        _baseAddress = baseAddress;
        _time = time;
        _seed = seed;
        _defaultRateLimit = defaultRateLimit;
    }

    public EmulatedHook Create(string? id, IEnumerable<string>? groupIds)
    {
        id ??= Guid.NewGuid().ToString("D");
        if (!HookIds.IsValid(id))
        {
            throw new ArgumentException("A webhook id is a GUID, a three-part token (xxx.yyy.zzz of 0-9, A-Z, a-z, '_', '-') or at least 20 of those characters.", nameof(id));
        }

        var groups = (groupIds ?? Array.Empty<string>()).ToArray();
        var now = _time.GetUtcNow();
        var state = new HookState(id, groups, now, new Random(unchecked(_seed ^ StableHash(id))));
        while (!_hooks.TryAdd(id, state))
        {
            if (!_hooks.TryGetValue(id, out var existing))
            {
                continue;
            }

            lock (existing)
            {
                if (existing.Status != HookStatus.Deleted)
                {
                    throw new InvalidOperationException("A webhook with this id already exists.");
                }
            }

            // A deleted id may be reused (tests re-create the default hook). The new hook is a new state, so none of
            // the deleted one's faults, rate limit or window carries over.
            if (_hooks.TryUpdate(id, state, existing))
            {
                break;
            }
        }

        return Snapshot(state);
    }

    public HookState? Find(string id) => _hooks.TryGetValue(id, out var state) ? state : null;

    public EmulatedHook? Get(string id) => Find(id) is { } state ? Snapshot(state) : null;

    public IReadOnlyList<EmulatedHook> All() => _hooks.Values.Select(Snapshot).OrderBy(h => h.CreationTime).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();

    /// <summary>Changes a hook's state.</summary>
    /// <returns>Whether the hook exists and is not deleted.</returns>
    public bool SetStatus(string id, HookStatus status)
    {
        if (Find(id) is not { } state)
        {
            return false;
        }

        lock (state)
        {
            if (state.Status == HookStatus.Deleted)
            {
                return false;
            }

            if (state.Status != status)
            {
                state.Status = status;
                state.Modified = _time.GetUtcNow();
            }

            return true;
        }
    }

    public void AddFault(string id, FaultSpec fault)
    {
        fault.Check();
        var state = Find(id) ?? throw new KeyNotFoundException("No webhook has this id.");
        lock (state)
        {
            state.Faults.Add(new ActiveFault(fault, fault.Seed is { } seed ? new Random(seed) : null));
        }
    }

    public bool ClearFaults(string id)
    {
        if (Find(id) is not { } state)
        {
            return false;
        }

        lock (state)
        {
            state.Faults.Clear();
        }

        return true;
    }

    public void SetRateLimit(string id, RateLimit? limit)
    {
        limit?.Check();
        var state = Find(id) ?? throw new KeyNotFoundException("No webhook has this id.");
        lock (state)
        {
            state.RateLimit = limit;
            state.WindowStart = default;
            state.WindowCount = 0;
        }
    }

    public void SetDefaultRateLimit(RateLimit? limit)
    {
        limit?.Check();
        Volatile.Write(ref _defaultRateLimit, limit);
    }

    public IReadOnlyList<FaultSpec> Faults(string id)
    {
        if (Find(id) is not { } state)
        {
            return Array.Empty<FaultSpec>();
        }

        lock (state)
        {
            return state.Faults.Select(f => f.Remaining is { } r ? f.Spec with { Count = r } : f.Spec).ToList();
        }
    }

    public RateLimit? RateLimitOf(string id)
    {
        if (Find(id) is not { } state)
        {
            return null;
        }

        lock (state)
        {
            return state.RateLimit ?? Volatile.Read(ref _defaultRateLimit);
        }
    }

    /// <summary>Decides what a post to a hook meets: the rate limit first, then the faults in the order added.</summary>
    /// <param name="state">The hook.</param>
    /// <param name="retryAfterSeconds">For a rate limit, the seconds until the window ends.</param>
    /// <param name="delay">The total injected delay to wait before handling the post.</param>
    /// <param name="description">What the post met, for the record; <see langword="null"/> for nothing.</param>
    /// <returns>The fault that ends the post (a 429, 5xx or drop), or <see langword="null"/>; a rate limit is a 429 fault spec.</returns>
    public FaultSpec? Decide(HookState state, out int retryAfterSeconds, out TimeSpan delay, out string? description)
    {
        retryAfterSeconds = 0;
        delay = TimeSpan.Zero;
        description = null;
        var now = _time.GetUtcNow();
        lock (state)
        {
            var limit = state.RateLimit ?? Volatile.Read(ref _defaultRateLimit);
            if (limit is not null)
            {
                if (state.WindowStart == default || now - state.WindowStart >= limit.Window)
                {
                    state.WindowStart = now;
                    state.WindowCount = 0;
                }

                state.WindowCount++;
                if (state.WindowCount > limit.Requests)
                {
                    var left = limit.Window - (now - state.WindowStart);
                    retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
                    description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rate limit ({limit.Requests} per {limit.Window.TotalSeconds} s)");
                    return FaultSpec.TooManyRequests(TimeSpan.FromSeconds(retryAfterSeconds));
                }
            }

            FaultSpec? ending = null;
            for (var i = 0; i < state.Faults.Count; i++)
            {
                var fault = state.Faults[i];
                if (fault.Remaining == 0)
                {
                    continue;
                }

                var spec = fault.Spec;
                if (spec.Rate < 1 && (fault.Random ?? state.Random).NextDouble() >= spec.Rate)
                {
                    continue;
                }

                if (spec.Kind == FaultKind.Delay)
                {
                    fault.Use();
                    delay += spec.Delay;
                    description = description is null ? spec.ToString() : description + ", " + spec;
                    continue;
                }

                if (ending is null)
                {
                    fault.Use();
                    ending = spec;
                    retryAfterSeconds = spec.RetryAfterSeconds;
                    description = description is null ? spec.ToString() : description + ", " + spec;
                }
            }

            state.Faults.RemoveAll(f => f.Remaining == 0);
            return ending;
        }
    }

    /// <summary>FNV-1a: the same in every process, unlike <see cref="string.GetHashCode()"/>, so that a seed reproduces a run.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }

    private EmulatedHook Snapshot(HookState state)
    {
        lock (state)
        {
            return new EmulatedHook(
                state.Id,
                state.GroupIds,
                CreatorId,
                state.Created,
                state.Modified,
                state.Status,
                new Uri(_baseAddress(), "/webhook/v2/" + state.Id));
        }
    }

    internal sealed class HookState
    {
        public HookState(string id, IReadOnlyList<string> groupIds, DateTimeOffset created, Random random)
        {
            Id = id;
            GroupIds = groupIds;
            Created = Modified = created;
            Random = random;
        }

        public string Id { get; }

        public IReadOnlyList<string> GroupIds { get; }

        public DateTimeOffset Created { get; }

        public DateTimeOffset Modified { get; set; }

        public HookStatus Status { get; set; }

        public Random Random { get; }

        public List<ActiveFault> Faults { get; } = new();

        public RateLimit? RateLimit { get; set; }

        public DateTimeOffset WindowStart { get; set; }

        public int WindowCount { get; set; }

        /// <summary>The current status, read under the hook's lock.</summary>
        public HookStatus CurrentStatus
        {
            get
            {
                lock (this)
                {
                    return Status;
                }
            }
        }
    }

    internal sealed class ActiveFault
    {
        public ActiveFault(FaultSpec spec, Random? random)
        {
            Spec = spec;
            Random = random;
            Remaining = spec.Count;
        }

        public FaultSpec Spec { get; }

        public Random? Random { get; }

        public int? Remaining { get; private set; }

        public void Use()
        {
            if (Remaining is { } r)
            {
                Remaining = r - 1;
            }
        }
    }
}

/// <summary>Webhook id checks: the forms RingCentral issues, nothing that could break a URL.</summary>
internal static class HookIds
{
    public static bool IsValid(string? id)
    {
        // The client's own rule, capped so an id cannot make a URL longer than servers accept.
        return id is { Length: <= 2048 } && WebhookUrl.IsValidId(id);
    }
}
