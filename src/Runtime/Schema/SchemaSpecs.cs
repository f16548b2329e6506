using System;
using System.Collections.Generic;
using System.Linq;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

/// <summary>What role a type plays in a card, which decides where it may appear.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
enum CardTypeRole
{
    /// <summary>The <c>AdaptiveCard</c> itself (the root, or the card of an <c>Action.ShowCard</c>).</summary>
    Card,

    /// <summary>A body element (TextBlock, Container, inputs, …): allowed in <c>body</c> and <c>items</c>.</summary>
    Element,

    /// <summary>An action: allowed in <c>actions</c>, and as a select action unless it is <c>Action.ShowCard</c>.</summary>
    Action,

    /// <summary>An inline of a RichTextBlock (<c>TextRun</c>).</summary>
    Inline,

    /// <summary>A part with a fixed place (Column, Fact, TableRow, …); its <c>type</c> may be omitted.</summary>
    Component,
}

/// <summary>The JSON shape a property's value must have.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
enum PropertyKind
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>One of the values of <see cref="PropertySpec.EnumType"/>, matched case-insensitively.</summary>
    Enum,
    /// <summary>A URI reference (absolute, relative or a data URI).</summary>
    Url,
    /// <summary>A pixel size such as <c>"80px"</c>.</summary>
    Pixels,
    /// <summary>A colour <c>#RRGGBB</c> or <c>#AARRGGBB</c>.</summary>
    Color,
    /// <summary>A column width: <c>auto</c>, <c>stretch</c>, a weight number or <c>"NNpx"</c>.</summary>
    ColumnWidth,
    /// <summary>A weight (number) or <c>"NNpx"</c>.</summary>
    WeightOrPixels,
    /// <summary>An element height: <c>auto</c>, <c>stretch</c> or <c>"NNpx"</c>.</summary>
    HeightOrPixels,
    /// <summary>A schema version string (<c>"1.3"</c>).</summary>
    Version,
    /// <summary>An array of body elements.</summary>
    ElementArray,
    /// <summary>An array of actions.</summary>
    ActionArray,
    /// <summary>One action that is not <c>Action.ShowCard</c>.</summary>
    SelectAction,
    /// <summary>One object of the type named by <see cref="PropertySpec.ObjectType"/>.</summary>
    Object,
    /// <summary>An array of objects of the type named by <see cref="PropertySpec.ObjectType"/>.</summary>
    ObjectArray,
    /// <summary>An array of <c>TextRun</c> objects or plain strings.</summary>
    InlineArray,
    /// <summary>An array of <c>TargetElement</c> objects or element id strings.</summary>
    TargetElementArray,
    /// <summary>A background image: a URL string, or a <c>BackgroundImage</c> object (1.2).</summary>
    BackgroundImage,
    /// <summary>A fallback: the string <c>"drop"</c> or an object of the owner's family.</summary>
    Fallback,
    /// <summary>A nested <c>AdaptiveCard</c> (the card of <c>Action.ShowCard</c>).</summary>
    Card,
    /// <summary>An array of strings.</summary>
    StringArray,
    /// <summary>An object whose values are strings (<c>requires</c>).</summary>
    StringMap,
    /// <summary>Any JSON value (<c>Action.Submit.data</c>).</summary>
    Any,
}

/// <summary>What an element of a given family falls back to.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
enum FallbackFamily
{
    /// <summary>The type has no <c>fallback</c>.</summary>
    None,
    /// <summary>Falls back to another element.</summary>
    Element,
    /// <summary>Falls back to another action.</summary>
    Action,
    /// <summary>Falls back to another column.</summary>
    Column,
}

/// <summary>One value of a schema enum.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
sealed class EnumValueSpec
{
    internal EnumValueSpec(string name, CardVersion since)
    {
        Name = name;
        Since = since;
    }

    /// <summary>The canonical (camelCase) spelling written to JSON.</summary>
    public string Name { get; }

    /// <summary>The schema version that introduced the value.</summary>
    public CardVersion Since { get; }
}

/// <summary>A schema enum: its values and the version that introduced each.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
sealed class EnumSpec
{
    private readonly Dictionary<string, EnumValueSpec> _byName;

    internal EnumSpec(string name, CardVersion since, EnumValueSpec[] values)
    {
        Name = name;
        Since = since;
        Values = values;
        _byName = new Dictionary<string, EnumValueSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            _byName.Add(value.Name, value);
        }
    }

    /// <summary>The schema's name for the enum (for example <c>FontSize</c>).</summary>
    public string Name { get; }

    /// <summary>The schema version that introduced the enum.</summary>
    public CardVersion Since { get; }

    /// <summary>The values in schema order.</summary>
    public IReadOnlyList<EnumValueSpec> Values { get; }

    /// <summary>
    /// Whether hosts may define further values (container and action styles come from the host config);
    /// renderers show the default for a value they do not know.
    /// </summary>
    public bool IsHostExtensible { get; internal set; }

    /// <summary>Looks a value up, ignoring case as every renderer does.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="value">The value's spec when found.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a value of the enum.</returns>
    public bool TryGetValue(string text, out EnumValueSpec value)
    {
        if (_byName.TryGetValue(text, out var found))
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }
}

