namespace CardGen.Generator.Models;

// The runtime's enums as the generator reads them from attribute arguments. The names are the runtime's member
// names, which the emitter writes into generated code; ModelEnumTests checks both lists name for name and value for value.

/// <summary>The runtime's <c>CardGen.ChatHost</c>: one host or several.</summary>
[System.Flags]
internal enum ChatHost
{
    Default = 0,
    RingCentral = 1,
    Generic = 2,
    Teams = 4,
}

/// <summary>How visible a member's type is, which decides whether (and how) its builder step is offered.</summary>
internal enum TypeAccess
{
    /// <summary>Less than internal: the step is left out.</summary>
    None,

    /// <summary>Internal at most: the step is internal.</summary>
    Internal,

    /// <summary>Public, with its containing types and type arguments: the step is public.</summary>
    Public,
}

/// <summary>The runtime's <c>CardGen.Cards.TextColor</c>.</summary>
internal enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

/// <summary>The runtime's <c>CardGen.Cards.FontSize</c>.</summary>
internal enum FontSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

/// <summary>The runtime's <c>CardGen.Cards.FontWeight</c>.</summary>
internal enum FontWeight
{
    Default,
    Lighter,
    Bolder,
}

/// <summary>The runtime's <c>CardGen.Cards.ImageSize</c>.</summary>
internal enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

/// <summary>The runtime's <c>CardGen.Cards.ImageStyle</c>.</summary>
internal enum ImageStyle
{
    Default,
    Person,
}

/// <summary>The runtime's <c>CardGen.Cards.ActionStyle</c>.</summary>
internal enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>The runtime's <c>CardGen.Cards.ContainerStyle</c>.</summary>
internal enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

/// <summary>Range checks for the enums above (each runs from 0 without gaps), without reflection.</summary>
internal static class ModelEnums
{
    /// <summary>Whether every enum setting of the item is one of its enum's values, so generated code can name it.</summary>
    public static bool AreDefined(ItemModel item)
        => item.Size is >= FontSize.Default and <= FontSize.ExtraLarge
            && item.Weight is >= FontWeight.Default and <= FontWeight.Bolder
            && item.Color is >= TextColor.Default and <= TextColor.Attention
            && item.ImageSize is >= ImageSize.Auto and <= ImageSize.Large
            && item.ImageStyle is >= ImageStyle.Default and <= ImageStyle.Person
            && item.ActionStyle is >= ActionStyle.Default and <= ActionStyle.Destructive
            && item.ContainerStyle is >= ContainerStyle.Default and <= ContainerStyle.Accent;

    /// <summary>
    /// The enum a mapping attribute's argument is typed as (<c>[CardText(Size = …)]</c>: <c>FontSize</c>) and how many
    /// values it has, or <see langword="null"/> when the argument is not an enum of the card's.
    /// </summary>
    public static (string Name, int Count)? Of(ItemKind kind, string argument) => (kind, argument) switch
    {
        (ItemKind.Text, "Size") => (nameof(FontSize), (int)FontSize.ExtraLarge + 1),
        (ItemKind.Text, "Weight") => (nameof(FontWeight), (int)FontWeight.Bolder + 1),
        (ItemKind.Text, "Color") => (nameof(TextColor), (int)TextColor.Attention + 1),
        (ItemKind.Image, "Size") => (nameof(ImageSize), (int)ImageSize.Large + 1),
        (ItemKind.Image, "Style") => (nameof(ImageStyle), (int)ImageStyle.Person + 1),
        (ItemKind.Action, "Style") => (nameof(ActionStyle), (int)ActionStyle.Destructive + 1),
        (ItemKind.Section, "Style") => (nameof(ContainerStyle), (int)ContainerStyle.Accent + 1),
        _ => null,
    };
}
