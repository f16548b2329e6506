using System;
using System.Text.Json;
using CardGen.Legacy;

namespace CardGen.Tool;

/// <summary>
/// Legacy (v1) message files: how one is told from a v2 message, and how a checked one becomes a
/// <see cref="LegacyMessage"/> to post.
/// </summary>
internal static class LegacyFile
{
    /// <summary>Property names only a v1 card has (v2 cards say intro, author{}, imageUri, footnote{}).</summary>
    private static readonly string[] V1CardNames = { "pretext", "author_name", "author_link", "author_icon", "title_link", "image_url", "thumb_url", "footer", "footer_icon", "ts" };

    /// <summary>
    /// Whether a message object is a legacy one: it has <c>body</c> and no <c>text</c>, <c>icon</c> and no
    /// <c>iconUri</c>, or an attachment with a v1-only name, and no Adaptive Card attachment.
    /// </summary>
    public static bool IsLegacy(JsonElement root)
    {
        var hasText = root.TryGetProperty("text", out _);
        var legacy = (root.TryGetProperty("body", out _) && !hasText) || (root.TryGetProperty("icon", out _) && !hasText && !root.TryGetProperty("iconUri", out _));
        if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (attachment.TryGetProperty("contentType", out _)
                    || (attachment.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("AdaptiveCard")))
                {
                    // Adaptive Cards are v2; one in a body-only message is still reported as LV013 by the legacy checks.
                    return legacy;
                }

                foreach (var name in V1CardNames)
                {
                    legacy |= attachment.TryGetProperty(name, out _);
                }
            }
        }

        return legacy;
    }

    /// <summary>The message a checked file holds; call only when <see cref="LegacyValidator"/> found no error.</summary>
    public static LegacyMessage Read(JsonElement root)
    {
        var message = new LegacyMessage
        {
            Activity = String(root, "activity"),
            Title = String(root, "title"),
            Icon = String(root, "icon"),
            Body = String(root, "body"),
        };
        if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in attachments.EnumerateArray())
            {
                var card = new LegacyCard
                {
                    Fallback = String(item, "fallback"),
                    Color = String(item, "color"),
                    Pretext = String(item, "pretext"),
                    AuthorName = String(item, "author_name"),
                    AuthorLink = String(item, "author_link"),
                    AuthorIcon = String(item, "author_icon"),
                    Title = String(item, "title"),
                    TitleLink = String(item, "title_link"),
                    Text = String(item, "text"),
                    ImageUrl = String(item, "image_url"),
                    ThumbnailUrl = String(item, "thumb_url"),
                    Footer = String(item, "footer"),
                    FooterIcon = String(item, "footer_icon"),
                };
                if (item.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number)
                {
                    card.Timestamp = DateTimeOffset.FromUnixTimeSeconds((long)Math.Truncate(Math.Max(-62135596800d, Math.Min(253402300799d, ts.GetDouble()))));
                }

                if (item.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
                {
                    foreach (var field in fields.EnumerateArray())
                    {
                        var style = field.TryGetProperty("short", out var isShort) && isShort.ValueKind == JsonValueKind.True ? LegacyFieldStyle.Short : LegacyFieldStyle.Long;
                        card.Fields.Add(new LegacyField(String(field, "title"), String(field, "value"), style));
                    }
                }

                message.Attachments.Add(card);
            }
        }

        return message;
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
