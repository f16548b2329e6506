using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>
/// The base of every input (the schema's Input): a required <see cref="CardElement.Id"/> that keys the submitted
/// value, a label, whether a value is required and the message shown when validation fails.
/// </summary>
public abstract class CardInput : CardElement
{
    /// <summary>The label shown with the input (1.3).</summary>
    public string? Label { get; set; }

    /// <summary>Whether the input must have a value before a submit (1.3). Default <see langword="false"/>.</summary>
    public bool IsRequired { get; set; }

    /// <summary>The message shown when the value is missing or invalid (1.3).</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Where the label is shown (1.6, a renderer feature not in the published schema); <see langword="null"/> for the host's choice.</summary>
    public InputLabelPosition? LabelPosition { get; set; }

    /// <summary>The width of an inline label, a weight or pixels (1.6, a renderer feature not in the published schema).</summary>
    public CardDimension? LabelWidth { get; set; }

    /// <summary>How the input is drawn (1.6, a renderer feature not in the published schema); <see langword="null"/> for the host's choice.</summary>
    public InputStyle? InputStyle { get; set; }

    private protected sealed override void WriteProperties(Utf8JsonWriter writer)
    {
        WriteInputProperties(writer);
        JsonWrite.String(writer, PropertyNames.Label, Label);
        JsonWrite.Bool(writer, PropertyNames.IsRequired, IsRequired, false, this);
        JsonWrite.String(writer, PropertyNames.ErrorMessage, ErrorMessage);
        JsonWrite.Enum(writer, PropertyNames.LabelPosition, LabelPosition, CardEnums.InputLabelPosition);
        JsonWrite.Dimension(writer, PropertyNames.LabelWidth, LabelWidth);
        JsonWrite.Enum(writer, PropertyNames.InputStyle, InputStyle, CardEnums.InputStyle);
    }

    /// <summary>Writes the input's own properties.</summary>
    /// <param name="writer">The writer.</param>
    private protected abstract void WriteInputProperties(Utf8JsonWriter writer);

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "label" when JsonRead.String(value, out var label):
                Label = label;
                return true;
            case "isRequired" when JsonRead.Bool(value, out var required):
                IsRequired = required;
                return true;
            case "errorMessage" when JsonRead.String(value, out var errorMessage):
                ErrorMessage = errorMessage;
                return true;
            case "labelPosition" when JsonRead.Enum(value, CardEnums.InputLabelPosition, out var position):
                LabelPosition = position;
                return true;
            case "labelWidth" when JsonRead.Dimension(value, out var width):
                LabelWidth = width;
                return true;
            case "inputStyle" when JsonRead.Enum(value, CardEnums.InputStyle, out var inputStyle):
                InputStyle = inputStyle;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A single- or multi-line text field (1.0).</summary>
public sealed class TextInput : CardInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputText);

    /// <summary>Creates a text input; set <see cref="CardElement.Id"/>.</summary>
    public TextInput()
    {
    }

    /// <summary>Creates a text input.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    public TextInput(string id) => Id = id;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputText;

    /// <summary>The initial value.</summary>
    public string? Value { get; set; }

    /// <summary>The hint shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    /// <summary>The most characters the field accepts.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Whether the field takes several lines. Default <see langword="false"/>.</summary>
    public bool IsMultiline { get; set; }

    /// <summary>The keyboard and validation (<see cref="TextInputStyle.Password"/> is 1.5). Default <see cref="TextInputStyle.Text"/>.</summary>
    public TextInputStyle Style { get; set; }

    /// <summary>An action shown as a button next to the field (1.2; not <c>Action.ShowCard</c>).</summary>
    public CardAction? InlineAction { get; set; }

    /// <summary>A regular expression the value must match (1.3).</summary>
    public string? Regex { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Value, Value);
        JsonWrite.String(writer, PropertyNames.Placeholder, Placeholder);
        JsonWrite.Int(writer, PropertyNames.MaxLength, MaxLength);
        JsonWrite.Bool(writer, PropertyNames.IsMultiline, IsMultiline, false, this);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, TextInputStyle.Text, CardEnums.TextInputStyle, this);
        JsonWrite.Object(writer, PropertyNames.InlineAction, InlineAction);
        JsonWrite.String(writer, PropertyNames.Regex, Regex);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            case "placeholder" when JsonRead.String(value, out var placeholder):
                Placeholder = placeholder;
                return true;
            case "maxLength" when JsonRead.Int(value, out var maxLength):
                MaxLength = maxLength;
                return true;
            case "isMultiline" when JsonRead.Bool(value, out var multiline):
                IsMultiline = multiline;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.TextInputStyle, out var style):
                Style = style;
                return true;
            case "inlineAction" when JsonRead.Action(value, out var action):
                InlineAction = action;
                return true;
            case "regex" when JsonRead.String(value, out var regex):
                Regex = regex;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A number field (1.0).</summary>
