using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Legacy;

/// <summary>
/// The body of a post to a RingCentral legacy (v1) incoming webhook, <c>/webhook/{id}</c>:
/// <c>{"activity", "title", "icon", "body", "attachments"}</c>, with <see cref="LegacyCard"/> attachments.
/// </summary>
/// <remarks>
/// <para>The v1 URL reads only this schema and the v2 URL only the v2 one (<see cref="WebhookMessage"/>), so
/// <see cref="ChatHookClient.PostAsync(WebhookUrl, LegacyMessage, System.Threading.CancellationToken)"/> posts a legacy
/// message to the v1 form of whatever URL it is given. A message needs a <see cref="Body"/>, a <see cref="Title"/> or
/// an attachment; at most 20 attachments of at most 1.5 MB in all (<see cref="LegacyValidator"/>).</para>
/// <para>The writer writes whatever the message holds, a null attachment or field as JSON <c>null</c>; whether that
/// is a message RingCentral takes is <see cref="LegacyValidator"/>'s to say.</para>
/// </remarks>
public sealed class LegacyMessage
{
    private static readonly JsonEncodedText ActivityName = JsonEncodedText.Encode("activity");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText IconName = JsonEncodedText.Encode("icon");
    private static readonly JsonEncodedText BodyName = JsonEncodedText.Encode("body");
    private static readonly JsonEncodedText AttachmentsName = JsonEncodedText.Encode("attachments");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CardType = JsonEncodedText.Encode("Card");
    private static readonly JsonEncodedText FallbackName = JsonEncodedText.Encode("fallback");
    private static readonly JsonEncodedText ColorName = JsonEncodedText.Encode("color");
    private static readonly JsonEncodedText PretextName = JsonEncodedText.Encode("pretext");
    private static readonly JsonEncodedText AuthorNameName = JsonEncodedText.Encode("author_name");
    private static readonly JsonEncodedText AuthorLinkName = JsonEncodedText.Encode("author_link");
    private static readonly JsonEncodedText AuthorIconName = JsonEncodedText.Encode("author_icon");
    private static readonly JsonEncodedText TitleLinkName = JsonEncodedText.Encode("title_link");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText FieldsName = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText ShortName = JsonEncodedText.Encode("short");
    private static readonly JsonEncodedText ImageUrlName = JsonEncodedText.Encode("image_url");
    private static readonly JsonEncodedText ThumbUrlName = JsonEncodedText.Encode("thumb_url");
    private static readonly JsonEncodedText FooterName = JsonEncodedText.Encode("footer");
    private static readonly JsonEncodedText FooterIconName = JsonEncodedText.Encode("footer_icon");
    private static readonly JsonEncodedText TsName = JsonEncodedText.Encode("ts");

    /// <summary>The activity (<c>activity</c>), shown as the post's title line, for example the bot or system name.</summary>
    public string? Activity { get; set; }

    /// <summary>The post's title (<c>title</c>), mini-Markdown allowed.</summary>
    public string? Title { get; set; }

    /// <summary>The URL of the icon shown with the post (<c>icon</c>): an https URL.</summary>
    public string? Icon { get; set; }

    /// <summary>The message text (<c>body</c>; the v2 schema calls it <c>text</c>), RingCentral mini-Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>The card attachments (<c>attachments</c>), each drawn as its own card; at most 20.</summary>
    public IList<LegacyCard> Attachments { get; set; } = new List<LegacyCard>();

    /// <summary>Creates a message that carries one card.</summary>
    /// <param name="card">The card.</param>
    /// <param name="activity">The activity line, for example a bot name.</param>
    /// <param name="body">The message text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    public static LegacyMessage ForCard(LegacyCard card, string? activity = null, string? body = null)
    {
        if (card is null)
        {
            throw new ArgumentNullException(nameof(card));
        }

        var message = new LegacyMessage { Activity = activity, Body = body };
        message.Attachments.Add(card);
        return message;
    }

    /// <summary>Checks the message against RingCentral's documented v1 rules; see <see cref="LegacyValidator"/>.</summary>
    /// <returns>The findings.</returns>
    public LegacyValidationResult Validate() => LegacyValidator.Validate(this);

