using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>
/// The base of every body element (the schema's Element): an id, visibility, <c>requires</c>, a fallback,
/// height, separator and spacing.
/// </summary>
public abstract class CardElement : CardObject
{
    /// <summary>The <c>type</c> discriminator, for example <c>TextBlock</c>.</summary>
    public abstract string Type { get; }

    /// <summary>A unique id, used by <c>Action.ToggleVisibility</c> and as an input's key.</summary>
    public string? Id { get; set; }

    /// <summary>Whether the element is shown initially (1.2). Default <see langword="true"/>.</summary>
    public bool IsVisible { get; set; } = true;

    /// <summary>Host features the element needs, feature name to minimum version (1.2); otherwise the fallback is shown.</summary>
    public IDictionary<string, string>? Requires { get; set; }

    /// <summary>What to show when the element cannot be rendered (1.2).</summary>
    public Fallback<CardElement>? Fallback { get; set; }

    /// <summary>The element's height (1.1). Default <see cref="ElementHeight.Auto"/>.</summary>
    public ElementHeight Height { get; set; }

    /// <summary>Whether a separator line is drawn above the element.</summary>
    public bool Separator { get; set; }

    /// <summary>The space above the element. Default <see cref="Cards.Spacing.Default"/>.</summary>
    public Spacing Spacing { get; set; }

    private protected abstract JsonEncodedText EncodedType { get; }

    /// <summary>Whether the type redefines <c>height</c> (Image: pixels too), so the element height is not written.</summary>
    private protected virtual bool HasOwnHeight => false;

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.Type(writer, EncodedType);
        WriteProperties(writer);
        JsonWrite.String(writer, PropertyNames.Id, Id);
        JsonWrite.Bool(writer, PropertyNames.IsVisible, IsVisible, true, this);
        JsonWrite.StringMap(writer, PropertyNames.Requires, Requires, this);
        JsonWrite.Fallback(writer, Fallback);
        if (!HasOwnHeight)
        {
            JsonWrite.Enum(writer, PropertyNames.Height, Height, ElementHeight.Auto, CardEnums.ElementHeight, this);
        }

        JsonWrite.Bool(writer, PropertyNames.Separator, Separator, false, this);
        JsonWrite.Enum(writer, PropertyNames.Spacing, Spacing, Spacing.Default, CardEnums.Spacing, this);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes the element's own properties.</summary>
    /// <param name="writer">The writer.</param>
    private protected abstract void WriteProperties(Utf8JsonWriter writer);

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "id" when JsonRead.String(value, out var id):
                Id = id;
                return true;
            case "isVisible" when JsonRead.Bool(value, out var visible):
                IsVisible = visible;
                return true;
            case "requires" when JsonRead.StringMap(value, out var requires):
                Requires = requires;
                return true;
            case "fallback" when JsonRead.Fallback(value, CardReader.ReadElement, out var fallback):
                Fallback = fallback;
                return true;
            case "height" when JsonRead.Enum(value, CardEnums.ElementHeight, out var height):
                Height = height;
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

/// <summary>
/// An element whose <c>type</c> CardGen does not know (a host extension, a newer schema, a typo), or an array
/// item that is not an object. The JSON is kept as read and written back unchanged; renderers show its fallback.
/// </summary>
public sealed class UnknownElement : CardElement
{
    /// <summary>Wraps raw JSON.</summary>
    /// <param name="json">The element as read.</param>
    public UnknownElement(JsonElement json)
    {
        Json = json.Clone();
        TypeName = json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
    }

    /// <summary>The element's JSON, written back as is.</summary>
    public JsonElement Json { get; }

    /// <summary>The element's <c>type</c>, or <see langword="null"/> when it has none.</summary>
    public string? TypeName { get; }

    /// <inheritdoc/>
    public override string Type => TypeName ?? string.Empty;

    private protected override JsonEncodedText EncodedType => default;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
    }

    internal override bool ReadProperty(string name, JsonElement value) => false;

    internal override void WriteJson(Utf8JsonWriter writer) => Json.WriteTo(writer);
}
