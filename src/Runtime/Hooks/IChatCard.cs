using System.Text.Json;
using CardGen.Cards;

namespace CardGen;

/// <summary>
/// A card that writes its own JSON: every <c>[ChatCard]</c> type implements it through the generator. A
/// <see cref="WebhookMessage"/> carries such cards in <see cref="WebhookMessage.ChatCards"/>, and the client then writes
/// each straight from its members into the message it sends, without building the card model.
/// </summary>
public interface IChatCard
{
    /// <summary>Builds the card model, for validating, changing or posting it by hand.</summary>
    /// <returns>The card.</returns>
    AdaptiveCard ToAdaptiveCard();

    /// <summary>Writes the card as one JSON object, equal to <c>ToAdaptiveCard().ToJson()</c>.</summary>
    /// <param name="writer">The writer.</param>
    void WriteCardJson(Utf8JsonWriter writer);

    /// <summary>Builds the webhook message the card is posted in: its activity line, title and icon, and the card.</summary>
    /// <returns>The message.</returns>
    WebhookMessage ToWebhookMessage();
}
