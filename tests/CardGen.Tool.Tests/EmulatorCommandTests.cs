using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Tool.Tests;

/// <summary><c>cardgen emulator</c>, installed from the package: it starts, answers, and stops on Ctrl+C (SIGINT).</summary>
[Collection(InstalledToolTests.Name)]
public sealed class EmulatorCommandTests
{
    private readonly InstalledTool _tool;

    public EmulatorCommandTests(InstalledTool tool) => _tool = tool;

    [SkippableFact]
    public async Task StartsAnswersAndStopsOnCtrlC()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "The test sends SIGINT with kill(1), which Windows does not have.");
        var port = FreePort();
        var start = ChildProcess.StartInfo(_tool.Command, new[] { "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet" }, _tool.Work, InstalledTool.Environment());
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Press Ctrl+C", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            var hooks = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/hooks"));
            Assert.Equal(HttpStatusCode.OK, hooks.StatusCode);
            var post = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/webhook/v2/0c4a2d5e-4b1f-4e6a-9c3d-00000000c0de"), new StringContent("""{"text":"hello"}""", Encoding.UTF8, "application/json"));
            Assert.Contains("\"OK\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", new[] { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            {
                await kill!.WaitForExitAsync();
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exit.Token);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{output}");
            Assert.Contains("Stopped after 1 post(s): 1 accepted", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("RINGCENTRAL_JWT=", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
