using Microsoft.CodeAnalysis;

namespace CardGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic CardGen reports. The ids are a public contract: they never change meaning and are never reused.
/// Each help link points to the rule's page under <c>docs/diagnostics/</c>.
/// </summary>
public static partial class DiagnosticDescriptors
{
    /// <summary>Where each rule's documentation page lives; the rule id and <c>.md</c> are appended.</summary>
    public const string HelpLinkBase = "https://github.com/cardgen/cardgen/blob/main/docs/diagnostics/";

    /// <summary>Rules about how the attributes are used.</summary>
    public const string UsageCategory = "CardGen.Usage";

    /// <summary>Rules about the Adaptive Card schema (versions, ids).</summary>
    public const string SchemaCategory = "CardGen.Schema";

    /// <summary>Rules about what the target chat host supports.</summary>
    public const string HostCategory = "CardGen.Host";

    /// <summary>Rules about credentials and outside data.</summary>
    public const string SecurityCategory = "CardGen.Security";

    /// <summary>Property of CARDGEN003: the closest member name, when one is close enough.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>Property of CARDGEN002: set when the type cannot be extended only because a containing type is not partial.</summary>
    public const string ContainerNotPartialProperty = "ContainerNotPartial";

    /// <summary>Property of CARDGEN011: set when the card has no Summary (rather than too many actions).</summary>
    public const string MissingSummaryProperty = "MissingSummary";

    /// <summary>Property of CARDGEN005: the schema version the feature needs, for example <c>1.5</c>.</summary>
    public const string RequiredVersionProperty = "RequiredVersion";

    /// <summary>Property of CARDGEN005: the newest version the card's host renders.</summary>
    public const string HostMaxVersionProperty = "HostMaxVersion";

    /// <summary>Property of CARDGEN005: the feature's name, for example <c>Table</c> or <c>style</c>.</summary>
    public const string FeatureProperty = "Feature";

    /// <summary>Property of CARDGEN005: what removing the feature removes (<see cref="RemoveArgument"/>, …), when it can be removed.</summary>
    public const string RemoveProperty = "Remove";

    /// <summary>CARDGEN005 <see cref="RemoveProperty"/>: the reported attribute argument.</summary>
    public const string RemoveArgument = "Argument";

    /// <summary>CARDGEN005 <see cref="RemoveProperty"/>: the reported property assignment in an object initializer.</summary>
    public const string RemoveAssignment = "Assignment";

    /// <summary>CARDGEN005 <see cref="RemoveProperty"/>: the <c>AddElement</c>/<c>AddAction</c> call or the collection item holding the reported object creation.</summary>
    public const string RemoveElement = "Element";

    /// <summary>CARDGEN015 id.</summary>
    public const string LegacyColorId = "CARDGEN015";
    /// <summary>CARDGEN016 id.</summary>
    public const string LegacyTooLongId = "CARDGEN016";
    /// <summary>CARDGEN017 id.</summary>
    public const string LegacyUrlId = "CARDGEN017";
    /// <summary>CARDGEN001 id.</summary>
    public const string NotPartialId = "CARDGEN001";
    /// <summary>CARDGEN002 id.</summary>
    public const string CannotExtendId = "CARDGEN002";
    /// <summary>CARDGEN003 id.</summary>
    public const string TemplatePlaceholderId = "CARDGEN003";
    /// <summary>CARDGEN004 id.</summary>
    public const string MemberCannotRenderId = "CARDGEN004";
    /// <summary>CARDGEN005 id.</summary>
    public const string FeatureNeedsNewerVersionId = "CARDGEN005";
    /// <summary>CARDGEN006 id.</summary>
    public const string HostDoesNotSupportId = "CARDGEN006";
    /// <summary>CARDGEN007 id.</summary>
    public const string InvalidLiteralId = "CARDGEN007";
    /// <summary>CARDGEN008 id.</summary>
    public const string DuplicateIdId = "CARDGEN008";
    /// <summary>CARDGEN009 id.</summary>
    public const string EmptyCardId = "CARDGEN009";
    /// <summary>CARDGEN010 id.</summary>
    public const string WebhookUrlInSourceId = "CARDGEN010";
    /// <summary>CARDGEN011 id.</summary>
    public const string HostPresentationId = "CARDGEN011";
    /// <summary>CARDGEN012 id.</summary>
    public const string MarkdownFromOutsideId = "CARDGEN012";
    /// <summary>CARDGEN013 id.</summary>
    public const string ActionInPartId = "CARDGEN013";
    /// <summary>CARDGEN014 id.</summary>
    public const string ConflictingMappingId = "CARDGEN014";

