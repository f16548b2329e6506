namespace CardGen.Generator.Models;

/// <summary>How a member's value turns into card text.</summary>
internal enum ValueKind
{
    Unsupported,
    String,
    Uri,
    Boolean,
    Char,
    Enum,
    DateTimeOffset,
    DateTime,
    Formattable,
    /// <summary>Implements <c>IFormattable</c> explicitly (<c>System.Version</c>): formatted through the interface.</summary>
    ExplicitFormattable,
    Part,
    PartCollection,
    FactMap,
}

/// <summary>What a mapped member becomes on the card.</summary>
internal enum ItemKind
{
    Text,
    Fact,
    Facts,
    Image,
    Action,
    Section,
}

/// <summary>A readable member of the annotated type: its name, its C# type and how it renders.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Type">The fully qualified C# type, with nullable annotations, for the values struct.</param>
/// <param name="Kind">How the value renders.</param>
/// <param name="IsNullableValueType">Whether the type is <c>Nullable&lt;T&gt;</c> (its value is read with <c>.Value</c>).</param>
/// <param name="IsReferenceType">Whether the value can be null at run time although it is not annotated.</param>
/// <param name="ElementType">For collections and maps: the item type (fully qualified).</param>
/// <param name="ElementKind">For maps: how the values render.</param>
/// <param name="ElementIsNullableValueType">For maps: whether the values are <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="ElementIsReferenceType">For collections and maps: whether an item (or value) can be null.</param>
/// <param name="TypeAccess">How visible the member's type is, which decides the builder step's accessibility.</param>
internal sealed record MemberModel(
    string Name,
    string Type,
    ValueKind Kind,
    bool IsNullableValueType,
    bool IsReferenceType,
    string? ElementType,
    ValueKind ElementKind,
    bool ElementIsNullableValueType,
    bool ElementIsReferenceType = false,
    TypeAccess TypeAccess = TypeAccess.Public);

/// <summary>One mapped member, with its attribute's settings as plain values.</summary>
/// <remarks>
/// Each setting is typed as the attribute's own property: <see cref="Size"/>, <see cref="Weight"/> and
/// <see cref="Color"/> are <c>[CardText]</c>'s, <see cref="ImageSize"/> and <see cref="ImageStyle"/> <c>[CardImage]</c>'s,
/// <see cref="ActionStyle"/> <c>[CardAction]</c>'s and <see cref="ContainerStyle"/> <c>[CardSection]</c>'s; the
/// others are left at their defaults.
/// </remarks>
internal sealed record ItemModel(
    ItemKind Kind,
    string Member,
    int Order,
    int DeclarationIndex,
    string? Title,
    string? Format,
    string? AltText,
    FontSize Size,
    FontWeight Weight,
    TextColor Color,
    bool IsSubtle,
    bool Wrap,
    bool Markdown,
    int MaxLines,
    ImageSize ImageSize,
    ImageStyle ImageStyle,
    ActionStyle ActionStyle,
    ContainerStyle ContainerStyle,
    bool Separator);

/// <summary>A piece of a template: literal text, or a member with an optional format.</summary>
internal sealed record TemplatePartModel(string? Literal, string? Member, string? Format);

/// <summary>A type declaration that contains the annotated type (which must be partial too).</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>
/// How a type that cannot be extended (CARDGEN001: not partial; CARDGEN002: generic, nested in a generic or non-partial
/// type, a ref struct) is reached from outside: extension methods on it, in a static class of their own.
/// </summary>
/// <param name="Receiver">The type as a parameter type, fully qualified, with its type parameters: <c>global::Demo.Outer&lt;T&gt;.Card</c>.</param>
/// <param name="ClassName">The static class's name, unique to the type (it is in the global namespace).</param>
/// <param name="TypeParameters">The type parameters of the type and the types that contain it, outermost first.</param>
/// <param name="Constraints">Their constraint clauses (<c>where T : class</c>), in the same order.</param>
internal sealed record ExtensionStubModel(string Receiver, string ClassName, EquatableArray<string> TypeParameters, EquatableArray<string> Constraints);

/// <summary>Everything the emitter needs about one <c>[ChatCard]</c> or <c>[CardPart]</c> type; no symbols or syntax.</summary>
/// <remarks>
/// With <see cref="Problem"/> set the type has an error the generator cannot write code for: it gets its members'
/// signatures with bodies that throw (a stub), <see cref="Members"/> holds the members that get a builder step, and
/// the items and templates are empty. With <see cref="Extension"/> set as well, the type cannot be added to at all,
/// and the stub's instance members are extension methods instead.
/// </remarks>
internal sealed record CardTypeModel(
    bool IsPart,
    bool AlsoPart,
    string? Namespace,
    string Name,
    string Keyword,
    string HintName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string? Version,
    ChatHost Host,
    EquatableArray<TemplatePartModel> Title,
    EquatableArray<TemplatePartModel> Summary,
    bool HasTitle,
    bool HasSummary,
    string? IconUrl,
    EquatableArray<MemberModel> Members,
    EquatableArray<ItemModel> Items,
    string? Problem = null,
    ExtensionStubModel? Extension = null);
