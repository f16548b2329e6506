using CardGen.Cards;
using Names = CardGen.Schema.SchemaCatalog.EnumNames;

namespace CardGen.Json;

/// <summary>The JSON spellings of every model enum, taken from the schema catalog.</summary>
internal static class CardEnums
{
    public static readonly EnumMap<Cards.TextColor> TextColor = new(Names.Colors, static v => (int)v, static i => (Cards.TextColor)i);
    public static readonly EnumMap<Cards.FontSize> FontSize = new(Names.FontSize, static v => (int)v, static i => (Cards.FontSize)i);
    public static readonly EnumMap<Cards.FontWeight> FontWeight = new(Names.FontWeight, static v => (int)v, static i => (Cards.FontWeight)i);
    public static readonly EnumMap<Cards.FontType> FontType = new(Names.FontType, static v => (int)v, static i => (Cards.FontType)i);
    public static readonly EnumMap<Cards.HorizontalAlignment> HorizontalAlignment = new(Names.HorizontalAlignment, static v => (int)v, static i => (Cards.HorizontalAlignment)i);
    public static readonly EnumMap<Cards.VerticalAlignment> VerticalAlignment = new(Names.VerticalAlignment, static v => (int)v, static i => (Cards.VerticalAlignment)i);
    public static readonly EnumMap<Cards.Spacing> Spacing = new(Names.Spacing, static v => (int)v, static i => (Cards.Spacing)i);
    public static readonly EnumMap<Cards.ElementHeight> ElementHeight = new(Names.BlockElementHeight, static v => (int)v, static i => (Cards.ElementHeight)i);
    public static readonly EnumMap<Cards.ContainerStyle> ContainerStyle = new(Names.ContainerStyle, static v => (int)v, static i => (Cards.ContainerStyle)i);
    public static readonly EnumMap<Cards.ImageSize> ImageSize = new(Names.ImageSize, static v => (int)v, static i => (Cards.ImageSize)i);
    public static readonly EnumMap<Cards.ImageStyle> ImageStyle = new(Names.ImageStyle, static v => (int)v, static i => (Cards.ImageStyle)i);
    public static readonly EnumMap<Cards.ImageSetStyle> ImageSetStyle = new(Names.ImageSetStyle, static v => (int)v, static i => (Cards.ImageSetStyle)i);
    public static readonly EnumMap<Cards.ImageFillMode> ImageFillMode = new(Names.ImageFillMode, static v => (int)v, static i => (Cards.ImageFillMode)i);
    public static readonly EnumMap<Cards.TextBlockStyle> TextBlockStyle = new(Names.TextBlockStyle, static v => (int)v, static i => (Cards.TextBlockStyle)i);
    public static readonly EnumMap<Cards.TextInputStyle> TextInputStyle = new(Names.TextInputStyle, static v => (int)v, static i => (Cards.TextInputStyle)i);
    public static readonly EnumMap<Cards.ChoiceInputStyle> ChoiceInputStyle = new(Names.ChoiceInputStyle, static v => (int)v, static i => (Cards.ChoiceInputStyle)i);
    public static readonly EnumMap<Cards.InputLabelPosition> InputLabelPosition = new(Names.InputLabelPosition, static v => (int)v, static i => (Cards.InputLabelPosition)i);
    public static readonly EnumMap<Cards.InputStyle> InputStyle = new(Names.InputStyle, static v => (int)v, static i => (Cards.InputStyle)i);
    public static readonly EnumMap<Cards.ActionStyle> ActionStyle = new(Names.ActionStyle, static v => (int)v, static i => (Cards.ActionStyle)i);
    public static readonly EnumMap<Cards.ActionMode> ActionMode = new(Names.ActionMode, static v => (int)v, static i => (Cards.ActionMode)i);
    public static readonly EnumMap<Cards.AssociatedInputs> AssociatedInputs = new(Names.AssociatedInputs, static v => (int)v, static i => (Cards.AssociatedInputs)i);
    public static readonly EnumMap<Cards.CarouselOrientation> CarouselOrientation = new(Names.CarouselOrientation, static v => (int)v, static i => (Cards.CarouselOrientation)i);
    public static readonly EnumMap<Cards.ActionRole> ActionRole = new(Names.ActionRole, static v => (int)v, static i => (Cards.ActionRole)i);
}
