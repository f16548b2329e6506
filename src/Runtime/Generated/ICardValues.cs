using System.ComponentModel;
using CardGen.Cards;

namespace CardGen.Generated;

/// <summary>The values of a <c>[CardPart]</c> (or <c>[ChatCard]</c>) type, as generated code copies them, and how they render.</summary>
/// <remarks>
/// The generated struct holds one field per member the card reads, named as the member, so these members carry a
/// <c>CardGen</c> prefix that the user's members are unlikely to have.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICardValues
{
    /// <summary>Renders the part's elements, or the card's elements and actions, into a sink.</summary>
    /// <typeparam name="TSink">The sink.</typeparam>
    /// <param name="sink">The sink.</param>
    void CardGenRender<TSink>(ref TSink sink)
        where TSink : struct, ICardSink;
}

/// <summary>The values of a <c>[ChatCard]</c> type: its card, and what the webhook message around it carries.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChatCardValues : ICardValues
{
    /// <summary>The URL of the icon the message shows, or <see langword="null"/>.</summary>
    string? CardGenIconUrl { get; }

    /// <summary>Appends the card's title; returns <see langword="false"/> when the card has none.</summary>
    /// <param name="text">The text to append to; its mode says whether the title is for the card or plain.</param>
    /// <returns>Whether the card has a title.</returns>
    bool CardGenTitle(ref CardTemplateText text);

    /// <summary>The schema version the card declares, for example <c>"1.3"</c>.</summary>
    string CardGenVersion { get; }

    /// <summary>Appends the card's fallback text (its summary, or else its title); returns <see langword="false"/> when it has none.</summary>
    /// <param name="text">The text to append to, in plain mode.</param>
    /// <returns>Whether the card has a fallback text.</returns>
    bool CardGenFallback(ref CardTemplateText text);
}

/// <summary>A <c>[CardPart]</c> type: the elements it adds to a section, as the generator implements them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICardPart
{
    /// <summary>Whether the part shows any element (all its values may be null).</summary>
    bool HasCardElements { get; }

    /// <summary>Adds the part's elements to a list of card elements (a container's items).</summary>
    /// <param name="items">The list.</param>
    void AppendCardElements(System.Collections.Generic.IList<CardElement> items);

    /// <summary>Writes the part's elements into the JSON array the writer is in.</summary>
    /// <param name="writer">The writer, inside an array.</param>
    void WriteCardElements(System.Text.Json.Utf8JsonWriter writer);
}
