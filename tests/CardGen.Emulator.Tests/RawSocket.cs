using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>An answer read off a socket: the status line, headers (names lower-cased) and the body as sent.</summary>
internal sealed record SocketAnswer(int Status, string StatusLine, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Streamed)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// HTTP/1.1 written byte for byte on a TCP connection, for what HttpClient will not send: a forged or missing
/// <c>Host</c>, bad header bytes, odd request targets, broken chunked bodies. Each request is sent with
/// <c>Connection: close</c> unless it says otherwise, and the answer is read until its declared end.
/// </summary>
internal static class RawSocket
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line) and <paramref name="body"/>.</summary>
    /// <returns>The answer, or <see langword="null"/> when the server closed the connection without one.</returns>
    public static async Task<SocketAnswer?> SendAsync(int port, string head, byte[]? body = null, CancellationToken cancellationToken = default)
        => await SendAsync(port, Encoding.Latin1.GetBytes(head + "\r\n\r\n"), body, halfClose: false, headRequest: false, cancellationToken);

    /// <summary>Sends raw bytes: the whole head (ending in a blank line) and the body.</summary>
    /// <param name="halfClose">Whether to end the sending side after the body, so that a body shorter than declared ends there.</param>
    /// <param name="headRequest">Whether the request is a HEAD, whose answer declares a length but has no body.</param>
    public static async Task<SocketAnswer?> SendAsync(int port, byte[] head, byte[]? body, bool halfClose, bool headRequest, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(head, cancellationToken);
            if (body is { Length: > 0 })
            {
                await stream.WriteAsync(body, cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server may answer (413, 400) and close before it has read everything; read what it said.
        }

        return await ReadAnswerAsync(stream, headRequest, cancellationToken);
    }

    private static async Task<SocketAnswer?> ReadAnswerAsync(Stream stream, bool headRequest, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int headEnd;
        while (true)
        {
            while ((headEnd = IndexOfBlankLine(buffer.GetBuffer(), (int)buffer.Length)) < 0)
            {
                var read = await ReadSomeAsync(stream, chunk, cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            // An interim answer (100 Continue) comes before the real one.
            if (!buffer.GetBuffer().AsSpan(0, headEnd).StartsWith("HTTP/1.1 1"u8))
            {
                break;
            }

            var after = buffer.ToArray()[(headEnd + 4)..];
            buffer = new MemoryStream();
            buffer.Write(after);
        }

        var all = buffer.ToArray();
        var lines = Encoding.Latin1.GetString(all, 0, headEnd).Split("\r\n");
        var statusLine = lines[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidDataException("Not an HTTP status line: " + statusLine);
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException("Not a header line: " + lines[i]);
            }

            var name = lines[i][..colon].Trim().ToLowerInvariant();
            var value = lines[i][(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var rest = new MemoryStream();
        rest.Write(all, headEnd + 4, all.Length - headEnd - 4);
        if (headers.TryGetValue("content-type", out var type) && type.StartsWith("text/event-stream", StringComparison.Ordinal))
        {
            // A live stream does not end; its head is the answer.
            return new SocketAnswer(status, statusLine, headers, rest.ToArray(), Streamed: true);
        }

        if (headRequest)
        {
            return new SocketAnswer(status, statusLine, headers, Array.Empty<byte>(), Streamed: false);
        }

        if (headers.TryGetValue("content-length", out var lengthText))
        {
            var length = long.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture);
            while (rest.Length < length)
            {
                var read = await ReadSomeAsync(stream, chunk, cancellationToken);
                if (read == 0)
                {
                    throw new EndOfStreamException($"The connection closed after {rest.Length} of the body's {length} bytes.");
                }

                rest.Write(chunk, 0, read);
            }

            return new SocketAnswer(status, statusLine, headers, rest.ToArray()[..(int)length], Streamed: false);
        }

        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return new SocketAnswer(status, statusLine, headers, await ReadChunkedAsync(stream, rest, chunk, cancellationToken), Streamed: false);
        }

        // No length: 1xx, 204 and 304 have no body; anything else ends with the connection.
        if (status is < 200 or 204 or 304)
        {
            return new SocketAnswer(status, statusLine, headers, Array.Empty<byte>(), Streamed: false);
        }

        int more;
        while ((more = await ReadSomeAsync(stream, chunk, cancellationToken)) > 0)
        {
            rest.Write(chunk, 0, more);
        }

        return new SocketAnswer(status, statusLine, headers, rest.ToArray(), Streamed: false);
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, MemoryStream pending, byte[] chunk, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var data = pending.ToArray();
        var position = 0;

        async Task<bool> FillAsync()
        {
            var read = await ReadSomeAsync(stream, chunk, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            data = [.. data.AsSpan(position), .. chunk.AsSpan(0, read)];
            position = 0;
            return true;
        }

        while (true)
        {
            int lineEnd;
            while ((lineEnd = data.AsSpan(position).IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    throw new EndOfStreamException("The connection closed inside the chunked body.");
                }
            }

            var sizeText = Encoding.Latin1.GetString(data, position, lineEnd).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            while (data.Length - position < size + 2)
            {
                if (!await FillAsync())
                {
                    throw new EndOfStreamException("The connection closed inside the chunked body.");
                }
            }

            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(data, position, size);
            position += size + 2;
        }
    }

    private static async Task<int> ReadSomeAsync(Stream stream, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException)
        {
            // A reset after the answer was sent ends the answer like a close.
            return 0;
        }
    }

    private static int IndexOfBlankLine(byte[] buffer, int length) => buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
}
