using System.Diagnostics.Metrics;

namespace CardGen.Outbox;

/// <summary>The outbox's metrics, on CardGen's <see cref="Meter"/> (<see cref="ChatHookTelemetry.MeterName"/>).</summary>
internal static class OutboxTelemetry
{
    public static readonly Counter<long> Enqueued = ChatHookTelemetry.Meter.CreateCounter<long>(
        "cardgen.outbox.enqueued", "{post}", "Posts stored in the outbox, by hook.");

    public static readonly Counter<long> Delivered = ChatHookTelemetry.Meter.CreateCounter<long>(
        "cardgen.outbox.delivered", "{post}", "Posts the outbox delivered, by hook.");

    public static readonly Counter<long> DeadLettered = ChatHookTelemetry.Meter.CreateCounter<long>(
        "cardgen.outbox.dead_lettered", "{post}", "Posts the outbox stopped delivering, by hook and failure.");

    public static readonly Counter<long> Rescheduled = ChatHookTelemetry.Meter.CreateCounter<long>(
        "cardgen.outbox.rescheduled", "{post}", "Failed deliveries scheduled to be tried again, by hook and failure.");
}
