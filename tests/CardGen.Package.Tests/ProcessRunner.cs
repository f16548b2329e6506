using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Package.Tests;

/// <summary>The outcome of one child process: its command line, exit code and everything it wrote.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The whole run, for assertion messages.</summary>
    public string Describe() =>
        $"> {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode}, {Elapsed.TotalSeconds:0.0}s)\n"
        + $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}\n--------------";
}

/// <summary>Runs the dotnet CLI (or a script) as a child process with a time limit, killing the whole process tree on timeout.</summary>
internal static class ProcessRunner
{
    /// <summary>Every child process is bounded by this.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    // Set by 'dotnet test' / MSBuild for the test host; a child 'dotnet' must pick its own.
    private static readonly string[] InheritedVariablesToDrop =
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSDEPLOYUSERAGENT",
    };

    /// <summary>The dotnet host that runs these tests, else 'dotnet' from PATH.</summary>
    public static string DotNet
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && System.IO.File.Exists(host) ? host : "dotnet";
        }
    }

    public static Task<ProcessResult> RunDotNetAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
        => RunAsync(DotNet, workingDirectory, arguments, environment, timeout);

    /// <summary>Runs <paramref name="program"/> (found on PATH) in the environment a child 'dotnet' gets; a script that calls dotnet needs it too.</summary>
    public static async Task<ProcessResult> RunAsync(
        string program,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        // No long-lived build servers or MSBuild nodes: they would outlive the test and hold its output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        if (environment != null)
        {
            foreach (var pair in environment)
            {
                if (pair.Value == null)
                {
                    start.Environment.Remove(pair.Key);
                }
                else
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }
        }

        var commandLine = (program == DotNet ? "dotnet" : program) + " " + string.Join(" ", start.ArgumentList);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{commandLine}'.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }

            process.WaitForExit(10_000);
            var partial = new ProcessResult(commandLine, workingDirectory, -1, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
            throw new TimeoutException($"Timed out after {limit.TotalMinutes:0.#} min and was killed:\n{partial.Describe()}");
        }

        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
