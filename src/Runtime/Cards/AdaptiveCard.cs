using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Cards;

/// <summary>
/// An Adaptive Card: the root of a card, or the card an <c>Action.ShowCard</c> reveals.
/// </summary>
/// <remarks>
/// Build one in code, or read one with <see cref="Parse(string)"/>. <see cref="WriteTo"/> writes compact JSON
/// without reflection: for a card built in code nothing unset and nothing equal to its schema default; for a card
/// read from JSON every value it set (see <see cref="CardObject.ExplicitProperties"/>). Properties CardGen does not
/// model and elements of unknown types are kept and written back, so a round trip loses nothing; docs/card-json.md
/// says what is read, rejected and written.
/// </remarks>
public sealed class AdaptiveCard : CardObject
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode(SchemaCatalog.AdaptiveCardType);

    /// <summary>
    /// The writer options CardGen uses: compact, and escaping only what JSON requires (card text is sent as a JSON
    /// body, never embedded in HTML), so non-ASCII text stays readable and small.
    /// </summary>
    public static System.Text.Json.JsonWriterOptions JsonWriterOptions => CardJson.WriterOptions;

    /// <summary>Creates a card with no version; set <see cref="Version"/> on a root card.</summary>
    public AdaptiveCard()
    {
    }

    /// <summary>Creates a card for a schema version.</summary>
    /// <param name="version">The version the card declares.</param>
    public AdaptiveCard(CardVersion version) => Version = version.ToString();

    /// <summary>The <c>$schema</c> URL; optional and ignored by renderers.</summary>
    public string? Schema { get; set; }

    /// <summary>The schema version the card declares, for example <c>"1.3"</c>; required on a root card.</summary>
    /// <remarks>Kept as written so that an unparsable version survives a round trip; see <see cref="TryGetVersion"/>.</remarks>
    public string? Version { get; set; }

    /// <summary>The body's elements.</summary>
    public IList<CardElement> Body { get; set; } = new List<CardElement>();

    /// <summary>The card's actions.</summary>
    public IList<CardAction> Actions { get; set; } = new List<CardAction>();

    /// <summary>Text shown where the card cannot be rendered; RingCentral uses it as the notification text.</summary>
    public string? FallbackText { get; set; }

    /// <summary>What a voice host speaks (SSML allowed).</summary>
    public string? Speak { get; set; }

    /// <summary>The card's language, a 2–3 letter code.</summary>
    public string? Lang { get; set; }

    /// <summary>The action a click on the card performs (1.1; not <c>Action.ShowCard</c>).</summary>
    public CardAction? SelectAction { get; set; }

    /// <summary>Vertical alignment of the body (1.1).</summary>
    public VerticalAlignment? VerticalContentAlignment { get; set; }

    /// <summary>A background image (a URL since 1.0, an object since 1.2).</summary>
    public BackgroundImage? BackgroundImage { get; set; }

    /// <summary>The minimum height, <c>"NNpx"</c> (1.2).</summary>
    public string? MinHeight { get; set; }

    /// <summary>How the card refreshes itself (1.4).</summary>
    public Refresh? Refresh { get; set; }

    /// <summary>Single sign-on settings (1.4).</summary>
    public Authentication? Authentication { get; set; }

    /// <summary>Right-to-left layout (1.5); <see langword="null"/> uses the platform default.</summary>
    public bool? Rtl { get; set; }

    /// <summary>Metadata about the card (1.6).</summary>
    public Metadata? Metadata { get; set; }

    /// <summary>Parses <see cref="Version"/>.</summary>
    /// <param name="version">The declared version.</param>
    /// <returns><see langword="false"/> when the card declares no version or an unparsable one.</returns>
    public bool TryGetVersion(out CardVersion version) => CardVersion.TryParse(Version, out version);

    /// <summary>Validates the card against a chat host and schema version.</summary>
    /// <param name="target">The host profile or version, for example <c>HostProfile.RingCentral</c> or <c>CardVersion.V1_5</c>.</param>
    /// <returns>The findings, each with a severity, a stable rule id, a JSON path and a message.</returns>
    public Validation.CardValidationResult Validate(Validation.ValidationTarget target) => Validation.CardValidator.Validate(this, target);

    /// <summary>Writes the card as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        WriteJson(writer);
    }

    /// <summary>Serializes the card to compact UTF-8 JSON.</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] ToUtf8Json() => CardJson.ToUtf8(this);

    /// <summary>Reads a card from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>
    /// The card. Unknown properties and element types are kept; nothing is validated (see <c>Validate</c>). Whatever
    /// this returns writes back with <see cref="CardObject.ToJson"/> and <see cref="WriteTo"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CardJsonException">
    /// The JSON is malformed, is not an object, nests deeper than 128 levels, or holds a lone surrogate (half of a
    /// character, escaped as <c>\ud800</c> or not); the message names the position and, for text, the JSON path.
    /// </exception>
    public static AdaptiveCard Parse(string json)
        => json is null ? throw new ArgumentNullException(nameof(json)) : CardJson.Parse(JsonText.ToUtf8(json));

    /// <summary>Reads a card from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The card; whatever this returns writes back.</returns>
    /// <exception cref="CardJsonException">
    /// The JSON is malformed, is not an object, nests deeper than 128 levels, or holds bytes that are not UTF-8 or an
    /// escaped lone surrogate; the message names the position and, for text, the JSON path.
    /// </exception>
    public static AdaptiveCard Parse(ReadOnlySpan<byte> utf8Json) => CardJson.Parse(utf8Json);

    /// <summary>Reads a card from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The card; whatever this returns writes back.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CardJsonException">As for <see cref="Parse(ReadOnlySpan{byte})"/>.</exception>
    /// <remarks>An exception from reading the stream itself (an <see cref="IOException"/>) is not wrapped.</remarks>
    public static AdaptiveCard Parse(Stream utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return CardJson.Parse(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Reads a card from a parsed JSON element, for example an attachment of a message read as a whole.</summary>
    /// <param name="json">The card object.</param>
    /// <returns>The card; whatever this returns writes back.</returns>
    /// <exception cref="CardJsonException">
    /// <paramref name="json"/> is not an object, or is what <see cref="Parse(ReadOnlySpan{byte})"/> rejects: the
    /// element's own text is read by the same rules, so its depth counts from the card (up to 128 levels, whatever
    /// the document allowed) and positions count from the card's first byte.
    /// </exception>
    public static AdaptiveCard FromJsonElement(JsonElement json) => CardJson.Parse(json);

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (!HasAdditional("type"))
        {
            // A type other than AdaptiveCard was read and kept raw; it is written back as read.
            JsonWrite.Type(writer, TypeName);
        }

        JsonWrite.String(writer, PropertyNames.Schema, Schema);
        JsonWrite.String(writer, PropertyNames.Version, Version);
        JsonWrite.List(writer, PropertyNames.Body, Body, this);
        JsonWrite.List(writer, PropertyNames.Actions, Actions, this);
        JsonWrite.String(writer, PropertyNames.FallbackText, FallbackText);
        JsonWrite.String(writer, PropertyNames.Speak, Speak);
        JsonWrite.String(writer, PropertyNames.Lang, Lang);
        JsonWrite.Object(writer, PropertyNames.SelectAction, SelectAction);
        JsonWrite.Enum(writer, PropertyNames.VerticalContentAlignment, VerticalContentAlignment, CardEnums.VerticalAlignment);
        JsonWrite.Object(writer, PropertyNames.BackgroundImage, BackgroundImage);
        JsonWrite.String(writer, PropertyNames.MinHeight, MinHeight);
        JsonWrite.Object(writer, PropertyNames.Refresh, Refresh);
        JsonWrite.Object(writer, PropertyNames.Authentication, Authentication);
        JsonWrite.Bool(writer, PropertyNames.Rtl, Rtl);
        JsonWrite.Object(writer, PropertyNames.Metadata, Metadata);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "$schema" when JsonRead.String(value, out var schema):
                Schema = schema;
                return true;
            case "version" when JsonRead.String(value, out var version):
                Version = version;
                return true;
            case "body" when JsonRead.Elements(value, out var body):
                Body = body;
                return true;
            case "actions" when JsonRead.Actions(value, out var actions):
                Actions = actions;
                return true;
            case "fallbackText" when JsonRead.String(value, out var fallbackText):
                FallbackText = fallbackText;
                return true;
            case "speak" when JsonRead.String(value, out var speak):
                Speak = speak;
                return true;
            case "lang" when JsonRead.String(value, out var lang):
                Lang = lang;
                return true;
            case "selectAction" when JsonRead.Action(value, out var action):
                SelectAction = action;
                return true;
            case "verticalContentAlignment" when JsonRead.Enum(value, CardEnums.VerticalAlignment, out var alignment):
                VerticalContentAlignment = alignment;
                return true;
            case "backgroundImage" when BackgroundImage.TryRead(value, out var image):
                BackgroundImage = image;
                return true;
            case "minHeight" when JsonRead.String(value, out var minHeight):
                MinHeight = minHeight;
                return true;
            case "refresh" when JsonRead.Object<Refresh>(value, out var refresh):
                Refresh = refresh;
                return true;
            case "authentication" when JsonRead.Object<Authentication>(value, out var authentication):
                Authentication = authentication;
                return true;
            case "rtl" when JsonRead.Bool(value, out var rtl):
                Rtl = rtl;
                return true;
            case "metadata" when JsonRead.Object<Metadata>(value, out var metadata):
                Metadata = metadata;
                return true;
            default:
                return false;
        }
    }
}
