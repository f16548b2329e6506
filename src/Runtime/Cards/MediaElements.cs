using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>An image (1.0).</summary>
public sealed class Image : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Image);

    /// <summary>Creates an empty image; set <see cref="Url"/>.</summary>
    public Image()
    {
    }

    /// <summary>Creates an image.</summary>
    /// <param name="url">The image's URL.</param>
    /// <param name="altText">The alternative text.</param>
    public Image(string url, string? altText = null)
    {
        Url = url;
        AltText = altText;
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Image;

    /// <summary>The image's URL (required; a data URI from 1.2).</summary>
    public string? Url { get; set; }

    /// <summary>Alternative text for screen readers.</summary>
    public string? AltText { get; set; }

    /// <summary>Horizontal alignment; <see langword="null"/> inherits.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }

    /// <summary>The size. Default <see cref="ImageSize.Auto"/>.</summary>
    public ImageSize Size { get; set; }

    /// <summary>The style. Default <see cref="ImageStyle.Default"/>.</summary>
    public ImageStyle Style { get; set; }

    /// <summary>A background colour, <c>#RRGGBB</c> or <c>#AARRGGBB</c> (1.1).</summary>
    public string? BackgroundColor { get; set; }

    /// <summary>A fixed width, <c>"NNpx"</c> (1.1); overrides <see cref="Size"/>.</summary>
    public string? Width { get; set; }

    /// <summary>The height: <c>auto</c>, <c>stretch</c> or pixels (1.1). This is the image's own <c>height</c>, not the element height.</summary>
    public new CardDimension? Height { get; set; }

    /// <summary>The action a click on the image performs (1.1; not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>Whether to load the image even when the host would defer it (1.6, a renderer feature).</summary>
    public bool ForceLoad { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override bool HasOwnHeight => true;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Url, Url);
        JsonWrite.String(writer, PropertyNames.AltText, AltText);
        JsonWrite.Enum(writer, PropertyNames.HorizontalAlignment, HorizontalAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Enum(writer, PropertyNames.Size, Size, ImageSize.Auto, CardEnums.ImageSize, this);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, ImageStyle.Default, CardEnums.ImageStyle, this);
        JsonWrite.String(writer, PropertyNames.BackgroundColor, BackgroundColor);
        JsonWrite.String(writer, PropertyNames.Width, Width);
        if (Height is { Kind: not CardDimensionKind.Auto } || (Height is not null && IsExplicit(PropertyNames.Height)))
        {
            JsonWrite.Dimension(writer, PropertyNames.Height, Height);
        }

        JsonWrite.Object(writer, PropertyNames.SelectAction, SelectAction);
        JsonWrite.Bool(writer, PropertyNames.ForceLoad, ForceLoad, false, this);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "url" when JsonRead.String(value, out var url):
                Url = url;
                return true;
            case "altText" when JsonRead.String(value, out var altText):
                AltText = altText;
                return true;
            case "horizontalAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var alignment):
                HorizontalAlignment = alignment;
                return true;
            case "size" when JsonRead.Enum(value, CardEnums.ImageSize, out var size):
                Size = size;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ImageStyle, out var style):
                Style = style;
                return true;
            case "backgroundColor" when JsonRead.String(value, out var color):
                BackgroundColor = color;
                return true;
            case "width" when JsonRead.String(value, out var width):
                Width = width;
                return true;
            case "height" when value.ValueKind == JsonValueKind.String && JsonRead.Dimension(value, out var height):
                Height = height;
                return true;
            case "selectAction" when JsonRead.Action(value, out var action):
                SelectAction = action;
                return true;
            case "forceLoad" when JsonRead.Bool(value, out var forceLoad):
                ForceLoad = forceLoad;
                return true;
            case "height":
                // Image height is the image's own size, not the element height: keep any other shape raw.
                return false;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A gallery of images (1.0).</summary>
