using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;

namespace CardGen.Sample.Cards;

/// <summary>
/// What the program needs from every event type. The members are not written by hand: the CardGen generator
/// emits them for each <c>[ChatCard]</c> type, and they satisfy this interface as they are.
/// </summary>
internal interface IChatEvent
{
    /// <summary>The card (generated).</summary>
    AdaptiveCard ToAdaptiveCard();

    /// <summary>The RingCentral webhook message that carries the card (generated).</summary>
    WebhookMessage ToWebhookMessage();

    /// <summary>Validates the card for RingCentral and posts it (generated).</summary>
    Task<ChatHookResponse> PostToHookAsync(WebhookUrl hook, CancellationToken cancellationToken);
}
