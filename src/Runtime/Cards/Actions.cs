using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>Opens a URL in a browser or the host (1.0).</summary>
public sealed class OpenUrlAction : CardAction
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.OpenUrl);

    /// <summary>Creates an action; set <see cref="Url"/>.</summary>
    public OpenUrlAction()
    {
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="url">The URL to open.</param>
    public OpenUrlAction(string title, string url)
    {
        Title = title;
        Url = url;
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="url">The URL to open; an absolute URI is written in its escaped <see cref="Uri.AbsoluteUri"/> form.</param>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public OpenUrlAction(string title, Uri url)
    {
        Title = title;
        Url = (url ?? throw new ArgumentNullException(nameof(url))).IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.OpenUrl;

    /// <summary>The URL to open (required).</summary>
    public string? Url { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.String(writer, PropertyNames.Url, Url);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "url" when JsonRead.String(value, out var url):
                Url = url;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>
/// The base of the actions that gather the card's inputs and send them, with <see cref="Data"/>, to the host:
/// <see cref="SubmitAction"/> and <see cref="ExecuteAction"/>.
/// </summary>
public abstract class SubmittingAction : CardAction
{
    private protected SubmittingAction()
    {
    }

    /// <summary>Any JSON sent with the inputs; an object's properties are merged with the input values.</summary>
    public JsonElement? Data { get; set; }

    /// <summary>Which inputs are collected and validated (1.3). Default <see cref="Cards.AssociatedInputs.Auto"/>.</summary>
    public AssociatedInputs AssociatedInputs { get; set; }

    /// <summary>
    /// Whether the button stays disabled until an associated input changes (1.6, a renderer feature not in the
    /// published schema). Default <see langword="false"/>.
    /// </summary>
    public bool DisabledUnlessAssociatedInputsChange { get; set; }

    /// <summary>Writes what a derived action adds before the shared properties.</summary>
    /// <param name="writer">The writer.</param>
    private protected virtual void WriteLeadingProperties(Utf8JsonWriter writer)
    {
    }

    private protected sealed override void WriteProperties(Utf8JsonWriter writer)
    {
        WriteLeadingProperties(writer);
        JsonWrite.Any(writer, PropertyNames.Data, Data);
        JsonWrite.Enum(writer, PropertyNames.AssociatedInputs, AssociatedInputs, AssociatedInputs.Auto, CardEnums.AssociatedInputs, this);
        JsonWrite.Bool(writer, PropertyNames.DisabledUnlessAssociatedInputsChange, DisabledUnlessAssociatedInputsChange, false, this);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "data" when JsonRead.Any(value, out var data):
                Data = data;
                return true;
            case "associatedInputs" when JsonRead.Enum(value, CardEnums.AssociatedInputs, out var inputs):
                AssociatedInputs = inputs;
                return true;
            case "disabledUnlessAssociatedInputsChange" when JsonRead.Bool(value, out var disabled):
                DisabledUnlessAssociatedInputsChange = disabled;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>Gathers the card's inputs and sends them, with <see cref="SubmittingAction.Data"/>, to the host (1.0).</summary>
public sealed class SubmitAction : SubmittingAction
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Submit);

    /// <summary>Creates an action.</summary>
    public SubmitAction()
    {
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    public SubmitAction(string title) => Title = title;

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Submit;

    private protected override JsonEncodedText EncodedType => TypeName;
}

/// <summary>Shows a nested card below the actions (1.0).</summary>
public sealed class ShowCardAction : CardAction
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.ShowCard);

    /// <summary>Creates an action; set <see cref="Card"/>.</summary>
    public ShowCardAction()
    {
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="card">The card to show.</param>
    public ShowCardAction(string title, AdaptiveCard card)
    {
        Title = title;
        Card = card;
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.ShowCard;

    /// <summary>The card to show.</summary>
    public AdaptiveCard? Card { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        JsonWrite.Object(writer, PropertyNames.Card, Card);
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "card" when value.ValueKind == JsonValueKind.Object:
                Card = CardReader.ReadCard(value);
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }
}

/// <summary>Shows, hides or toggles elements by id (1.2).</summary>
public sealed class ToggleVisibilityAction : CardAction
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.ToggleVisibility);

    /// <summary>Creates an action; add <see cref="TargetElements"/>.</summary>
    public ToggleVisibilityAction()
    {
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="targetElements">The elements to toggle; a string converts to a target that toggles.</param>
    public ToggleVisibilityAction(string title, params TargetElement[] targetElements)
    {
        Title = title;
        TargetElements = new List<TargetElement>(targetElements ?? Array.Empty<TargetElement>());
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.ToggleVisibility;

    /// <summary>
    /// The elements to show, hide or toggle (required, not empty). A target that only toggles is written as its id.
    /// </summary>
    public IList<TargetElement> TargetElements { get; set; } = new List<TargetElement>();

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteProperties(Utf8JsonWriter writer)
    {
        if (TargetElements.Count == 0 && (HasAdditional("targetElements") || !WritesEmpty(PropertyNames.TargetElements, required: true)))
        {
            return; // Read in a shape the model does not map (written back raw), or not there at all.
        }

        writer.WriteStartArray(PropertyNames.TargetElements);
        for (var i = 0; i < TargetElements.Count; i++)
        {
            (TargetElements[i] ?? throw JsonWrite.NullItem(PropertyNames.TargetElements, i)).WriteTarget(writer);
        }

        writer.WriteEndArray();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "targetElements" when ReadTargets(value, out var targets):
                TargetElements = targets;
                return true;
            default:
                return base.ReadProperty(name, value);
        }
    }

    private static bool ReadTargets(JsonElement value, out IList<TargetElement> targets)
    {
        targets = null!;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<TargetElement>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(new TargetElement(item.GetString()!));
            }
            else if (CardReader.ReadComponent<TargetElement>(item) is { } target)
            {
                list.Add(target);
            }
            else
            {
                // Neither an id nor an object: keep the whole array raw so nothing is lost.
                return false;
            }
        }

        targets = list;
        return true;
    }
}

/// <summary>Sends the inputs, <see cref="Verb"/> and <see cref="SubmittingAction.Data"/> to the bot as a universal action (1.4).</summary>
public sealed class ExecuteAction : SubmittingAction
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Execute);

    /// <summary>Creates an action.</summary>
    public ExecuteAction()
    {
    }

    /// <summary>Creates an action.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="verb">The verb the bot receives.</param>
    public ExecuteAction(string title, string verb)
    {
        Title = title;
        Verb = verb;
    }

    /// <inheritdoc/>
    public override string Type => SchemaCatalog.TypeNames.Execute;

    /// <summary>The verb the bot receives, telling it what to do.</summary>
    public string? Verb { get; set; }

    private protected override JsonEncodedText EncodedType => TypeName;

    private protected override void WriteLeadingProperties(Utf8JsonWriter writer) => JsonWrite.String(writer, PropertyNames.Verb, Verb);

    internal override bool ReadProperty(string name, JsonElement value)
    {
        if (name == "verb" && JsonRead.String(value, out var verb))
        {
            Verb = verb;
            return true;
        }

        return base.ReadProperty(name, value);
    }
}