/// <summary>One property of a card type.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
sealed class PropertySpec
{
    internal PropertySpec(string name, PropertyKind kind, CardVersion since)
    {
        Name = name;
        Kind = kind;
        Since = since;
    }

    /// <summary>The JSON name (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>The JSON shape of the value.</summary>
    public PropertyKind Kind { get; }

    /// <summary>The schema version that introduced the property on this type.</summary>
    public CardVersion Since { get; internal set; }

    /// <summary>Whether the property must be present (as renderers require it; see remarks on the catalog).</summary>
    public bool IsRequired { get; internal set; }

    /// <summary>Whether an array value must hold at least one item.</summary>
    public bool IsNonEmpty { get; internal set; }

    /// <summary>Whether JSON <c>null</c> is accepted.</summary>
    public bool IsNullable { get; internal set; }

    /// <summary>For <see cref="PropertyKind.Enum"/>: the enum's name in <see cref="SchemaCatalog.Enums"/>.</summary>
    public string? EnumType { get; internal set; }

    /// <summary>For <see cref="PropertyKind.Object"/> and <see cref="PropertyKind.ObjectArray"/>: the fixed item type.</summary>
    public string? ObjectType { get; internal set; }

    /// <summary>The schema default as JSON text (<c>false</c>, <c>"default"</c>, <c>1</c>), or <see langword="null"/>.</summary>
    /// <remarks>Writers omit a value equal to its default to keep cards compact.</remarks>
    public string? DefaultValue { get; internal set; }

    /// <summary>Other spellings accepted on read (never written).</summary>
    public IReadOnlyList<string> Aliases { get; internal set; } = Array.Empty<string>();

    /// <summary>Whether the property is honoured by renderers but missing from the published JSON schema.</summary>
    public bool IsRendererOnly { get; internal set; }

    internal PropertySpec With(CardVersion since)
        => new(Name, Kind, since)
        {
            IsRequired = IsRequired,
            IsNonEmpty = IsNonEmpty,
            IsNullable = IsNullable,
            EnumType = EnumType,
            ObjectType = ObjectType,
            DefaultValue = DefaultValue,
            Aliases = Aliases,
            IsRendererOnly = IsRendererOnly,
        };
}

/// <summary>One type of the Adaptive Card schema (an element, input, action or component).</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
sealed class CardTypeSpec
{
    private readonly Dictionary<string, PropertySpec> _properties;
    private PropertySpec[]? _required;

    internal CardTypeSpec(string name, CardTypeRole role, CardVersion since, PropertySpec[] properties)
    {
        Name = name;
        Role = role;
        Since = since;
        Properties = properties;
        _properties = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _properties[property.Name] = property;
            foreach (var alias in property.Aliases)
            {
                _properties[alias] = property;
            }
        }
    }

    /// <summary>The <c>type</c> discriminator (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>Where the type may appear.</summary>
    public CardTypeRole Role { get; }

    /// <summary>The schema version that introduced the type.</summary>
    public CardVersion Since { get; }

    /// <summary>Whether the type is an input (<c>Input.*</c>), which requires an <c>id</c>.</summary>
    public bool IsInput { get; internal set; }

    /// <summary>What the type's <c>fallback</c> must be.</summary>
    public FallbackFamily Fallback { get; internal set; }

    /// <summary>Whether the type is honoured by renderers but missing from the published JSON schema.</summary>
    public bool IsRendererOnly { get; internal set; }

    /// <summary>Every property, inherited ones included, in writing order.</summary>
    public IReadOnlyList<PropertySpec> Properties { get; }

    /// <summary>The required properties, in writing order (computed once, after the catalog has set them).</summary>
    internal IReadOnlyList<PropertySpec> RequiredProperties
        => _required ??= Properties.Where(p => p.IsRequired).ToArray();

    /// <summary>Looks a property up by its JSON name or an accepted alias.</summary>
    /// <param name="jsonName">The JSON name (case-sensitive).</param>
    /// <param name="property">The property when found.</param>
    /// <returns><see langword="true"/> when the type has the property.</returns>
    public bool TryGetProperty(string jsonName, out PropertySpec property)
    {
        if (_properties.TryGetValue(jsonName, out var found))
        {
            property = found;
            return true;
        }

        property = null!;
        return false;
    }
}
