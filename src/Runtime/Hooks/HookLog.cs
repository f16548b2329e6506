using System;
using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>
/// The client's log messages. Every one names the webhook by its redacted URL only. LoggerMessage binds arguments by
/// position, so each template's placeholders are in the order of its type arguments.
/// </summary>
internal static class HookLog
{
    private static readonly Action<ILogger, string, int, int, int, Exception?> SendingMessage = LoggerMessage.Define<string, int, int, int>(
        LogLevel.Debug,
        new EventId(1, "Sending"),
        "Posting to {Hook}: {Bytes} bytes, attempt {Attempt} of {MaxAttempts}");

    private static readonly Action<ILogger, string, string, Exception?> UpgradedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Debug,
        new EventId(2, "UpgradedToV2"),
        "Posting to {Hook} instead of the v1 URL {V1Hook}, the same webhook: the message is in the v2 schema, which the v1 URL does not read");

    private static readonly Action<ILogger, int, int, string, Exception?> CardWarningsMessage = LoggerMessage.Define<int, int, string>(
        LogLevel.Debug,
        new EventId(3, "CardWarnings"),
        "Card {Index} has {Warnings} validation warning(s) for {Target}");

    private static readonly Action<ILogger, string, int, int, int, Exception?> PostedMessage = LoggerMessage.Define<string, int, int, int>(
        LogLevel.Information,
        new EventId(4, "Posted"),
        "Posted to {Hook} in {Attempts} attempt(s): {Cards} card(s), HTTP {StatusCode}");

    private static readonly Action<ILogger, string, ChatHookFailure, int?, double, int, int, Exception?> RetryingMessage = LoggerMessage.Define<string, ChatHookFailure, int?, double, int, int>(
        LogLevel.Warning,
        new EventId(5, "Retrying"),
        "Post to {Hook} failed with {Failure} (HTTP {StatusCode}); retrying in {DelaySeconds} s, attempt {Attempt} of {MaxAttempts}");

    private static readonly Action<ILogger, string, ChatHookFailure, int?, int, bool, Exception?> FailedMessage = LoggerMessage.Define<string, ChatHookFailure, int?, int, bool>(
        LogLevel.Warning,
        new EventId(6, "Failed"),
        "Post to {Hook} failed with {Failure} (HTTP {StatusCode}) after {Attempts} attempt(s); may have been delivered: {MayHaveBeenDelivered}");

    private static readonly Action<ILogger, string, int, int, Exception?> InvalidCardMessage = LoggerMessage.Define<string, int, int>(
        LogLevel.Warning,
        new EventId(7, "InvalidCard"),
        "Refused to post to {Hook}: card {Index} has {Errors} validation error(s)");

    public static void Sending(ILogger logger, WebhookUrl hook, int bytes, int attempt, int maxAttempts)
        => SendingMessage(logger, hook.Redacted, bytes, attempt, maxAttempts, null);

    public static void UpgradedToV2(ILogger logger, WebhookUrl v2, WebhookUrl v1)
        => UpgradedMessage(logger, v2.Redacted, v1.Redacted, null);

    public static void CardWarnings(ILogger logger, int index, int warnings, string target)
        => CardWarningsMessage(logger, index, warnings, target, null);

    public static void Posted(ILogger logger, WebhookUrl hook, int cards, int attempts, int statusCode)
        => PostedMessage(logger, hook.Redacted, attempts, cards, statusCode, null);

    public static void Retrying(ILogger logger, WebhookUrl hook, ChatHookFailure failure, int? statusCode, TimeSpan delay, int nextAttempt, int maxAttempts)
        => RetryingMessage(logger, hook.Redacted, failure, statusCode, delay.TotalSeconds, nextAttempt, maxAttempts, null);

    public static void Failed(ILogger logger, ChatHookException exception)
        => FailedMessage(logger, exception.WebhookUrl, exception.Failure, exception.StatusCode, exception.Attempts, exception.MayHaveBeenDelivered, exception);

    public static void InvalidCard(ILogger logger, WebhookUrl hook, int index, int errors)
        => InvalidCardMessage(logger, hook.Redacted, index, errors, null);
}
