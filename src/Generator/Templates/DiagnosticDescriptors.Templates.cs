using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Diagnostics;

public static partial class DiagnosticDescriptors
{
    /// <summary>CARDGEN018 id.</summary>
    public const string TemplateFileId = "CARDGEN018";
    /// <summary>CARDGEN019 id.</summary>
    public const string TemplateSyntaxId = "CARDGEN019";
    /// <summary>CARDGEN020 id.</summary>
    public const string TemplateSchemaId = "CARDGEN020";
    /// <summary>CARDGEN021 id.</summary>
    public const string TemplateRequiredId = "CARDGEN021";
    /// <summary>CARDGEN022 id.</summary>
    public const string TemplateEnumId = "CARDGEN022";
    /// <summary>CARDGEN023 id.</summary>
    public const string TemplateVersionId = "CARDGEN023";
    /// <summary>CARDGEN024 id.</summary>
    public const string TemplateMemberId = "CARDGEN024";
    /// <summary>CARDGEN025 id.</summary>
    public const string TemplateDataId = "CARDGEN025";
    /// <summary>CARDGEN026 id.</summary>
    public const string TemplateWhenId = "CARDGEN026";
    /// <summary>CARDGEN027 id.</summary>
    public const string TemplateUnsupportedId = "CARDGEN027";
    /// <summary>CARDGEN028 id.</summary>
    public const string TemplateDuplicateIdId = "CARDGEN028";
    /// <summary>CARDGEN029 id.</summary>
    public const string TemplateIgnoredArgumentId = "CARDGEN029";

    /// <summary>Property of CARDGEN024: the name the binding uses, which the code fix adds as a member.</summary>
    public const string MissingMemberProperty = "MissingMember";

    /// <summary>Property of CARDGEN024: the type (as written in C#) the code fix adds the member to.</summary>
    public const string MissingMemberTypeProperty = "MissingMemberType";

    /// <summary>CARDGEN018: the card's template file cannot be found, or the template is given twice.</summary>
    public static readonly DiagnosticDescriptor TemplateFile = Create(
        TemplateFileId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "The card's template cannot be read",
        "{0}",
        "A [ChatCard(Template = \"…\")] file must be an AdditionalFiles item of the project (the package adds **/*.card.json by convention; add others with <AdditionalFiles Include=\"Cards/*.json\" />); its path is relative to the source file, then the project. Give Template or TemplateJson, not both.");

    /// <summary>CARDGEN019: the template is not valid JSON, or a binding is not a valid expression.</summary>
    public static readonly DiagnosticDescriptor TemplateSyntax = Create(
        TemplateSyntaxId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "The card template does not parse",
        "{0}",
        "A card template is a JSON object (comments and trailing commas are accepted); each ${…} binding is an expression of the Adaptive Cards templating language.");

    /// <summary>CARDGEN020: an unknown element type, action type or property in a template.</summary>
    public static readonly DiagnosticDescriptor TemplateSchema = Create(
        TemplateSchemaId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "The template names an unknown type or property",
        "{0}",
        "Every element, action and property of a card template must be in the Adaptive Cards schema: hosts answer an unknown one with a schema error or drop it.");

    /// <summary>CARDGEN021: a required property is missing from a template's element, action or card.</summary>
    public static readonly DiagnosticDescriptor TemplateRequired = Create(
        TemplateRequiredId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "The template leaves out a required property",
        "{0}",
        "The schema requires some properties (a TextBlock's text, an Image's url, an action's type, the card's version); a host rejects the card without them.");

    /// <summary>CARDGEN022: a literal enum value or version the schema does not have.</summary>
    public static readonly DiagnosticDescriptor TemplateEnum = Create(
        TemplateEnumId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "The template has a value the schema does not allow",
        "{0}",
        "Enum properties (size, weight, color, style, …) take only the schema's values, and the card's version must be a known Adaptive Cards version.");

    /// <summary>CARDGEN023: a template feature newer than the card's version, or one its host does not render.</summary>
    public static readonly DiagnosticDescriptor TemplateVersion = Create(
        TemplateVersionId,
        HostCategory,
        DiagnosticSeverity.Error,
        "The template uses what its card version or host does not render",
        "{0}",
        "Each element, action, property and enum value came with a schema version; the card's \"version\" must be at least that, and at most what each of the card's hosts renders. Some hosts drop some element or action types altogether.");

    /// <summary>CARDGEN024: a binding names no member of the data in scope.</summary>
    public static readonly DiagnosticDescriptor TemplateMember = Create(
        TemplateMemberId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A template binding names no member",
        "{0}",
        "A ${Name} binding reads a property or field of the data in scope: the [ChatCard] type at the top, the item or object that \"$data\" selects inside. Names match without regard to case, as in the templating engine.");

    /// <summary>CARDGEN025: <c>$data</c> binds a value that is neither an object nor a collection.</summary>
    public static readonly DiagnosticDescriptor TemplateData = Create(
        TemplateDataId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "\"$data\" binds neither an object nor a collection",
        "{0}",
        "\"$data\" sets an element's data: an object (its members are then in scope) or a collection (the element repeats once per item, with $index).");

    /// <summary>CARDGEN026: <c>$when</c> is not a boolean.</summary>
    public static readonly DiagnosticDescriptor TemplateWhen = Create(
        TemplateWhenId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "\"$when\" is not a boolean",
        "{0}",
        "\"$when\" keeps an element only when its binding is true; a string or number there is always true to the templating engine, which is rarely what was meant.");

    /// <summary>CARDGEN027: a template feature compiled templates do not support.</summary>
    public static readonly DiagnosticDescriptor TemplateUnsupported = Create(
        TemplateUnsupportedId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "Compiled templates do not support this",
        "Compiled templates do not support {0}",
        "A [ChatCard] template is compiled to C# at build time; what cannot be compiled (a function outside docs/templates.md, inline data, an object written whole) is reported instead of written wrong at run time.");

    /// <summary>CARDGEN028: the same element id twice in a template.</summary>
    public static readonly DiagnosticDescriptor TemplateDuplicateId = Create(
        TemplateDuplicateIdId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "An id is used twice in the template",
        "{0}",
        "Element and action ids must be unique in a card (inputs, toggles and show-cards find their targets by id); an id inside an element repeated over \"$data\" repeats with it unless it is bound, for example \"row${$index}\".");

    /// <summary>CARDGEN029: Title, Summary or IconUrl given on a template card, which does not use them.</summary>
    public static readonly DiagnosticDescriptor TemplateIgnoredArgument = Create(
        TemplateIgnoredArgumentId,
        UsageCategory,
        DiagnosticSeverity.Warning,
        "A template card does not use this [ChatCard] argument",
        "'{0}' is not used on the template card '{1}': {2}",
        "A template card is written from its template alone: the heading, the notification text (\"fallbackText\") and everything else the card shows belong in the template, and the post carries no icon of its own.");

    /// <summary>Every template rule, by id.</summary>
    internal static DiagnosticDescriptor ForTemplate(string id) => id switch
    {
        TemplateFileId => TemplateFile,
        TemplateSyntaxId => TemplateSyntax,
        TemplateSchemaId => TemplateSchema,
        TemplateRequiredId => TemplateRequired,
        TemplateEnumId => TemplateEnum,
        TemplateVersionId => TemplateVersion,
        TemplateMemberId => TemplateMember,
        TemplateDataId => TemplateData,
        TemplateWhenId => TemplateWhen,
        TemplateDuplicateIdId => TemplateDuplicateId,
        _ => TemplateUnsupported,
    };
}
