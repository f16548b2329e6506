using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>A group of elements with an optional style, background and select action (1.0).</summary>
public class Container : CardElement, IContainerLayout
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Container);

    /// <summary>Creates an empty container.</summary>
    public Container()
    {
    }

    /// <summary>Creates a container holding <paramref name="items"/>.</summary>
    /// <param name="items">The elements.</param>
    public Container(params CardElement[] items) => Items = new List<CardElement>(items);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Container;

    /// <summary>The elements.</summary>
    public IList<CardElement> Items { get; set; } = new List<CardElement>();

    /// <summary>The style; <see langword="null"/> inherits.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>The action a click on the container performs (1.1; not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>Vertical alignment of the content (1.1); <see langword="null"/> means top.</summary>
    public VerticalAlignment? VerticalContentAlignment { get; set; }

    /// <summary>Whether a styled container bleeds into its parent's padding (1.2).</summary>
    public bool Bleed { get; set; }

    /// <summary>A background image (1.2).</summary>
    public BackgroundImage? BackgroundImage { get; set; }

    /// <summary>The minimum height, <c>"NNpx"</c> (1.2).</summary>
    public string? MinHeight { get; set; }

    /// <summary>Right-to-left layout (1.5); <see langword="null"/> uses the platform default.</summary>
    public bool? Rtl { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer) => ContainerLayout.Write(writer, this, itemsRequired: false);

    internal override bool ReadProperty(string name, JsonElement value)
        => ContainerLayout.Read(this, name, value) || base.ReadProperty(name, value);
}

/// <summary>A page of a <see cref="Carousel"/> (1.6, a renderer feature not in the published schema).</summary>
public sealed class CarouselPage : Container
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.CarouselPage);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.CarouselPage;

    private protected override JsonEncodedText EncodedType => TypeName;
}

/// <summary>Pages of content the reader flips through (1.6, a renderer feature not in the published schema).</summary>
public sealed class Carousel : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Carousel);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Carousel;

    /// <summary>The pages (required, not empty).</summary>
    public IList<CarouselPage> Pages { get; set; } = new List<CarouselPage>();

    /// <summary>Milliseconds before the next page is shown automatically.</summary>
    public int? Timer { get; set; }

    /// <summary>The zero-based page shown first. Default 0.</summary>
    public int InitialPage { get; set; }

    /// <summary>Whether paging wraps around. Default <see langword="true"/>.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>The paging direction. Default <see cref="CarouselOrientation.Horizontal"/>.</summary>
    public CarouselOrientation Orientation { get; set; }

    /// <summary>A fixed height, <c>"NNpx"</c>.</summary>
    public string? HeightInPixels { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Pages, Pages, this, required: !HasAdditional("pages"));
        JsonWrite.Int(writer, PropertyNames.Timer, Timer);
        if (InitialPage != 0 || IsExplicit(PropertyNames.InitialPage))
        {
            writer.WriteNumber(PropertyNames.InitialPage, InitialPage);
        }

        JsonWrite.Bool(writer, PropertyNames.Loop, Loop, true, this);
        JsonWrite.Enum(writer, PropertyNames.Orientation, Orientation, CarouselOrientation.Horizontal, CardEnums.CarouselOrientation, this);
        JsonWrite.String(writer, PropertyNames.HeightInPixels, HeightInPixels);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "pages" when ReadPages(value, out var pages):
                Pages = pages;
                return true;
            case "timer" when JsonRead.Int(value, out var timer):
                Timer = timer;
                return true;
            case "initialPage" when JsonRead.Int(value, out var initialPage):
                InitialPage = initialPage;
                return true;
            case "loop" when JsonRead.Bool(value, out var loop):
                Loop = loop;
                return true;
            case "orientation" when JsonRead.Enum(value, CardEnums.CarouselOrientation, out var orientation):
                Orientation = orientation;
                return true;
            case "heightInPixels" when JsonRead.String(value, out var height):
                HeightInPixels = height;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }

    private static bool ReadPages(JsonElement value, out IList<CarouselPage> pages)
    {
        pages = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<CarouselPage>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (CardReader.ReadElement(item) is not CarouselPage page)
            {
                return false;
            }

            list.Add(page);
        }

        pages = list;
        return true;
    }
}

