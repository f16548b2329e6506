using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CardGen.RingCentral;

/// <summary>Turns a refused or failed answer into a <see cref="RingCentralException"/>, reading either error shape.</summary>
internal static class PlatformErrors
{
    /// <summary>The codes with which the API refuses an access token that a new login replaces.</summary>
    private static readonly HashSet<string> TokenCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "OAU-128", // Access token expired (errors.md)
        "OAU-129", // Access token corrupted
        "OAU-149", // Unparsable access token
        "OAU-210", // Token expired (RingCentral community)
        "OAU-213", // Token not found: revoked or superseded
        "TokenExpired",
        "TokenInvalid",
    };

    public static ErrorJson? Read(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, PlatformJsonContext.Default.ErrorJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether a 401 refuses the access token itself (expired, revoked, unknown), so that one new login may help.</summary>
    public static bool RefusesToken(PlatformAnswer answer, out string? code)
    {
        code = null;
        if (answer.Status != 401)
        {
            return false;
        }

        var error = Read(answer.Body);
        var codes = new List<string?> { error?.ErrorCode };
        codes.AddRange(error?.Errors?.Select(e => e?.ErrorCode) ?? Enumerable.Empty<string?>());
        code = codes.FirstOrDefault(c => c is not null && TokenCodes.Contains(c));
        return code is not null || codes.All(c => c is null);
    }

    public static RingCentralException From(PlatformAnswer answer, string operation, int attempts, IEnumerable<string?> secrets, IReadOnlyList<string> ids, bool isAuthenticationFailure, bool mayHaveSucceeded)
    {
        var secretList = secrets.ToArray();
        string Clean(string? text) => Clip(Redaction.Scrub(text ?? string.Empty, secretList, ids), 300);

        var error = Read(answer.Body);
        var errors = (error?.Errors ?? new List<ErrorItemJson?>())
            .Where(e => e is not null)
            .Select(e => new RingCentralError(Clean(e!.ErrorCode), Clean(e.Message), e.ParameterName is null ? null : Clean(e.ParameterName)))
            .ToArray();
        var code = error?.ErrorCode is { Length: > 0 } top ? Clean(top) : errors.FirstOrDefault()?.ErrorCode;
        var oauth = error?.Error is { Length: > 0 } e2 ? Clean(e2) : null;
        var message = error?.Message ?? error?.ErrorDescription ?? errors.FirstOrDefault()?.Message;

        var text = new StringBuilder("RingCentral ")
            .Append(answer.Status is >= 500 ? "failed" : "refused")
            .Append(" the request to ").Append(operation)
            .Append(" with HTTP ").Append(answer.Status);
        var detail = string.Join(", ", new[] { oauth, code }.Where(x => x is not null));
        if (detail.Length > 0)
        {
            text.Append(" (").Append(detail).Append(')');
        }

        if (message is not null)
        {
            text.Append(": ").Append(Clean(message));
        }

        if (answer.Status == 429)
        {
            text.Append(answer.RetryAfter is { } wait ? "; it asks to retry after " + PlatformTransport.Seconds(wait) : "; it sent no Retry-After")
                .Append(", after ").Append(attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" attempt(s)");
        }

        if (isAuthenticationFailure)
        {
            text.Append(". Check the client id, the client secret and the JWT credential, and that the app may use the JWT grant.");
        }
        else if (mayHaveSucceeded)
        {
            text.Append("; it may have taken effect.");
        }

        return new RingCentralException(text.ToString(), null, operation, answer.Status, oauth, code, errors, answer.Status == 429 ? answer.RetryAfter : null, attempts, isAuthenticationFailure, mayHaveSucceeded);
    }

    public static RingCentralException Unreadable(PlatformAnswer answer, string operation, string why)
        => new(
            $"RingCentral answered the request to {operation} with HTTP {answer.Status}, but the answer cannot be read: {why}.",
            null,
            operation,
            answer.Status,
            null,
            null,
            Array.Empty<RingCentralError>(),
            null,
            answer.Attempts,
            isAuthenticationFailure: false,
            mayHaveSucceeded: true);

    private static string Clip(string text, int max)
        => text.Length <= max ? text : text.Substring(0, char.IsHighSurrogate(text[max - 1]) ? max - 1 : max) + "\u2026";
}
