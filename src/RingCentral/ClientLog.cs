using System;
using Microsoft.Extensions.Logging;

namespace CardGen.RingCentral;

/// <summary>The client's log messages: operations by name with webhook ids redacted, never a secret.</summary>
internal static class ClientLog
{
    private static readonly Action<ILogger, string, int, Exception?> SendingMessage = LoggerMessage.Define<string, int>(
        LogLevel.Debug, new EventId(1, "Sending"), "Calling RingCentral to {Operation}, attempt {Attempt}");

    private static readonly Action<ILogger, string, Exception?> LoggingInMessage = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(2, "LoggingIn"), "Requesting an access token from {Server} with the JWT credential");

    private static readonly Action<ILogger, double, Exception?> LoggedInMessage = LoggerMessage.Define<double>(
        LogLevel.Information, new EventId(3, "LoggedIn"), "Got an access token valid for {Seconds} s");

    private static readonly Action<ILogger, string, int?, double, int, int, Exception?> RetryingMessage = LoggerMessage.Define<string, int?, double, int, int>(
        LogLevel.Warning, new EventId(4, "Retrying"), "RingCentral answered the request to {Operation} with HTTP {StatusCode}; retrying in {DelaySeconds} s (attempt {Attempt} of {MaxAttempts})");

    private static readonly Action<ILogger, string, Exception?> RenewingMessage = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(5, "Renewing"), "RingCentral refused the access token ({ErrorCode}); logging in again once");

    private static readonly Action<ILogger, string, int?, string?, Exception?> FailedMessage = LoggerMessage.Define<string, int?, string?>(
        LogLevel.Warning, new EventId(6, "Failed"), "RingCentral failed the request to {Operation} with HTTP {StatusCode} ({ErrorCode})");

    public static void Sending(ILogger logger, string operation, int attempt) => SendingMessage(logger, operation, attempt, null);

    public static void LoggingIn(ILogger logger, Uri server) => LoggingInMessage(logger, server.GetLeftPart(UriPartial.Authority), null);

    public static void LoggedIn(ILogger logger, TimeSpan lifetime) => LoggedInMessage(logger, lifetime.TotalSeconds, null);

    public static void Retrying(ILogger logger, string operation, int? status, TimeSpan delay, int attempt, int max)
        => RetryingMessage(logger, operation, status, delay.TotalSeconds, attempt, max, null);

    public static void Renewing(ILogger logger, string? errorCode) => RenewingMessage(logger, errorCode ?? "no code", null);

    public static void Failed(ILogger logger, RingCentralException exception)
        => FailedMessage(logger, exception.Operation, exception.StatusCode, exception.ErrorCode ?? exception.Error, null);
}