/// <summary>A row of columns (1.0).</summary>
public sealed class ColumnSet : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.ColumnSet);

    /// <summary>Creates an empty column set.</summary>
    public ColumnSet()
    {
    }

    /// <summary>Creates a column set.</summary>
    /// <param name="columns">The columns.</param>
    public ColumnSet(params Column[] columns) => Columns = new List<Column>(columns);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.ColumnSet;

    /// <summary>The columns.</summary>
    public IList<Column> Columns { get; set; } = new List<Column>();

    /// <summary>Horizontal alignment of the columns; <see langword="null"/> inherits.</summary>
    public HorizontalAlignment? HorizontalAlignment { get; set; }

    /// <summary>The action a click on the set performs (1.1; not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>The style (1.2); <see langword="null"/> inherits.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>Whether a styled set bleeds into its parent's padding (1.2).</summary>
    public bool Bleed { get; set; }

    /// <summary>The minimum height, <c>"NNpx"</c> (1.2).</summary>
    public string? MinHeight { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Columns, Columns, this);
        JsonWrite.Enum(writer, PropertyNames.HorizontalAlignment, HorizontalAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Object(writer, PropertyNames.SelectAction, SelectAction);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, CardEnums.ContainerStyle);
        JsonWrite.Bool(writer, PropertyNames.Bleed, Bleed, false, this);
        JsonWrite.String(writer, PropertyNames.MinHeight, MinHeight);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "columns" when JsonRead.Objects<Column>(value, out var columns):
                Columns = columns;
                return true;
            case "horizontalAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var alignment):
                HorizontalAlignment = alignment;
                return true;
            case "selectAction" when JsonRead.Action(value, out var action):
                SelectAction = action;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ContainerStyle, out var style):
                Style = style;
                return true;
            case "bleed" when JsonRead.Bool(value, out var bleed):
                Bleed = bleed;
                return true;
            case "minHeight" when JsonRead.String(value, out var minHeight):
                MinHeight = minHeight;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A column of a <see cref="ColumnSet"/> (1.0). Not an element: it has no <c>height</c>.</summary>
public sealed class Column : CardObject, IContainerLayout
{
    /// <summary>Creates an empty column.</summary>
    public Column()
    {
    }

    /// <summary>Creates a column holding <paramref name="items"/>.</summary>
    /// <param name="items">The elements.</param>
    public Column(params CardElement[] items) => Items = new List<CardElement>(items);

    /// <summary>A unique id.</summary>
    public string? Id { get; set; }

    /// <summary>Whether the column is shown initially (1.2). Default <see langword="true"/>.</summary>
    public bool IsVisible { get; set; } = true;

    /// <summary>Host features the column needs (1.2).</summary>
    public IDictionary<string, string>? Requires { get; set; }

    /// <summary>What to show when the column cannot be rendered (1.2).</summary>
    public Fallback<Column>? Fallback { get; set; }

    /// <summary>Whether a separator line is drawn before the column.</summary>
    public bool Separator { get; set; }

    /// <summary>The space before the column.</summary>
    public Spacing Spacing { get; set; }

    /// <summary>The width: <c>auto</c>, <c>stretch</c>, a weight, or pixels (1.1).</summary>
    public CardDimension? Width { get; set; }

    /// <summary>The elements.</summary>
    public IList<CardElement> Items { get; set; } = new List<CardElement>();

    /// <summary>The style; <see langword="null"/> inherits.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>The action a click on the column performs (1.1; not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>Vertical alignment of the content (1.1).</summary>
    public VerticalAlignment? VerticalContentAlignment { get; set; }

    /// <summary>Whether a styled column bleeds into its parent's padding (1.2).</summary>
    public bool Bleed { get; set; }

    /// <summary>A background image (1.2).</summary>
    public BackgroundImage? BackgroundImage { get; set; }

    /// <summary>The minimum height, <c>"NNpx"</c> (1.2).</summary>
    public string? MinHeight { get; set; }