/// <summary>An element that <see cref="ToggleVisibilityAction"/> shows, hides or toggles (1.2).</summary>
public sealed class TargetElement : CardObject
{
    /// <summary>Creates an empty target; set <see cref="ElementId"/>.</summary>
    public TargetElement()
    {
    }

    /// <summary>Creates a target.</summary>
    /// <param name="elementId">The id of the element.</param>
    /// <param name="isVisible"><see langword="true"/> to show, <see langword="false"/> to hide, <see langword="null"/> to toggle.</param>
    public TargetElement(string elementId, bool? isVisible = null)
    {
        ElementId = elementId;
        IsVisible = isVisible;
    }

    /// <summary>The id of the element (required).</summary>
    public string? ElementId { get; set; }

    /// <summary><see langword="true"/> to show, <see langword="false"/> to hide, <see langword="null"/> to toggle.</summary>
    public bool? IsVisible { get; set; }

    private bool IsPlainId => ElementId is not null && IsVisible is null && AdditionalProperties is not { Count: > 0 } && !HasExplicitProperties;

    /// <summary>Writes the target in its shortest form, the id alone, when it only toggles and was not read as an object.</summary>
    internal void WriteTarget(Utf8JsonWriter writer)
    {
        if (IsPlainId)
        {
            writer.WriteStringValue(ElementId);
        }
        else
        {
            WriteJson(writer);
        }
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.ElementId, ElementId);
        JsonWrite.Bool(writer, PropertyNames.IsVisible, IsVisible);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "elementId" when JsonRead.String(value, out var elementId):
                ElementId = elementId;
                return true;
            case "isVisible" when JsonRead.Bool(value, out var visible):
                IsVisible = visible;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Creates a target that toggles the element.</summary>
    /// <param name="elementId">The id of the element.</param>
#pragma warning disable CA2225 // The constructor is the named alternative.
    public static implicit operator TargetElement(string elementId) => new(elementId);
#pragma warning restore CA2225
}
