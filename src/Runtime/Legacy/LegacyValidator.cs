using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CardGen.Json;
using CardGen.Validation;

namespace CardGen.Legacy;

/// <summary>
/// Checks legacy (v1) messages against what RingCentral documents for the <c>/webhook/{id}</c> endpoint: at most 20
/// attachments of at most 1.5 MB in all, 300 bytes per card field, 1,000 characters of card text, <c>#RRGGBB</c>
/// colours, https images, the fields the docs call required, and the JSON shape of each value. Findings carry a
/// stable rule id (<see cref="LegacyRules"/>), a severity and a JSON path. Never throws on message content.
/// </summary>
/// <remarks>
/// A message built in code is written as JSON and that JSON is checked, exactly as
/// <see cref="ChatHookClient"/> checks the bytes it sends and as the emulator checks what it receives, so the three
/// cannot disagree. docs/legacy-messages.md lists every rule with its source.
/// </remarks>
public static class LegacyValidator
{
    /// <summary>Every card field but <c>text</c> takes at most this many bytes of UTF-8 (RingCentral's legacy limit).</summary>
    public const int MaxFieldBytes = LegacyFormats.MaxFieldBytes;

    /// <summary>A card's <c>text</c> takes at most this many characters, counted as UTF-16 code units.</summary>
    public const int MaxTextLength = LegacyFormats.MaxTextLength;

    /// <summary>A message carries at most this many attachments.</summary>
    public const int MaxAttachments = LegacyFormats.MaxAttachments;