public sealed class NumberInput : CardInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputNumber);

    /// <summary>Creates a number input; set <see cref="CardElement.Id"/>.</summary>
    public NumberInput()
    {
    }

    /// <summary>Creates a number input.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    public NumberInput(string id) => Id = id;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputNumber;

    /// <summary>The initial value.</summary>
    public double? Value { get; set; }

    /// <summary>The smallest value allowed.</summary>
    public double? Min { get; set; }

    /// <summary>The largest value allowed.</summary>
    public double? Max { get; set; }

    /// <summary>The hint shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        JsonWrite.Number(writer, PropertyNames.Value, Value);
        JsonWrite.Number(writer, PropertyNames.Min, Min);
        JsonWrite.Number(writer, PropertyNames.Max, Max);
        JsonWrite.String(writer, PropertyNames.Placeholder, Placeholder);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "value" when JsonRead.Number(value, out var number):
                Value = number;
                return true;
            case "min" when JsonRead.Number(value, out var min):
                Min = min;
                return true;
            case "max" when JsonRead.Number(value, out var max):
                Max = max;
                return true;
            case "placeholder" when JsonRead.String(value, out var placeholder):
                Placeholder = placeholder;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>
/// The base of the date and time pickers: an initial value, bounds and a placeholder, all strings in the picker's
/// format (<c>YYYY-MM-DD</c> for dates, <c>HH:MM</c> for times).
/// </summary>
public abstract class PickerInput : CardInput
{
    private protected PickerInput()
    {
    }

    /// <summary>The initial value.</summary>
    public string? Value { get; set; }

    /// <summary>The earliest value allowed.</summary>
    public string? Min { get; set; }

    /// <summary>The latest value allowed.</summary>
    public string? Max { get; set; }

    /// <summary>The hint shown while the field is empty.</summary>
    public string? Placeholder { get; set; }

    private protected sealed override void WriteInputProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Value, Value);
        JsonWrite.String(writer, PropertyNames.Min, Min);
        JsonWrite.String(writer, PropertyNames.Max, Max);
        JsonWrite.String(writer, PropertyNames.Placeholder, Placeholder);
    }

    internal sealed override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            case "min" when JsonRead.String(value, out var min):
                Min = min;
                return true;
            case "max" when JsonRead.String(value, out var max):
                Max = max;
                return true;
            case "placeholder" when JsonRead.String(value, out var placeholder):
                Placeholder = placeholder;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A date picker (1.0); dates are written <c>YYYY-MM-DD</c>.</summary>
public sealed class DateInput : PickerInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputDate);

    /// <summary>Creates a date input; set <see cref="CardElement.Id"/>.</summary>
    public DateInput()
    {
    }

    /// <summary>Creates a date input.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    public DateInput(string id) => Id = id;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputDate;

    private protected override JsonEncodedText EncodedType => TypeName;
}

