using System;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen;

/// <summary>
/// The two halves of a post, for a durable outbox (package <c>CardGen.Extensions</c>): the body written and validated
/// when the post is stored, and that stored body posted later through the same pipeline as <see cref="PostAsync(WebhookUrl, WebhookMessage, CancellationToken)"/>.
/// </summary>
public sealed partial class ChatHookClient
{
    /// <summary>
    /// Checks and writes a message as <see cref="PostAsync(WebhookUrl, WebhookMessage, CancellationToken)"/> would,
    /// validating its cards for <see cref="ChatHookClientOptions.Host"/> (or the hook's own host), writing it in the
    /// envelope of the hook's host and checking its size, and returns the request body; nothing is sent.
    /// </summary>
    internal byte[] WritePayload(WebhookUrl hook, WebhookMessage message)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ChatHookClient));
        }

        using var body = WriteChecked(hook, message, new Settings(Options), nameof(message));
        return body.WrittenMemory.ToArray();
    }

    /// <summary>
    /// Posts a body <see cref="WritePayload"/> wrote, as it is, through this client's resilience pipeline, telemetry and
    /// answer handling: the same path as <see cref="PostAsync(WebhookUrl, WebhookMessage, CancellationToken)"/>.
    /// </summary>
    internal Task<ChatHookResponse> PostPayloadAsync(WebhookUrl hook, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ChatHookClient));
        }

        var settings = new Settings(Options);
        var endpoint = MessageRoute.Endpoint(WebhookFormat.V2, hook);

        // A stored payload is sent from its own array where it has one (a claimed post's), else from a pooled copy.
        if (MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Array is { } array)
        {
            return SendAsync(new PostState(ResolveHttp(), endpoint, array, segment.Count, settings, Name), body: null, cards: -1, cancellationToken);
        }

        var body = new PooledBufferWriter(Math.Max(payload.Length, 1));
        try
        {
            payload.Span.CopyTo(body.GetSpan(payload.Length));
            body.Advance(payload.Length);
            return SendAsync(new PostState(ResolveHttp(), endpoint, body.Buffer, body.WrittenCount, settings, Name), body, cards: -1, cancellationToken);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>The number of items in a written message's top-level <c>attachments</c>, for the log line; 0 when it has none.</summary>
    private static int CountCards(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return 0;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAttachments = reader.ValueTextEquals("attachments"u8);
                reader.Read();
                if (!isAttachments || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }

                return count;
            }
        }
        catch (JsonException)
        {
        }

        return 0;
    }
}
