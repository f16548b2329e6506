using System;
using System.Collections.Generic;
using System.Linq;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

/// <summary>
/// The one source of truth about Adaptive Cards 1.0–1.6 that the card model, the runtime validator,
/// the source generator and the analyzers all share: every type, property, enum value, required
/// property and the schema version that introduced each.
/// </summary>
/// <remarks>
/// The catalog follows the published schema except where every renderer and the official samples
/// disagree with it; each such place is marked <see cref="PropertySpec.IsRendererOnly"/> or noted
/// here: <c>firstRowAsHeaders</c> is written plural (the schema's singular is read as an alias);
/// <c>Container.items</c> and <c>TableCell.items</c> are optional (empty styled containers render);
/// <c>AuthCardButton.value</c> is optional; Carousel, Action <c>role</c>, Image <c>forceLoad</c>,
/// ImageSet <c>style</c> and <c>disabledUnlessAssociatedInputsChange</c> are 1.6 renderer features.
/// </remarks>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
static partial class SchemaCatalog
{
    private static readonly Dictionary<string, CardTypeSpec> TypesByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, EnumSpec> EnumsByName = new(StringComparer.Ordinal);

    /// <summary>The conventional <c>$schema</c> URL of an Adaptive Card.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The <c>type</c> of the card itself.</summary>
    public const string AdaptiveCardType = "AdaptiveCard";

    static SchemaCatalog()
    {
        foreach (var e in CreateEnums())
        {
            EnumsByName.Add(e.Name, e);
        }

        foreach (var t in CreateTypes())
        {
            TypesByName.Add(t.Name, t);
        }

        Types = TypesByName.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        Enums = EnumsByName.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every type, ordered by name.</summary>
    public static IReadOnlyList<CardTypeSpec> Types { get; }

    /// <summary>Every enum, ordered by name.</summary>
    public static IReadOnlyList<EnumSpec> Enums { get; }

    /// <summary>The <c>AdaptiveCard</c> type.</summary>
    public static CardTypeSpec Card => TypesByName[AdaptiveCardType];

    /// <summary>Looks a type up by its <c>type</c> discriminator (case-sensitive, as renderers match it).</summary>
    /// <param name="name">The discriminator, for example <c>TextBlock</c>.</param>
    /// <param name="type">The type when found.</param>
    /// <returns><see langword="true"/> when the type exists.</returns>
    public static bool TryGetType(string name, out CardTypeSpec type)
    {
        if (TypesByName.TryGetValue(name, out var found))
        {
            type = found;
            return true;
        }

        type = null!;
        return false;
    }

    /// <summary>Gets a type that is known to exist.</summary>
    /// <param name="name">The discriminator.</param>
    /// <returns>The type.</returns>
    /// <exception cref="KeyNotFoundException">No such type.</exception>
    public static CardTypeSpec GetCardType(string name)
        => TryGetType(name, out var type) ? type : throw new KeyNotFoundException($"'{name}' is not an Adaptive Card type.");

    /// <summary>
    /// Whether the 1.6 renderer drops an element or action of this type anywhere inside a Carousel's pages: inputs,
    /// Media, ActionSet, a nested Carousel, <c>Action.ShowCard</c> and <c>Action.ToggleVisibility</c>. It reports each
    /// (ElementTypeNotAllowed, ActionTypeNotAllowed) and shows no fallback in its place.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether a Carousel forbids it.</returns>
    internal static bool IsNotAllowedInCarousel(CardTypeSpec type)
        => type.IsInput || type.Name is TypeNames.Media or TypeNames.ActionSet or TypeNames.Carousel or TypeNames.ShowCard or TypeNames.ToggleVisibility;

    /// <summary>Looks an enum up by its schema name (for example <c>FontSize</c>).</summary>
    /// <param name="name">The enum's name.</param>
    /// <param name="spec">The enum when found.</param>
    /// <returns><see langword="true"/> when the enum exists.</returns>
    public static bool TryGetEnum(string name, out EnumSpec spec)
    {
        if (EnumsByName.TryGetValue(name, out var found))
        {
            spec = found;
            return true;
        }

        spec = null!;
        return false;
    }

    /// <summary>Gets an enum that is known to exist.</summary>
    /// <param name="name">The enum's name.</param>
    /// <returns>The enum.</returns>
    /// <exception cref="KeyNotFoundException">No such enum.</exception>
    public static EnumSpec GetEnum(string name)
        => TryGetEnum(name, out var spec) ? spec : throw new KeyNotFoundException($"'{name}' is not an Adaptive Card enum.");
}
