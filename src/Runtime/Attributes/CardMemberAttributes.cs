using System;
using CardGen.Cards;

namespace CardGen;

/// <summary>The base of the attributes that map a member onto a card.</summary>
public abstract class CardMemberAttribute : Attribute
{
    /// <summary>Where the member appears: lower first; equal orders keep declaration order.</summary>
    public int Order { get; set; }
}

/// <summary>
/// Shows the member as a TextBlock. Text wraps by default. Markdown in the value is escaped unless
/// <see cref="Markdown"/> is set, so outside data cannot inject links or formatting. A null value is left out.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardTextAttribute : CardMemberAttribute
{
    /// <summary>The size.</summary>
    public FontSize Size { get; set; }

    /// <summary>The weight.</summary>
    public FontWeight Weight { get; set; }

    /// <summary>The colour.</summary>
    public TextColor Color { get; set; }

    /// <summary>Whether the text is drawn subdued.</summary>
    public bool IsSubtle { get; set; }

    /// <summary>Whether long text wraps. Default <see langword="true"/>.</summary>
    public bool Wrap { get; set; } = true;

    /// <summary>Whether the value is markdown to render as such (links in it will render).</summary>
    public bool Markdown { get; set; }

    /// <summary>The most lines to show; 0 for no limit.</summary>
    public int MaxLines { get; set; }

    /// <summary>A .NET format string for the value, formatted with the invariant culture.</summary>
    public string? Format { get; set; }
}

/// <summary>Shows the member as one row (title and value) of the card's FactSet. A null value is left out.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardFactAttribute : CardMemberAttribute
{
    /// <summary>Uses the member's name as the fact's title.</summary>
    public CardFactAttribute()
    {
    }

    /// <summary>Sets the fact's title.</summary>
    /// <param name="title">The title, for example <c>"Project"</c>.</param>
    public CardFactAttribute(string title) => Title = title;

    /// <summary>The fact's title; the member's name when unset.</summary>
    public string? Title { get; set; }

    /// <summary>A .NET format string for the value, formatted with the invariant culture.</summary>
    public string? Format { get; set; }
}

/// <summary>
/// Adds each entry of a dictionary (any <c>IEnumerable&lt;KeyValuePair&lt;string, T&gt;&gt;</c>) as a row of the card's
/// FactSet, the key as the title. A null collection, and null values, add nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardFactsAttribute : CardMemberAttribute
{
}

/// <summary>Shows the member (a <see cref="Uri"/> or an absolute URL string) as an Image. A null value is left out.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardImageAttribute : CardMemberAttribute
{
    /// <summary>Alternative text for screen readers.</summary>
    public string? AltText { get; set; }

    /// <summary>The size.</summary>
    public ImageSize Size { get; set; }

    /// <summary>The style; <see cref="ImageStyle.Person"/> crops to a circle.</summary>
    public ImageStyle Style { get; set; }
}

/// <summary>Adds an Action.OpenUrl button for the member (a <see cref="Uri"/> or an absolute URL string). A null value is left out.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardActionAttribute : CardMemberAttribute
{
    /// <summary>Sets the button's title.</summary>
    /// <param name="title">The title, for example <c>"Open build"</c>.</param>
    public CardActionAttribute(string title) => Title = title;

    /// <summary>The button's title.</summary>
    public string Title { get; }

    /// <summary>The button's style (1.2).</summary>
    public ActionStyle Style { get; set; }
}

/// <summary>
/// Shows a member whose type is marked <see cref="CardPartAttribute"/> as a Container of that type's elements,
/// or a collection of such a type as one Container per item. A null value is left out.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardSectionAttribute : CardMemberAttribute
{
    /// <summary>A heading shown above the section.</summary>
    public string? Title { get; set; }

    /// <summary>The container's style.</summary>
    public ContainerStyle Style { get; set; }

    /// <summary>Whether a separator line is drawn above each container.</summary>
    public bool Separator { get; set; }
}

/// <summary>Keeps a member off the card, even where a convention would map it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CardIgnoreAttribute : Attribute
{
}
