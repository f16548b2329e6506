using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CardGen.Emulator;

/// <summary>A refused admin request: the HTTP status and a message that names the field or rule.</summary>
internal sealed class AdminRequestException : Exception
{
    public AdminRequestException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public int Status { get; }

    public static AdminRequestException Field(string name, string rule) => new(StatusCodes.Status400BadRequest, $"'{name}' {rule}");
}

/// <summary>
/// Reads the admin API's bodies and queries: a capped body (declared or chunked), strict JSON, every field checked
/// for kind and range before anything changes, unknown and repeated fields refused.
/// </summary>
internal static class AdminRequests
{
    /// <summary>The most an admin body may hold; the admin bodies are a few dozen bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const double MaxRetryAfterSeconds = 86_400;
    private const double MaxDelayMs = 3_600_000;
    private const double MinWindowSeconds = 0.001;
    private const double MaxWindowSeconds = 86_400;

    private static readonly string[] FaultFields = ["kind", "rate", "count", "statusCode", "retryAfterSeconds", "delayMs", "seed", "description"];
    private static readonly string[] RateLimitFields = ["requests", "windowSeconds"];

    /// <summary>Reads the body as one JSON object, at most <see cref="MaxBodyBytes"/> of it.</summary>
    /// <exception cref="AdminRequestException">The body is not JSON by its Content-Type, too large or not a JSON object.</exception>
    public static async Task<JsonDocument> ReadObjectAsync(HttpContext context)
    {
        var request = context.Request;
        if (!WebhookEndpoint.IsJsonContentType(request.ContentType, out _))
        {
            // A web page can send text/plain, a form or multipart without asking the browser first; JSON it cannot.
            var sent = string.IsNullOrWhiteSpace(request.ContentType) ? "none" : "'" + Formats.Clip(request.ContentType) + "'";
            throw new AdminRequestException(
                StatusCodes.Status415UnsupportedMediaType,
                $"Admin requests take Content-Type application/json (UTF-8); this request's Content-Type is {sent}.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (BadHttpRequestException e)
        {
            // A malformed chunked body, one cut short, or one Kestrel itself refuses.
            throw new AdminRequestException(e.StatusCode, "The request body could not be read: " + Formats.Clip(e.Message));
        }
        catch (IOException e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel reports some broken framing (a chunk size that overflows) as an IOException.
            throw new AdminRequestException(StatusCodes.Status400BadRequest, "The request body could not be read: " + Formats.Clip(e.Message));
        }

        if (length > MaxBodyBytes)
        {
            throw TooLarge();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new AdminRequestException(StatusCodes.Status400BadRequest, "The body must be a JSON object; it is not valid JSON: " + Formats.Clip(e.Message));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new AdminRequestException(StatusCodes.Status400BadRequest, "The body must be a JSON object.");
        }

        return document;
    }

    /// <summary>Reads a fault from <c>POST /api/hooks/{id}/faults</c>.</summary>
    /// <exception cref="AdminRequestException">A field is missing, unknown, repeated, of the wrong kind or out of range.</exception>
    public static FaultSpec ReadFault(JsonElement body)
    {
        var fields = Fields(body, FaultFields);
        if (!fields.TryGetValue("kind", out var kindValue))
        {
            throw AdminRequestException.Field("kind", "is required: one of tooManyRequests, serverError, delay, drop.");
        }

        var kindText = String(kindValue, "kind");
        var kind = kindText.Trim().ToLowerInvariant() switch
        {
            "toomanyrequests" or "429" or "ratelimited" => FaultKind.TooManyRequests,
            "servererror" or "5xx" or "500" or "502" or "503" or "504" => FaultKind.ServerError,
            "delay" => FaultKind.Delay,
            "drop" or "abort" => FaultKind.Drop,
            _ => throw AdminRequestException.Field("kind", "must be one of tooManyRequests, serverError, delay, drop."),
        };

        // A field that does not apply to the kind would be silently ignored; say so instead.
        Only(fields, "statusCode", kind, FaultKind.ServerError, "serverError");
        Only(fields, "retryAfterSeconds", kind, FaultKind.TooManyRequests, "tooManyRequests");
        Only(fields, "delayMs", kind, FaultKind.Delay, "delay");

        var status = int.TryParse(kindText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromKind) ? fromKind : 503;
        return new FaultSpec
        {
            Kind = kind,
            Rate = Number(fields, "rate", 0, 1) ?? 1,
            Count = WholeNumber(fields, "count", 0, int.MaxValue),
            Seed = WholeNumber(fields, "seed", int.MinValue, int.MaxValue),
            StatusCode = WholeNumber(fields, "statusCode", 500, 599) ?? status,
            RetryAfter = TimeSpan.FromSeconds(Number(fields, "retryAfterSeconds", 0, MaxRetryAfterSeconds) ?? 1),
            Delay = TimeSpan.FromMilliseconds(Number(fields, "delayMs", 0, MaxDelayMs) ?? 0),
        };
    }

    /// <summary>Reads a rate limit from <c>PUT /api/hooks/{id}/rate-limit</c>.</summary>
    /// <exception cref="AdminRequestException">A field is missing, unknown, repeated, of the wrong kind or out of range.</exception>
    public static RateLimit ReadRateLimit(JsonElement body)
    {
        var fields = Fields(body, RateLimitFields);
        var requests = WholeNumber(fields, "requests", 1, int.MaxValue)
            ?? throw AdminRequestException.Field("requests", "is required: the posts allowed per window, a whole number of at least 1.");
        var window = Number(fields, "windowSeconds", MinWindowSeconds, MaxWindowSeconds)
            ?? throw AdminRequestException.Field("windowSeconds", "is required: the window's length in seconds, from 0.001 to 86400.");
        return new RateLimit(requests, TimeSpan.FromSeconds(window));
    }

    /// <summary>An optional whole-number query parameter.</summary>
    /// <exception cref="AdminRequestException">The parameter is present but not a whole number in range.</exception>
    public static long? Query(HttpContext context, string name, long max)
    {
        if (!context.Request.Query.TryGetValue(name, out var values))
        {
            return null;
        }

        var text = values.ToString();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            throw AdminRequestException.Field(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 0 to {max}, not '{Formats.Clip(text)}'."));
        }

        return value;
    }

    private static AdminRequestException TooLarge()
        => new(StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture, $"The body is larger than {MaxBodyBytes} bytes, the most an admin request may send."));

    /// <summary>The object's fields by their known names (matched ignoring case); JSON null counts as absent.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement body, string[] known)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                throw new AdminRequestException(StatusCodes.Status400BadRequest, "A field name is not valid text (an escaped lone surrogate).");
            }

