namespace CardGen.Legacy;

/// <summary>How wide a <see cref="LegacyField"/> is drawn.</summary>
public enum LegacyFieldStyle
{
    /// <summary>The whole width of the card (<c>"short":false</c>), RingCentral's documented default.</summary>
    Long,

    /// <summary>Half the width, so that two short fields share a row (<c>"short":true</c>).</summary>
    Short,
}

/// <summary>
/// One field of a <see cref="LegacyCard"/>: <c>{"title", "value", "short"}</c>. The title is shown as plain text; the
/// value may hold mini-Markdown and several lines. Each takes at most 300 bytes of UTF-8
/// (<see cref="LegacyValidator.MaxFieldBytes"/>).
/// </summary>
public sealed class LegacyField
{
    /// <summary>Creates an empty field.</summary>
    public LegacyField()
    {
    }

    /// <summary>Creates a field.</summary>
    /// <param name="title">The title (plain text).</param>
    /// <param name="value">The value (mini-Markdown).</param>
    /// <param name="style">How wide it is drawn.</param>
    public LegacyField(string? title, string? value, LegacyFieldStyle style = LegacyFieldStyle.Long)
    {
        Title = title;
        Value = value;
        Style = style;
    }

    /// <summary>The field's title (<c>title</c>), shown as plain text.</summary>
    public string? Title { get; set; }

    /// <summary>The field's value (<c>value</c>): mini-Markdown, may span lines.</summary>
    public string? Value { get; set; }

    /// <summary>How wide it is drawn (<c>short</c>); <see cref="LegacyFieldStyle.Long"/> by default.</summary>
    public LegacyFieldStyle Style { get; set; }
}
