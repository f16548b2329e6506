using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Aot.Tests;

/// <summary>The outcome of one child process: its command line, exit code, everything it wrote and how long it ran.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Both streams, for searching.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>The whole run, for assertion messages.</summary>
    public string Describe() =>
        $"> {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode}, {Elapsed.TotalSeconds:0.0}s)\n"
        + $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}\n--------------";
}

/// <summary>
/// A child process with its output captured line by line: run to completion, or kept running while a test waits
/// for a line, talks to it and then interrupts it as Ctrl+C would. Disposing kills what is still running.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    // Set by 'dotnet test' / MSBuild for the test host; a child 'dotnet' must pick its own.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSDEPLOYUSERAGENT",
        // The samples' own settings: a child must not pick up a webhook or a mode from the environment of the tests.
        "CARDGEN_WEBHOOK_URL", "CARDGEN_SAMPLE_EXIT", "CARDGEN_EMULATOR_PORT",
        // The relay's: where it listens, its environment and its secret.
        "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Relay__Secret",
    ];

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];
    private readonly Stopwatch _stopwatch;

    private ChildProcess(Process process, string commandLine, string workingDirectory)
    {
        _process = process;
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        _stopwatch = Stopwatch.StartNew();
    }

    public string CommandLine { get; }

    public string WorkingDirectory { get; }

    public int Id => _process.Id;

    /// <summary>The dotnet host that runs these tests, else 'dotnet' from PATH.</summary>
    public static string DotNet
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && System.IO.File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>Starts <paramref name="file"/>; <paramref name="environment"/> values of null remove a variable.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file)
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
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var shown = file == DotNet ? "dotnet" : file;
        var commandLine = string.Join(" ", new[] { shown }.Concat(start.ArgumentList));
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, commandLine, workingDirectory);
        process.OutputDataReceived += (_, e) => child.Received(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Received(child._stderr, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{commandLine}'.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <paramref name="file"/> to its end, killing it (and failing) after <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var child = Start(file, arguments, workingDirectory, environment);
        return await child.WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>Waits for a line of standard output or error that matches (one already written counts).</summary>
    /// <exception cref="TimeoutException">No such line in time, or the process ended first; the message holds its output.</exception>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stdout)
        {
            foreach (var line in (_stdout.ToString() + _stderr).Split('\n'))
            {
                if (pattern.Match(line.TrimEnd('\r')) is { Success: true } match)
                {
                    return match;
                }
            }

            _waiters.Add((pattern, found));
        }

        var exited = _process.WaitForExitAsync();
        var winner = await Task.WhenAny(found.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (winner == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        var why = winner == exited ? $"it exited with {_process.ExitCode} first" : $"none came within {timeout.TotalSeconds:0} s";
        throw new TimeoutException($"Waited for a line matching /{pattern}/ from '{CommandLine}', but {why}:\n{Snapshot().Describe()}");
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        var kill = await RunAsync("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], WorkingDirectory, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        Assert.True(kill.ExitCode == 0, "Could not send SIGINT:\n" + kill.Describe());
    }

    /// <summary>Waits for the process to end; kills it after <paramref name="timeout"/> and throws.</summary>
    /// <exception cref="TimeoutException">It did not end in time; the message holds its output.</exception>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"Timed out after {timeout.TotalMinutes:0.#} min and was killed:\n{Snapshot().Describe()}");
        }

        // The parameterless wait also drains the redirected streams.
        _process.WaitForExit();
        return Snapshot();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile, or never started.
        }
    }

    private ProcessResult Snapshot()
    {
        lock (_stdout)
        {
            var exitCode = _process.HasExited ? _process.ExitCode : -1;
            return new ProcessResult(CommandLine, WorkingDirectory, exitCode, _stdout.ToString(), _stderr.ToString(), _stopwatch.Elapsed);
        }
    }

    private void Received(StringBuilder stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            stream.AppendLine(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pattern.Match(line) is { Success: true } match)
                {
                    _waiters[i].Found.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