/// <summary>A time picker (1.0); times are written <c>HH:MM</c> (24 hours, no seconds).</summary>
public sealed class TimeInput : PickerInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputTime);

    /// <summary>Creates a time input; set <see cref="CardElement.Id"/>.</summary>
    public TimeInput()
    {
    }

    /// <summary>Creates a time input.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    public TimeInput(string id) => Id = id;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputTime;

    private protected override JsonEncodedText EncodedType => TypeName;
}

/// <summary>A checkbox (1.0); its submitted value is <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
public sealed class ToggleInput : CardInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputToggle);

    /// <summary>Creates a toggle; set <see cref="CardElement.Id"/> and <see cref="Title"/>.</summary>
    public ToggleInput()
    {
    }

    /// <summary>Creates a toggle.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    /// <param name="title">The text next to the checkbox.</param>
    public ToggleInput(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputToggle;

    /// <summary>The text next to the checkbox (required).</summary>
    public string? Title { get; set; }

    /// <summary>The initial value: checked when it equals <see cref="ValueOn"/>. <see langword="null"/> is unset (the schema default <c>"false"</c>).</summary>
    public string? Value { get; set; }

    /// <summary>The value submitted when checked. <see langword="null"/> is unset (the schema default <c>"true"</c>).</summary>
    public string? ValueOn { get; set; }

    /// <summary>The value submitted when unchecked. <see langword="null"/> is unset (the schema default <c>"false"</c>).</summary>
    public string? ValueOff { get; set; }

    /// <summary>Whether a long title wraps (1.2). Default <see langword="false"/>.</summary>
    public bool Wrap { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Title, Title);
        JsonWrite.String(writer, PropertyNames.Value, Value);
        JsonWrite.String(writer, PropertyNames.ValueOn, ValueOn);
        JsonWrite.String(writer, PropertyNames.ValueOff, ValueOff);
        JsonWrite.Bool(writer, PropertyNames.Wrap, Wrap, false, this);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "title" when JsonRead.String(value, out var title):
                Title = title;
                return true;
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            case "valueOn" when JsonRead.String(value, out var valueOn):
                ValueOn = valueOn;
                return true;
            case "valueOff" when JsonRead.String(value, out var valueOff):
                ValueOff = valueOff;
                return true;
            case "wrap" when JsonRead.Bool(value, out var wrap):
                Wrap = wrap;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>A list of choices shown as a drop-down, radio buttons or checkboxes (1.0).</summary>
public sealed class ChoiceSetInput : CardInput
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.InputChoiceSet);

    /// <summary>Creates a choice set; set <see cref="CardElement.Id"/> and add <see cref="Choices"/>.</summary>
    public ChoiceSetInput()
    {
    }

    /// <summary>Creates a choice set.</summary>
    /// <param name="id">The input's id, the key of its value.</param>
    public ChoiceSetInput(string id) => Id = id;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.InputChoiceSet;

    /// <summary>The choices.</summary>
    public IList<Choice> Choices { get; set; } = new List<Choice>();

    /// <summary>Whether several choices can be picked (the value is then comma-separated). Default <see langword="false"/>.</summary>
    public bool IsMultiSelect { get; set; }

    /// <summary>How the choices are shown (<see cref="ChoiceInputStyle.Filtered"/> is 1.5). Default <see cref="ChoiceInputStyle.Compact"/>.</summary>
    public ChoiceInputStyle Style { get; set; }

    /// <summary>The initially picked values, comma-separated.</summary>
    public string? Value { get; set; }

    /// <summary>The hint shown while nothing is picked (compact style).</summary>
    public string? Placeholder { get; set; }

    /// <summary>Whether long choice titles wrap (1.2). Default <see langword="false"/>.</summary>
    public bool Wrap { get; set; }

    /// <summary>A query the host runs for more choices as the user types (1.6); written as <c>choices.data</c>.</summary>
    public DataQuery? ChoicesData { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteInputProperties(Utf8JsonWriter writer)
    {
        JsonWrite.List(writer, PropertyNames.Choices, Choices, this);
        JsonWrite.Bool(writer, PropertyNames.IsMultiSelect, IsMultiSelect, false, this);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, ChoiceInputStyle.Compact, CardEnums.ChoiceInputStyle, this);
        JsonWrite.String(writer, PropertyNames.Value, Value);
        JsonWrite.String(writer, PropertyNames.Placeholder, Placeholder);
        JsonWrite.Bool(writer, PropertyNames.Wrap, Wrap, false, this);
        JsonWrite.Object(writer, PropertyNames.ChoicesData, ChoicesData);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "choices" when JsonRead.Objects<Choice>(value, out var choices):
                Choices = choices;
                return true;
            case "isMultiSelect" when JsonRead.Bool(value, out var multiSelect):
                IsMultiSelect = multiSelect;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ChoiceInputStyle, out var style):
                Style = style;
                return true;
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            case "placeholder" when JsonRead.String(value, out var placeholder):
                Placeholder = placeholder;
                return true;
            case "wrap" when JsonRead.Bool(value, out var wrap):
                Wrap = wrap;
                return true;
            case "choices.data" when JsonRead.Object<DataQuery>(value, out var query):
                ChoicesData = query;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>
