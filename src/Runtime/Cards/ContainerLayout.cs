using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>The properties that Container, Column, TableCell and CarouselPage share.</summary>
internal interface IContainerLayout
{
    IList<CardElement> Items { get; set; }
    ContainerStyle? Style { get; set; }
    CardAction? SelectAction { get; set; }
    VerticalAlignment? VerticalContentAlignment { get; set; }
    bool Bleed { get; set; }
    BackgroundImage? BackgroundImage { get; set; }
    string? MinHeight { get; set; }
    bool? Rtl { get; set; }
}

/// <summary>Reads and writes <see cref="IContainerLayout"/> once for the four types that have it.</summary>
internal static class ContainerLayout
{
    public static void Write<T>(Utf8JsonWriter writer, T c, bool itemsRequired)
        where T : CardObject, IContainerLayout
    {
        JsonWrite.List(writer, PropertyNames.Items, c.Items, c, itemsRequired);
        JsonWrite.Enum(writer, PropertyNames.Style, c.Style, CardEnums.ContainerStyle);
        JsonWrite.Object(writer, PropertyNames.SelectAction, c.SelectAction);
        JsonWrite.Enum(writer, PropertyNames.VerticalContentAlignment, c.VerticalContentAlignment, CardEnums.VerticalAlignment);
        JsonWrite.Bool(writer, PropertyNames.Bleed, c.Bleed, false, c);
        JsonWrite.Object(writer, PropertyNames.BackgroundImage, c.BackgroundImage);
        JsonWrite.String(writer, PropertyNames.MinHeight, c.MinHeight);
        JsonWrite.Bool(writer, PropertyNames.Rtl, c.Rtl);
    }

    public static bool Read(IContainerLayout c, string name, JsonElement value)
    {
        switch (name)
        {
            case "items" when JsonRead.Elements(value, out var items):
                c.Items = items;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ContainerStyle, out var style):
                c.Style = style;
                return true;
            case "selectAction" when JsonRead.Action(value, out var action):
                c.SelectAction = action;
                return true;
            case "verticalContentAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var alignment):
                c.VerticalContentAlignment = alignment;
                return true;
            case "bleed" when JsonRead.Bool(value, out var bleed):
                c.Bleed = bleed;
                return true;
            case "backgroundImage" when BackgroundImage.TryRead(value, out var image):
                c.BackgroundImage = image;
                return true;
            case "minHeight" when JsonRead.String(value, out var minHeight):
                c.MinHeight = minHeight;
                return true;
            case "rtl" when JsonRead.Bool(value, out var rtl):
                c.Rtl = rtl;
                return true;
            default:
                return false;
        }
    }
}