public sealed class ImageSet : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.ImageSet);

    /// <summary>Creates an empty image set.</summary>
    public ImageSet()
    {
    }

    /// <summary>Creates an image set.</summary>
    /// <param name="images">The images.</param>
    public ImageSet(params Image[] images) => Images = new List<Image>(images);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.ImageSet;

    /// <summary>The images (required, not empty).</summary>
    public IList<Image> Images { get; set; } = new List<Image>();

    /// <summary>The size of every image. Default <see cref="ImageSize.Medium"/>.</summary>
    public ImageSize ImageSize { get; set; } = ImageSize.Medium;

    /// <summary>The layout (1.6, a renderer feature). Default <see cref="ImageSetStyle.Default"/>.</summary>
    public ImageSetStyle Style { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Images, Images, this, required: !HasAdditional("images"));
        JsonWrite.Enum(writer, PropertyNames.ImageSize, ImageSize, ImageSize.Medium, CardEnums.ImageSize, this);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, ImageSetStyle.Default, CardEnums.ImageSetStyle, this);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "images" when ReadImages(value, out var images):
                Images = images;
                return true;
            case "imageSize" when JsonRead.Enum(value, CardEnums.ImageSize, out var size):
                ImageSize = size;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ImageSetStyle, out var style):
                Style = style;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }

    private static bool ReadImages(JsonElement value, out IList<Image> images)
    {
        images = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<Image>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            // The type of an image set's items is fixed: "type" may be omitted, but any other type keeps the array raw.
            if (item.ValueKind != JsonValueKind.Object
                || (item.TryGetProperty("type", out var type) && !type.IsText(SchemaCatalog.TypeNames.Image)))
            {
                return false;
            }

            list.Add(Read<Image>(item, skipType: true));
        }

        images = list;
        return true;
    }
}

/// <summary>A video or audio player (1.1).</summary>
public sealed class Media : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Media);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Media;

    /// <summary>The sources (required, not empty; all audio or all video).</summary>
    public IList<MediaSource> Sources { get; set; } = new List<MediaSource>();

    /// <summary>An image shown before playing.</summary>
    public string? Poster { get; set; }

    /// <summary>Alternative text for screen readers.</summary>
    public string? AltText { get; set; }

    /// <summary>Caption tracks (1.6).</summary>
    public IList<CaptionSource>? CaptionSources { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Sources, Sources, this, required: !HasAdditional("sources"));
        JsonWrite.String(writer, PropertyNames.Poster, Poster);
        JsonWrite.String(writer, PropertyNames.AltText, AltText);
        JsonWrite.List(writer, PropertyNames.CaptionSources, CaptionSources, this);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "sources" when JsonRead.Objects<MediaSource>(value, out var sources):
                Sources = sources;
                return true;
            case "poster" when JsonRead.String(value, out var poster):
                Poster = poster;
                return true;
            case "altText" when JsonRead.String(value, out var altText):
                AltText = altText;
                return true;
            case "captionSources" when JsonRead.Objects<CaptionSource>(value, out var captions):
                CaptionSources = captions;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>One source of a <see cref="Media"/> element (1.1).</summary>
public sealed class MediaSource : CardObject
{
    /// <summary>Creates an empty source.</summary>
    public MediaSource()
    {
    }

    /// <summary>Creates a source.</summary>
    /// <param name="url">The media's URL.</param>
    /// <param name="mimeType">The MIME type, for example <c>video/mp4</c>.</param>
    public MediaSource(string url, string? mimeType = null)
    {
        Url = url;
        MimeType = mimeType;
    }

    /// <summary>The media's URL (required).</summary>
    public string? Url { get; set; }

    /// <summary>The MIME type, for example <c>video/mp4</c>.</summary>
    public string? MimeType { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Url, Url);
        JsonWrite.String(writer, PropertyNames.MimeType, MimeType);
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
            case "mimeType" when JsonRead.String(value, out var mimeType):
                MimeType = mimeType;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A caption track of a <see cref="Media"/> element (1.6).</summary>
public sealed class CaptionSource : CardObject
{
    /// <summary>The track's MIME type (required).</summary>
    public string? MimeType { get; set; }

    /// <summary>The track's URL (required).</summary>
    public string? Url { get; set; }

    /// <summary>The track's label (required).</summary>
    public string? Label { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.MimeType, MimeType);
        JsonWrite.String(writer, PropertyNames.Url, Url);
        JsonWrite.String(writer, PropertyNames.Label, Label);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "mimeType" when JsonRead.String(value, out var mimeType):
                MimeType = mimeType;
                return true;
            case "url" when JsonRead.String(value, out var url):
                Url = url;
                return true;
            case "label" when JsonRead.String(value, out var label):
                Label = label;
                return true;
            default:
                return false;
        }
    }
}
