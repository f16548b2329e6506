using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CardGen.Aot.Tests;

/// <summary>
/// Whether this machine can publish the documented <c>-r linux-x64</c> Native AOT binaries: a Linux x64 machine with
/// the C toolchain the ILCompiler links with (it looks for <c>clang</c> on PATH, then <c>gcc</c>). The .NET 10
/// runtime pack brings its own zlib, so no zlib development files are needed.
/// </summary>
internal static class AotToolchain
{
    /// <summary>Why the samples cannot be published here, or <see langword="null"/> when they can.</summary>
    public static string? Missing
    {
        get
        {
            if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            {
                return $"The documented Native AOT command publishes for linux-x64, and this machine is {RuntimeInformation.RuntimeIdentifier}; the samples were not published.";
            }

            if (FindOnPath("clang") is null && FindOnPath("gcc") is null)
            {
                return "Native AOT links with clang (or gcc), and neither is on PATH (Debian/Ubuntu: apt-get install clang; .ci/run installs it where missing); the samples were not published.";
            }

            return null;
        }
    }

    /// <summary>Skips the test with <see cref="Missing"/>'s reason, except under CI=true, where every check must run and a missing toolchain fails.</summary>
    public static void SkipOrFailIfMissing()
    {
        if (Missing is not { } reason)
        {
            return;
        }

        if (RepositoryPaths.IsCi)
        {
            Assert.Fail(reason);
        }

        Skip.If(true, reason);
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
