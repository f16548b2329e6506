using System;
using System.Collections.Generic;

namespace CardGen.Legacy;

/// <summary>
/// A legacy (v1) card attachment, <c>{"type":"Card", …}</c>: RingCentral's Slack-style card with a coloured side bar,
/// an author line, a title, text, fields, an image and a footer.
/// </summary>
/// <remarks>
/// RingCentral documents every field but <see cref="Text"/> as taking at most 300 bytes (of UTF-8), <see cref="Text"/> at
/// most 1,000 characters, and images as HTTPS only; it calls <see cref="Fallback"/>, <see cref="Title"/> and
/// <see cref="Text"/> required. <see cref="LegacyValidator"/> checks all of it (docs/legacy-messages.md lists the rules).
/// The JSON names are the v1 ones (<c>author_name</c>, <c>image_url</c>, …).
/// </remarks>
public sealed class LegacyCard
{
    /// <summary>Plain text shown where the card cannot be (<c>fallback</c>), for example in a notification. Documented as required.</summary>
    public string? Fallback { get; set; }

    /// <summary>The colour of the side bar as <c>#RRGGBB</c> (<c>color</c>), for example <c>#00ff2a</c>.</summary>
    public string? Color { get; set; }

    /// <summary>Text shown above the card (<c>pretext</c>).</summary>
    public string? Pretext { get; set; }

    /// <summary>The author's name (<c>author_name</c>); <see cref="AuthorLink"/> and <see cref="AuthorIcon"/> need it.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Where the author's name links to (<c>author_link</c>): an absolute http or https URL.</summary>
    public string? AuthorLink { get; set; }

    /// <summary>The author's icon, 16x16 (<c>author_icon</c>): an https URL.</summary>
    public string? AuthorIcon { get; set; }

    /// <summary>The card's title (<c>title</c>). Documented as required.</summary>
    public string? Title { get; set; }

    /// <summary>Where the title links to (<c>title_link</c>): an absolute http or https URL.</summary>
    public string? TitleLink { get; set; }

    /// <summary>The card's text (<c>text</c>): mini-Markdown, at most 1,000 characters. Documented as required.</summary>
    public string? Text { get; set; }

    /// <summary>The fields (<c>fields</c>), drawn in order; two <see cref="LegacyFieldStyle.Short"/> ones share a row.</summary>
    public IList<LegacyField> Fields { get; set; } = new List<LegacyField>();

    /// <summary>A large image at the bottom of the card (<c>image_url</c>): an https URL of a GIF, JPEG or PNG; an http one shows a placeholder.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>A thumbnail on the right, 82x82 (<c>thumb_url</c>): an https URL.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>The footer text (<c>footer</c>); <see cref="FooterIcon"/> needs it.</summary>
    public string? Footer { get; set; }

    /// <summary>The footer's icon, 16x16 (<c>footer_icon</c>): an https URL.</summary>
    public string? FooterIcon { get; set; }

    /// <summary>The time shown beside the footer (<c>ts</c>), written as whole Unix seconds.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Adds a field and returns this card, for building one in an expression.</summary>
    /// <param name="title">The field's title.</param>
    /// <param name="value">The field's value.</param>
    /// <param name="style">How wide it is drawn.</param>
    /// <returns>This card.</returns>
    public LegacyCard AddField(string? title, string? value, LegacyFieldStyle style = LegacyFieldStyle.Long)
    {
        Fields.Add(new LegacyField(title, value, style));
        return this;
    }
}
