using System;
using System.IO;

namespace CardGen.Tool;

/// <summary>Where a command writes and where it reads the environment: the process's own, or a test's.</summary>
internal sealed class ToolConsole
{
    public ToolConsole(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        Output = output;
        Error = error;
        Environment = environment;
    }

    /// <summary>Results: findings, webhooks, JSON. Nothing else, so that it can be piped.</summary>
    public TextWriter Output { get; }

    /// <summary>Problems and progress.</summary>
    public TextWriter Error { get; }

    public Func<string, string?> Environment { get; }
}

/// <summary>The exit codes, the same for every command (docs/tool.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked; every card is valid (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>A card has validation errors, or the webhook or the platform refused or failed the request.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong, a file cannot be read, or a setting (environment variable, credential) is missing or malformed.</summary>
    public const int Usage = 2;
}

/// <summary>A problem with what the user gave, reported with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
