using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>
/// The base of every action (the schema's Action): title, id, icon, style, fallback, tooltip, enabled state,
/// mode, <c>requires</c> and role.
/// </summary>
public abstract class CardAction : CardObject
{
    /// <summary>The <c>type</c> discriminator, for example <c>Action.OpenUrl</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The button's label.</summary>
    public string? Title { get; set; }

    /// <summary>A unique id.</summary>
    public string? Id { get; set; }

    /// <summary>An icon shown on the button (1.1; a data URI from 1.2).</summary>
    public string? IconUrl { get; set; }

    /// <summary>The style (1.2). Default <see cref="ActionStyle.Default"/>.</summary>
    public ActionStyle Style { get; set; }

    /// <summary>What to show when the action cannot be rendered (1.2).</summary>
    public Fallback<CardAction>? Fallback { get; set; }

    /// <summary>A tooltip (1.5).</summary>
    public string? Tooltip { get; set; }

    /// <summary>Whether the button can be clicked (1.5). Default <see langword="true"/>.</summary>
    public bool IsEnabled { get; set; } = true;

    /// <summary>Whether the action is a primary button or goes to the overflow menu (1.5).</summary>
    public ActionMode Mode { get; set; }

    /// <summary>Host features the action needs, feature name to minimum version (1.2).</summary>
    public IDictionary<string, string>? Requires { get; set; }

    /// <summary>The accessibility role (1.6, a renderer feature not in the published schema).</summary>
    public ActionRole? Role { get; set; }

    private protected abstract JsonEncodedText EncodedType { get; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.Type(writer, EncodedType);
        JsonWrite.String(writer, PropertyNames.Title, Title);
        WriteProperties(writer);
        JsonWrite.String(writer, PropertyNames.Id, Id);
        JsonWrite.String(writer, PropertyNames.IconUrl, IconUrl);
        JsonWrite.Enum(writer, PropertyNames.Style, Style, ActionStyle.Default, CardEnums.ActionStyle, this);
        JsonWrite.Fallback(writer, Fallback);
        JsonWrite.String(writer, PropertyNames.Tooltip, Tooltip);
        JsonWrite.Bool(writer, PropertyNames.IsEnabled, IsEnabled, true, this);
        JsonWrite.Enum(writer, PropertyNames.Mode, Mode, ActionMode.Primary, CardEnums.ActionMode, this);
        JsonWrite.StringMap(writer, PropertyNames.Requires, Requires, this);
        JsonWrite.Enum(writer, PropertyNames.Role, Role, CardEnums.ActionRole);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes the action's own properties.</summary>
    /// <param name="writer">The writer.</param>
    private protected abstract void WriteProperties(Utf8JsonWriter writer);

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "title" when JsonRead.String(value, out var title):
                Title = title;
                return true;
            case "id" when JsonRead.String(value, out var id):
                Id = id;
                return true;
            case "iconUrl" when JsonRead.String(value, out var iconUrl):
                IconUrl = iconUrl;
                return true;
            case "style" when JsonRead.Enum(value, CardEnums.ActionStyle, out var style):
                Style = style;
                return true;
            case "fallback" when JsonRead.Fallback(value, CardReader.ReadAction, out var fallback):
                Fallback = fallback;
                return true;
            case "tooltip" when JsonRead.String(value, out var tooltip):
                Tooltip = tooltip;
                return true;
            case "isEnabled" when JsonRead.Bool(value, out var enabled):
                IsEnabled = enabled;
                return true;
            case "mode" when JsonRead.Enum(value, CardEnums.ActionMode, out var mode):
                Mode = mode;
                return true;
            case "requires" when JsonRead.StringMap(value, out var requires):
                Requires = requires;
                return true;
            case "role" when JsonRead.Enum(value, CardEnums.ActionRole, out var role):
                Role = role;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>
/// An action whose <c>type</c> CardGen does not know. The JSON is kept as read and written back unchanged.
/// </summary>
public sealed class UnknownAction : CardAction
{
    /// <summary>Wraps raw JSON.</summary>
    /// <param name="json">The action as read.</param>
    public UnknownAction(JsonElement json)
    {
        Json = json.Clone();
        TypeName = json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
    }

    /// <summary>The action's JSON, written back as is.</summary>
    public JsonElement Json { get; }

    /// <summary>The action's <c>type</c>, or <see langword="null"/> when it has none.</summary>
    public string? TypeName { get; }

    /// <inheritdoc/>
    public override string Type => TypeName ?? string.Empty;

    private protected override JsonEncodedText EncodedType => default;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
    }

    internal override void WriteJson(Utf8JsonWriter writer) => Json.WriteTo(writer);

    internal override bool ReadProperty(string name, JsonElement value) => false;
}
