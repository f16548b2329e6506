using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using CardGen.Schema;

namespace CardGen;

/// <summary>
/// How one chat host is posted to: the envelope around the cards, where the cards sit in it, the host's size limit
/// and how its answers read. <see cref="ChatHookClient"/> has one send path (validation, resilience, telemetry,
/// redaction) and picks the protocol from the hook URL (<see cref="WebhookUrl.ChatHost"/>).
/// </summary>
internal abstract class HostProtocol
{
    public static HostProtocol RingCentral { get; } = new RingCentralProtocol();

    public static HostProtocol Teams { get; } = new TeamsProtocol();

    /// <summary>The host's name in messages, for example <c>Teams</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The profile cards are checked against when <see cref="ChatHookClientOptions.Host"/> names none.</summary>
    public abstract HostProfile Profile { get; }

    public static HostProtocol For(WebhookUrl hook) => hook.ChatHost == ChatHost.Teams ? Teams : RingCentral;

    /// <summary>Refuses, before anything is written, a message this host cannot carry.</summary>
    public abstract void Check(WebhookMessage message, string paramName);

    /// <summary>Writes the message in the host's envelope.</summary>
    public abstract void Write(WebhookMessage message, Utf8JsonWriter writer);

    /// <summary>The cards in a body <see cref="Write"/> wrote, in order.</summary>
    public abstract IEnumerable<JsonElement> Cards(JsonElement body);

    /// <summary>What one answer of the host says.</summary>
    public abstract AttemptResult Classify(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings);

    private sealed class RingCentralProtocol : HostProtocol
    {
        public override string Name => "RingCentral";

        public override HostProfile Profile => HostProfile.RingCentral;

        public override void Check(WebhookMessage message, string paramName)
        {
        }

        public override void Write(WebhookMessage message, Utf8JsonWriter writer) => message.WriteTo(writer);

        public override IEnumerable<JsonElement> Cards(JsonElement body) => body.GetProperty("attachments").EnumerateArray();

        public override AttemptResult Classify(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings)
            => ChatHookClient.Classify(hook, response, body, truncated, attempt, settings);
    }

    /// <summary>
    /// Teams Workflows: <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
    /// "contentUrl":null,"content":{card}}]}</c>, answered 202 with an empty body (see docs/teams.md).
    /// </summary>
    private sealed class TeamsProtocol : HostProtocol
    {
        private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
        private static readonly JsonEncodedText MessageValue = JsonEncodedText.Encode("message");
        private static readonly JsonEncodedText AttachmentsName = JsonEncodedText.Encode("attachments");
        private static readonly JsonEncodedText ContentTypeName = JsonEncodedText.Encode("contentType");
        private static readonly JsonEncodedText AdaptiveCardType = JsonEncodedText.Encode(TeamsMessage.AdaptiveCardContentType);
        private static readonly JsonEncodedText ContentUrlName = JsonEncodedText.Encode("contentUrl");
        private static readonly JsonEncodedText ContentName = JsonEncodedText.Encode("content");

        public override string Name => "Teams";

        public override HostProfile Profile => HostProfile.Teams;

        public override void Check(WebhookMessage message, string paramName)
        {
            // The workflow posts the card attachments; a message's own text, title and icon are RingCentral's and have
            // no place in the envelope, so a message with nothing else would post nothing.
            if (message.CardCount == 0)
            {
                throw new InvalidOperationException(
                    "A Teams workflow posts cards: the message has no card, and its Text, Title, Activity and IconUri are RingCentral fields a Teams message does not carry. Post the text in a card (a TextBlock).");
            }
        }

        public override void Write(WebhookMessage message, Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString(TypeName, MessageValue);
            writer.WriteStartArray(AttachmentsName);
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var card = message.Attachments[i] ?? throw new InvalidOperationException($"Attachments[{i}] of the webhook message is null.");
                StartAttachment(writer);
                card.WriteTo(writer);
                writer.WriteEndObject();
            }

            for (var i = 0; i < message.ChatCards.Count; i++)
            {
                var card = message.ChatCards[i] ?? throw new InvalidOperationException($"ChatCards[{i}] of the webhook message is null.");
                StartAttachment(writer);
                card.WriteCardJson(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public override IEnumerable<JsonElement> Cards(JsonElement body)
        {
            foreach (var attachment in body.GetProperty("attachments").EnumerateArray())
            {
                yield return attachment.GetProperty("content");
            }
        }

        public override AttemptResult Classify(WebhookUrl hook, HttpResponseMessage response, string body, bool truncated, int attempt, Settings settings)
            => ChatHookClient.ClassifyTeams(hook, response, body, truncated, attempt, settings);

        private static void StartAttachment(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString(ContentTypeName, AdaptiveCardType);
            writer.WriteNull(ContentUrlName);
            writer.WritePropertyName(ContentName);
        }
    }
}

/// <summary>What the Teams envelope is made of.</summary>
internal static class TeamsMessage
{
    /// <summary>The <c>contentType</c> of an Adaptive Card attachment, in Teams as in the Bot Framework.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}
