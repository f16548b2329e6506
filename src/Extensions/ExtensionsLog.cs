using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>The log messages of CardGen's service registration.</summary>
internal static partial class ExtensionsLog
{
    [LoggerMessage(101, LogLevel.Warning, "Removed {Handler} from CardGen's HttpClient: {Reason}", EventName = "RemovedHandler")]
    public static partial void RemovedHandler(ILogger logger, string handler, string reason);
}
