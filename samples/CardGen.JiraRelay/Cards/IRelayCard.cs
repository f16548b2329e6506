using System.Threading;
using System.Threading.Tasks;

namespace CardGen.JiraRelay.Cards;

/// <summary>
/// What the relay needs from each of its cards: the generated <c>PostToHookAsync(IChatHooks, hookName, ct)</c>. The
/// generator writes it for every <c>[ChatCard]</c> type, and it satisfies this interface as it is.
/// </summary>
internal interface IRelayCard : IChatCard
{
    /// <summary>Validates the card for the hook's host and posts it to the named hook (generated).</summary>
    Task<ChatHookResponse> PostToHookAsync(IChatHooks hooks, string hookName, CancellationToken cancellationToken);
}
