using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CardGen;

/// <summary>
/// Named incoming webhooks, each with its URL and options, posted to by name: what
/// <c>services.AddChatHooks(configuration.GetSection("ChatHooks"))</c> registers (package <c>CardGen.Extensions</c>).
/// Generated <c>[ChatCard]</c> types post through it with <c>PostToHookAsync(hooks, "name")</c>, or store the post in a
/// durable outbox with <c>EnqueuePostAsync(hooks, "name")</c>.
/// </summary>
public interface IChatHooks
{
    /// <summary>The names of the configured hooks, in ordinal order.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Validates a message's cards for the hook's host and posts the message to the hook.</summary>
    /// <param name="hookName">The hook's name, as configured (compared ordinally, ignoring case).</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hookName"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name (the message names the configured ones), or the hook's options are not valid; nothing was sent.</exception>
    /// <exception cref="CardValidationException">A card has a validation error for the hook's host; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The message has neither text nor a card.</exception>
    /// <exception cref="ChatHookException">The host refused the post, or it failed; see <see cref="ChatHookException.Failure"/> and <see cref="ChatHookException.MayHaveBeenDelivered"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ChatHookResponse> PostAsync(string hookName, WebhookMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a legacy (v1) message against RingCentral's documented rules and posts it to the v1 form of the hook's URL.
    /// </summary>
    /// <param name="hookName">The hook's name, as configured (compared ordinally, ignoring case).</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the post, including waits between retries.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hookName"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name (the message names the configured ones), or the hook's options are not valid; nothing was sent.</exception>
    /// <exception cref="Legacy.LegacyValidationException">The message breaks a documented rule of v1 messages; nothing was sent.</exception>
    /// <exception cref="ChatHookException">The host refused the post, or it failed; see <see cref="ChatHookException.Failure"/> and <see cref="ChatHookException.MayHaveBeenDelivered"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ChatHookResponse> PostAsync(string hookName, Legacy.LegacyMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a message's cards for the hook's host, writes the message exactly as <see cref="PostAsync(string, WebhookMessage, CancellationToken)"/> would, and
    /// stores it durably in the outbox, which delivers it in the background through the hook's client and resilience
    /// pipeline (at least once; see the outbox's documentation for when a duplicate is possible).
    /// </summary>
    /// <param name="hookName">The hook's name, as configured (compared ordinally, ignoring case).</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the enqueue; a post whose store write completed stays stored.</param>
    /// <returns>The stored post's id, once the post is committed to the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hookName"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name (the message names the configured ones), or the hook's options are not valid; nothing was stored.</exception>
    /// <exception cref="CardValidationException">A card has a validation error for the hook's host; nothing was stored.</exception>
    /// <exception cref="InvalidOperationException">No outbox is registered (add one with <c>UseSqliteOutbox</c> or <c>UsePostgreSqlOutbox</c>), the message has neither text nor a card, the store is full (<c>OutboxFullException</c>) or cannot be written (the message says why); nothing was stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the post was stored.</exception>
    Task<OutboxPostId> EnqueueAsync(string hookName, WebhookMessage message, CancellationToken cancellationToken = default);
}
