using Microsoft.Extensions.Logging;

namespace CardGen.Emulator;

/// <summary>The emulator's log lines (on the console when <see cref="HookEmulatorOptions.ConsoleLogging"/> is set).</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "#{Seq} {Route} post to hook {Hook}: {Verdict}, HTTP {Status}{Detail}")]
    public static partial void Post(ILogger logger, long seq, string route, string hook, string verdict, int status, string detail);

    /// <summary>The hook id cut to its first characters, as CardGen's client shows webhook URLs.</summary>
    public static string Short(string hookId) => hookId.Length <= 8 ? hookId : hookId[..8] + "…";
}
