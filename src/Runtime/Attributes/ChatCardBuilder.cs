using System;
using System.Collections.Generic;
using CardGen.Cards;

namespace CardGen;

/// <summary>
/// The base of the <c>CardBuilder</c> that CardGen generates for each <see cref="ChatCardAttribute"/> type: the
/// generated class adds a typed <c>With</c> step per member; this class adds further elements and actions after the
/// generated ones and builds the card.
/// </summary>
/// <typeparam name="TBuilder">The generated builder, returned by every step.</typeparam>
public abstract class ChatCardBuilder<TBuilder>
    where TBuilder : ChatCardBuilder<TBuilder>
{
    private List<Action<CardBuilder>>? _extras;

    /// <summary>For generated builders.</summary>
    protected ChatCardBuilder()
    {
    }

    /// <summary>Adds an element after the generated ones.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is null.</exception>
    public TBuilder AddElement(CardElement element)
    {
        if (element is null)
        {
            throw new ArgumentNullException(nameof(element));
        }

        return Configure(card => card.AddElement(element));
    }

    /// <summary>Adds an action after the generated ones.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public TBuilder AddAction(CardAction action)
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action));
        }

        return Configure(card => card.AddAction(action));
    }

    /// <summary>Adds to the card with the runtime <see cref="CardBuilder"/>, after the generated elements and actions.</summary>
    /// <param name="configure">What to add.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public TBuilder Configure(Action<CardBuilder> configure)
    {
        (_extras ??= new List<Action<CardBuilder>>()).Add(configure ?? throw new ArgumentNullException(nameof(configure)));
        return (TBuilder)this;
    }

    /// <summary>Builds the card.</summary>
    /// <returns>The card.</returns>
    public AdaptiveCard Build()
    {
        var card = RenderCard();
        if (_extras is null)
        {
            return card;
        }

        var builder = new CardBuilder(card);
        foreach (var extra in _extras)
        {
            extra(builder);
        }

        return builder.Build();
    }

    /// <summary>Builds the webhook message for the card.</summary>
    /// <returns>The message.</returns>
    public WebhookMessage BuildMessage() => CreateMessage(Build());

    /// <summary>Renders the card from the builder's values (generated).</summary>
    /// <returns>The card.</returns>
    protected abstract AdaptiveCard RenderCard();

    /// <summary>Wraps the card in the webhook message of its type (generated).</summary>
    /// <param name="card">The card.</param>
    /// <returns>The message.</returns>
    protected abstract WebhookMessage CreateMessage(AdaptiveCard card);
}
