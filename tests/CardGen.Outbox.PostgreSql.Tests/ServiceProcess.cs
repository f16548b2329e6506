using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// One process of tests/CardGen.Outbox.PostgreSql.Host: a service with the PostgreSQL outbox, run from that project's
/// own output folder (the test project references it, so it is built first), its output read line by line.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ConcurrentQueue<long> _acknowledged = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledgedCount;

    private ServiceProcess(Process process) => _process = process;

    /// <summary>The numbers of the posts the process printed <c>ACK</c> for: stored, as its enqueue returned.</summary>
    public IReadOnlyCollection<long> Acknowledged => _acknowledged;

    /// <summary>How many posts were acknowledged so far.</summary>
    public int AcknowledgedCount => Volatile.Read(ref _acknowledgedCount);

    /// <summary>Everything the process printed.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The process's id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts a process with <c>CARDGEN_HOST_{key}</c> set from <paramref name="settings"/>.</summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "tests", "CardGen.Outbox.PostgreSql.Host", "bin", RepositoryPaths.Configuration, "net10.0", "CardGen.Outbox.PostgreSql.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The service host is not built at {dll}.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment["CARDGEN_HOST_" + key] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => service.OnLine(e.Data);
        process.Exited += (_, _) => service._exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits for the host to have started (its store initialized); fails with its output if it exits first.</summary>
    public async Task WaitStartedAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_started.Task, _exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (first != _started.Task)
        {
            throw new InvalidOperationException($"The service did not start within {timeout}:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> posts are acknowledged.</summary>
    public async Task WaitAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (AcknowledgedCount < count)
        {
            if (_exited.Task.IsCompleted || watch.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{AcknowledgedCount} of {count} posts acknowledged after {watch.Elapsed}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(_exited.Task, Task.Delay(timeout)).ConfigureAwait(false) != _exited.Task)
        {
            throw new TimeoutException($"The service did not finish within {timeout}:{Environment.NewLine}{Output}");
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown, no release, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill();
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }

        if (line == "STARTED")
        {
            _started.TrySetResult();
        }
        else if (line.StartsWith("ACK ", StringComparison.Ordinal))
        {
            var parts = line.Split(' ');
            _acknowledged.Enqueue(long.Parse(parts[1], CultureInfo.InvariantCulture));
            Interlocked.Increment(ref _acknowledgedCount);
        }
    }
}