    /// <summary>The attachments of a message take at most this many bytes of JSON in all (1.5 MB).</summary>
    public const int MaxAttachmentBytes = LegacyFormats.MaxAttachmentBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks a message built in code, as the JSON it is written as.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static LegacyValidationResult Validate(LegacyMessage message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        byte[] json;
        try
        {
            json = message.ToUtf8Json();
        }
        catch (LegacyTextException e)
        {
            return new LegacyValidationResult(new[] { new CardFinding(FindingSeverity.Error, LegacyRules.MalformedJson, e.Path, e.Message) });
        }

        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    /// <summary>Checks legacy message JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The findings; malformed JSON or a lone surrogate is a <see cref="LegacyRules.MalformedJson"/> error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static LegacyValidationResult Validate(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (SafeText.IndexOfLoneSurrogate(json) is var at and >= 0)
        {
            return Malformed(JsonPath.Root, "The JSON text holds a lone surrogate (U+" + ((int)json[at]).ToString("X4", CultureInfo.InvariantCulture) + ") at character " + (at + 1).ToString(CultureInfo.InvariantCulture) + ", half of a character, which UTF-8 cannot carry.");
        }

        return Validate(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Checks UTF-8 legacy message JSON (a leading byte order mark is skipped).</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The findings; malformed JSON or bytes that are not UTF-8 are a <see cref="LegacyRules.MalformedJson"/> error.</returns>
    public static LegacyValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            utf8Json = utf8Json.Slice(3);
        }

        var bytes = utf8Json.ToArray();
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Malformed(JsonPath.Root, "The JSON is not UTF-8" + (e.Index >= 0 ? " (at byte " + (e.Index + 1).ToString(CultureInfo.InvariantCulture) + ")." : "."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = JsonText.MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line && e.BytePositionInLine is { } position
                ? " (line " + (line + 1).ToString(CultureInfo.InvariantCulture) + ", byte " + (position + 1).ToString(CultureInfo.InvariantCulture) + ")"
                : string.Empty;
            return Malformed(JsonPath.Root, "The message is not valid JSON" + where + ".");
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <summary>Checks a parsed legacy message.</summary>
    /// <param name="message">The message's JSON value.</param>
    /// <returns>The findings.</returns>
    public static LegacyValidationResult Validate(JsonElement message)
    {
        var walker = new Walker();
        walker.Message(message);
        return new LegacyValidationResult(walker.Findings);
    }

    /// <summary>The problem of a URL of <paramref name="kind"/> in the property <paramref name="name"/>, or <see langword="null"/>.</summary>
    private static (string RuleId, bool IsError, string Message)? UrlProblem(LegacyUrlKind kind, string name, string value)
    {
        var verdict = LegacyFormats.CheckUrl(value);
        if (verdict == LegacyUrlVerdict.Invalid)
        {
            return (LegacyRules.InvalidUrl, true, kind == LegacyUrlKind.Link
                ? $"'{name}' is not an absolute http or https URL."
                : $"'{name}' is not an absolute https URL.");
        }

        if (verdict == LegacyUrlVerdict.Http && kind == LegacyUrlKind.Image)
        {
            return (LegacyRules.ImageNotHttps, true, $"'{name}' uses http; RingCentral shows legacy card images only from https URLs (an http one becomes a placeholder).");
        }

        if (verdict == LegacyUrlVerdict.Http && kind == LegacyUrlKind.Icon)
        {
            return (LegacyRules.IconNotHttps, false, $"'{name}' uses http; RingCentral loads card images over https (documented for image_url), so the icon may not show.");
        }

        return null;
    }

    private static LegacyValidationResult Malformed(string path, string message)
        => new(new[] { new CardFinding(FindingSeverity.Error, LegacyRules.MalformedJson, path, message) });

    private sealed class Walker
    {
        public List<CardFinding> Findings { get; } = new();

        public void Message(JsonElement root)
        {
            const string Root = JsonPath.Root;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(LegacyRules.WrongValueKind, Root, $"The message must be a JSON object, not {Describe(root)}.");
                return;
            }

            var content = false;
            var hasText = false;
            JsonElement? attachments = null;
            foreach (var property in root.EnumerateObject())
            {
                if (!TryName(property, Root, out var name))
                {
                    continue;
                }

                var value = property.Value;
                var path = JsonPath.Property(Root, name);
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                switch (name)
                {
                    case "body":
                    case "title":
                        content |= String(value, path, name) is { } text && !IsBlank(text);
                        break;
                    case "activity":
                        String(value, path, name);
                        break;
                    case "icon":
                        Url(value, path, name, LegacyUrlKind.Icon);
                        break;
                    case "attachments":
                        if (value.ValueKind != JsonValueKind.Array)
                        {
                            Error(LegacyRules.WrongValueKind, path, $"'attachments' must be an array, not {Describe(value)}.");
                        }
                        else
                        {
                            attachments = value;
                            content |= value.GetArrayLength() > 0;
                        }

                        break;
                    default:
                        hasText |= name == "text";
                        Unknown(path, name, MessageHint(name));
                        break;
                }
            }

            if (!content)
            {
                Error(
                    LegacyRules.NoContent,
                    Root,
                    "The message has no body, title or attachment, so there is nothing to post."
                        + (hasText ? " A v1 message's text is 'body', not 'text' (which is the v2 name)." : string.Empty));
            }

            if (attachments is { } list)
            {
                Attachments(list, JsonPath.Property(Root, "attachments"));
            }
        }

        private void Attachments(JsonElement list, string path)
        {
            var count = list.GetArrayLength();
            if (count > MaxAttachments)
            {
                Error(LegacyRules.TooManyAttachments, path, Invariant($"The message has {count} attachments; at most {MaxAttachments} are allowed."));
            }

            long bytes = 0;
            foreach (var item in list.EnumerateArray())
            {
                try
                {
                    bytes += Encoding.UTF8.GetByteCount(item.GetRawText());
                }
                catch (InvalidOperationException)
                {
                    // Not UTF-8: the item's own checks report where.
                }
            }

            if (bytes > MaxAttachmentBytes)
            {
                Error(LegacyRules.AttachmentsTooLarge, path, Invariant($"The attachments take {bytes} bytes of JSON; at most 1.5 MB ({MaxAttachmentBytes} bytes) are allowed in all."));
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                Card(item, JsonPath.Index(path, index++));
            }
        }

        private void Card(JsonElement card, string path)
        {
            if (card.ValueKind != JsonValueKind.Object)
            {
                Error(LegacyRules.AttachmentType, path, $"An attachment must be a card object, not {Describe(card)}.");
                return;
            }

            if (card.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
            {
                var typePath = JsonPath.Property(path, "type");
                if (type.ValueKind != JsonValueKind.String)
                {
                    Error(LegacyRules.WrongValueKind, typePath, $"'type' must be a string, not {Describe(type)}.");
                    return;
                }

                var name = ReadString(type, typePath);
                if (name == "AdaptiveCard")
                {
                    Error(LegacyRules.AdaptiveCardOnV1, path, "An Adaptive Card needs the v2 URL (/webhook/v2/{id}); the legacy v1 URL only understands legacy cards. Post it in a WebhookMessage, which goes to the v2 form of the URL.");
                    return;
                }

                if (name is not null && name != "Card")
                {
                    Error(LegacyRules.AttachmentType, typePath, $"The attachment type '{name}' is not one incoming webhooks take in a v1 message; use \"Card\".");
                    return;
                }
            }
            else if (card.TryGetProperty("contentType", out _) || card.TryGetProperty("content", out _))
            {
                Error(LegacyRules.AttachmentType, path, "The attachment is a Teams-style {contentType, content} wrapper; a v1 message takes legacy card objects ({\"type\":\"Card\", …}).");
                return;
            }

            bool hasFallback = false, hasTitle = false, hasText = false, hasAuthor = false, hasFooter = false;
            string? authorLink = null, authorIcon = null, footerIcon = null;
            foreach (var property in card.EnumerateObject())
            {
                if (!TryName(property, path, out var name))
                {
                    continue;
                }

                var value = property.Value;
                var at = JsonPath.Property(path, name);
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                switch (name)
                {
                    case "type":
                        break;
                    case "fallback":
                        hasFallback = Field(value, at, name) is { } fallback && !IsBlank(fallback);
                        break;
                    case "title":
                        hasTitle = Field(value, at, name) is { } title && !IsBlank(title);
                        break;
                    case "author_name":
                        hasAuthor = Field(value, at, name) is { } author && !IsBlank(author);
                        break;
                    case "footer":
                        hasFooter = Field(value, at, name) is { } footer && !IsBlank(footer);
                        break;
                    case "pretext":
                        Field(value, at, name);
                        break;
                    case "text":
                        if (String(value, at, name) is { } text)
                        {
                            hasText = !IsBlank(text);
                            if (text.Length > MaxTextLength)
                            {
                                Error(LegacyRules.TextTooLong, at, Invariant($"'text' has {text.Length} characters; a legacy card's text takes at most {MaxTextLength}."));
                            }
                        }

                        break;
                    case "color":
                        if (Field(value, at, name) is { } color && !LegacyFormats.IsColor(color))
                        {
                            Error(LegacyRules.InvalidColor, at, $"'color' is \"{Clip(color)}\"; a legacy card's colour is a hex #RRGGBB, for example #00ff2a.");
                        }

                        break;
                    case "author_link":
                        authorLink = at;
                        Url(value, at, name, LegacyUrlKind.Link);
                        break;
                    case "title_link":
                        Url(value, at, name, LegacyUrlKind.Link);
                        break;
                    case "author_icon":
                        authorIcon = at;
                        Url(value, at, name, LegacyUrlKind.Icon);
                        break;
                    case "footer_icon":
                        footerIcon = at;
                        Url(value, at, name, LegacyUrlKind.Icon);
                        break;
                    case "thumb_url":
                        Url(value, at, name, LegacyUrlKind.Icon);
                        break;
                    case "image_url":
                        Url(value, at, name, LegacyUrlKind.Image);
                        break;
                    case "fields":
                        Fields(value, at);
                        break;
                    case "ts":
                        if (value.ValueKind != JsonValueKind.Number)
                        {
                            Error(LegacyRules.WrongValueKind, at, $"'ts' must be a number (Unix seconds), not {Describe(value)}.");
                        }

                        break;
                    default:
                        Unknown(at, name, CardHint(name));
                        break;
                }
            }

            Required(hasFallback, path, "fallback");
            Required(hasTitle, path, "title");
            Required(hasText, path, "text");
            if (!hasAuthor)
            {
                Companion(authorLink, "author_link", "author_name");
                Companion(authorIcon, "author_icon", "author_name");
            }

            if (!hasFooter)
            {
                Companion(footerIcon, "footer_icon", "footer");
            }
        }

        private void Fields(JsonElement fields, string path)
        {
            if (fields.ValueKind != JsonValueKind.Array)
            {
                Error(LegacyRules.WrongValueKind, path, $"'fields' must be an array, not {Describe(fields)}.");
                return;
            }

            var index = 0;
            foreach (var field in fields.EnumerateArray())
            {
                var at = JsonPath.Index(path, index++);
                if (field.ValueKind != JsonValueKind.Object)
                {
                    Error(LegacyRules.WrongValueKind, at, $"A field must be an object {{title, value, short}}, not {Describe(field)}.");
                    continue;
                }

                foreach (var property in field.EnumerateObject())
                {
                    if (!TryName(property, at, out var name))
                    {
                        continue;
                    }

                    var value = property.Value;
                    var propertyPath = JsonPath.Property(at, name);
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    switch (name)
                    {
                        case "title":
                        case "value":
                            Field(value, propertyPath, name);
                            break;
                        case "short":
                            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                            {
                                Error(LegacyRules.WrongValueKind, propertyPath, $"'short' must be true or false, not {Describe(value)}.");
                            }

                            break;
                        default:
                            Unknown(propertyPath, name, name == "style" ? "a v1 field says \"short\": true or false (\"style\" is the v2 name)" : null);
                            break;
                    }
                }
            }
        }

        /// <summary>A card field limited to 300 bytes; its text, or null when it is not a readable string.</summary>
        private string? Field(JsonElement value, string path, string name)
        {
            var text = String(value, path, name);
            if (text is not null && LegacyFormats.Utf8Length(text) is var bytes && bytes > MaxFieldBytes)
            {
                Error(LegacyRules.FieldTooLong, path, Invariant($"'{name}' takes {bytes} bytes of UTF-8; every legacy card field but 'text' takes at most {MaxFieldBytes}."));
            }

            return text;
        }

        private void Url(JsonElement value, string path, string name, LegacyUrlKind kind)
        {
            // The icon of the message is not a card field: only the card's URLs count against the 300 bytes.
            var url = path.StartsWith("$.attachments", StringComparison.Ordinal) ? Field(value, path, name) : String(value, path, name);
            if (url is not null && UrlProblem(kind, name, url) is { } problem)
            {
                Findings.Add(new CardFinding(problem.IsError ? FindingSeverity.Error : FindingSeverity.Warning, problem.RuleId, path, problem.Message));
            }
        }

        private string? String(JsonElement value, string path, string name)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Error(LegacyRules.WrongValueKind, path, $"'{name}' must be a string, not {Describe(value)}.");
                return null;
            }

            return ReadString(value, path);
        }

        private string? ReadString(JsonElement value, string path)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                Error(LegacyRules.MalformedJson, path, "The text holds an escaped lone surrogate (half of a character) or bytes that are not UTF-8, which cannot be shown.");
                return null;
            }
        }

