using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>
/// A background image. Written as a plain URL string (valid since 1.0) when only <see cref="Url"/> is set and it was
/// not read as an object, otherwise as a BackgroundImage object (1.2).
/// </summary>
public sealed class BackgroundImage : CardObject
{
    /// <summary>Creates an empty background image; set <see cref="Url"/>.</summary>
    public BackgroundImage()
    {
    }

    /// <summary>Creates a background image.</summary>
    /// <param name="url">The image's URL.</param>
    public BackgroundImage(string url) => Url = url;

    /// <summary>The image's URL (required).</summary>
    public string? Url { get; set; }

    /// <summary>How the image fills the area. Default <see cref="ImageFillMode.Cover"/>.</summary>
    public ImageFillMode FillMode { get; set; }

    /// <summary>Horizontal alignment of the image. Default <see cref="HorizontalAlignment.Left"/>.</summary>
    public HorizontalAlignment HorizontalAlignment { get; set; }

    /// <summary>Vertical alignment of the image. Default <see cref="VerticalAlignment.Top"/>.</summary>
    public VerticalAlignment VerticalAlignment { get; set; }

    private bool IsUrlOnly => Url is not null && FillMode == ImageFillMode.Cover && HorizontalAlignment == HorizontalAlignment.Left
        && VerticalAlignment == VerticalAlignment.Top && AdditionalProperties is not { Count: > 0 } && !HasExplicitProperties;

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        if (IsUrlOnly)
        {
            writer.WriteStringValue(Url);
            return;
        }

        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Url, Url);
        JsonWrite.Enum(writer, PropertyNames.FillMode, FillMode, ImageFillMode.Cover, CardEnums.ImageFillMode, this);
        JsonWrite.Enum(writer, PropertyNames.HorizontalAlignment, HorizontalAlignment, HorizontalAlignment.Left, CardEnums.HorizontalAlignment, this);
        JsonWrite.Enum(writer, PropertyNames.VerticalAlignment, VerticalAlignment, VerticalAlignment.Top, CardEnums.VerticalAlignment, this);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "url" when JsonRead.String(value, out var url):
                Url = url;
                return true;
            case "fillMode" when JsonRead.Enum(value, CardEnums.ImageFillMode, out var fillMode):
                FillMode = fillMode;
                return true;
            case "horizontalAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var horizontal):
                HorizontalAlignment = horizontal;
                return true;
            case "verticalAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var vertical):
                VerticalAlignment = vertical;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads either form: a URL string or an object.</summary>
    internal static bool TryRead(JsonElement value, out BackgroundImage image)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                image = new BackgroundImage(value.GetString()!);
                return true;
            case JsonValueKind.Object:
                image = Read<BackgroundImage>(value, skipType: false);
                return true;
            default:
                image = null!;
                return false;
        }
    }

    /// <summary>Creates a background image from a URL.</summary>
    /// <param name="url">The URL.</param>
#pragma warning disable CA2225 // The constructor is the named alternative.
    public static implicit operator BackgroundImage(string url) => new(url);
#pragma warning restore CA2225
}
