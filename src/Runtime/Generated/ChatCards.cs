using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Cards;

namespace CardGen.Generated;

/// <summary>
/// The members CardGen generates for a <c>[ChatCard]</c> or <c>[CardPart]</c> type, written once: each generated member
/// copies the type's values into its generated values struct and calls one of these. Stable for generated code; not
/// meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChatCards
{
    /// <summary>Builds a card's model.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="values">The card's values.</param>
    /// <returns>The card, ready to validate, change or post.</returns>
    public static AdaptiveCard ToAdaptiveCard<TValues>(TValues values)
        where TValues : struct, IChatCardValues
    {
        var sink = CardModelSink.ForCard();
        RenderCard(values, ref sink);
        return sink.Result ?? throw new InvalidOperationException("The card rendered no Card(version) step.");
    }

    /// <summary>Writes a card as one JSON object straight from its values, equal to <c>ToAdaptiveCard().ToJson()</c>.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The card's values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteCardJson<TValues>(Utf8JsonWriter writer, TValues values)
        where TValues : struct, IChatCardValues
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var sink = new CardJsonSink(writer, part: false);
        RenderCard(values, ref sink);
        sink.Finish();
    }

    /// <summary>Serializes a card to compact JSON.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="values">The card's values.</param>
    /// <returns>The JSON.</returns>
    public static string ToCardJson<TValues>(TValues values)
        where TValues : struct, IChatCardValues
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, AdaptiveCard.JsonWriterOptions))
        {
            WriteCardJson(writer, values);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The webhook message of a card: the title as the activity, the icon, and the card model as the attachment.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="values">The card's values.</param>
    /// <param name="card">The card to attach; <see langword="null"/> builds it from <paramref name="values"/>.</param>
    /// <returns>The message.</returns>
    public static WebhookMessage ToWebhookMessage<TValues>(TValues values, AdaptiveCard? card = null)
        where TValues : struct, IChatCardValues
    {
        var message = Message(values);
        message.Attachments.Add(card ?? ToAdaptiveCard(values));
        return message;
    }

    /// <summary>Validates a card for its chat host and posts it to an incoming webhook, written straight from its members.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="card">The card, which writes itself into the message.</param>
    /// <param name="values">The card's values.</param>
    /// <param name="client">The client to post with.</param>
    /// <param name="hook">The webhook; its URL is a credential and is never logged.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="hook"/> is null.</exception>
    /// <exception cref="CardValidationException">The card is invalid for its host; nothing was sent.</exception>
    /// <exception cref="ChatHookException">The host rejected the post, rate limits persisted, or the post failed.</exception>
    public static Task<ChatHookResponse> PostToHookAsync<TValues>(IChatCard card, TValues values, ChatHookClient client, WebhookUrl hook, CancellationToken cancellationToken)
        where TValues : struct, IChatCardValues
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        return client.PostAsync(hook, Message(values, card), cancellationToken);
    }

    /// <summary>Validates a card for the named hook's chat host and posts it to that hook, written straight from its members.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="card">The card, which writes itself into the message.</param>
    /// <param name="values">The card's values.</param>
    /// <param name="hooks">The configured hooks, for example the <c>IChatHooks</c> that <c>AddChatHooks</c> registers.</param>
    /// <param name="hookName">The hook's name, as configured.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    /// <returns>The host's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hooks"/> or <paramref name="hookName"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name; nothing was sent.</exception>
    /// <exception cref="CardValidationException">The card is invalid for the hook's host; nothing was sent.</exception>
    /// <exception cref="ChatHookException">The host rejected the post, rate limits persisted, or the post failed.</exception>
    public static Task<ChatHookResponse> PostToHookAsync<TValues>(IChatCard card, TValues values, IChatHooks hooks, string hookName, CancellationToken cancellationToken)
        where TValues : struct, IChatCardValues
    {
        if (hooks is null)
        {
            throw new ArgumentNullException(nameof(hooks));
        }

        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        return hooks.PostAsync(hookName, Message(values, card), cancellationToken);
    }

    /// <summary>
    /// Validates a card for the named hook's chat host and stores the post in the durable outbox, which delivers it in
    /// the background (at least once).
    /// </summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="card">The card, which writes itself into the message.</param>
    /// <param name="values">The card's values.</param>
    /// <param name="hooks">The configured hooks with an outbox, for example <c>AddChatHooks(…).UseSqliteOutbox(path)</c>.</param>
    /// <param name="hookName">The hook's name, as configured.</param>
    /// <param name="cancellationToken">Cancels the enqueue.</param>
    /// <returns>The stored post's id, once the post is committed to the outbox.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hooks"/> or <paramref name="hookName"/> is null.</exception>
    /// <exception cref="ArgumentException">No hook has that name; nothing was stored.</exception>
    /// <exception cref="CardValidationException">The card is invalid for the hook's host; nothing was stored.</exception>
    /// <exception cref="InvalidOperationException">No outbox is registered, or the outbox is full or cannot be written; nothing was stored.</exception>
    public static Task<OutboxPostId> EnqueuePostAsync<TValues>(IChatCard card, TValues values, IChatHooks hooks, string hookName, CancellationToken cancellationToken)
        where TValues : struct, IChatCardValues
    {
        if (hooks is null)
        {
            throw new ArgumentNullException(nameof(hooks));
        }

        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        return hooks.EnqueueAsync(hookName, Message(values, card), cancellationToken);
    }

    /// <summary>Adds a part's elements to a list of card elements (a container's items).</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="items">The list to add to.</param>
    /// <param name="values">The part's values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static void AppendCardElements<TValues>(IList<CardElement> items, TValues values)
        where TValues : struct, ICardValues
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var sink = CardModelSink.ForItems(items);
        values.CardGenRender(ref sink);
    }

    /// <summary>Writes a part's elements into the JSON array the writer is in; the JSON equals what <see cref="AppendCardElements"/> adds.</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="writer">The writer, inside an array.</param>
    /// <param name="values">The part's values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteCardElements<TValues>(Utf8JsonWriter writer, TValues values)
        where TValues : struct, ICardValues
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var sink = new CardJsonSink(writer, part: true);
        values.CardGenRender(ref sink);
        sink.Finish();
    }

    /// <summary>Whether a part shows any element (all its values may be null).</summary>
    /// <typeparam name="TValues">The generated values struct.</typeparam>
    /// <param name="values">The part's values.</param>
    /// <returns>Whether the part renders an element.</returns>
    public static bool HasCardElements<TValues>(TValues values)
        where TValues : struct, ICardValues
    {
        var sink = default(CardPresenceSink);
        values.CardGenRender(ref sink);
        return sink.Any;
    }

    /// <summary>
    /// Renders a card in card order: the card with its version, its title, the elements and actions of the generated
    /// render method, and its fallback text; the title and fallback text are formatted into the stack.
    /// </summary>
    private static void RenderCard<TValues, TSink>(TValues values, ref TSink sink)
        where TValues : struct, IChatCardValues
        where TSink : struct, ICardSink
    {
        sink.Card(values.CardGenVersion);
        var text = new CardTemplateText(stackalloc char[256], markdown: true);
        if (values.CardGenTitle(ref text))
        {
            sink.Title(ref text);
        }
        else
        {
            text.Clear();
        }

        values.CardGenRender(ref sink);
        text = new CardTemplateText(stackalloc char[256], markdown: false);
        if (values.CardGenFallback(ref text))
        {
            sink.FallbackText(ref text);
        }
        else
        {
            text.Clear();
        }
    }

    private static WebhookMessage Message<TValues>(TValues values, IChatCard? card = null)
        where TValues : struct, IChatCardValues
    {
        var message = new WebhookMessage();
        var title = new CardTemplateText(stackalloc char[256], markdown: false);
        if (values.CardGenTitle(ref title))
        {
            message.Activity = title.ToStringAndClear();
        }
        else
        {
            title.Clear();
        }

        message.IconUri = values.CardGenIconUrl;
        if (card is not null)
        {
            message.ChatCards.Add(card);
        }

        return message;
    }
}
