namespace CardGen.Legacy;

/// <summary>
/// The stable ids of <see cref="LegacyValidator"/>'s rules (docs/legacy-messages.md lists each with its source). Ids
/// never change meaning; new rules get new ids.
/// </summary>
public static class LegacyRules
{
    /// <summary>The JSON is malformed or not UTF-8, or a string holds a lone surrogate (half of a character).</summary>
    public const string MalformedJson = "LV001";

    /// <summary>The message is not an object, or a value has the wrong JSON type (a number where a string belongs).</summary>
    public const string WrongValueKind = "LV002";

    /// <summary>The message has nothing to post: no <c>body</c>, <c>title</c> or attachment.</summary>
    public const string NoContent = "LV003";

    /// <summary>A property the v1 schema does not define (a warning: RingCentral drops it silently), often a v2 name.</summary>
    public const string UnknownProperty = "LV004";

    /// <summary>More than 20 attachments.</summary>
    public const string TooManyAttachments = "LV010";

    /// <summary>The attachments take more than 1.5 MB (1,572,864 bytes) of JSON in all.</summary>
    public const string AttachmentsTooLarge = "LV011";

    /// <summary>An attachment is not an object, or its <c>type</c> is not <c>Card</c> (a Teams-style wrapper, an Event, a Note).</summary>
    public const string AttachmentType = "LV012";

    /// <summary>An Adaptive Card in a v1 message: only the v2 URL takes Adaptive Cards (post a <see cref="WebhookMessage"/>).</summary>
    public const string AdaptiveCardOnV1 = "LV013";

    /// <summary>A card has no <c>fallback</c>, <c>title</c> or <c>text</c>, which the docs call required (a warning: the service is not known to enforce it).</summary>
    public const string MissingRequiredField = "LV020";

    /// <summary><c>author_link</c> or <c>author_icon</c> without <c>author_name</c>, or <c>footer_icon</c> without <c>footer</c> (a warning: it is not shown).</summary>
    public const string MissingCompanion = "LV021";

    /// <summary>A card's field other than <c>text</c> takes more than 300 bytes of UTF-8.</summary>
    public const string FieldTooLong = "LV030";

    /// <summary>A card's <c>text</c> has more than 1,000 characters.</summary>
    public const string TextTooLong = "LV031";

    /// <summary>A <c>color</c> that is not <c>#RRGGBB</c>.</summary>
    public const string InvalidColor = "LV040";

    /// <summary>An <c>image_url</c> that is not https: RingCentral shows a placeholder instead of an http image.</summary>
    public const string ImageNotHttps = "LV041";

    /// <summary>An icon or thumbnail URL (<c>icon</c>, <c>author_icon</c>, <c>footer_icon</c>, <c>thumb_url</c>) that is not https (a warning).</summary>
    public const string IconNotHttps = "LV042";

    /// <summary>A link or image URL that is not an absolute http or https URL.</summary>
    public const string InvalidUrl = "LV043";
}
