using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>A block of text with a markdown subset and <c>{{DATE()}}</c>/<c>{{TIME()}}</c> functions (1.0).</summary>
public sealed class TextBlock : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.TextBlock);

    /// <summary>Creates an empty text block; set <see cref="Text"/>.</summary>
    public TextBlock()
    {
    }

    /// <summary>Creates a text block.</summary>
    /// <param name="text">The text.</param>
    public TextBlock(string text) => Text = text;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.TextBlock;

    /// <summary>The text (required).</summary>
    public string? Text { get; set; }

    /// <summary>The colour; <see langword="null"/> inherits.</summary>
    public TextColor? Color { get; set; }

    /// <summary>The horizontal alignment; <see langword="null"/> inherits.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }

    /// <summary>Whether the text is drawn subdued; <see langword="null"/> inherits.</summary>
    public bool? IsSubtle { get; set; }

    /// <summary>The most lines to show.</summary>
    public int? MaxLines { get; set; }

    /// <summary>The size; <see langword="null"/> inherits.</summary>
    public FontSize? Size { get; set; }

    /// <summary>The weight; <see langword="null"/> inherits.</summary>
    public FontWeight? Weight { get; set; }

    /// <summary>Whether long text wraps (otherwise it is cut off).</summary>
    public bool Wrap { get; set; }

    /// <summary>The font family (1.2); <see langword="null"/> inherits.</summary>
    public FontType? FontType { get; set; }

    /// <summary>The style (1.5): <see cref="TextBlockStyle.Heading"/> marks a heading for accessibility.</summary>
    public TextBlockStyle? Style { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Text, Text);
        JsonWrite.Enum(writer, PropertyNames.Color, Color, CardEnums.TextColor);
        JsonWrite.Enum(writer, PropertyNames.HorizontalAlignment, HorizontalAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Bool(writer, PropertyNames.IsSubtle, IsSubtle);
        JsonWrite.Int(writer, PropertyNames.MaxLines, MaxLines);
        JsonWrite.Enum(writer, PropertyNames.Size, Size, CardEnums.FontSize);
        JsonWrite.Enum(writer, PropertyNames.Weight, Weight, CardEnums.FontWeight);
        JsonWrite.Bool(writer, PropertyNames.Wrap, Wrap, false, this);
        JsonWrite.Enum(writer, PropertyNames.FontType, FontType, CardEnums.FontType);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, CardEnums.TextBlockStyle);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "text" when JsonRead.String(value, out var text):
                Text = text;
                return true;
            case "color" when JsonRead.Enum(value, CardEnums.TextColor, out var color):
                Color = color;
                return true;
            case "horizontalAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var alignment):
                HorizontalAlignment = alignment;
                return true;
            case "isSubtle" when JsonRead.Bool(value, out var subtle):
                IsSubtle = subtle;
                return true;
            case "maxLines" when JsonRead.Int(value, out var maxLines):
                MaxLines = maxLines;
                return true;
            case "size" when JsonRead.Enum(value, CardEnums.FontSize, out var size):
                Size = size;
                return true;
            case "weight" when JsonRead.Enum(value, CardEnums.FontWeight, out var weight):
                Weight = weight;
                return true;
            case "wrap" when JsonRead.Bool(value, out var wrap):
                Wrap = wrap;
                return true;
            case "fontType" when JsonRead.Enum(value, CardEnums.FontType, out var fontType):
                FontType = fontType;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.TextBlockStyle, out var style):
                Style = style;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A paragraph of separately formatted runs of text (1.2).</summary>
public sealed class RichTextBlock : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.RichTextBlock);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.RichTextBlock;

    /// <summary>The runs of text (required, not empty). A run with only text is written as a plain string.</summary>
    public IList<TextRun> Inlines { get; set; } = new List<TextRun>();

    /// <summary>The horizontal alignment; <see langword="null"/> inherits.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        if (Inlines.Count > 0 || (!HasAdditional("inlines") && WritesEmpty(PropertyNames.Inlines, required: true)))
        {
            writer.WriteStartArray(PropertyNames.Inlines);
            for (var i = 0; i < Inlines.Count; i++)
            {
                (Inlines[i] ?? throw JsonWrite.NullItem(PropertyNames.Inlines, i)).WriteInline(writer);
            }

            writer.WriteEndArray();
        }
        JsonWrite.Enum(writer, PropertyNames.HorizontalAlignment, HorizontalAlignment, CardEnums.HorizontalAlignment);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "inlines" when ReadInlines(value, out var inlines):
                Inlines = inlines;
                return true;
            case "horizontalAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var alignment):
                HorizontalAlignment = alignment;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }

    private static bool ReadInlines(JsonElement value, out IList<TextRun> inlines)
    {
        inlines = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<TextRun>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(new TextRun(item.GetString()!));
            }
            else if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("type", out var type)
                && type.IsText(SchemaCatalog.TypeNames.TextRun))
            {
                list.Add(Read<TextRun>(item, skipType: true));
            }
            else
            {
                // Anything else is not a TextRun: keep the whole array raw so nothing is lost.
                return false;
            }
        }

        inlines = list;
        return true;
    }
}

