using System;
using System.Collections.Generic;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>
/// A fluent way to add elements and actions to a card, for example to extend the card a <c>[ChatCard]</c> type
/// generates. Every method returns the builder; <see cref="Build"/> returns the card.
/// </summary>
public sealed class CardBuilder
{
    private readonly AdaptiveCard _card;

    /// <summary>Starts an empty card for a schema version.</summary>
    /// <param name="version">The card's version.</param>
    public CardBuilder(CardVersion version) => _card = new AdaptiveCard(version);

    /// <summary>Continues an existing card; the builder changes it in place.</summary>
    /// <param name="card">The card.</param>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    public CardBuilder(AdaptiveCard card) => _card = card ?? throw new ArgumentNullException(nameof(card));

    /// <summary>Adds a TextBlock that wraps.</summary>
    /// <param name="text">The text (markdown is rendered; see <see cref="CardText.EscapeMarkdown"/>).</param>
    /// <param name="size">The size.</param>
    /// <param name="weight">The weight.</param>
    /// <param name="isSubtle">Whether the text is subdued.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public CardBuilder AddText(string text, FontSize size = FontSize.Default, FontWeight weight = FontWeight.Default, bool isSubtle = false)
    {
        var block = new TextBlock(text ?? throw new ArgumentNullException(nameof(text))) { Wrap = true };
        if (size != FontSize.Default)
        {
            block.Size = size;
        }

        if (weight != FontWeight.Default)
        {
            block.Weight = weight;
        }

        if (isSubtle)
        {
            block.IsSubtle = true;
        }

        return AddElement(block);
    }

    /// <summary>Adds a fact to the card's last FactSet if it ends the body, else to a new FactSet.</summary>
    /// <param name="title">The title.</param>
    /// <param name="value">The value.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CardBuilder AddFact(string title, string value)
    {
        var fact = new Fact(title ?? throw new ArgumentNullException(nameof(title)), value ?? throw new ArgumentNullException(nameof(value)));
        if (_card.Body.Count > 0 && _card.Body[_card.Body.Count - 1] is FactSet facts)
        {
            facts.Facts.Add(fact);
            return this;
        }

        return AddElement(new FactSet(fact));
    }

    /// <summary>Adds an image.</summary>
    /// <param name="url">The image's absolute URL.</param>
    /// <param name="altText">Alternative text.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public CardBuilder AddImage(Uri url, string? altText = null)
        => AddElement(new Image(ToUrl(url ?? throw new ArgumentNullException(nameof(url))), altText));

    /// <summary>Adds any element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is null.</exception>
    public CardBuilder AddElement(CardElement element)
    {
        _card.Body.Add(element ?? throw new ArgumentNullException(nameof(element)));
        return this;
    }

    /// <summary>Adds an Action.OpenUrl button.</summary>
    /// <param name="title">The button's title.</param>
    /// <param name="url">The absolute URL to open.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CardBuilder AddOpenUrl(string title, Uri url)
        => AddAction(new OpenUrlAction(title ?? throw new ArgumentNullException(nameof(title)), ToUrl(url ?? throw new ArgumentNullException(nameof(url)))));

    /// <summary>Adds any action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public CardBuilder AddAction(CardAction action)
    {
        _card.Actions.Add(action ?? throw new ArgumentNullException(nameof(action)));
        return this;
    }

    /// <summary>Sets the card's fallback text (the notification text on RingCentral).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The builder.</returns>
    public CardBuilder WithFallbackText(string? text)
    {
        _card.FallbackText = text;
        return this;
    }

    /// <summary>Returns the card.</summary>
    /// <returns>The card.</returns>
    public AdaptiveCard Build() => _card;

    private static string ToUrl(Uri url) => url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
}
