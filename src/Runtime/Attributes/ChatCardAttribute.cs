using System;

namespace CardGen;

/// <summary>
/// The chat host a card is written for; decides the schema version and the rules it is checked against. A card may
/// be written for several hosts at once (<c>ChatHost.RingCentral | ChatHost.Teams</c>): it is then checked against
/// each, and its default version is the newest every one of them renders.
/// </summary>
[Flags]
#pragma warning disable CA1714 // A host, or a set of hosts: the singular reads better at every use (Host = ChatHost.Teams).
public enum ChatHost
#pragma warning restore CA1714
{
    /// <summary>The project default: <see cref="ChatCardDefaultsAttribute"/>, else the <c>CardGenDefaultHost</c> MSBuild property, else RingCentral.</summary>
    Default = 0,

    /// <summary>RingCentral team messaging through an incoming webhook (Adaptive Cards 1.3).</summary>
    RingCentral = 1,

    /// <summary>Any host that renders Adaptive Cards 1.6.</summary>
    Generic = 2,

    /// <summary>Microsoft Teams through a Workflows webhook (Adaptive Cards 1.5, messages of about 28 KB at most).</summary>
    Teams = 4,
}

/// <summary>
/// Generates an Adaptive Card for the type at compile time: <c>ToAdaptiveCard()</c>, <c>ToCardJson()</c>,
/// <c>WriteCardJson(Utf8JsonWriter)</c>, <c>ToWebhookMessage()</c>, a typed <c>CardBuilder</c> and
/// <c>PostToHookAsync(WebhookUrl)</c>. The type must be <see langword="partial"/>.
/// </summary>
/// <remarks>
/// <see cref="Title"/> and <see cref="Summary"/> are templates: <c>{Member}</c> or <c>{Member:format}</c> placeholders
/// name readable members of the type and are bound at compile time (formatted with the invariant culture).
/// Members carry <see cref="CardTextAttribute"/>, <see cref="CardFactAttribute"/>, <see cref="CardImageAttribute"/>,
/// <see cref="CardActionAttribute"/>, <see cref="CardFactsAttribute"/> or <see cref="CardSectionAttribute"/>; unmarked
/// members are not shown but can be used in templates.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class ChatCardAttribute : Attribute
{
    /// <summary>The card's heading and the post's activity line, for example <c>"Build {BuildNumber} of {Project} failed"</c>.</summary>
    public string? Title { get; set; }

    /// <summary>The card's <c>fallbackText</c>, which RingCentral shows in notifications, for example <c>"{Project} is red on {Branch}"</c>.</summary>
    public string? Summary { get; set; }

    /// <summary>The Adaptive Card version, for example <c>"1.3"</c>; defaults to the host's version.</summary>
    public string? Version { get; set; }

    /// <summary>The chat host; <see cref="ChatHost.Default"/> takes the project default.</summary>
    public ChatHost Host { get; set; }

    /// <summary>An icon shown beside the post (an absolute URL).</summary>
    public string? IconUrl { get; set; }

    /// <summary>
    /// A card designed in the Adaptive Cards Designer: the path of its template file, for example
    /// <c>"Cards/BuildFailed.json"</c>, relative to this source file's folder or to the project. The file must be an
    /// <c>AdditionalFiles</c> item (CardGen adds every <c>**/*.card.json</c> by convention). The type's members are the
    /// template's data: <c>${Member}</c>, <c>${Member.Child}</c>, <c>$data</c>, <c>$when</c> and the functions listed in
    /// docs/templates.md are bound and checked at compile time and compiled to direct JSON writing code.
    /// </summary>
    /// <remarks>
    /// The template's own <c>"version"</c> is the card's version; <see cref="Host"/> is checked as for other cards.
    /// Mapping attributes on members are not used by a template card.
    /// </remarks>
    public string? Template { get; set; }

    /// <summary>
    /// A card template written inline, as a raw string literal (<c>TemplateJson = """{ "type": "AdaptiveCard", … }"""</c>);
    /// compiled like a <see cref="Template"/> file. Give one of the two, not both.
    /// </summary>
    public string? TemplateJson { get; set; }
}

/// <summary>Project-wide defaults for every <see cref="ChatCardAttribute"/> type in the assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ChatCardDefaultsAttribute : Attribute
{
    /// <summary>The default host.</summary>
    public ChatHost Host { get; set; }

    /// <summary>The default Adaptive Card version, for example <c>"1.3"</c>.</summary>
    public string? Version { get; set; }
}

/// <summary>
/// Marks a type whose mapped members render as a group of elements inside a card: a member of this type marked
/// <see cref="CardSectionAttribute"/> becomes a Container, and a collection of it one Container per item.
/// The type must be <see langword="partial"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class CardPartAttribute : Attribute
{
}
