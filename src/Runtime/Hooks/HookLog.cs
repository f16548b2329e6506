using System;
using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>
/// The client's log messages, source-generated. Every one names the webhook by its redacted URL only, and the hook by
/// its configured name when it has one.
/// </summary>
internal static partial class HookLog
{
    [LoggerMessage(1, LogLevel.Debug, "Posting to {Hook}: {Bytes} bytes, attempt {Attempt} of {MaxAttempts}", EventName = "Sending")]
    private static partial void Sending(ILogger logger, string hook, int bytes, int attempt, int maxAttempts);

    [LoggerMessage(2, LogLevel.Debug, "Posting to {Hook} instead of the v1 URL {V1Hook}, the same webhook: the message is in the v2 schema, which the v1 URL does not read", EventName = "UpgradedToV2")]
    private static partial void UpgradedToV2(ILogger logger, string hook, string v1Hook);

    [LoggerMessage(3, LogLevel.Debug, "Card {Index} has {Warnings} validation warning(s) for {Target}", EventName = "CardWarnings")]
    public static partial void CardWarnings(ILogger logger, int index, int warnings, string target);

    [LoggerMessage(4, LogLevel.Information, "Posted to {Hook} in {Attempts} attempt(s): {Cards} card(s), HTTP {StatusCode}", EventName = "Posted")]
    private static partial void Posted(ILogger logger, string hook, int attempts, int cards, int statusCode);

    [LoggerMessage(5, LogLevel.Warning, "Post to {Hook} failed with {Failure} (HTTP {StatusCode}); retrying in {DelaySeconds} s, attempt {Attempt} of {MaxAttempts}", EventName = "Retrying")]
    private static partial void Retrying(ILogger logger, string hook, ChatHookFailure failure, int? statusCode, double delaySeconds, int attempt, int maxAttempts);

    [LoggerMessage(6, LogLevel.Warning, "Post to {Hook} failed with {Failure} (HTTP {StatusCode}) after {Attempts} attempt(s); may have been delivered: {MayHaveBeenDelivered}", EventName = "Failed")]
    private static partial void Failed(ILogger logger, Exception exception, string hook, ChatHookFailure failure, int? statusCode, int attempts, bool mayHaveBeenDelivered);

    [LoggerMessage(7, LogLevel.Warning, "Refused to post to {Hook}: card {Index} has {Errors} validation error(s)", EventName = "InvalidCard")]
    private static partial void InvalidCard(ILogger logger, string hook, int index, int errors);

    [LoggerMessage(8, LogLevel.Debug, "Posting to {Hook} instead of the v2 URL {V2Hook}, the same webhook: the legacy message is in the v1 schema, which the v2 URL does not read", EventName = "LegacyToV1")]
    private static partial void LegacyToV1(ILogger logger, string hook, string v2Hook);

    [LoggerMessage(9, LogLevel.Warning, "Refused to post to {Hook}: the legacy message has {Errors} validation error(s)", EventName = "InvalidLegacyMessage")]
    private static partial void InvalidLegacyMessage(ILogger logger, string hook, int errors);

    [LoggerMessage(10, LogLevel.Debug, "The legacy message has {Warnings} validation warning(s)", EventName = "LegacyWarnings")]
    public static partial void LegacyWarnings(ILogger logger, int warnings);

    public static void LegacyToV1(ILogger logger, WebhookUrl v1, WebhookUrl v2)
        => LegacyToV1(logger, v1.Redacted, v2.Redacted);

    public static void InvalidLegacyMessage(ILogger logger, WebhookUrl hook, int errors)
        => InvalidLegacyMessage(logger, hook.Redacted, errors);

    public static void Sending(ILogger logger, WebhookUrl hook, int bytes, int attempt, int maxAttempts)
        => Sending(logger, hook.Redacted, bytes, attempt, maxAttempts);

    public static void UpgradedToV2(ILogger logger, WebhookUrl v2, WebhookUrl v1)
        => UpgradedToV2(logger, v2.Redacted, v1.Redacted);

    public static void Posted(ILogger logger, WebhookUrl hook, int cards, int attempts, int statusCode)
        => Posted(logger, hook.Redacted, attempts, cards, statusCode);

    public static void Retrying(ILogger logger, WebhookUrl hook, ChatHookFailure failure, int? statusCode, TimeSpan delay, int nextAttempt, int maxAttempts)
        => Retrying(logger, hook.Redacted, failure, statusCode, delay.TotalSeconds, nextAttempt, maxAttempts);

    public static void Failed(ILogger logger, ChatHookException exception)
        => Failed(logger, exception, exception.WebhookUrl, exception.Failure, exception.StatusCode, exception.Attempts, exception.MayHaveBeenDelivered);

    public static void InvalidCard(ILogger logger, WebhookUrl hook, int index, int errors)
        => InvalidCard(logger, hook.Redacted, index, errors);
}