            var match = Array.Find(known, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                throw AdminRequestException.Field(Formats.Clip(name), "is not a field of this request; the fields are " + string.Join(", ", known) + ".");
            }

            if (fields.ContainsKey(match))
            {
                throw AdminRequestException.Field(match, "appears more than once.");
            }

            fields[match] = property.Value;
        }

        foreach (var name in known)
        {
            if (fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Null)
            {
                fields.Remove(name);
            }
        }

        return fields;
    }

    private static void Only(Dictionary<string, JsonElement> fields, string name, FaultKind kind, FaultKind applies, string appliesName)
    {
        if (kind != applies && fields.ContainsKey(name))
        {
            throw AdminRequestException.Field(name, $"applies only to kind {appliesName}.");
        }
    }

    private static string String(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw AdminRequestException.Field(name, $"must be a string, not {JsonKinds.Describe(value)}.");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw AdminRequestException.Field(name, "is not valid text (an escaped lone surrogate).");
        }
    }

    private static double? Number(Dictionary<string, JsonElement> fields, string name, double min, double max)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}");
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw AdminRequestException.Field(name, $"must be {range}, not {JsonKinds.Describe(value)}.");
        }

        // TryGetDouble is false for a number too large for a double (1e400).
        if (!value.TryGetDouble(out var number) || !(number >= min && number <= max))
        {
            throw AdminRequestException.Field(name, $"must be {range}, not {Formats.Clip(value.GetRawText())}.");
        }

        return number;
    }

    private static int? WholeNumber(Dictionary<string, JsonElement> fields, string name, int min, int max)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw AdminRequestException.Field(name, $"must be {range}, not {JsonKinds.Describe(value)}.");
        }

        // 5.99e2 is 599: the number's value counts, not how it is written.
        if (!value.TryGetDouble(out var number) || number != Math.Floor(number) || !(number >= min && number <= max))
        {
            throw AdminRequestException.Field(name, $"must be {range}, not {Formats.Clip(value.GetRawText())}.");
        }

        return (int)number;
    }
}
