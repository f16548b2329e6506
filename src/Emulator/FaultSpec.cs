using System;
using System.Globalization;

namespace CardGen.Emulator;

/// <summary>What an injected fault does to a post.</summary>
public enum FaultKind
{
    /// <summary>Answer HTTP 429 with <c>Retry-After</c>; nothing is posted.</summary>
    TooManyRequests,

    /// <summary>Answer a 5xx status (<see cref="FaultSpec.StatusCode"/>); nothing is posted.</summary>
    ServerError,

    /// <summary>Wait <see cref="FaultSpec.Delay"/>, then handle the post as usual.</summary>
    Delay,

    /// <summary>Read the body, then abort the connection without an answer; nothing is posted.</summary>
    Drop,
}

/// <summary>
/// A fault injected into a hook's posts: always, at a <see cref="Rate"/>, and/or for the next <see cref="Count"/>
/// posts. Build one with <see cref="TooManyRequests"/>, <see cref="ServerError"/>, <see cref="Delayed"/> or
/// <see cref="Drop"/>, then adjust it with <c>with { Rate = 0.1 }</c> or <c>with { Count = 2 }</c>.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>The status of a <see cref="FaultKind.ServerError"/> (500–599; default 503).</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>The <c>Retry-After</c> of a <see cref="FaultKind.TooManyRequests"/> (whole seconds; default 1 s).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait of a <see cref="FaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The chance (0–1) that a post meets the fault (default 1: every post).</summary>
    public double Rate { get; init; } = 1;

    /// <summary>How many posts meet the fault before it ends; <see langword="null"/> (the default) for no end.</summary>
    public int? Count { get; init; }

    /// <summary>The seed of this fault's random numbers; <see langword="null"/> for <see cref="HookEmulatorOptions.RandomSeed"/>.</summary>
    public int? Seed { get; init; }

    /// <summary>HTTP 429 with a <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c>, rounded up to whole seconds; <see langword="null"/> for 1 s.</param>
    /// <returns>The fault.</returns>
    public static FaultSpec TooManyRequests(TimeSpan? retryAfter = null)
        => new() { Kind = FaultKind.TooManyRequests, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) };

    /// <summary>A 5xx status.</summary>
    /// <param name="statusCode">The status, 500–599.</param>
    /// <returns>The fault.</returns>
    public static FaultSpec ServerError(int statusCode = 503) => new() { Kind = FaultKind.ServerError, StatusCode = statusCode };

    /// <summary>A wait before the post is handled.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The fault.</returns>
    public static FaultSpec Delayed(TimeSpan delay) => new() { Kind = FaultKind.Delay, Delay = delay };

    /// <summary>A dropped connection.</summary>
    /// <returns>The fault.</returns>
    public static FaultSpec Drop() => new() { Kind = FaultKind.Drop };

    /// <summary>A short description, for example <c>429 (Retry-After 2 s) at rate 0.1 for the next 5</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var what = Kind switch
        {
            FaultKind.TooManyRequests => string.Create(CultureInfo.InvariantCulture, $"429 (Retry-After {RetryAfterSeconds} s)"),
            FaultKind.ServerError => StatusCode.ToString(CultureInfo.InvariantCulture),
            FaultKind.Delay => string.Create(CultureInfo.InvariantCulture, $"delay {Delay.TotalMilliseconds} ms"),
            _ => "drop",
        };
        if (Rate < 1)
        {
            what += string.Create(CultureInfo.InvariantCulture, $" at rate {Rate}");
        }

        if (Count is { } count)
        {
            what += string.Create(CultureInfo.InvariantCulture, $" for the next {count}");
        }

        return what;
    }

    internal int RetryAfterSeconds => Math.Max(0, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    internal void Check()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown fault kind.");
        }

        if (double.IsNaN(Rate) || Rate < 0 || Rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "A fault's rate is between 0 and 1.");
        }

        if (Count is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Count), Count, "A fault's count cannot be negative.");
        }

        if (Kind == FaultKind.ServerError && StatusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusCode), StatusCode, "A server error's status is 500-599.");
        }

        if (RetryAfter < TimeSpan.Zero || RetryAfter > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "Retry-After is between 0 and one day.");
        }

        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "A delay is between 0 and one hour.");
        }
    }
}
