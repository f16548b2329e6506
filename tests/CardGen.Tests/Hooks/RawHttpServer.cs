using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Tests.Hooks;

/// <summary>One request as a <see cref="RawHttpServer"/> read it.</summary>
internal sealed record RawRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A loopback TCP server that speaks just enough HTTP/1.1 to read a request, and then lets a test write any bytes
/// back: malformed status lines and headers, cut bodies, resets. Kestrel (<see cref="HookServer"/>) only writes
/// valid HTTP. It can also be bound before it listens, so that its port first refuses connections and later
/// accepts them.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly Socket _listener;
    private readonly Func<RawExchange, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _received = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private Task _accepting = Task.CompletedTask;
    private int _accepted;

    private RawHttpServer(Func<RawExchange, Task> handler)
    {
        _handler = handler;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    /// <summary>The port, bound from the start.</summary>
    public int Port { get; }

    /// <summary>The server's origin, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>How many connections were accepted.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>The requests read so far, in order.</summary>
    public IReadOnlyList<RawRequest> Received => _received.ToArray();

    /// <summary>Binds a port but does not listen: until <see cref="Listen"/>, connections to it are refused.</summary>
    public static RawHttpServer Bind(Func<RawExchange, Task> handler) => new(handler);

    /// <summary>Binds a port and listens.</summary>
    public static RawHttpServer Start(Func<RawExchange, Task> handler) => Bind(handler).Listen();

    /// <summary>Starts accepting connections.</summary>
    public RawHttpServer Listen()
    {
        _listener.Listen(512);
        _accepting = Task.Run(AcceptAsync);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
            await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                var request = await ReadRequestAsync(client, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _received.Enqueue(request);
                await _handler(new RawExchange(client, request, _stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(Socket client, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await client.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
            if (read == 0 || buffer.Count > MaxHeaderBytes)
            {
                return null;
            }

            buffer.AddRange(chunk.Take(read));
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray(), 0, headerEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await client.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.Take(read));
        }

        return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, headers, body.ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}

/// <summary>One request on one connection, and the ways a test can answer it.</summary>
internal sealed class RawExchange(Socket client, RawRequest request, CancellationToken stopping)
{
    public RawRequest Request { get; } = request;

    /// <summary>Writes bytes as they are.</summary>
    public async Task WriteAsync(byte[] bytes)
    {
        if (bytes.Length > 0)
        {
            await client.SendAsync(bytes, SocketFlags.None, stopping);
        }
    }

    /// <summary>Writes text as ASCII (for status lines and headers).</summary>
    public Task WriteAsync(string text) => WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Ends the connection in order: the client reads what was written, then the end of the stream.</summary>
    public void Close()
    {
        client.Shutdown(SocketShutdown.Send);
        client.Close(timeout: 1);
    }

    /// <summary>Resets the connection (TCP RST): what a crashed host or a proxy killing the connection does.</summary>
    public void Reset()
    {
        client.LingerState = new LingerOption(true, 0);
        client.Close();
    }

    /// <summary>Answers nothing until the client gives up (closes its side) or the server stops.</summary>
    public async Task StallAsync()
    {
        var chunk = new byte[1024];
        while (await client.ReceiveAsync(chunk, SocketFlags.None, stopping) > 0)
        {
        }
    }
}
