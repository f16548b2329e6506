using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator;

/// <summary>
/// A CardGen attribute on a member as <see cref="CardReader"/> reads it: what it maps the member to, its arguments'
/// values and where it is written. Made from the compiler's attribute data, or straight from the syntax of an
/// attribute written with literals only (see <see cref="CardReader.TryReadDeclaration"/>), so one reader checks both.
/// </summary>
internal sealed class MappingUse
{
    private readonly AttributeData? _data;
    private AttributeSyntax? _syntax;
    private bool _syntaxRead;

    /// <summary>An attribute the compiler bound.</summary>
    public MappingUse(AttributeData data, MappingAttribute? mapping)
    {
        _data = data;
        Mapping = mapping;
        ConstructorArgumentCount = data.ConstructorArguments.Length;
        HasTitleArgument = ConstructorArgumentCount == 1 && data.ConstructorArguments[0].Kind == TypedConstantKind.Primitive;
        TitleArgument = HasTitleArgument ? data.ConstructorArguments[0].Value as string : null;
        var named = new List<KeyValuePair<string, object?>>(data.NamedArguments.Length);
        foreach (var argument in data.NamedArguments)
        {
            named.Add(new KeyValuePair<string, object?>(argument.Key, argument.Value.Value));
        }

        NamedArguments = named;
    }

    /// <summary>An attribute read from its syntax, whose arguments are known to bind to these values.</summary>
    public MappingUse(AttributeSyntax syntax, MappingAttribute? mapping, string? titleArgument, bool hasTitleArgument, List<KeyValuePair<string, object?>> namedArguments)
    {
        _syntax = syntax;
        _syntaxRead = true;
        Mapping = mapping;
        ConstructorArgumentCount = hasTitleArgument ? 1 : 0;
        HasTitleArgument = hasTitleArgument;
        TitleArgument = titleArgument;
        NamedArguments = namedArguments;
    }

    /// <summary>What the attribute maps the member to; <see langword="null"/> for <c>[CardIgnore]</c>.</summary>
    public MappingAttribute? Mapping { get; }

    /// <summary>How many constructor arguments the attribute has.</summary>
    public int ConstructorArgumentCount { get; }

    /// <summary>Whether it has one constructor argument with a constant value: the title.</summary>
    public bool HasTitleArgument { get; }

    /// <summary>That title (<c>[CardFact("Branch")]</c>), when it has one.</summary>
    public string? TitleArgument { get; }

    /// <summary>The named arguments in source order, each with its constant value (an enum's as its <see cref="int"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> NamedArguments { get; }

    /// <summary>The attribute's syntax, when it is in source.</summary>
    public AttributeSyntax? Syntax(CancellationToken cancellationToken)
    {
        if (!_syntaxRead)
        {
            _syntax = _data!.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            _syntaxRead = true;
        }

        return _syntax;
    }

    /// <summary>Where the attribute is written, for a diagnostic on it.</summary>
    public Location Location(CancellationToken cancellationToken) => Syntax(cancellationToken)?.GetLocation() ?? Microsoft.CodeAnalysis.Location.None;
}

/// <summary>
/// A property or field a mapping is on: its symbol when read from symbols, its declaration when read from syntax
/// (then it is known to be a readable instance member), its name and its type.
/// </summary>
internal readonly struct MemberSite
{
    public MemberSite(ISymbol? symbol, string name, ITypeSymbol type, MemberDeclarationSyntax? declaration)
    {
        Symbol = symbol;
        Name = name;
        Type = type;
        Declaration = declaration;
    }

    public ISymbol? Symbol { get; }

    public string Name { get; }

    public ITypeSymbol Type { get; }

    public MemberDeclarationSyntax? Declaration { get; }
}