        private bool TryName(JsonProperty property, string parent, out string name)
        {
            try
            {
                name = property.Name;
                return true;
            }
            catch (InvalidOperationException)
            {
                Error(LegacyRules.MalformedJson, parent, "A property name holds an escaped lone surrogate (half of a character) or bytes that are not UTF-8.");
                name = string.Empty;
                return false;
            }
        }

        private void Required(bool present, string path, string name)
        {
            if (!present)
            {
                Warning(LegacyRules.MissingRequiredField, JsonPath.Property(path, name), $"RingCentral's docs call a legacy card's '{name}' required; it is missing or blank (the service is not known to enforce it).");
            }
        }

        private void Companion(string? path, string name, string needs)
        {
            if (path is not null)
            {
                Warning(LegacyRules.MissingCompanion, path, $"'{name}' is not shown without '{needs}'.");
            }
        }

        private void Unknown(string path, string name, string? hint)
            => Warning(LegacyRules.UnknownProperty, path, $"'{name}' is not part of the v1 schema; RingCentral drops it silently" + (hint is null ? "." : $": {hint}."));

        private void Error(string ruleId, string path, string message) => Findings.Add(new CardFinding(FindingSeverity.Error, ruleId, path, message));

        private void Warning(string ruleId, string path, string message) => Findings.Add(new CardFinding(FindingSeverity.Warning, ruleId, path, message));

        private static string? MessageHint(string name) => name switch
        {
            "text" => "a v1 message's text is \"body\" (\"text\" is the v2 name)",
            "iconUri" => "a v1 message's icon is \"icon\" (\"iconUri\" is the v2 name)",
            "iconEmoji" => "a v1 message takes an icon URL as \"icon\"",
            _ => null,
        };

        private static string? CardHint(string name) => name switch
        {
            "intro" => "a v1 card calls it \"pretext\" (\"intro\" is the v2 name)",
            "body" => "a v1 card's text is \"text\"",
            "imageUri" => "a v1 card calls it \"image_url\" (\"imageUri\" is the v2 name)",
            "thumbnailUri" or "thumbnail_url" => "a v1 card calls it \"thumb_url\"",
            "author" => "a v1 card has \"author_name\", \"author_link\" and \"author_icon\" (an \"author\" object is the v2 form)",
            "footnote" => "a v1 card has \"footer\", \"footer_icon\" and \"ts\" (a \"footnote\" object is the v2 form)",
            _ => null,
        };

        private static bool IsBlank(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Clip(string text) => SafeText.Clip(text, 40);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
