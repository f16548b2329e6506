using CardGen.Json;

namespace CardGen.Validation;

/// <summary>
/// Where the validator is in a card: a link to the parent and one step, written out as a JSON path
/// (<see cref="JsonPath"/>) only when a finding, an id or a carousel needs the text. Most cards yield no finding,
/// so the walk over a valid card builds no path string at all.
/// </summary>
internal sealed class CardPath
{
    /// <summary>The card itself, <c>$</c>.</summary>
    public static readonly CardPath Root = new(null, null, -1);

    private readonly string? _name;
    private readonly int _index;
    private string? _text;

    private CardPath(CardPath? parent, string? name, int index)
    {
        Parent = parent;
        _name = name;
        _index = index;
        _text = parent is null ? JsonPath.Root : null;
    }

    /// <summary>The path one step up, or <see langword="null"/> at the root.</summary>
    public CardPath? Parent { get; }

    /// <summary>The path of a property of the object here.</summary>
    public CardPath Property(string name) => new(this, name, -1);

    /// <summary>The path of an item of the array here.</summary>
    public CardPath Item(int index) => new(this, null, index);

    /// <summary>The JSON path, for example <c>$.body[0].text</c>.</summary>
    public override string ToString()
        => _text ??= _name is not null ? JsonPath.Property(Parent!.ToString(), _name) : JsonPath.Index(Parent!.ToString(), _index);
}
