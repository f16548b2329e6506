using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;

namespace CardGen;

/// <summary>
/// The body of a post to a RingCentral v2 incoming webhook: <c>{"activity", "title", "iconUri", "text", "attachments"}</c>.
/// </summary>
/// <remarks>
/// Each Adaptive Card is written as an attachment object itself (<c>{"type":"AdaptiveCard","version":"1.3",…}</c>),
/// not wrapped in a Teams-style <c>{contentType, content}</c> object, which RingCentral rejects. A message needs
/// <see cref="Text"/> or at least one card (in <see cref="Attachments"/> or <see cref="ChatCards"/>). The legacy v1 URL reads another schema (<c>body</c>, <c>icon</c>),
/// so <see cref="ChatHookClient"/> posts every message given a v1 URL to its v2 form, the same webhook.
/// </remarks>
public sealed class WebhookMessage
{
    private static readonly JsonEncodedText ActivityName = JsonEncodedText.Encode("activity");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText IconUriName = JsonEncodedText.Encode("iconUri");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText AttachmentsName = JsonEncodedText.Encode("attachments");

    /// <summary>The activity, shown as the post's title line (for example the bot or system name).</summary>
    public string? Activity { get; set; }

    /// <summary>The post's title (mini-Markdown allowed).</summary>
    public string? Title { get; set; }

    /// <summary>The URL of the icon shown with the post.</summary>
    public string? IconUri { get; set; }

    /// <summary>The message text (RingCentral mini-Markdown: <c>**bold**</c>, <c>*italics*</c>, <c>[text](url)</c>, …).</summary>
    public string? Text { get; set; }

    /// <summary>The Adaptive Cards to post, each written as an attachment object.</summary>
    public IList<AdaptiveCard> Attachments { get; } = new List<AdaptiveCard>();

    /// <summary>
    /// Cards that write their own JSON (generated <c>[ChatCard]</c> types), posted as attachment objects after
    /// <see cref="Attachments"/>: each is written straight from its members, without building the card model, and
    /// validated like the others.
    /// </summary>
    public IList<IChatCard> ChatCards { get; } = new List<IChatCard>();

    /// <summary>How many cards the message carries: <see cref="Attachments"/> and <see cref="ChatCards"/>.</summary>
    internal int CardCount => Attachments.Count + ChatCards.Count;

    /// <summary>Creates a message that carries one card.</summary>
    /// <param name="card">The card.</param>
    /// <param name="activity">The activity line, for example the card's <c>FallbackText</c> or a bot name.</param>
    /// <param name="title">The post title.</param>
    /// <param name="iconUri">The icon URL.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    public static WebhookMessage ForCard(AdaptiveCard card, string? activity = null, string? title = null, string? iconUri = null)
    {
        if (card is null)
        {
            throw new ArgumentNullException(nameof(card));
        }

        var message = new WebhookMessage { Activity = activity, Title = title, IconUri = iconUri };
        message.Attachments.Add(card);
        return message;
    }

    /// <summary>Writes the message as one JSON object, leaving out unset fields.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The message has neither text nor an attachment, or an attachment is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (string.IsNullOrEmpty(Text) && CardCount == 0)
        {
            throw new InvalidOperationException("A webhook message needs Text or at least one attachment; RingCentral rejects an empty post.");
        }

        for (var i = 0; i < Attachments.Count; i++)
        {
            if (Attachments[i] is null)
            {
                throw new InvalidOperationException($"Attachments[{i}] of the webhook message is null.");
            }
        }

        for (var i = 0; i < ChatCards.Count; i++)
        {
            if (ChatCards[i] is null)
            {
                throw new InvalidOperationException($"ChatCards[{i}] of the webhook message is null.");
            }
        }

        writer.WriteStartObject();
        WriteString(writer, ActivityName, Activity);
        WriteString(writer, TitleName, Title);
        WriteString(writer, IconUriName, IconUri);
        WriteString(writer, TextName, Text);
        if (CardCount > 0)
        {
            writer.WriteStartArray(AttachmentsName);
            foreach (var card in Attachments)
            {
                card.WriteTo(writer);
            }

            foreach (var card in ChatCards)
            {
                card.WriteCardJson(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Serializes the message to compact UTF-8 JSON (only what JSON requires is escaped).</summary>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="InvalidOperationException">The message has neither text nor an attachment, or an attachment is null.</exception>
    public byte[] ToUtf8Json()
    {
        using var stream = new MemoryStream(1024);
        using (var writer = new Utf8JsonWriter(stream, CardJson.WriterOptions))
        {
            WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Serializes the message to compact JSON text.</summary>
    /// <returns>The JSON.</returns>
    /// <exception cref="InvalidOperationException">The message has neither text nor an attachment, or an attachment is null.</exception>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());

    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
