namespace CardGen.Validation;

/// <summary>
/// The stable ids of the validator's rules. Ids never change meaning; new rules get new ids.
/// </summary>
public static class CardRules
{
    /// <summary>The JSON is malformed, is not an object, or the card could not be serialized.</summary>
    public const string MalformedJson = "CV001";

    /// <summary>The root's <c>type</c> is missing or is not <c>AdaptiveCard</c>.</summary>
    public const string CardType = "CV002";

    /// <summary>The root card declares no <c>version</c>, or one that is not <c>major.minor</c>.</summary>
    public const string CardVersion = "CV003";

    /// <summary>The card declares a version newer than the target renders.</summary>
    public const string VersionAboveTarget = "CV004";

    /// <summary>An element or action has a <c>type</c> the schema does not know.</summary>
    public const string UnknownType = "CV010";

    /// <summary>An element or action has no <c>type</c> where several types are allowed.</summary>
    public const string MissingType = "CV011";

    /// <summary>A known type stands where it is not allowed (a Column in a body, a ShowCard as a select action).</summary>
    public const string TypeNotAllowed = "CV012";

    /// <summary>A required property is missing.</summary>
    public const string MissingRequiredProperty = "CV020";

    /// <summary>A collection that must hold items is empty.</summary>
    public const string EmptyCollection = "CV021";

    /// <summary>A property the schema does not define (ignored by renderers, rejected by strict hosts).</summary>
    public const string UnknownProperty = "CV022";

    /// <summary>A value has the wrong JSON shape (a string where a boolean belongs).</summary>
    public const string WrongValueKind = "CV023";

    /// <summary>A type, property or enum value is newer than the target version.</summary>
    public const string NewerThanTarget = "CV030";

    /// <summary>A type, property or enum value is newer than the card's own declared version.</summary>
    public const string NewerThanDeclared = "CV031";

    /// <summary>A value is not one of the enum's values.</summary>
    public const string InvalidEnumValue = "CV040";

    /// <summary>A pixel size, colour, width, URL or version is malformed.</summary>
    public const string InvalidFormat = "CV041";

    /// <summary>A relative URL on a host that has no base URL to resolve it against.</summary>
    public const string RelativeUrl = "CV042";

    /// <summary>Two elements, inputs or actions share an id.</summary>
    public const string DuplicateId = "CV050";

    /// <summary>An action the host does not support, or that does nothing there.</summary>
    public const string ActionNotSupported = "CV060";

    /// <summary>An input on a host where input values go nowhere.</summary>
    public const string InputHasNoEffect = "CV061";

    /// <summary><c>Action.ShowCard</c> cards nested deeper than the host shows.</summary>
    public const string ShowCardTooDeep = "CV062";

    /// <summary>More actions in one row than the host shows.</summary>
    public const string TooManyActions = "CV063";

    /// <summary>No <c>fallbackText</c> on a host that uses it as the notification text.</summary>
    public const string MissingFallbackText = "CV064";

    /// <summary>An element type the host does not render (Media on Teams).</summary>
    public const string ElementNotSupported = "CV065";

    /// <summary><c>refresh.action</c> is not an <c>Action.Execute</c>.</summary>
    public const string RefreshActionNotExecute = "CV070";

    /// <summary>A required input has no label (or, from 1.3, no error message).</summary>
    public const string RequiredInputWithoutLabel = "CV071";

    /// <summary><c>Action.ToggleVisibility</c> targets an id no element has.</summary>
    public const string ToggleTargetNotFound = "CV072";

    /// <summary>An input, Media, ActionSet, Carousel, <c>Action.ShowCard</c> or <c>Action.ToggleVisibility</c> inside a Carousel, which renderers drop.</summary>
    public const string NotAllowedInCarousel = "CV073";
}
