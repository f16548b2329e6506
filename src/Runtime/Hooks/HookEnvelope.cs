using System;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen;

/// <summary>
/// The JSON a webhook answers with: <c>{"status":"OK"}</c>, or the error envelope
/// <c>{"status":"error","message":…,"error":…,"validation":[…]}</c>. <c>error</c> may be a string or (an older
/// form) an object <c>{code, message, response:{code, message, validation}}</c>.
/// </summary>
/// <remarks>
/// Every string is read with <see cref="Text"/>: JSON allows escapes of lone surrogates (<c>"\udc00"</c>) that
/// <see cref="JsonElement.GetString"/> refuses with an <see cref="InvalidOperationException"/>, and whatever a host
/// or a proxy answers must still end as a result or a <see cref="ChatHookException"/>.
/// </remarks>
internal sealed class HookEnvelope
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    private HookEnvelope(string? status, string? error, string? message, IReadOnlyList<string> validation)
    {
        Status = status;
        Error = error;
        Message = message;
        Validation = validation;
    }

    public string? Status { get; }

    public string? Error { get; }

    public string? Message { get; }

    public IReadOnlyList<string> Validation { get; }

    public bool IsOk => string.Equals(Status, "OK", StringComparison.OrdinalIgnoreCase);

    public bool IsError => string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase) || (Error is not null && !IsOk);

    /// <summary>Reads a response body.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="envelope">The envelope, when the body is a JSON object.</param>
    /// <param name="problem">What is wrong with the body otherwise.</param>
    /// <returns>Whether the body is a JSON object.</returns>
    public static bool TryParse(string body, out HookEnvelope? envelope, out string? problem)
    {
        envelope = null;
        if (body.Length == 0)
        {
            problem = "an empty body";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            problem = "a body that is not JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"a JSON {root.ValueKind.ToString().ToLowerInvariant()} instead of an object";
                return false;
            }

            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? Text(s) : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? Text(m) : null;
            string? error = null;
            var validation = new List<string>();
            if (root.TryGetProperty("error", out var e))
            {
                error = e.ValueKind switch
                {
                    JsonValueKind.String => Text(e),
                    JsonValueKind.Object => Summarize(e, validation),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => e.GetRawText(),
                };
            }

            if (root.TryGetProperty("validation", out var v))
            {
                validation.InsertRange(0, Strings(v));
            }

            envelope = new HookEnvelope(status, error, message, validation);
            problem = null;
            return true;
        }
    }

    private static string Summarize(JsonElement error, List<string> validation)
    {
        var message = StringProperty(error, "message");
        var code = StringProperty(error, "code");
        if (error.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
        {
            message ??= StringProperty(response, "message");
            code ??= StringProperty(response, "code");
            if (response.TryGetProperty("validation", out var nested))
            {
                validation.AddRange(Strings(nested));
            }
        }

        if (error.TryGetProperty("validation", out var own))
        {
            validation.AddRange(Strings(own));
        }

        return (message, code) switch
        {
            ({ } msg, { } c) => $"{msg} ({c})",
            ({ } msg, null) => msg,
            (null, { } c) => c,
            _ => error.GetRawText(),
        };
    }

    private static string? StringProperty(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => Text(value),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            yield return Text(value);
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in value.EnumerateArray())
        {
            yield return item.ValueKind switch
            {
                JsonValueKind.String => Text(item),
                JsonValueKind.Object => StringProperty(item, "message") ?? item.GetRawText(),
                _ => item.GetRawText(),
            };
        }
    }

    /// <summary>
    /// The string <paramref name="value"/> holds, with U+FFFD in place of each lone surrogate (as invalid UTF-8 in the
    /// body is decoded), so the text can still be shown and scrubbed of the webhook id.
    /// </summary>
    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            var token = value.GetRawText();
            return SafeText.ReplaceLoneSurrogates(SafeText.Unescape(token.Substring(1, token.Length - 2)));
        }
    }
}
