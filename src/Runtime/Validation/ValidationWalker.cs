using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;
using static CardGen.Schema.SchemaCatalog;

namespace CardGen.Validation;

/// <summary>
/// Walks card JSON once, checking every object against its <see cref="CardTypeSpec"/> and the target host.
/// Everything it knows about Adaptive Cards comes from <see cref="SchemaCatalog"/> and <see cref="HostProfile"/>.
/// </summary>
internal sealed class ValidationWalker
{
    private readonly ValidationTarget _target;
    private readonly List<CardFinding> _findings = new();
    private readonly Dictionary<string, CardPath> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Id, CardPath Path)> _toggleTargets = new();
    private readonly HashSet<string> _idsReplacedByFallback = new(StringComparer.Ordinal);
    private CardVersion? _declared;

    /// <summary>The path of the innermost Carousel whose pages are being walked, or <see langword="null"/>.</summary>
    private CardPath? _carousel;

    public ValidationWalker(ValidationTarget target) => _target = target;

    public IReadOnlyList<CardFinding> Findings => _findings;

    private HostProfile Host => _target.Host;

    public void ValidateRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(CardRules.MalformedJson, CardPath.Root, $"An Adaptive Card must be a JSON object, not {Describe(root)}.");
            return;
        }

        if (!root.TryGetProperty("type", out var type))
        {
            Error(CardRules.CardType, CardPath.Root, "The card has no \"type\"; a card must say \"type\": \"AdaptiveCard\".");
        }
        else if (!type.IsText(AdaptiveCardType))
        {
            Error(CardRules.CardType, CardPath.Root.Property("type"), $"The card's type is {Describe(type)}; it must be \"AdaptiveCard\".");
        }

        if (!root.TryGetProperty("version", out var version))
        {
            Error(CardRules.CardVersion, CardPath.Root, $"The card has no \"version\"; renderers refuse or guess. Declare the version it needs, for example \"{_target.Version}\".");
        }
        else if (version.ValueKind != JsonValueKind.String || !Schema.CardVersion.TryParse(version.GetString(), out var declared))
        {
            Error(CardRules.CardVersion, CardPath.Root.Property("version"), $"The card's version {Describe(version)} is not major.minor, for example \"1.3\".");
        }
        else
        {
            _declared = declared;
            if (declared > _target.Version)
            {
                Error(CardRules.VersionAboveTarget, CardPath.Root.Property("version"), $"The card declares version {declared}, but {_target} renders up to {_target.Version}; the host shows the fallback text instead.");
            }
        }

        if (Host.FallbackTextIsNotification && !(root.TryGetProperty("fallbackText", out var fallbackText) && fallbackText.ValueKind == JsonValueKind.String && fallbackText.GetString()!.Length > 0))
        {
            Warning(CardRules.MissingFallbackText, CardPath.Root, $"The card has no fallbackText; {Host.Name} shows it as the notification text, and without it mobile notifications read a generic text.");
        }

        ValidateCardBody(root, CardPath.Root, showCardDepth: 0);

        foreach (var (id, path) in _toggleTargets)
        {
            if (!_ids.ContainsKey(id))
            {
                Warning(CardRules.ToggleTargetNotFound, path, $"No element has the id \"{id}\"; toggling it does nothing.");
            }
        }
    }

    private void ValidateCardBody(JsonElement card, CardPath path, int showCardDepth)
    {
        var spec = Card;
        ValidateProperties(card, spec, path, fallbackAvailable: false, showCardDepth, skip: "type");
        if (card.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > Host.MaxActions)
        {
            Warning(CardRules.TooManyActions, path.Property("actions"), $"The card has {actions.GetArrayLength()} actions; {Host.Name} shows at most {Host.MaxActions} in a row.");
        }

        if (card.TryGetProperty("refresh", out var refresh) && refresh.ValueKind == JsonValueKind.Object
            && refresh.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && !(action.TryGetProperty("type", out var actionType) && actionType.IsText(TypeNames.Execute)))
        {
            Error(CardRules.RefreshActionNotExecute, path.Property("refresh").Property("action"), "refresh.action must be an Action.Execute.");
        }
    }

    /// <summary>
    /// Reads the <c>type</c> of an element or action and looks it up. Reports a non-object, a missing type and an
    /// unknown type (an error, or a warning where a fallback takes over, whose content is then validated).
    /// </summary>
    /// <returns>The type, or <see langword="null"/> when there is nothing more to check.</returns>
    private CardTypeSpec? ResolveType(JsonElement json, in ObjectKeys keys, CardPath path, FallbackFamily family, bool fallbackAvailable, int showCardDepth, out bool canFallBack)
    {
        var (noun, role, example) = family == FallbackFamily.Action
            ? ("action", CardTypeRole.Action, "\"Action.OpenUrl\"")
            : ("element", CardTypeRole.Element, "\"TextBlock\"");
        canFallBack = fallbackAvailable;
        if (json.ValueKind != JsonValueKind.Object)
        {
            Error(CardRules.WrongValueKind, path, $"An {noun} must be a JSON object, not {Describe(json)}.");
            return null;
        }

        if (!keys.HasType || keys.Type.ValueKind != JsonValueKind.String)
        {
            Error(CardRules.MissingType, path, $"The {noun} has no \"type\"; every {noun} needs one, for example {example}.");
            return null;
        }

        var typeName = keys.Type.GetString()!;
        var ownFallback = keys.HasFallback;
        canFallBack = fallbackAvailable || ownFallback;
        if (TryGetType(typeName, out var spec))
        {
            return spec;
        }

        Report(canFallBack ? FindingSeverity.Warning : FindingSeverity.Error, CardRules.UnknownType, path.Property("type"),
            canFallBack
                ? $"\"{typeName}\" is not an Adaptive Card {noun}; renderers show its fallback."
                : $"\"{typeName}\" is not an Adaptive Card {noun}{Suggest(typeName, role)}; renderers drop it.");
        if (ownFallback)
        {
            ValidateFallback(keys, path, family, showCardDepth);
        }

        return null;
    }

    private void ValidateElement(JsonElement element, CardPath path, bool fallbackAvailable, int showCardDepth)
    {
        var keys = ObjectKeys.Of(element);
        if (ResolveType(element, keys, path, FallbackFamily.Element, fallbackAvailable, showCardDepth, out var canFallBack) is not { } spec)
        {
            return;
        }

        var typeName = spec.Name;
        if (spec.Role != CardTypeRole.Element)
        {
            Error(CardRules.TypeNotAllowed, path.Property("type"), spec.Role == CardTypeRole.Action
                ? $"{typeName} is an action; put it in \"actions\" or an ActionSet, not among elements."
                : $"{typeName} is not allowed here; it belongs only inside its parent ({ParentOf(typeName)}).");
            return;
        }

        CheckTypeVersion(spec, path, canFallBack);
        CheckCarousel(spec, path);
        if (spec.Since <= _target.Version && Host.GetElementSupport(typeName, out var reason) != HostSupport.Supported)
        {
            Report(canFallBack ? FindingSeverity.Warning : FindingSeverity.Error, CardRules.ElementNotSupported, path.Property("type"), $"{typeName}: {reason}.");
        }

        if (spec.IsInput)
        {
            CheckInput(element, spec, path);
        }

        RecordId(keys, path);
        ValidateProperties(element, spec, path, canFallBack, showCardDepth, skip: "type");
        if (keys.HasFallback)
        {
            ValidateFallback(keys, path, FallbackFamily.Element, showCardDepth);
        }
    }

    private void ValidateAction(JsonElement action, CardPath path, bool isSelectAction, bool fallbackAvailable, int showCardDepth)
    {
        var keys = ObjectKeys.Of(action);
        if (ResolveType(action, keys, path, FallbackFamily.Action, fallbackAvailable, showCardDepth, out var canFallBack) is not { } spec)
        {
            return;
        }

        var typeName = spec.Name;
        if (spec.Role != CardTypeRole.Action)
        {
            Error(CardRules.TypeNotAllowed, path.Property("type"), $"{typeName} is not an action; only Action.* types are allowed here.");
            return;
        }

        if (isSelectAction && typeName == TypeNames.ShowCard)
        {
            Error(CardRules.TypeNotAllowed, path.Property("type"), "Action.ShowCard cannot be a select action or an inline action; use it in \"actions\".");
            return;
        }

        var newer = spec.Since > _target.Version;
        CheckTypeVersion(spec, path, canFallBack);
        CheckCarousel(spec, path);
        if (!newer)
        {
            var support = Host.GetActionSupport(typeName, out var reason);
            if (support != HostSupport.Supported)
            {
                Report(support == HostSupport.Unsupported && !canFallBack ? FindingSeverity.Error : FindingSeverity.Warning,
                    CardRules.ActionNotSupported, path.Property("type"), $"{typeName}: {reason}.");
            }
        }

        if (typeName == TypeNames.ShowCard && Host.MaxShowCardDepth is { } maxDepth && showCardDepth + 1 > maxDepth)
        {
            Warning(CardRules.ShowCardTooDeep, path, $"This Action.ShowCard is nested {showCardDepth + 1} deep; {Host.Name} shows ShowCard cards {maxDepth} level(s) deep.");
        }

        RecordId(keys, path);
        ValidateProperties(action, spec, path, canFallBack, showCardDepth, skip: "type");
        if (keys.HasFallback)
        {
            ValidateFallback(keys, path, FallbackFamily.Action, showCardDepth);
        }
    }

    private void ValidateComponent(JsonElement component, CardTypeSpec spec, CardPath path, bool fallbackAvailable, int showCardDepth)
    {
        if (component.ValueKind != JsonValueKind.Object)
        {
            Error(CardRules.WrongValueKind, path, $"A {spec.Name} must be a JSON object, not {Describe(component)}.");
            return;
        }

        var keys = ObjectKeys.Of(component);
        if (spec.Role == CardTypeRole.Element)
        {
            // A fixed place that holds an element type (an ImageSet's images): "type" may be omitted.
            if (keys.HasType && !keys.Type.IsText(spec.Name))
            {
                Error(CardRules.TypeNotAllowed, path.Property("type"), $"Only {spec.Name} is allowed here, not {Describe(keys.Type)}.");
                return;
            }

            RecordId(keys, path);
            ValidateProperties(component, spec, path, fallbackAvailable, showCardDepth, skip: "type");
            return;
        }

        var skip = spec.TryGetProperty("type", out _) ? null : "type";
        if (skip is not null && keys.HasType && !keys.Type.IsText(spec.Name))
        {
            Error(CardRules.TypeNotAllowed, path.Property("type"), $"Only {spec.Name} is allowed here, not {Describe(keys.Type)}.");
            return;
        }

        if (spec.Fallback != FallbackFamily.None)
        {
            RecordId(keys, path);
        }

        var ownFallback = keys.HasFallback;
        ValidateProperties(component, spec, path, fallbackAvailable || ownFallback, showCardDepth, skip);
        if (ownFallback && spec.Fallback != FallbackFamily.None)
        {
            ValidateFallback(keys, path, spec.Fallback, showCardDepth);
        }
    }

    private void ValidateProperties(JsonElement json, CardTypeSpec spec, CardPath path, bool fallbackAvailable, int showCardDepth, string? skip)
    {
        // Which required properties are there, by their place in RequiredProperties, so that a card that has them
        // all (nearly every card) is not searched again for each.
        var required = spec.RequiredProperties;
        var present = 0UL;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            var known = spec.TryGetProperty(name, out var propertySpec);
            if (known && propertySpec.IsRequired)
            {
                present |= RequiredBit(required, propertySpec);
            }

            if (name == skip)
            {
                continue;
            }

            var propertyPath = path.Property(name);
            if (!known)
            {
                Report(Host.RejectsUnknownProperties ? FindingSeverity.Warning : FindingSeverity.Info, CardRules.UnknownProperty, propertyPath,
                    Host.RejectsUnknownProperties
                        ? $"{spec.Name} has no property \"{name}\"; {Host.Name} checks cards against the published schema, which rejects unknown properties."
                        : $"{spec.Name} has no property \"{name}\"; renderers ignore it.");
                continue;
            }

            // A property as old as its type is covered by the type's own version check.
            if (propertySpec.Since > spec.Since && !CheckVersion(propertySpec.Since, propertyPath, $"{spec.Name}.{propertySpec.Name}"))
            {
                continue;
            }

            ValidateValue(property.Value, propertySpec, spec, propertyPath, fallbackAvailable, showCardDepth);
        }

        for (var i = 0; i < required.Count; i++)
        {
            var propertySpec = required[i];
            if (propertySpec.Since > _target.Version)
            {
                continue;
            }

            var isPresent = i < 64 ? (present & (1UL << i)) != 0 : HasProperty(json, propertySpec);
            if (!isPresent)
            {
                Error(CardRules.MissingRequiredProperty, path, $"{spec.Name} needs \"{propertySpec.Name}\".");
            }
            else if (propertySpec.IsNonEmpty && json.TryGetProperty(propertySpec.Name, out var array)
                && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == 0)
            {
                Warning(CardRules.EmptyCollection, path.Property(propertySpec.Name), $"{spec.Name}.{propertySpec.Name} is empty, so the {spec.Name} shows nothing.");
            }
        }
    }

    private void ValidateValue(JsonElement value, PropertySpec p, CardTypeSpec owner, CardPath path, bool fallbackAvailable, int showCardDepth)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!p.IsNullable)
            {
                Error(CardRules.WrongValueKind, path, $"{owner.Name}.{p.Name} cannot be null; leave it out instead.");
            }

            return;
        }

        switch (p.Kind)
        {
            case PropertyKind.String:
                Expect(value, JsonValueKind.String, path, p, owner, "a string");
                break;
            case PropertyKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    WrongKind(value, path, p, owner, "true or false");
                }

                break;
            case PropertyKind.Number:
                Expect(value, JsonValueKind.Number, path, p, owner, "a number");
                break;
            case PropertyKind.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    WrongKind(value, path, p, owner, "a whole number");
                }

                break;
            case PropertyKind.Enum:
                CheckEnum(value, p, owner, path);
                break;
            case PropertyKind.Url:
                CheckUrl(value, p, owner, path);
                break;
            case PropertyKind.Pixels or PropertyKind.Color or PropertyKind.HeightOrPixels when CardFormats.TryGetTextRule(p.Kind, out var isValid, out var expected):
                CheckFormat(value, path, p, owner, isValid, expected);
                break;
            case PropertyKind.ColumnWidth or PropertyKind.WeightOrPixels when CardFormats.TryGetTextRule(p.Kind, out var isValid, out var expected):
                CheckDimension(value, path, p, owner, isValid, expected); // a number is a weight
                break;
            case PropertyKind.Version:
                CheckFormat(value, path, p, owner, v => Schema.CardVersion.TryParse(v, out _), "a version such as \"1.3\"");
                break;
            case PropertyKind.ElementArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, "an array of elements"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        ValidateElement(item, path.Item(i++), fallbackAvailable, showCardDepth);
                    }
                }

                break;
            case PropertyKind.ActionArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, "an array of actions"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        ValidateAction(item, path.Item(i++), isSelectAction: false, fallbackAvailable, showCardDepth);
                    }

                    if (owner.Name == TypeNames.ActionSet && value.GetArrayLength() > Host.MaxActions)
                    {
                        Warning(CardRules.TooManyActions, path, $"The ActionSet has {value.GetArrayLength()} actions; {Host.Name} shows at most {Host.MaxActions} in a row.");
                    }
                }

                break;
            case PropertyKind.SelectAction:
                if (Expect(value, JsonValueKind.Object, path, p, owner, "an action object"))
                {
                    ValidateAction(value, path, isSelectAction: true, fallbackAvailable, showCardDepth);
                }

                break;
            case PropertyKind.Object:
                if (Expect(value, JsonValueKind.Object, path, p, owner, "an object"))
                {
                    ValidateComponent(value, GetCardType(p.ObjectType!), path, fallbackAvailable, showCardDepth);
                }

                break;
            case PropertyKind.ObjectArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, $"an array of {p.ObjectType}"))
                {
                    var itemSpec = GetCardType(p.ObjectType!);
                    var outerCarousel = _carousel;

                    // A Carousel newer than the target is CV030 already and dropped whole (or replaced by its fallback):
                    // what it holds is reported once, as that, not again as CV073 for each item.
                    if (owner.Name == TypeNames.Carousel && owner.Since <= _target.Version)
                    {
                        _carousel = path.Parent;
                    }

                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        ValidateComponent(item, itemSpec, path.Item(i++), fallbackAvailable, showCardDepth);
                    }

                    _carousel = outerCarousel;
                }

                break;
            case PropertyKind.InlineArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, "an array of TextRun objects or strings"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        var itemPath = path.Item(i++);
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            continue;
                        }

                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            Error(CardRules.WrongValueKind, itemPath, $"An inline must be a TextRun object or a string, not {Describe(item)}.");
                        }
                        else if (!item.TryGetProperty("type", out var inlineType))
                        {
                            Error(CardRules.MissingType, itemPath, "The inline has no \"type\"; write \"type\": \"TextRun\".");
                        }
                        else if (!inlineType.IsText(TypeNames.TextRun))
                        {
                            Error(CardRules.TypeNotAllowed, itemPath.Property("type"), $"Only TextRun is allowed in inlines, not {Describe(inlineType)}.");
                        }
                        else
                        {
                            ValidateProperties(item, GetCardType(TypeNames.TextRun), itemPath, fallbackAvailable, showCardDepth, skip: "type");
                        }
                    }
                }

                break;
            case PropertyKind.TargetElementArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, "an array of element ids or TargetElement objects"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        var itemPath = path.Item(i++);
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            _toggleTargets.Add((item.GetString()!, itemPath));
                        }
                        else
                        {
                            ValidateComponent(item, GetCardType(TypeNames.TargetElement), itemPath, fallbackAvailable, showCardDepth);
                            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("elementId", out var elementId) && elementId.ValueKind == JsonValueKind.String)
                            {
                                _toggleTargets.Add((elementId.GetString()!, itemPath.Property("elementId")));
                            }
                        }
                    }
                }

                break;
            case PropertyKind.BackgroundImage:
                if (value.ValueKind == JsonValueKind.String)
                {
                    CheckUrl(value, p, owner, path);
                }
                else if (Expect(value, JsonValueKind.Object, path, p, owner, "a URL string or a BackgroundImage object")
                    && CheckVersion(CardVersion.V1_2, path, "a BackgroundImage object"))
                {
                    ValidateComponent(value, GetCardType(TypeNames.BackgroundImage), path, fallbackAvailable, showCardDepth);
                }

                break;
            case PropertyKind.Fallback:
                break; // Validated with the owner (see ValidateFallback) so the replaced id may be reused.
            case PropertyKind.Card:
                if (Expect(value, JsonValueKind.Object, path, p, owner, "an AdaptiveCard object"))
                {
                    if (value.TryGetProperty("type", out var cardType) && !cardType.IsText(AdaptiveCardType))
                    {
                        Error(CardRules.CardType, path.Property("type"), $"The card's type is {Describe(cardType)}; it must be \"AdaptiveCard\".");
                    }

                    ValidateCardBody(value, path, showCardDepth + 1);
                }

                break;
            case PropertyKind.StringArray:
                if (Expect(value, JsonValueKind.Array, path, p, owner, "an array of strings"))
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            WrongKind(value, path, p, owner, "an array of strings");
                            break;
                        }
                    }
                }

                break;
            case PropertyKind.StringMap:
                if (Expect(value, JsonValueKind.Object, path, p, owner, "an object of feature names to versions"))
                {
                    foreach (var feature in value.EnumerateObject())
                    {
                        if (feature.Value.ValueKind != JsonValueKind.String
                            || !(feature.Value.ValueEquals("*") || Schema.CardVersion.TryParse(feature.Value.GetString(), out _)))
                        {
                            Error(CardRules.InvalidFormat, path.Property(feature.Name), $"A required feature's version must be \"*\" or a version such as \"1.2\", not {Describe(feature.Value)}.");
                        }
                    }
                }

                break;
            case PropertyKind.Any:
                break;
        }
    }

    private void ValidateFallback(in ObjectKeys owner, CardPath ownerPath, FallbackFamily family, int showCardDepth)
    {
        var fallback = owner.Fallback;
        var path = ownerPath.Property("fallback");
        if (fallback.ValueKind == JsonValueKind.String)
        {
            if (!string.Equals(fallback.GetString(), "drop", StringComparison.OrdinalIgnoreCase))
            {
                Error(CardRules.InvalidEnumValue, path, $"A fallback is \"drop\" or an object, not {Describe(fallback)}.");
            }

            return;
        }

        if (fallback.ValueKind != JsonValueKind.Object)
        {
            Error(CardRules.WrongValueKind, path, $"A fallback is \"drop\" or an object, not {Describe(fallback)}.");
            return;
        }

        // Fallback content may reuse the id of the object it replaces.
        var replacedId = owner.HasId && owner.Id.ValueKind == JsonValueKind.String ? owner.Id.GetString() : null;
        var added = replacedId is not null && _idsReplacedByFallback.Add(replacedId);
        switch (family)
        {
            case FallbackFamily.Element:
                // Content a renderer cannot show inside a fallback is dropped, as "drop" would do: not an error.
                ValidateElement(fallback, path, fallbackAvailable: true, showCardDepth);
                break;
            case FallbackFamily.Action:
                ValidateAction(fallback, path, isSelectAction: false, fallbackAvailable: true, showCardDepth);
                break;
            case FallbackFamily.Column:
                ValidateComponent(fallback, GetCardType(TypeNames.Column), path, fallbackAvailable: true, showCardDepth);
                break;
        }

        if (added)
        {
            _idsReplacedByFallback.Remove(replacedId!);
        }
    }

    private void CheckTypeVersion(CardTypeSpec spec, CardPath path, bool canFallBack)
    {
        if (spec.Since > _target.Version)
        {
            Report(canFallBack ? FindingSeverity.Warning : FindingSeverity.Error, CardRules.NewerThanTarget, path.Property("type"),
                canFallBack
                    ? $"{spec.Name} needs Adaptive Cards {spec.Since}; {_target} shows its fallback instead."
                    : $"{spec.Name} needs Adaptive Cards {spec.Since}, but {_target} renders up to {_target.Version}; add a fallback or leave it out.");
        }
        else if (_declared is { } declared && spec.Since > declared)
        {
            Warning(CardRules.NewerThanDeclared, path.Property("type"), $"{spec.Name} needs Adaptive Cards {spec.Since}, but the card declares version {declared}; declare \"{spec.Since}\".");
        }
    }

    /// <summary>
    /// Reports a property or value newer than the target or than the card's declared version. Both are warnings:
    /// renderers ignore a property (or use the default for a value) they do not know, and the card still renders.
    /// A whole element or action that is too new is dropped instead, which <see cref="CheckTypeVersion"/> reports as an error.
    /// </summary>
    /// <returns><see langword="false"/> when the feature is newer than the target.</returns>
    private bool CheckVersion(CardVersion since, CardPath path, string feature)
    {
        if (since > _target.Version)
        {
            Warning(CardRules.NewerThanTarget, path, $"{feature} needs Adaptive Cards {since}, but {_target} renders up to {_target.Version}; renderers ignore it.");
            return false;
        }

        if (_declared is { } declared && since > declared)
        {
            Warning(CardRules.NewerThanDeclared, path, $"{feature} needs Adaptive Cards {since}, but the card declares version {declared}; declare \"{since}\".");
        }

        return true;
    }

    private void CheckEnum(JsonElement value, PropertySpec p, CardTypeSpec owner, CardPath path)
    {
        if (!Expect(value, JsonValueKind.String, path, p, owner, "a string"))
        {
            return;
        }

        var spec = GetEnum(p.EnumType!);
        var text = value.GetString()!;
        if (!spec.TryGetValue(text, out var enumValue))
        {
            var allowed = string.Join(", ", Names(spec));
            if (spec.IsHostExtensible || p.IsRendererOnly)
            {
                Warning(CardRules.InvalidEnumValue, path, spec.IsHostExtensible
                    ? $"\"{text}\" is not a standard {owner.Name}.{p.Name} ({allowed}); hosts that do not define it show the default."
                    : $"\"{text}\" is not a valid {owner.Name}.{p.Name} ({allowed}); renderers ignore it.");
            }
            else
            {
                Error(CardRules.InvalidEnumValue, path, $"\"{text}\" is not a valid {owner.Name}.{p.Name}; use one of {allowed}.");
            }

            return;
        }

        CheckVersion(enumValue.Since, path, $"{owner.Name}.{p.Name} \"{enumValue.Name}\"");
    }

    private void CheckUrl(JsonElement value, PropertySpec p, CardTypeSpec owner, CardPath path)
    {
        if (!Expect(value, JsonValueKind.String, path, p, owner, "a URL string"))
        {
            return;
        }

        var url = value.GetString()!;
        if (!CardFormats.IsUrl(url, out var parsed))
        {
            Error(CardRules.InvalidFormat, path, $"{owner.Name}.{p.Name} is not a valid URL: {Describe(value)}.");
            return;
        }

        if (CardFormats.IsDataUri(url))
        {
            if (CardFormats.HasUnencodedCharacters(url))
            {
                Warning(CardRules.InvalidFormat, path, $"{owner.Name}.{p.Name} is a data URI with characters a URL must percent-encode (spaces, line breaks, <, >, \", #, text outside ASCII); the official renderers show it, but a '#' cuts the data short in browsers and other hosts may refuse it. Percent-encode the data or use base64.");
            }

            CheckVersion(CardVersion.V1_2, path, "A data URI");
        }
        else if (Host.RequiresAbsoluteUrls && !CardFormats.IsAbsoluteUrl(url, parsed))
        {
            Warning(CardRules.RelativeUrl, path, $"{owner.Name}.{p.Name} is relative; {Host.Name} has no base URL to resolve it against. Use an absolute https URL.");
        }
    }

    private void CheckFormat(JsonElement value, CardPath path, PropertySpec p, CardTypeSpec owner, Func<string, bool> isValid, string expected)
    {
        if (Expect(value, JsonValueKind.String, path, p, owner, expected) && !isValid(value.GetString()!))
        {
            Error(CardRules.InvalidFormat, path, $"{owner.Name}.{p.Name} must be {expected}, not {Describe(value)}.");
        }
    }

    private void CheckDimension(JsonElement value, CardPath path, PropertySpec p, CardTypeSpec owner, Func<string, bool> isValidText, string expected)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDouble(out var weight) || weight <= 0)
            {
                Error(CardRules.InvalidFormat, path, $"{owner.Name}.{p.Name} must be {expected}; a weight must be positive, not {Describe(value)}.");
            }

            return;
        }

        CheckFormat(value, path, p, owner, isValidText, expected);
    }

    private void CheckCarousel(CardTypeSpec spec, CardPath path)
    {
        if (_carousel is { } carousel && IsNotAllowedInCarousel(spec))
        {
            Error(CardRules.NotAllowedInCarousel, path, $"{spec.Name} cannot be inside a Carousel (the one at {carousel}); renderers drop it, fallback or not. Put it outside the carousel.");
        }
    }

    private void CheckInput(JsonElement input, CardTypeSpec spec, CardPath path)
    {
        if (Host.InputSupport != HostSupport.Supported)
        {
            Warning(CardRules.InputHasNoEffect, path, $"{spec.Name}: {Host.InputReason}.");
        }

        if (input.TryGetProperty("isRequired", out var required) && required.ValueKind == JsonValueKind.True && _target.Version >= CardVersion.V1_3)
        {
            if (!input.TryGetProperty("label", out _))
            {
                Warning(CardRules.RequiredInputWithoutLabel, path, $"The required {spec.Name} has no label; readers cannot tell what it asks for.");
            }
            else if (!input.TryGetProperty("errorMessage", out _))
            {
                Warning(CardRules.RequiredInputWithoutLabel, path, $"The required {spec.Name} has no errorMessage; readers are not told why submitting fails.");
            }
        }
    }

    private void RecordId(in ObjectKeys keys, CardPath path)
    {
        if (!keys.HasId || keys.Id.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var id = keys.Id.GetString()!;
        if (_ids.TryGetValue(id, out var first))
        {
            if (!_idsReplacedByFallback.Contains(id))
            {
                Error(CardRules.DuplicateId, path.Property("id"), $"The id \"{id}\" is already used at {first}; ids must be unique in a card.");
            }
        }
        else
        {
            _ids.Add(id, path);
        }
    }

    private static ulong RequiredBit(IReadOnlyList<PropertySpec> required, PropertySpec property)
    {
        for (var i = 0; i < required.Count && i < 64; i++)
        {
            if (ReferenceEquals(required[i], property))
            {
                return 1UL << i;
            }
        }

        return 0;
    }

    private static bool HasProperty(JsonElement json, PropertySpec p)
    {
        if (json.TryGetProperty(p.Name, out _))
        {
            return true;
        }

        foreach (var alias in p.Aliases)
        {
            if (json.TryGetProperty(alias, out _))
            {
                return true;
            }
        }

        return false;
    }

    private bool Expect(JsonElement value, JsonValueKind kind, CardPath path, PropertySpec p, CardTypeSpec owner, string expected)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        WrongKind(value, path, p, owner, expected);
        return false;
    }

    private void WrongKind(JsonElement value, CardPath path, PropertySpec p, CardTypeSpec owner, string expected)
        => Error(CardRules.WrongValueKind, path, $"{owner.Name}.{p.Name} must be {expected}, not {Describe(value)}.");

    private static IEnumerable<string> Names(EnumSpec spec)
    {
        foreach (var value in spec.Values)
        {
            yield return value.Name;
        }
    }

    private static string ParentOf(string typeName)
    {
        foreach (var type in Types)
        {
            foreach (var property in type.Properties)
            {
                if (property.ObjectType == typeName)
                {
                    return $"{type.Name}.{property.Name}";
                }
            }
        }

        return "its parent";
    }

    private static string Suggest(string typeName, CardTypeRole role)
    {
        foreach (var type in Types)
        {
            if (type.Role == role && string.Equals(type.Name, typeName, StringComparison.OrdinalIgnoreCase))
            {
                return $" (types are case-sensitive: did you mean \"{type.Name}\"?)";
            }
        }

        return string.Empty;
    }

    private static string Describe(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return "\"" + (text.Length > 60 ? text.Substring(0, 57) + "..." : text) + "\"";
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Null:
                return "null";
            case JsonValueKind.Array:
                return "an array";
            case JsonValueKind.Object:
                return "an object";
            default:
                return "nothing";
        }
    }

    private void Error(string rule, CardPath path, string message) => Report(FindingSeverity.Error, rule, path, message);

    private void Warning(string rule, CardPath path, string message) => Report(FindingSeverity.Warning, rule, path, message);

    private void Report(FindingSeverity severity, string rule, CardPath path, string message)
        => _findings.Add(new CardFinding(severity, rule, path.ToString(), message));

    /// <summary>
    /// An object's <c>type</c>, <c>id</c> and <c>fallback</c>, found in one pass over its properties instead of a
    /// search for each; a repeated name gives its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
    /// </summary>
    private readonly struct ObjectKeys
    {
        private ObjectKeys(JsonElement type, bool hasType, JsonElement id, bool hasId, JsonElement fallback, bool hasFallback)
        {
            Type = type;
            HasType = hasType;
            Id = id;
            HasId = hasId;
            Fallback = fallback;
            HasFallback = hasFallback;
        }

        public JsonElement Type { get; }

        public bool HasType { get; }

        public JsonElement Id { get; }

        public bool HasId { get; }

        public JsonElement Fallback { get; }

        public bool HasFallback { get; }

        /// <summary>The keys of <paramref name="json"/>, or none when it is not an object.</summary>
        public static ObjectKeys Of(JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            JsonElement type = default, id = default, fallback = default;
            bool hasType = false, hasId = false, hasFallback = false;
            foreach (var property in json.EnumerateObject())
            {
                if (property.NameEquals("type"u8))
                {
                    (type, hasType) = (property.Value, true);
                }
                else if (property.NameEquals("id"u8))
                {
                    (id, hasId) = (property.Value, true);
                }
                else if (property.NameEquals("fallback"u8))
                {
                    (fallback, hasFallback) = (property.Value, true);
                }
            }

            return new ObjectKeys(type, hasType, id, hasId, fallback, hasFallback);
        }
    }
}
