using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen.Emulator.Tests;

/// <summary>Reads the emulator's live stream (<c>/api/events</c>, Server-Sent Events) line by line, as the page does.</summary>
internal static class EventStream
{
    /// <summary>Reads up to and including the line <paramref name="expected"/> (a comment such as <c>: connected</c>).</summary>
    public static async Task ReadUntilAsync(StreamReader reader, string expected, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == expected)
            {
                return;
            }
        }

        throw new EndOfStreamException($"The stream ended before '{expected}'.");
    }

    /// <summary>The data of the next <c>post</c> event.</summary>
    public static async Task<JsonElement> ReadPostAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var sawEvent = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == "event: post")
            {
                sawEvent = true;
            }
            else if (sawEvent && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        throw new EndOfStreamException("The stream ended before a post event.");
    }
}