    /// <summary>Right-to-left layout (1.5).</summary>
    public bool? Rtl { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        ContainerLayout.Write(writer, this, itemsRequired: false);
        JsonWrite.Dimension(writer, PropertyNames.Width, Width);
        JsonWrite.String(writer, PropertyNames.Id, Id);
        JsonWrite.Bool(writer, PropertyNames.IsVisible, IsVisible, true, this);
        JsonWrite.StringMap(writer, PropertyNames.Requires, Requires, this);
        JsonWrite.Fallback(writer, Fallback);
        JsonWrite.Bool(writer, PropertyNames.Separator, Separator, false, this);
        JsonWrite.Enum(writer, PropertyNames.Spacing, Spacing, Spacing.Default, CardEnums.Spacing, this);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        if (ContainerLayout.Read(this, name, value))
        {
            return true;
        }

        switch (name)
        {
            case "width" when JsonRead.Dimension(value, out var width):
                Width = width;
                return true;
            case "id" when JsonRead.String(value, out var id):
                Id = id;
                return true;
            case "isVisible" when JsonRead.Bool(value, out var visible):
                IsVisible = visible;
                return true;
            case "requires" when JsonRead.StringMap(value, out var requires):
                Requires = requires;
                return true;
            case "fallback" when JsonRead.Fallback(value, static v => CardReader.ReadComponent<Column>(v)!, out var fallback):
                Fallback = fallback;
                return true;
            case "separator" when JsonRead.Bool(value, out var separator):
                Separator = separator;
                return true;
            case "spacing" when JsonRead.Enum(value, CardEnums.Spacing, out var spacing):
                Spacing = spacing;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A list of title/value pairs (1.0).</summary>
public sealed class FactSet : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.FactSet);

    /// <summary>Creates an empty fact set.</summary>
    public FactSet()
    {
    }

    /// <summary>Creates a fact set.</summary>
    /// <param name="facts">The facts.</param>
    public FactSet(params Fact[] facts) => Facts = new List<Fact>(facts);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.FactSet;

    /// <summary>The facts (required, not empty).</summary>
    public IList<Fact> Facts { get; set; } = new List<Fact>();

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer) => JsonWrite.List(writer, PropertyNames.Facts, Facts, this, required: !HasAdditional("facts"));

    internal override bool ReadProperty(string name, JsonElement value)
    {
        if (name == "facts" && JsonRead.Objects<Fact>(value, out var facts))
        {
            Facts = facts;
            return true;
        }

        return base.ReadProperty(name, value);
    }
}

/// <summary>
/// A title and a value, written <c>{"title":…,"value":…}</c>: the base of <see cref="Fact"/> and <see cref="Choice"/>,
/// which the schema defines alike.
/// </summary>
public abstract class TitleValuePair : CardObject
{
    private protected TitleValuePair()
    {
    }

    private protected TitleValuePair(string title, string value)
    {
        Title = title;
        Value = value;
    }

    /// <summary>The title (required).</summary>
    public string? Title { get; set; }

    /// <summary>The value (required).</summary>
    public string? Value { get; set; }

    internal sealed override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Title, Title);
        JsonWrite.String(writer, PropertyNames.Value, Value);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal sealed override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "title" when JsonRead.String(value, out var title):
                Title = title;
                return true;
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>One title/value pair of a <see cref="FactSet"/> (1.0).</summary>
public sealed class Fact : TitleValuePair
{
    /// <summary>Creates an empty fact.</summary>
    public Fact()
    {
    }

    /// <summary>Creates a fact.</summary>
    /// <param name="title">The title.</param>
    /// <param name="value">The value.</param>
    public Fact(string title, string value)
        : base(title, value)
    {
    }
}

/// <summary>A row of actions inside the body (1.2).</summary>
public sealed class ActionSet : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.ActionSet);

    /// <summary>Creates an empty action set.</summary>
    public ActionSet()
    {
    }

    /// <summary>Creates an action set.</summary>
    /// <param name="actions">The actions.</param>
    public ActionSet(params CardAction[] actions) => Actions = new List<CardAction>(actions);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.ActionSet;

    /// <summary>The actions (required, not empty).</summary>
    public IList<CardAction> Actions { get; set; } = new List<CardAction>();

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer) => JsonWrite.List(writer, PropertyNames.Actions, Actions, this, required: !HasAdditional("actions"));

    internal override bool ReadProperty(string name, JsonElement value)
    {
        if (name == "actions" && JsonRead.Actions(value, out var actions))
        {
            Actions = actions;
            return true;
        }

        return base.ReadProperty(name, value);
    }
}
