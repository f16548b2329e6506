using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests.Browser;

/// <summary>
/// One tab of a headless Chromium, driven over the DevTools protocol (a WebSocket): navigate, evaluate script,
/// take a screenshot. The page keeps an EventSource open, so "wait for load and dump the DOM" from the command line
/// is either early (before the posts are fetched) or never done (virtual time waits on the open stream); asking the
/// live page for its state until it is ready is reliable.
/// </summary>
internal sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _stderr;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private int _nextId;

    private ChromiumPage(Process process, string profile, ClientWebSocket socket, ConcurrentQueue<string> stderr)
    {
        _process = process;
        _stderr = stderr;
        _profile = profile;
        _socket = socket;
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Script errors the page did not catch (Runtime.exceptionThrown), as text.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>The Chromium executable: <c>CARDGEN_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c> or a usual alternative; null when none exists.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("CARDGEN_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts a headless Chromium with a fresh profile and attaches to its first tab.</summary>
    public static async Task<ChromiumPage> LaunchAsync(string executable, int width, int height, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("cardgen-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless=new", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--disable-component-update", "--mute-audio", "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var stderr = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => Keep(stderr, e.Data);
        process.OutputDataReceived += (_, e) => Keep(stderr, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            // Chromium writes the port it chose to <profile>/DevToolsActivePort.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = Stopwatch.StartNew();
            string? port = null;
            while (port is null)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {string.Join(Environment.NewLine, stderr)}");
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"Chromium did not open its DevTools port within 30 s: {string.Join(Environment.NewLine, stderr)}");
                }

                if (File.Exists(portFile))
                {
                    var lines = await File.ReadAllLinesAsync(portFile, cancellationToken);
                    port = lines.Length > 0 && lines[0].Length > 0 ? lines[0] : null;
                }

                if (port is null)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken)).RootElement;
            string? pageSocket = null;
            foreach (var target in targets.EnumerateArray())
            {
                if (target.GetProperty("type").GetString() == "page")
                {
                    pageSocket = target.GetProperty("webSocketDebuggerUrl").GetString();
                    break;
                }
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(pageSocket ?? throw new InvalidOperationException("Chromium has no page target.")), cancellationToken);
            var page = new ChromiumPage(process, profile, socket, stderr);
            await page.SendAsync("Runtime.enable", null, cancellationToken);
            await page.SendAsync("Page.enable", null, cancellationToken);
            await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width,
                ["height"] = height,
                ["deviceScaleFactor"] = 1,
                ["mobile"] = false,
            }, cancellationToken);
            return page;
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>The last lines Chromium wrote, for a failure message.</summary>
    public string Log => string.Join(Environment.NewLine, _stderr);

    /// <summary>Opens <paramref name="url"/> in the tab.</summary>
    public Task NavigateAsync(Uri url, CancellationToken cancellationToken)
        => SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellationToken);

    /// <summary>Evaluates a script expression in the page and returns its value as JSON (awaiting a promise).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException("The script failed in the page: " + exception.GetRawText());
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var json) ? json.Clone() : default;
    }

    /// <summary>A PNG of the page: the viewport, or the whole document down to <paramref name="maxHeight"/> pixels.</summary>
    public async Task<byte[]> ScreenshotAsync(int width, int maxHeight, CancellationToken cancellationToken)
    {
        var height = (await EvaluateAsync("document.documentElement.scrollHeight", cancellationToken)).GetInt32();
        var result = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = width,
                ["height"] = Math.Min(height, maxHeight),
                ["scale"] = 1,
            },
        }, cancellationToken);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser is about to go anyway.
        }

        Kill(_process);
        try
        {
            await _receiver.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or WebSocketException or OperationCanceledException)
        {
            // The receive loop ends with the socket.
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        TryDelete(_profile);
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        try
        {
            return await completion.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed: pending calls fail below.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("The DevTools connection closed. " + Log));
        }
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && _pending.TryGetValue(idElement.GetInt32(), out var completion))
        {
            if (root.TryGetProperty("error", out var error))
            {
                completion.TrySetException(new InvalidOperationException("DevTools error: " + error.GetRawText()));
            }
            else
            {
                completion.TrySetResult(root.GetProperty("result").Clone());
            }
        }
        else if (root.TryGetProperty("method", out var method) && method.GetString() == "Runtime.exceptionThrown")
        {
            PageErrors.Enqueue(root.GetProperty("params").GetProperty("exceptionDetails").GetRawText());
        }
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > 40 && lines.TryDequeue(out _))
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A crash-dump helper may still hold a file; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
