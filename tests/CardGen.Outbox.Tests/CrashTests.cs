using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CardGen.Outbox.Tests;

/// <summary>
/// A real process enqueues 5,000 posts into a SQLite outbox while delivering them to the emulator, is killed with
/// SIGKILL mid-run, and is started again on the same file: every post whose enqueue was acknowledged reaches the
/// emulator, and a post reaches it twice only if it was being delivered at the kill.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const int Posts = 5_000;
    private readonly string _folder = TempFolder.Create();
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentDictionary<int, int> _received = new();
    private HookEmulator _emulator = null!;
    private IDisposable? _observer;

    public CrashTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _emulator = await HookEmulator.StartAsync(new HookEmulatorOptions { DefaultHookId = Guid.NewGuid().ToString(), MaxRecordedPosts = 100 });
        _observer = _emulator.ObservePosts(post =>
        {
            if (post.Verdict == PostVerdict.Accepted && post.Text is { } text && text.StartsWith("crash ", StringComparison.Ordinal))
            {
                _received.AddOrUpdate(int.Parse(text.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
        });
    }

    public async Task DisposeAsync()
    {
        _observer?.Dispose();
        await _emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(_folder);
    }

    [Fact]
    public async Task Killed_mid_run_and_restarted_every_acknowledged_post_arrives_and_only_posts_in_flight_can_arrive_twice()
    {
        var file = Path.Combine(_folder, "outbox.db");
        var log = Path.Combine(_folder, "enqueued.log");

        // First run: kill it once it has acknowledged a good part of the posts and is delivering.
        using (var child = Start(file, log))
        {
            var watch = Stopwatch.StartNew();
            while (!(Acknowledged(log) >= 1_500 && _received.Count >= 100))
            {
                Assert.False(child.HasExited, $"The child exited before it was killed:\n{Output(child)}");
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"The child did not get going within a minute: {Acknowledged(log)} acknowledged, {_received.Count} received.\n{Output(child)}");
                await Task.Delay(5);
            }

            child.Kill(); // SIGKILL on Unix: no shutdown, no flush.
            await child.WaitForExitAsync();
        }

        var acknowledgedAtKill = Acknowledged(log);
        var receivedAtKill = _received.Count;
        var inFlightAtKill = LeasedPosts(file);
        _output.WriteLine($"At the kill: {acknowledgedAtKill} acknowledged, {receivedAtKill} received, {inFlightAtKill} in flight (leased).");
        Assert.True(acknowledgedAtKill < Posts || receivedAtKill < Posts, "the kill came after everything was done");

        // Second run on the same file: enqueues the posts the first run never began, delivers everything, exits.
        using (var child = Start(file, log))
        {
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(90)), $"The restarted child did not finish within 90 s.\n{Output(child)}");
            Assert.True(child.ExitCode == 0, $"The restarted child exited with {child.ExitCode}.\n{Output(child)}");
        }

        var acknowledged = Lines(log).Where(l => l.StartsWith("a ", StringComparison.Ordinal)).Select(l => int.Parse(l.AsSpan(2), CultureInfo.InvariantCulture)).ToHashSet();
        var lost = acknowledged.Where(i => !_received.ContainsKey(i)).ToList();
        var duplicates = _received.Values.Sum(n => n - 1);
        _output.WriteLine($"{acknowledged.Count} acknowledged, {_received.Count} distinct received, {duplicates} duplicates, {lost.Count} lost.");

        Assert.True(acknowledged.Count >= Posts - 8, $"only {acknowledged.Count} of {Posts} posts were acknowledged");
        Assert.Empty(lost);
        Assert.True(duplicates <= inFlightAtKill, $"{duplicates} posts arrived twice, but only {inFlightAtKill} were in flight at the kill");

        // Of the posts in flight, only those being sent (at most MaxConcurrentPosts, 8 by default) can have arrived.
        Assert.True(duplicates <= 8, $"{duplicates} posts arrived twice, more than the 8 the child sends at a time");
        Assert.True(_received.Values.All(n => n <= 2), "a post arrived more than twice");
        Assert.Equal(0, LeasedPosts(file));
    }

    private Process Start(string file, string log)
    {
        var host = Path.Combine(AppContext.BaseDirectory.Replace("CardGen.Outbox.Tests", "CardGen.Outbox.CrashHost", StringComparison.Ordinal), "CardGen.Outbox.CrashHost.dll");
        Assert.True(File.Exists(host), $"The crash host is not built at {host}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, file, _emulator.DefaultHook.RevealUri().AbsoluteUri, Posts.ToString(CultureInfo.InvariantCulture), log })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        Outputs.Add(process, output);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Process, StringBuilder> Outputs = new();

    private static string Output(Process process)
    {
        if (!Outputs.TryGetValue(process, out var output))
        {
            return string.Empty;
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    private static string[] Lines(string path)
    {
        if (!File.Exists(path))
        {
            return Array.Empty<string>();
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static int Acknowledged(string path) => Lines(path).Count(l => l.StartsWith("a ", StringComparison.Ordinal));

    private static long LeasedPosts(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cardgen_outbox WHERE state = 0 AND lease_owner IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }
}
