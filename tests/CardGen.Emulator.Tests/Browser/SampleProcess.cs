using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests.Browser;

/// <summary>Runs the built sample (samples/CardGen.Sample) as its own process, as a user would.</summary>
internal static class SampleProcess
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>The result of one run.</summary>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>
    /// The sample's built assembly for the tests' configuration. A solution build (eng/test.sh, CI) has built it;
    /// when it is missing or older than the sample's sources (only this test project was built), it is built once.
    /// </summary>
    public static async Task<string> BuiltAssemblyAsync(CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepositoryPaths.Root, "samples", "CardGen.Sample");
        var assembly = Path.Combine(project, "bin", RepositoryPaths.Configuration, "net10.0", "CardGen.Sample.dll");
        await BuildLock.WaitAsync(cancellationToken);
        try
        {
            if (!IsUpToDate(project, assembly))
            {
                var build = await RunAsync(
                    DotnetHost(),
                    ["build", Path.Combine(project, "CardGen.Sample.csproj"), "-c", RepositoryPaths.Configuration, "--nologo", "-v", "q"],
                    new Dictionary<string, string?>(),
                    TimeSpan.FromMinutes(5),
                    cancellationToken);
                if (build.ExitCode != 0 || !File.Exists(assembly))
                {
                    throw new InvalidOperationException($"Building the sample failed ({build.ExitCode}):{Environment.NewLine}{build.Output}");
                }
            }
        }
        finally
        {
            BuildLock.Release();
        }

        return assembly;
    }

    /// <summary>Runs <c>dotnet CardGen.Sample.dll</c> with the arguments and environment given, and waits for it to exit.</summary>
    public static Task<Result> RunAsync(string assembly, IReadOnlyList<string> args, IDictionary<string, string?> environment, CancellationToken cancellationToken)
        => RunAsync(DotnetHost(), [assembly, .. args], environment, TimeSpan.FromMinutes(2), cancellationToken);

    private static bool IsUpToDate(string project, string assembly)
    {
        if (!File.Exists(assembly))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(assembly);
        return !Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static async Task<Result> RunAsync(string file, IReadOnlyList<string> args, IDictionary<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The sample must not pick up a webhook or a mode from the environment the tests run in.
        foreach (var name in new[] { "CARDGEN_WEBHOOK_URL", "CARDGEN_SAMPLE_EXIT", "CARDGEN_EMULATOR_PORT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Path.GetFileName(file)} {string.Join(' ', args.Select(Path.GetFileName))}' did not exit within {timeout.TotalSeconds} s:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
