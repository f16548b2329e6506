using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>A grid of rows and cells (1.5).</summary>
public sealed class Table : CardElement
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Table);

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Table;

    /// <summary>The column definitions.</summary>
    public IList<TableColumnDefinition> Columns { get; set; } = new List<TableColumnDefinition>();

    /// <summary>The rows.</summary>
    public IList<TableRow> Rows { get; set; } = new List<TableRow>();

    /// <summary>Whether the first row is a header. Default <see langword="true"/>; written <c>firstRowAsHeaders</c> (the schema's singular spelling is read too).</summary>
    public bool FirstRowAsHeaders { get; set; } = true;

    /// <summary>Whether grid lines are drawn. Default <see langword="true"/>.</summary>
    public bool ShowGridLines { get; set; } = true;

    /// <summary>The style of the grid; <see langword="null"/> means default.</summary>
    public ContainerStyle? GridStyle { get; set; }

    /// <summary>Horizontal alignment of every cell's content.</summary>
    public HorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    /// <summary>Vertical alignment of every cell's content.</summary>
    public VerticalAlignment? VerticalCellContentAlignment { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Columns, Columns, this);
        JsonWrite.List(writer, PropertyNames.Rows, Rows, this);
        JsonWrite.Bool(writer, PropertyNames.FirstRowAsHeaders, FirstRowAsHeaders, true, this);
        JsonWrite.Bool(writer, PropertyNames.ShowGridLines, ShowGridLines, true, this);
        JsonWrite.Enum(writer, PropertyNames.GridStyle, GridStyle, CardEnums.ContainerStyle);
        JsonWrite.Enum(writer, PropertyNames.HorizontalCellContentAlignment, HorizontalCellContentAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Enum(writer, PropertyNames.VerticalCellContentAlignment, VerticalCellContentAlignment, CardEnums.VerticalAlignment);
    }

    internal override string WrittenName(string name) => name == "firstRowAsHeader" ? "firstRowAsHeaders" : name;

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "columns" when JsonRead.Objects<TableColumnDefinition>(value, out var columns):
                Columns = columns;
                return true;
            case "rows" when JsonRead.Objects<TableRow>(value, out var rows):
                Rows = rows;
                return true;
            case "firstRowAsHeaders" or "firstRowAsHeader" when JsonRead.Bool(value, out var header):
                FirstRowAsHeaders = header;
                return true;
            case "showGridLines" when JsonRead.Bool(value, out var lines):
                ShowGridLines = lines;
                return true;
            case "gridStyle" when JsonRead.Enum(value, CardEnums.ContainerStyle, out var style):
                GridStyle = style;
                return true;
            case "horizontalCellContentAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var horizontal):
                HorizontalCellContentAlignment = horizontal;
                return true;
            case "verticalCellContentAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var vertical):
                VerticalCellContentAlignment = vertical;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>The definition of one column of a <see cref="Table"/> (1.5).</summary>
public sealed class TableColumnDefinition : CardObject
{
    /// <summary>Creates a column definition.</summary>
    public TableColumnDefinition()
    {
    }

    /// <summary>Creates a column definition with a width.</summary>
    /// <param name="width">A weight or pixels.</param>
    public TableColumnDefinition(CardDimension width) => Width = width;

    /// <summary>The width: a weight or pixels. Unset means weight 1.</summary>
    public CardDimension? Width { get; set; }

    /// <summary>Horizontal alignment of the column's cells.</summary>
    public HorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    /// <summary>Vertical alignment of the column's cells.</summary>
    public VerticalAlignment? VerticalCellContentAlignment { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.Dimension(writer, PropertyNames.Width, Width);
        JsonWrite.Enum(writer, PropertyNames.HorizontalCellContentAlignment, HorizontalCellContentAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Enum(writer, PropertyNames.VerticalCellContentAlignment, VerticalCellContentAlignment, CardEnums.VerticalAlignment);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "width" when JsonRead.Dimension(value, out var width):
                Width = width;
                return true;
            case "horizontalCellContentAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var horizontal):
                HorizontalCellContentAlignment = horizontal;
                return true;
            case "verticalCellContentAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var vertical):
                VerticalCellContentAlignment = vertical;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A row of a <see cref="Table"/> (1.5).</summary>
public sealed class TableRow : CardObject
{
    /// <summary>Creates an empty row.</summary>
    public TableRow()
    {
    }

    /// <summary>Creates a row.</summary>
    /// <param name="cells">The cells.</param>
    public TableRow(params TableCell[] cells) => Cells = new List<TableCell>(cells);

    /// <summary>The cells.</summary>
    public IList<TableCell> Cells { get; set; } = new List<TableCell>();

    /// <summary>The row's style.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>Horizontal alignment of the row's cells.</summary>
    public HorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    /// <summary>Vertical alignment of the row's cells.</summary>
    public VerticalAlignment? VerticalCellContentAlignment { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.List(writer, PropertyNames.Cells, Cells, this);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, CardEnums.ContainerStyle);
        JsonWrite.Enum(writer, PropertyNames.HorizontalCellContentAlignment, HorizontalCellContentAlignment, CardEnums.HorizontalAlignment);
        JsonWrite.Enum(writer, PropertyNames.VerticalCellContentAlignment, VerticalCellContentAlignment, CardEnums.VerticalAlignment);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "cells" when JsonRead.Objects<TableCell>(value, out var cells):
                Cells = cells;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ContainerStyle, out var style):
                Style = style;
                return true;
            case "horizontalCellContentAlignment" when JsonRead.Enum(value, CardEnums.HorizontalAlignment, out var horizontal):
                HorizontalCellContentAlignment = horizontal;
                return true;
            case "verticalCellContentAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var vertical):
                VerticalCellContentAlignment = vertical;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A cell of a <see cref="TableRow"/> (1.5): a container.</summary>
public sealed class TableCell : CardObject, IContainerLayout
{
    /// <summary>Creates an empty cell.</summary>
    public TableCell()
    {
    }

    /// <summary>Creates a cell holding <paramref name="items"/>.</summary>
    /// <param name="items">The elements.</param>
    public TableCell(params CardElement[] items) => Items = new List<CardElement>(items);

    /// <summary>The elements.</summary>
    public IList<CardElement> Items { get; set; } = new List<CardElement>();

    /// <summary>The cell's style.</summary>
    public ContainerStyle? Style { get; set; }

    /// <summary>The action a click on the cell performs (not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>Vertical alignment of the content.</summary>
    public VerticalAlignment? VerticalContentAlignment { get; set; }

    /// <summary>Whether a styled cell bleeds into its parent's padding.</summary>
    public bool Bleed { get; set; }

    /// <summary>A background image.</summary>
    public BackgroundImage? BackgroundImage { get; set; }

    /// <summary>The minimum height, <c>"NNpx"</c>.</summary>
    public string? MinHeight { get; set; }

    /// <summary>Right-to-left layout.</summary>
    public bool? Rtl { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        ContainerLayout.Write(writer, this, itemsRequired: false);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value) => ContainerLayout.Read(this, name, value);
}
