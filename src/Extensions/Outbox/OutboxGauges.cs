using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Outbox;

/// <summary>
/// The outbox's observable gauges: queue depth, dead letters and the age of the oldest pending post, one measurement
/// per running delivery engine. They read statistics cached for a few seconds, refreshed in the background when a
/// collection finds them stale, so that a collection never waits on the database.
/// </summary>
internal static class OutboxGauges
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private static readonly object Gate = new();
    private static readonly Dictionary<ChatOutboxDelivery, Cache> Live = new();
    private static int _created;

    public static void Register(ChatOutboxDelivery engine)
    {
        Create();
        lock (Gate)
        {
            Live[engine] = new Cache(engine);
        }
    }

    public static void Unregister(ChatOutboxDelivery engine)
    {
        lock (Gate)
        {
            Live.Remove(engine);
        }
    }

    private static void Create()
    {
        if (Interlocked.Exchange(ref _created, 1) != 0)
        {
            return;
        }

        var meter = ChatHookTelemetry.Meter;
        meter.CreateObservableGauge("cardgen.outbox.depth", () => Measure(s => s.Pending), "{post}", "Posts in the outbox waiting to be delivered.");
        meter.CreateObservableGauge("cardgen.outbox.dead_letters", () => Measure(s => s.DeadLettered), "{post}", "Posts in the outbox's dead letters.");
        meter.CreateObservableGauge("cardgen.outbox.oldest_age", MeasureAge, "s", "The age of the oldest post waiting to be delivered; 0 when none is.");
    }

    private static List<Measurement<long>> Measure(Func<OutboxStatistics, long> value)
    {
        var measurements = new List<Measurement<long>>();
        foreach (var cache in Caches())
        {
            if (cache.Read() is { } statistics)
            {
                measurements.Add(new Measurement<long>(value(statistics)));
            }
        }

        return measurements;
    }

    private static List<Measurement<double>> MeasureAge()
    {
        var measurements = new List<Measurement<double>>();
        foreach (var cache in Caches())
        {
            if (cache.Read() is { } statistics)
            {
                var age = statistics.OldestPendingEnqueuedAt is { } oldest ? Math.Max(0, (cache.Engine.Now - oldest).TotalSeconds) : 0;
                measurements.Add(new Measurement<double>(age));
            }
        }

        return measurements;
    }

    private static Cache[] Caches()
    {
        lock (Gate)
        {
            var caches = new Cache[Live.Count];
            Live.Values.CopyTo(caches, 0);
            return caches;
        }
    }

    private sealed class Cache
    {
        private OutboxStatistics? _statistics;
        private long _readAtTicks;
        private int _refreshing;

        public Cache(ChatOutboxDelivery engine) => Engine = engine;

        public ChatOutboxDelivery Engine { get; }

        /// <summary>The cached statistics (null before the first read finished); starts a refresh when they are stale.</summary>
        public OutboxStatistics? Read()
        {
            if (Engine.Now.UtcTicks - Volatile.Read(ref _readAtTicks) > MaxAge.Ticks && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = RefreshAsync();
            }

            return Volatile.Read(ref _statistics);
        }

        private async Task RefreshAsync()
        {
            try
            {
                var statistics = await Engine.StatisticsAsync(CancellationToken.None).ConfigureAwait(false);
                Volatile.Write(ref _statistics, statistics);
                Volatile.Write(ref _readAtTicks, Engine.Now.UtcTicks);
            }
            catch (Exception)
            {
                // The gauges keep the last statistics; the delivery loop logs the store's failures.
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        }
    }
}
