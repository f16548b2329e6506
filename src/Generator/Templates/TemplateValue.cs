namespace CardGen.Generator.Templates;

/// <summary>The static type of a compiled expression.</summary>
internal enum ExprType
{
    /// <summary>Could not be compiled (a diagnostic says why).</summary>
    Error,
    /// <summary>C# <c>string?</c>.</summary>
    String,
    /// <summary>C# <c>double?</c>: templates compute with doubles, as the JavaScript engine does.</summary>
    Number,
    /// <summary>C# <c>bool?</c> (or <c>bool</c>).</summary>
    Boolean,
    /// <summary>An object of the data (<see cref="TemplateValue.Shape"/> says which).</summary>
    Object,
    /// <summary>A sequence; <see cref="TemplateValue.Shape"/> is the collection's shape.</summary>
    Collection,
    /// <summary>The literal <c>null</c>.</summary>
    Null,
    /// <summary>
    /// C# <c>JsonElement?</c>: data whose shape is known only at run time, parsed from text by <c>json()</c>. Its members
    /// are read by name when the card is written, as the templating engine reads them.
    /// </summary>
    Json,
}

/// <summary>A compiled expression: C# code and what it yields.</summary>
/// <param name="Code">The C# expression.</param>
/// <param name="Type">What it yields.</param>
/// <param name="Shape">For objects and collections of the card's data: their shape.</param>
/// <param name="Constant">For inline data (a literal <c>"$data"</c>): the literal, known when the template is compiled.</param>
/// <param name="Appender">
/// For text: the <c>TemplateText</c> call that appends the value without making a string first (an enum's cached
/// name, a date formatted into the buffer), returning false when it is null; when null, <c>Append(Code)</c>.
/// </param>
internal readonly record struct TemplateValue(string Code, ExprType Type, DataShape? Shape = null, JsonNode? Constant = null, string? Appender = null)
{
    public static TemplateValue Error { get; } = new("default", ExprType.Error);

    public string TypeName => Type switch
    {
        ExprType.String => "a string",
        ExprType.Number => "a number",
        ExprType.Boolean => "a boolean",
        ExprType.Object => "an object",
        ExprType.Collection => "a collection",
        ExprType.Null => "null",
        ExprType.Json => "a value parsed by json()",
        _ => "an error",
    };
}