    /// <summary>Writes the message as one JSON object in the v1 schema, leaving out unset values.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">A string holds a lone surrogate (half of a character), which UTF-8 cannot carry; the message names its JSON path.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        WriteString(writer, ActivityName, Activity, -1, -1);
        WriteString(writer, TitleName, Title, -1, -1);
        WriteString(writer, IconName, Icon, -1, -1);
        WriteString(writer, BodyName, Body, -1, -1);
        if (Attachments is { Count: > 0 } attachments)
        {
            writer.WriteStartArray(AttachmentsName);
            for (var i = 0; i < attachments.Count; i++)
            {
                WriteCard(writer, attachments[i], i);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Serializes the message to compact UTF-8 JSON (only what JSON requires is escaped).</summary>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentException">A string holds a lone surrogate; the message names its JSON path.</exception>
    public byte[] ToUtf8Json()
    {
        using var stream = new MemoryStream(512);
        using (var writer = new Utf8JsonWriter(stream, CardJson.WriterOptions))
        {
            WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Serializes the message to compact JSON text.</summary>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">A string holds a lone surrogate; the message names its JSON path.</exception>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());

    private static void WriteCard(Utf8JsonWriter writer, LegacyCard? card, int index)
    {
        if (card is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(TypeName, CardType);
        WriteString(writer, FallbackName, card.Fallback, index, -1);
        WriteString(writer, ColorName, card.Color, index, -1);
        WriteString(writer, PretextName, card.Pretext, index, -1);
        WriteString(writer, AuthorNameName, card.AuthorName, index, -1);
        WriteString(writer, AuthorLinkName, card.AuthorLink, index, -1);
        WriteString(writer, AuthorIconName, card.AuthorIcon, index, -1);
        WriteString(writer, TitleName, card.Title, index, -1);
        WriteString(writer, TitleLinkName, card.TitleLink, index, -1);
        WriteString(writer, TextName, card.Text, index, -1);
        if (card.Fields is { Count: > 0 } fields)
        {
            writer.WriteStartArray(FieldsName);
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i] is not { } field)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteString(writer, TitleName, field.Title, index, i);
                WriteString(writer, ValueName, field.Value, index, i);
                writer.WriteBoolean(ShortName, field.Style == LegacyFieldStyle.Short);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteString(writer, ImageUrlName, card.ImageUrl, index, -1);
        WriteString(writer, ThumbUrlName, card.ThumbnailUrl, index, -1);
        WriteString(writer, FooterName, card.Footer, index, -1);
        WriteString(writer, FooterIconName, card.FooterIcon, index, -1);
        if (card.Timestamp is { } ts)
        {
            writer.WriteNumber(TsName, ts.ToUnixTimeSeconds());
        }

        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value, int card, int field)
    {
        if (value is null)
        {
            return;
        }

        if (SafeText.IndexOfLoneSurrogate(value) is var at and >= 0)
        {
            throw new LegacyTextException(PathOf(name.Value, card, field), (int)value[at]);
        }

        writer.WriteString(name, value);
    }

    private static string PathOf(string name, int card, int field)
    {
        var path = JsonPath.Root;
        if (card >= 0)
        {
            path = JsonPath.Index(JsonPath.Property(path, "attachments"), card);
        }

        if (field >= 0)
        {
            path = JsonPath.Index(JsonPath.Property(path, "fields"), field);
        }

        return JsonPath.Property(path, name);
    }
}

/// <summary>A string of a <see cref="LegacyMessage"/> holds a lone surrogate, which cannot be written as UTF-8.</summary>
internal sealed class LegacyTextException : ArgumentException
{
    public LegacyTextException(string path, int unit)
        : base("The legacy message's " + path + " holds a lone surrogate (U+" + unit.ToString("X4", CultureInfo.InvariantCulture) + "), half of a character, which UTF-8 cannot carry.")
        => Path = path;

    /// <summary>The JSON path of the string.</summary>
    public string Path { get; }
}
