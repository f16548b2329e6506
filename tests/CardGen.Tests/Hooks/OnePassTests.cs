using System;
using System.Text.Json;
using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;
using CardGen.Tests.Generated;

namespace CardGen.Tests.Hooks;

/// <summary>
/// A post writes the message once and validates the cards from those bytes: a card that writes its own JSON is
/// written once per post, its model is never built, and what was validated is what was sent.
/// </summary>
public sealed class OnePassTests : HookClientTest
{
    [Fact]
    public async Task A_chat_card_is_written_once_per_post_without_building_its_model_and_the_bytes_validated_are_the_bytes_sent()
    {
        var card = new CountingCard(ValidCard());
        using var client = Client();
        var message = new WebhookMessage { Activity = "Build bot", ChatCards = { card } };

        await client.PostAsync(Hook, message);

        Assert.Equal(1, card.Writes);
        Assert.Equal(0, card.Models);
        var request = Assert.Single(Server.Received);
        Assert.Equal(message.ToJson(), request.Body);
        Assert.Equal(2, card.Writes); // the ToJson above
    }

    [Fact]
    public async Task An_invalid_chat_card_is_refused_from_its_written_json_and_nothing_is_sent()
    {
        // Action.Execute is unsupported by RingCentral: an error in the written JSON, not in any model.
        var card = new CountingCard(new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock("x") } }, extraAction: true);
        using var client = Client();
        var message = new WebhookMessage { ChatCards = { card } };
        message.Attachments.Add(ValidCard());

        var e = await Fails<CardValidationException>(() => client.PostAsync(Hook, message));

        Assert.Contains("attachments[1]", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, card.Models);
        Assert.Empty(Server.Received);
    }

    [Fact]
    public async Task A_generated_card_posts_as_a_chat_card_and_sends_what_ToWebhookMessage_writes()
    {
        using var client = Client();
        var card = GeneratedCardTests.Build();

        await card.PostToHookAsync(client, Hook);

        var request = Assert.Single(Server.Received);
        Assert.Equal(card.ToWebhookMessage().ToJson(), request.Body);
        Assert.IsAssignableFrom<IChatCard>(card);
    }

    [Fact]
    public async Task A_card_model_that_cannot_be_written_is_still_a_validation_error_of_that_card()
    {
        var card = ValidCard();
        card.Body.Add(null!);
        using var client = Client();

        var e = await Fails<CardValidationException>(() => client.PostAsync(Hook, card));
        Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Received);
    }

    /// <summary>A card that writes a model's JSON and counts how it is used.</summary>
    private sealed class CountingCard(AdaptiveCard model, bool extraAction = false) : IChatCard
    {
        public int Writes { get; private set; }

        public int Models { get; private set; }

        public AdaptiveCard ToAdaptiveCard()
        {
            Models++;
            return model;
        }

        public void WriteCardJson(Utf8JsonWriter writer)
        {
            Writes++;
            if (!extraAction)
            {
                model.WriteTo(writer);
                return;
            }

            writer.WriteStartObject();
            writer.WriteString("type", "AdaptiveCard");
            writer.WriteString("version", "1.3");
            writer.WriteStartArray("body");
            writer.WriteStartObject();
            writer.WriteString("type", "TextBlock");
            writer.WriteString("text", "x");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("actions");
            writer.WriteStartObject();
            writer.WriteString("type", "Action.Execute");
            writer.WriteString("title", "Run");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public WebhookMessage ToWebhookMessage() => new() { ChatCards = { this } };
    }
}
