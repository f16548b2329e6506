using System;
using System.ComponentModel;
using CardGen.Cards;

namespace CardGen.Generated;

/// <summary>
/// Where generated code renders a card: one render method per <c>[ChatCard]</c> or <c>[CardPart]</c> type calls these
/// steps, and the sink turns them into the card model (<see cref="CardModelSink"/>), JSON (<see cref="CardJsonSink"/>)
/// or an answer to whether anything shows (<see cref="CardPresenceSink"/>). The shapes of the elements (their types,
/// property names and enum spellings) live here and in the card model, never in generated code.
/// </summary>
/// <remarks>
/// Steps come in card order: <see cref="Card"/>, then <see cref="Title"/>, body elements, actions and last
/// <see cref="FallbackText"/>; the runtime writes the card-level steps around the generated render method, which holds
/// the elements and actions (<see cref="ICardValues.CardGenRender"/>, <see cref="IChatCardValues"/>). Facts go into one FactSet, opened by the first fact with a value and closed by the next
/// step that is not a fact. A value that is <see langword="null"/> renders nothing. Rendering into a part (a
/// container's items) ignores the card-level steps: the card, its title, actions and fallback text.
/// Implemented by the runtime's sinks; not meant to be implemented elsewhere, and it may grow.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICardSink
{
    /// <summary>Starts the card.</summary>
    /// <param name="version">The schema version the card declares, for example <c>"1.3"</c>.</param>
    void Card(string version);

    /// <summary>The card's title: a large, bold, wrapping TextBlock first in the body (a heading from 1.5 on).</summary>
    /// <param name="title">The title, in markdown mode; the sink ends it.</param>
    void Title(ref CardTemplateText title);

    /// <summary>A TextBlock; nothing when <paramref name="text"/> is <see langword="null"/>.</summary>
    /// <param name="text">The text, escaped unless <paramref name="markdown"/>.</param>
    /// <param name="markdown">Whether the text is markdown already (not escaped).</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void Text(string? text, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false);

    /// <summary>A TextBlock of a URL (<see cref="CardText.Url"/>); nothing when <paramref name="url"/> is <see langword="null"/>.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="markdown">Whether the text is markdown already (not escaped).</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void Text(Uri? url, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false);

    /// <summary>A TextBlock of a formatted value (invariant culture).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; a <see langword="null"/> reference renders nothing.</param>
    /// <param name="format">A .NET format string, or <see langword="null"/>.</param>
    /// <param name="markdown">Whether the text is markdown already (not escaped).</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void Text<T>(T value, string? format, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false)
        where T : IFormattable?;

    /// <summary>A TextBlock of an enum value, formatted without boxing it (<see cref="CardTemplateText.AppendEnum"/>).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">An enum format string, or <see langword="null"/> for the name.</param>
    /// <param name="markdown">Whether the text is markdown already (not escaped).</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void EnumText<TEnum>(TEnum value, string? format = null, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false)
        where TEnum : struct, Enum;

    /// <summary>A TextBlock of a point in time, with the card date functions.</summary>
    /// <param name="value">The time.</param>
    /// <param name="markdown">Ignored: the date functions are never escaped.</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void Text(DateTimeOffset value, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false);

    /// <summary>A TextBlock of a point in time (an unspecified kind taken as UTC), with the card date functions.</summary>
    /// <param name="value">The time.</param>
    /// <param name="markdown">Ignored: the date functions are never escaped.</param>
    /// <param name="color">The colour; the default leaves it unset.</param>
    /// <param name="isSubtle">Whether the text is subtle.</param>
    /// <param name="maxLines">The most lines shown; 0 leaves it unset.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="weight">The weight; the default leaves it unset.</param>
    /// <param name="wrap">Whether the text wraps.</param>
    void Text(DateTime value, bool markdown = false, TextColor color = default, bool isSubtle = false, int maxLines = 0, FontSize size = default, FontWeight weight = default, bool wrap = false);

    /// <summary>A fact; nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="title">The fact's title, as written (not escaped).</param>
    /// <param name="value">The value, escaped.</param>
    void Fact(string title, string? value);

    /// <summary>A fact of a URL (<see cref="CardText.Url"/>); nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="title">The fact's title, as written.</param>
    /// <param name="value">The URL.</param>
    void Fact(string title, Uri? value);

    /// <summary>A fact of a formatted value (invariant culture, escaped).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="title">The fact's title, as written.</param>
    /// <param name="value">The value; a <see langword="null"/> reference renders nothing.</param>
    /// <param name="format">A .NET format string, or <see langword="null"/>.</param>
    void Fact<T>(string title, T value, string? format)
        where T : IFormattable?;

    /// <summary>A fact of an enum value, formatted without boxing it (<see cref="CardTemplateText.AppendEnum"/>, escaped).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="title">The fact's title, as written.</param>
    /// <param name="value">The value.</param>
    /// <param name="format">An enum format string, or <see langword="null"/> for the name.</param>
    void EnumFact<TEnum>(string title, TEnum value, string? format = null)
        where TEnum : struct, Enum;

    /// <summary>A fact of a point in time, with the card date functions.</summary>
    /// <param name="title">The fact's title, as written.</param>
    /// <param name="value">The time.</param>
    void Fact(string title, DateTimeOffset value);

    /// <summary>A fact of a point in time (an unspecified kind taken as UTC), with the card date functions.</summary>
    /// <param name="title">The fact's title, as written.</param>
    /// <param name="value">The time.</param>
    void Fact(string title, DateTime value);

    /// <summary>An Image; nothing when <paramref name="url"/> is <see langword="null"/>.</summary>
    /// <param name="url">The image's URL, as written.</param>
    /// <param name="altText">The alternative text, or <see langword="null"/>.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="style">The style; the default leaves it unset.</param>
    void Image(string? url, string? altText = null, ImageSize size = default, ImageStyle style = default);

    /// <summary>An Image; nothing when <paramref name="url"/> is <see langword="null"/>.</summary>
    /// <param name="url">The image's URL.</param>
    /// <param name="altText">The alternative text, or <see langword="null"/>.</param>
    /// <param name="size">The size; the default leaves it unset.</param>
    /// <param name="style">The style; the default leaves it unset.</param>
    void Image(Uri? url, string? altText = null, ImageSize size = default, ImageStyle style = default);

    /// <summary>A Container holding a part's elements, under a bold title when there is one.</summary>
    /// <typeparam name="TPart">The part's type.</typeparam>
    /// <param name="part">The part.</param>
    /// <param name="title">The section's title, as written, or <see langword="null"/>.</param>
    /// <param name="style">The container's style; the default leaves it unset.</param>
    /// <param name="separator">Whether a separator line goes above it.</param>
    void Section<TPart>(TPart part, string? title = null, ContainerStyle style = default, bool separator = false)
        where TPart : ICardPart;

    /// <summary>An <c>Action.OpenUrl</c>; nothing when <paramref name="url"/> is <see langword="null"/>.</summary>
    /// <param name="title">The button's title.</param>
    /// <param name="url">The URL, as written.</param>
    /// <param name="style">The style; the default leaves it unset.</param>
    void OpenUrl(string title, string? url, ActionStyle style = default);

    /// <summary>An <c>Action.OpenUrl</c>; nothing when <paramref name="url"/> is <see langword="null"/>.</summary>
    /// <param name="title">The button's title.</param>
    /// <param name="url">The URL.</param>
    /// <param name="style">The style; the default leaves it unset.</param>
    void OpenUrl(string title, Uri? url, ActionStyle style = default);

    /// <summary>The card's fallback text (the notification, and what a host shows when it cannot render the card).</summary>
    /// <param name="text">The text, in plain mode; the sink ends it.</param>
    void FallbackText(ref CardTemplateText text);
}
