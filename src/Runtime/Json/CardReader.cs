using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Json;

/// <summary>Chooses the model class for each JSON object by its <c>type</c> discriminator (matched case-sensitively, as renderers do).</summary>
internal static class CardReader
{
    public static AdaptiveCard ReadCard(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return new AdaptiveCard();
        }

        // A "type" other than AdaptiveCard is kept, so the validator can report it.
        return CardObject.Read<AdaptiveCard>(json, skipType: json.TryGetProperty("type", out var type) && type.IsText(SchemaCatalog.AdaptiveCardType));
    }

    public static CardElement ReadElement(JsonElement json)
    {
        var type = TypeOf(json);
        if (CreateElement(type) is not { } element)
        {
            return new UnknownElement(json);
        }

        if (!element.TryReadOnce(json, skipType: true))
        {
            element = CreateElement(type)!;
            element.ReadKeepingLast(json, skipType: true);
        }

        return element;
    }

    public static CardAction ReadAction(JsonElement json)
    {
        var type = TypeOf(json);
        if (CreateAction(type) is not { } action)
        {
            return new UnknownAction(json);
        }

        if (!action.TryReadOnce(json, skipType: true))
        {
            action = CreateAction(type)!;
            action.ReadKeepingLast(json, skipType: true);
        }

        return action;
    }

    /// <summary>Reads a fixed-type part; its optional <c>type</c> is kept among the additional properties.</summary>
    public static T? ReadComponent<T>(JsonElement json)
        where T : CardObject, new()
        => json.ValueKind == JsonValueKind.Object ? CardObject.Read<T>(json, skipType: false) : null;

    private static CardElement? CreateElement(string? type) => type switch
    {
        SchemaCatalog.TypeNames.TextBlock => new TextBlock(),
        SchemaCatalog.TypeNames.RichTextBlock => new RichTextBlock(),
        SchemaCatalog.TypeNames.Image => new Image(),
        SchemaCatalog.TypeNames.ImageSet => new ImageSet(),
        SchemaCatalog.TypeNames.Media => new Media(),
        SchemaCatalog.TypeNames.Container => new Container(),
        SchemaCatalog.TypeNames.ColumnSet => new ColumnSet(),
        SchemaCatalog.TypeNames.FactSet => new FactSet(),
        SchemaCatalog.TypeNames.ActionSet => new ActionSet(),
        SchemaCatalog.TypeNames.Table => new Table(),
        SchemaCatalog.TypeNames.Carousel => new Carousel(),
        SchemaCatalog.TypeNames.CarouselPage => new CarouselPage(),
        SchemaCatalog.TypeNames.InputText => new TextInput(),
        SchemaCatalog.TypeNames.InputNumber => new NumberInput(),
        SchemaCatalog.TypeNames.InputDate => new DateInput(),
        SchemaCatalog.TypeNames.InputTime => new TimeInput(),
        SchemaCatalog.TypeNames.InputToggle => new ToggleInput(),
        SchemaCatalog.TypeNames.InputChoiceSet => new ChoiceSetInput(),
        _ => null,
    };

    private static CardAction? CreateAction(string? type) => type switch
    {
        SchemaCatalog.TypeNames.OpenUrl => new OpenUrlAction(),
        SchemaCatalog.TypeNames.Submit => new SubmitAction(),
        SchemaCatalog.TypeNames.ShowCard => new ShowCardAction(),
        SchemaCatalog.TypeNames.ToggleVisibility => new ToggleVisibilityAction(),
        SchemaCatalog.TypeNames.Execute => new ExecuteAction(),
        _ => null,
    };

    private static string? TypeOf(JsonElement json)
        => json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
}