    /// <summary>CARDGEN001: a <c>[ChatCard]</c> or <c>[CardPart]</c> type is not <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Create(
        NotPartialId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A [ChatCard] type must be partial",
        "'{0}' has [{1}] but is not partial, so CardGen cannot add its card members; declare it 'partial'",
        "CardGen adds the card's members (ToAdaptiveCard, CardBuilder, PostToHookAsync, …) to the type in a second part; without 'partial' nothing is generated and calls to those members do not compile.");

    /// <summary>CARDGEN002: a <c>[ChatCard]</c> type the generator cannot extend.</summary>
    public static readonly DiagnosticDescriptor CannotExtend = Create(
        CannotExtendId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "CardGen cannot extend this type",
        "CardGen cannot extend '{0}': {1}",
        "A [ChatCard] or [CardPart] type must be a non-generic class, record or struct (not a ref struct, not file-local), and every type that contains it must be a non-generic partial type that is not file-local; otherwise nothing is generated.");

    /// <summary>CARDGEN003: a template placeholder names no readable member, or has a format the member's type cannot apply.</summary>
    public static readonly DiagnosticDescriptor TemplatePlaceholder = Create(
        TemplatePlaceholderId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A template placeholder does not bind",
        "{0} of '{1}': {2}",
        "Title and Summary are templates whose {Member} and {Member:format} placeholders must name a readable property or field of the type whose value CardGen can format, with a format that type accepts; '{{' and '}}' write literal braces.");

    /// <summary>CARDGEN004: a mapping attribute on a member it cannot render, or on a member that cannot be read.</summary>
    public static readonly DiagnosticDescriptor MemberCannotRender = Create(
        MemberCannotRenderId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A mapping attribute cannot render this member",
        "[{0}] cannot render '{1}': {2}",
        "Each mapping attribute renders certain member types: [CardText] and [CardFact] a value (string, number, date, enum, Uri, IFormattable …), [CardImage] and [CardAction] a Uri or URL string, [CardFacts] a dictionary of such values, [CardSection] a [CardPart] type or a collection of one. The member must be a readable instance property or field. CardGen skips the type otherwise.");

    /// <summary>CARDGEN005: a feature newer than the card's target schema version.</summary>
    public static readonly DiagnosticDescriptor FeatureNeedsNewerVersion = Create(
        FeatureNeedsNewerVersionId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "A feature is newer than the card's schema version",
        "{0} needs Adaptive Cards {1}, but the card of '{2}' targets {3}{4}",
        "Renderers drop or reject what is newer than the card's version; RingCentral answers such a card with a schema error. Raise the card's Version (when its host renders that version) or leave the feature out.");

    /// <summary>CARDGEN006: something the target host does not support (an error) or where it does nothing (a warning).</summary>
    public static readonly DiagnosticDescriptor HostDoesNotSupport = Create(
        HostDoesNotSupportId,
        HostCategory,
        DiagnosticSeverity.Error,
        "The chat host does not support this",
        "{0} on {1}: {2}",
        "Each chat host renders a schema version and honours certain actions. A version above the host's, or an action the host does not support, is an error; an Action.Submit or an input on a RingCentral incoming webhook is reported as a warning, because the click has nowhere to go.");

    /// <summary>CARDGEN007: an invalid literal.</summary>
    public static readonly DiagnosticDescriptor InvalidLiteral = Create(
        InvalidLiteralId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "An invalid value",
        "{0} is not valid: {1}",
        "Versions are major.minor (1.0 to 1.6); URLs on a card must be absolute http(s) URLs or data URIs; pixel sizes are digits followed by 'px'; colours are #RRGGBB or #AARRGGBB; an action needs a title; a format must suit the member's type.");

    /// <summary>CARDGEN008: two elements or inputs with the same id.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = Create(
        DuplicateIdId,
        SchemaCategory,
        DiagnosticSeverity.Error,
        "Two card elements have the same id",
        "The id '{0}' is already used in this card",
        "Ids identify inputs in the submitted data and the targets of Action.ToggleVisibility; renderers reject or mix up a card where two elements, inputs or actions share one.");

    /// <summary>CARDGEN009: a card that would render nothing.</summary>
    public static readonly DiagnosticDescriptor EmptyCard = Create(
        EmptyCardId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "The card renders nothing",
        "The card of '{0}' renders nothing: it has no Title and no member with a mapping attribute",
        "A card with no element and no action is rejected by hosts or posted as an empty box. Give the [ChatCard] a Title, or mark members with [CardText], [CardFact], [CardFacts], [CardImage], [CardAction] or [CardSection].");

    /// <summary>CARDGEN010: a chat webhook URL written in source.</summary>
    public static readonly DiagnosticDescriptor WebhookUrlInSource = Create(
        WebhookUrlInSourceId,
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "A webhook URL is written in source",
        "This is a {0} webhook URL; anyone who has it can post to the conversation, so read it from configuration or a secret store instead of writing it in source",
        "An incoming webhook URL is a credential: whoever has it can post as the integration. In source it ends up in version control, build logs and packages. Keep it in configuration, an environment variable or a secret store and rotate any URL that was committed.");

    /// <summary>CARDGEN011: the card shows worse than it could on its host.</summary>
    public static readonly DiagnosticDescriptor HostPresentation = Create(
        HostPresentationId,
        HostCategory,
        DiagnosticSeverity.Warning,
        "The card shows poorly on its host",
        "The card of '{0}' {1}",
        "RingCentral shows a card's Summary (fallbackText) as the mobile notification; without one notifications read \"New Card Sent\". Hosts show a limited number of actions in one row and drop or hide the rest.");

    /// <summary>CARDGEN012: markdown rendered from a member that carries outside data.</summary>
    public static readonly DiagnosticDescriptor MarkdownFromOutside = Create(
        MarkdownFromOutsideId,
        SecurityCategory,
        DiagnosticSeverity.Info,
        "Markdown from outside data renders as written",
        "'{0}' is rendered as markdown: links and formatting in its value will render, so make sure it does not come from untrusted input",
        "CardGen escapes markdown in member values unless [CardText(Markdown = true)] is set. A value from a webhook payload or a user can then show links that look like anything; keep Markdown off for such members or clean the value first.");

    /// <summary>CARDGEN013: an action in a <c>[CardPart]</c> type.</summary>
    public static readonly DiagnosticDescriptor ActionInPart = Create(
        ActionInPartId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A [CardPart] type cannot have actions",
        "'{0}' is a [CardPart] type, whose members render inside a container, which has no action bar; move the [CardAction] member to the [ChatCard] type",
        "A part renders as a Container of elements inside a card. Containers hold no actions, so CardGen does not generate a part (or a type that is both card and part) with a [CardAction] member.");

    /// <summary>CARDGEN014: a member with more than one mapping attribute, or a mapping attribute and [CardIgnore].</summary>
    public static readonly DiagnosticDescriptor ConflictingMapping = Create(
        ConflictingMappingId,
        UsageCategory,
        DiagnosticSeverity.Warning,
        "A member has conflicting mapping attributes",
        "'{0}' has [{1}] and [{2}]; {3}",
        "A member renders once: CardGen uses its first mapping attribute and ignores the others, and [CardIgnore] keeps the member off the card whatever else it has. Keep one attribute.");

    /// <summary>CARDGEN015: a legacy card colour that is not <c>#RRGGBB</c>.</summary>
    public static readonly DiagnosticDescriptor LegacyColor = Create(
        LegacyColorId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A legacy card colour is not #RRGGBB",
        "\"{0}\" is not a legacy card colour: RingCentral takes a hex #RRGGBB, for example #00ff2a{1}",
        "A legacy (v1) card's side bar colour is documented as a hex colour such as #00ff2a. Named colours (red, good), #RGB and values without '#' are not documented, and LegacyValidator refuses the message before it is sent.");

    /// <summary>CARDGEN016: a legacy card literal over its documented size.</summary>
    public static readonly DiagnosticDescriptor LegacyTooLong = Create(
        LegacyTooLongId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A legacy card value is over its documented size",
        "The value of {0} {1}",
        "RingCentral documents every legacy (v1) card field but text as taking at most 300 bytes of UTF-8, and text at most 1,000 characters. LegacyValidator refuses a longer value before the message is sent.");

    /// <summary>CARDGEN017: a legacy card or message URL literal that is not what the field needs.</summary>
    public static readonly DiagnosticDescriptor LegacyUrl = Create(
        LegacyUrlId,
        UsageCategory,
        DiagnosticSeverity.Error,
        "A legacy message URL is not usable there",
        "The value of {0} {1}",
        "Legacy (v1) card links must be absolute http or https URLs, and images absolute https URLs: RingCentral shows an http image_url as a placeholder (an error), and loads icons and thumbnails over https too (an http one is reported as a warning).");

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, string description)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