/// <summary>A run of text inside a <see cref="RichTextBlock"/> (1.2); no markdown.</summary>
public sealed class TextRun : CardObject
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.TextRun);

    /// <summary>Creates an empty run; set <see cref="Text"/>.</summary>
    public TextRun()
    {
    }

    /// <summary>Creates a run.</summary>
    /// <param name="text">The text.</param>
    public TextRun(string text) => Text = text;

    /// <summary>The text (required).</summary>
    public string? Text { get; set; }

    /// <summary>The colour; <see langword="null"/> inherits.</summary>
    public TextColor? Color { get; set; }

    /// <summary>The font family; <see langword="null"/> inherits.</summary>
    public FontType? FontType { get; set; }

    /// <summary>Whether the run is highlighted.</summary>
    public bool Highlight { get; set; }

    /// <summary>Whether the run is drawn subdued; <see langword="null"/> inherits.</summary>
    public bool? IsSubtle { get; set; }

    /// <summary>Whether the run is italic.</summary>
    public bool Italic { get; set; }

    /// <summary>The action a click on the run performs (not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>The size; <see langword="null"/> inherits.</summary>
    public FontSize? Size { get; set; }

    /// <summary>Whether the run is struck through.</summary>
    public bool Strikethrough { get; set; }

    /// <summary>The weight; <see langword="null"/> inherits.</summary>
    public FontWeight? Weight { get; set; }

    /// <summary>Whether the run is underlined (1.3).</summary>
    public bool Underline { get; set; }

    private bool IsPlainText =>
        Text is not null && Color is null && FontType is null && !Highlight && IsSubtle is null && !Italic
        && SelectAction is null && Size is null && !Strikethrough && Weight is null && !Underline
        && AdditionalProperties is not { Count: > 0 } && !HasExplicitProperties;

    /// <summary>Writes the run in its shortest form, a plain string, when it has only text and was not read as an object.</summary>
    internal void WriteInline(Utf8JsonWriter writer)
    {
        if (IsPlainText)
        {
            writer.WriteStringValue(Text);
        }
        else
        {
            WriteJson(writer);
        }
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.Type(writer, TypeName);
        JsonWrite.String(writer, PropertyNames.Text, Text);
        JsonWrite.Enum(writer, PropertyNames.Color, Color, CardEnums.TextColor);
        JsonWrite.Enum(writer, PropertyNames.FontType, FontType, CardEnums.FontType);
        JsonWrite.Bool(writer, PropertyNames.Highlight, Highlight, false, this);
        JsonWrite.Bool(writer, PropertyNames.IsSubtle, IsSubtle);
        JsonWrite.Bool(writer, PropertyNames.Italic, Italic, false, this);
        JsonWrite.Object(writer, PropertyNames.SelectAction, SelectAction);
        JsonWrite.Enum(writer, PropertyNames.Size, Size, CardEnums.FontSize);
        JsonWrite.Bool(writer, PropertyNames.Strikethrough, Strikethrough, false, this);
        JsonWrite.Enum(writer, PropertyNames.Weight, Weight, CardEnums.FontWeight);
        JsonWrite.Bool(writer, PropertyNames.Underline, Underline, false, this);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "text" when JsonRead.String(value, out var text):
                Text = text;
                return true;
            case "color" when JsonRead.Enum(value, CardEnums.TextColor, out var color):
                Color = color;
                return true;
            case "fontType" when JsonRead.Enum(value, CardEnums.FontType, out var fontType):
                FontType = fontType;
                return true;
            case "highlight" when JsonRead.Bool(value, out var highlight):
                Highlight = highlight;
                return true;
            case "isSubtle" when JsonRead.Bool(value, out var subtle):
                IsSubtle = subtle;
                return true;
            case "italic" when JsonRead.Bool(value, out var italic):
                Italic = italic;
                return true;
            case "selectAction" when JsonRead.Action(value, out var action):
                SelectAction = action;
                return true;
            case "size" when JsonRead.Enum(value, CardEnums.FontSize, out var size):
                Size = size;
                return true;
            case "strikethrough" when JsonRead.Bool(value, out var strikethrough):
                Strikethrough = strikethrough;
                return true;
            case "weight" when JsonRead.Enum(value, CardEnums.FontWeight, out var weight):
                Weight = weight;
                return true;
            case "underline" when JsonRead.Bool(value, out var underline):
                Underline = underline;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Creates a run with only text.</summary>
    /// <param name="text">The text.</param>
#pragma warning disable CA2225 // The constructor is the named alternative.
    public static implicit operator TextRun(string text) => new(text);
#pragma warning restore CA2225
}
