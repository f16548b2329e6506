using System;
using System.Collections.Generic;

#if CARDGEN_GENERATOR
namespace CardGen.Generator.Schema;
#else
namespace CardGen.Schema;
#endif

/// <summary>How a chat host treats a card feature.</summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
enum HostSupport
{
    /// <summary>The host renders it and it works.</summary>
    Supported,

    /// <summary>The host renders it, but it cannot do anything there (a warning).</summary>
    NoEffect,

    /// <summary>The host rejects or ignores it (an error).</summary>
    Unsupported,
}

/// <summary>
/// What a chat host renders of Adaptive Cards: its schema version, the actions it honours and its limits.
/// The runtime validator, the generator and the analyzers read the same profiles.
/// </summary>
#if CARDGEN_GENERATOR
internal
#else
public
#endif
sealed class HostProfile
{
    private readonly Dictionary<string, (HostSupport Support, string? Reason)> _actions;

    private HostProfile(string name, CardVersion maxVersion, Dictionary<string, (HostSupport, string?)> actions)
    {
        Name = name;
        MaxVersion = maxVersion;
        _actions = actions;
    }

    /// <summary>
    /// RingCentral team messaging through an incoming webhook: Adaptive Cards 1.3. OpenUrl, ShowCard and
    /// ToggleVisibility work; <c>Action.Submit</c> renders but has nowhere to go (a plain incoming webhook has no
    /// outbound URL); <c>Action.Execute</c> is not supported; <c>fallbackText</c> becomes the mobile notification.
    /// </summary>
    public static HostProfile RingCentral { get; } = new(
        "RingCentral",
        CardVersion.V1_3,
        new Dictionary<string, (HostSupport, string?)>(StringComparer.Ordinal)
        {
            [SchemaCatalog.TypeNames.OpenUrl] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ShowCard] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ToggleVisibility] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.Submit] = (HostSupport.NoEffect, "a card posted through a RingCentral incoming webhook has no outbound URL, so the click goes nowhere"),
            [SchemaCatalog.TypeNames.Execute] = (HostSupport.Unsupported, "RingCentral does not support Action.Execute"),
        })
    {
        MaxActions = 5,
        MaxShowCardDepth = 1,
        FallbackTextIsNotification = true,
        InputSupport = HostSupport.NoEffect,
        InputReason = "input values are only delivered by Action.Submit, which has nowhere to go from a RingCentral incoming webhook",
        RejectsUnknownProperties = true,
        RequiresAbsoluteUrls = true,
    };

    /// <summary>
    /// Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is received"): Adaptive
    /// Cards 1.5, messages of at most about 28 KB, up to 6 actions in a row. OpenUrl, ShowCard and ToggleVisibility
    /// work; <c>Action.Submit</c> and <c>Action.Execute</c> need a bot to receive them, and a card posted by a workflow
    /// has none, so Submit goes nowhere and Execute is not supported. Teams reads its own <c>msteams</c> extension, so
    /// unknown properties are not rejected. See docs/teams.md for the sources.
    /// </summary>
    public static HostProfile Teams { get; } = new(
        "Teams",
        CardVersion.V1_5,
        new Dictionary<string, (HostSupport, string?)>(StringComparer.Ordinal)
        {
            [SchemaCatalog.TypeNames.OpenUrl] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ShowCard] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ToggleVisibility] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.Submit] = (HostSupport.NoEffect, "a card posted by a Teams workflow has no bot behind it, so the click goes nowhere"),
            [SchemaCatalog.TypeNames.Execute] = (HostSupport.Unsupported, "Action.Execute needs a Teams bot to answer it, and a card posted by a workflow has none"),
        })
    {
        MaxActions = 6,
        UnsupportedElements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SchemaCatalog.TypeNames.Media] = "Teams does not render Media elements; link to the video with an Action.OpenUrl",
        },
        InputSupport = HostSupport.NoEffect,
        InputReason = "input values are only delivered by Action.Submit or Action.Execute, which have no bot to go to from a Teams workflow",
        RequiresAbsoluteUrls = true,
        MaxPayloadBytes = 28_000,
    };

    /// <summary>Any host that renders Adaptive Cards 1.6 with the reference renderers' defaults.</summary>
    public static HostProfile Generic { get; } = new(
        "Generic",
        CardVersion.V1_6,
        new Dictionary<string, (HostSupport, string?)>(StringComparer.Ordinal)
        {
            [SchemaCatalog.TypeNames.OpenUrl] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ShowCard] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.ToggleVisibility] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.Submit] = (HostSupport.Supported, null),
            [SchemaCatalog.TypeNames.Execute] = (HostSupport.Supported, null),
        })
    {
        MaxActions = 5,
    };

    /// <summary>Every built-in profile.</summary>
    public static IReadOnlyList<HostProfile> All { get; } = new[] { RingCentral, Teams, Generic };

    /// <summary>The profile's name, for example <c>RingCentral</c>.</summary>
    public string Name { get; }

    /// <summary>The newest schema version the host renders.</summary>
    public CardVersion MaxVersion { get; }

    /// <summary>How many actions the host shows in one action bar; more are dropped or moved to overflow.</summary>
    public int MaxActions { get; private init; }

    /// <summary>How deep <c>Action.ShowCard</c> cards may nest, or <see langword="null"/> for no limit.</summary>
    public int? MaxShowCardDepth { get; private init; }

    /// <summary>Whether the card's <c>fallbackText</c> is what mobile notifications show.</summary>
    public bool FallbackTextIsNotification { get; private init; }

    /// <summary>Whether inputs do anything on this host.</summary>
    public HostSupport InputSupport { get; private init; } = HostSupport.Supported;

    /// <summary>Why inputs are not <see cref="HostSupport.Supported"/>, when they are not.</summary>
    public string? InputReason { get; private init; }

    /// <summary>Whether the host validates cards against the strict published schema, which rejects unknown properties.</summary>
    public bool RejectsUnknownProperties { get; private init; }

    /// <summary>Whether URLs must be absolute (the host has no base URL to resolve relative ones against).</summary>
    public bool RequiresAbsoluteUrls { get; private init; }

    /// <summary>
    /// The largest request body the host takes, in UTF-8 bytes, or <see langword="null"/> when it documents none.
    /// Teams documents "about 28 KB" for a message; the profile takes 28,000 bytes, the lower reading, so that nothing
    /// sent is refused for its size.
    /// </summary>
    public int? MaxPayloadBytes { get; private init; }

    /// <summary>Element types the host drops, with why; empty for hosts that render every element of their version.</summary>
    private Dictionary<string, string> UnsupportedElements { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How the host treats an element type of a version it renders.</summary>
    /// <param name="elementType">The element's <c>type</c>, for example <c>Media</c>.</param>
    /// <param name="reason">Why it is not <see cref="HostSupport.Supported"/>, when it is not.</param>
    /// <returns>The support level; element types the host does not list are <see cref="HostSupport.Supported"/> (the version check covers the rest).</returns>
    public HostSupport GetElementSupport(string elementType, out string? reason)
    {
        if (elementType is not null && UnsupportedElements.TryGetValue(elementType, out var why))
        {
            reason = why;
            return HostSupport.Unsupported;
        }

        reason = null;
        return HostSupport.Supported;
    }

    /// <summary>How the host treats an action type.</summary>
    /// <param name="actionType">The action's <c>type</c>, for example <c>Action.Submit</c>.</param>
    /// <param name="reason">Why it is not <see cref="HostSupport.Supported"/>, when it is not.</param>
    /// <returns>The support level; unknown action types are <see cref="HostSupport.Unsupported"/>.</returns>
    public HostSupport GetActionSupport(string actionType, out string? reason)
    {
        if (_actions.TryGetValue(actionType, out var entry))
        {
            reason = entry.Reason;
            return entry.Support;
        }

        reason = $"{Name} does not know the action type '{actionType}'";
        return HostSupport.Unsupported;
    }

    /// <summary>Looks a built-in profile up by name, ignoring case.</summary>
    /// <param name="name">The profile's name.</param>
    /// <param name="profile">The profile when found.</param>
    /// <returns><see langword="true"/> when a profile has that name.</returns>
    public static bool TryGet(string? name, out HostProfile profile)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                profile = candidate;
                return true;
            }
        }

        profile = null!;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (Adaptive Cards {MaxVersion})";
}
