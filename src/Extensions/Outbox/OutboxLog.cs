using System;
using Microsoft.Extensions.Logging;

namespace CardGen.Outbox;

/// <summary>The outbox's log messages. They name hooks and post ids, never a webhook URL.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(201, LogLevel.Information, "The outbox delivers as {Owner}: up to {BatchSize} posts a claim, {Concurrency} at a time, leases of {Lease}", EventName = "OutboxStarted")]
    public static partial void Started(ILogger logger, string owner, int batchSize, int concurrency, TimeSpan lease);

    [LoggerMessage(202, LogLevel.Debug, "Delivered outbox post {PostId} to {HookName} after {Attempts} earlier failed attempt(s)", EventName = "OutboxDelivered")]
    public static partial void Delivered(ILogger logger, long postId, string hookName, int attempts);

    [LoggerMessage(203, LogLevel.Warning, "Outbox post {PostId} to {HookName} failed (attempt {Attempt} of {MaxAttempts}); trying again in {Delay}: {Reason}", EventName = "OutboxRescheduled")]
    public static partial void Rescheduled(ILogger logger, long postId, string hookName, int attempt, int maxAttempts, TimeSpan delay, string reason);

    [LoggerMessage(204, LogLevel.Error, "Outbox post {PostId} to {HookName} moved to the dead letters after {Attempts} attempt(s): {Reason}", EventName = "OutboxDeadLettered")]
    public static partial void DeadLettered(ILogger logger, long postId, string hookName, int attempts, string reason);

    [LoggerMessage(205, LogLevel.Warning, "The outbox store failed; trying again in {Delay}", EventName = "OutboxStoreFailed")]
    public static partial void StoreFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(206, LogLevel.Error, "The outbox could not record the outcome of post {PostId} ({Outcome}); it is delivered again when its lease runs out", EventName = "OutboxRecordFailed")]
    public static partial void RecordFailed(ILogger logger, long postId, string outcome, Exception exception);

    [LoggerMessage(207, LogLevel.Information, "The outbox is stopping: {Released} post(s) given back unsent, {Finished} post(s) being sent finished, {CutOff} cut off", EventName = "OutboxStopped")]
    public static partial void Stopped(ILogger logger, int released, int finished, int cutOff);

    [LoggerMessage(208, LogLevel.Debug, "Purged {Count} delivered outbox post(s)", EventName = "OutboxPurged")]
    public static partial void Purged(ILogger logger, int count);

    [LoggerMessage(209, LogLevel.Debug, "Gave back outbox post {PostId} to {HookName} unsent: {Remaining} of its lease is left and a post may take {Needed}", EventName = "OutboxLeaseShort")]
    public static partial void LeaseShort(ILogger logger, long postId, string hookName, TimeSpan remaining, TimeSpan needed);

    [LoggerMessage(210, LogLevel.Warning, "The host's stop deadline passed before the outbox recorded the outcome of post {PostId} ({Outcome}); it stays leased and is handled again when its lease runs out", EventName = "OutboxLeftToLease")]
    public static partial void LeftToLease(ILogger logger, long postId, string outcome);
}