/// One choice of a <see cref="ChoiceSetInput"/> (1.0; the schema's Input.Choice): <see cref="TitleValuePair.Title"/> is
/// the text shown, <see cref="TitleValuePair.Value"/> the value submitted when the choice is picked.
/// </summary>
public sealed class Choice : TitleValuePair
{
    /// <summary>Creates an empty choice; set the title and the value.</summary>
    public Choice()
    {
    }

    /// <summary>Creates a choice.</summary>
    /// <param name="title">The text shown.</param>
    /// <param name="value">The value submitted when the choice is picked.</param>
    public Choice(string title, string value)
        : base(title, value)
    {
    }
}

/// <summary>
/// A query for choices from a host data set (1.6; the schema's Data.Query), used by
/// <see cref="ChoiceSetInput.ChoicesData"/>. Its <c>"type": "Data.Query"</c> is required on the wire: written for a query built in code, and for one read with it.
/// </summary>
public sealed class DataQuery : CardObject
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.DataQuery);

    /// <summary>Creates an empty query; set <see cref="Dataset"/>.</summary>
    public DataQuery()
    {
    }

    /// <summary>Creates a query.</summary>
    /// <param name="dataset">The data set to query.</param>
    public DataQuery(string dataset) => Dataset = dataset;

    /// <summary>The data set to query (required).</summary>
    public string? Dataset { get; set; }

    /// <summary>The most choices to fetch.</summary>
    public int? Count { get; set; }

    /// <summary>How many choices to skip, for paging.</summary>
    public int? Skip { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();

        // A "type" other than Data.Query was kept in AdditionalProperties and is written back from there; a query
        // read without one is written without one.
        if (!HasAdditional("type") && (!WasRead || IsExplicit(PropertyNames.Type)))
        {
            JsonWrite.Type(writer, TypeName);
        }

        JsonWrite.String(writer, PropertyNames.Dataset, Dataset);
        JsonWrite.Int(writer, PropertyNames.Count, Count);
        JsonWrite.Int(writer, PropertyNames.Skip, Skip);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "type" when value.ValueKind == JsonValueKind.String && value.ValueEquals(SchemaCatalog.TypeNames.DataQuery):
                return true;
            case "dataset" when JsonRead.String(value, out var dataset):
                Dataset = dataset;
                return true;
            case "count" when JsonRead.Int(value, out var count):
                Count = count;
                return true;
            case "skip" when JsonRead.Int(value, out var skip):
                Skip = skip;
                return true;
            default:
                return false;
        }
    }
}
