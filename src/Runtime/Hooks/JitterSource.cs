using System;

namespace CardGen;

/// <summary>The default random numbers for back-off jitter: thread-safe, and not seeded alike in clients created together.</summary>
internal static class JitterSource
{
#if NET6_0_OR_GREATER
    /// <summary>A number in [0, 1).</summary>
    public static double Next() => Random.Shared.NextDouble();
#else
    [ThreadStatic]
    private static Random? _random;

    /// <summary>A number in [0, 1).</summary>
    public static double Next() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#endif
}
