using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CardGen.Emulator;

/// <summary>RingCentral's webhook error envelope.</summary>
internal sealed record ErrorEnvelope(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("validation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Validation);

/// <summary>The platform (REST API) error format: <c>{errorCode, message, errors:[{errorCode, message, parameterName}]}</c>.</summary>
internal sealed record PlatformError(string ErrorCode, string Message, IReadOnlyList<PlatformErrorItem> Errors);

/// <summary>The token endpoint's error format: <c>{error, error_description, errors:[{errorCode, message, parameterName}]}</c>.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription,
    [property: JsonPropertyName("errors")] IReadOnlyList<PlatformErrorItem> Errors);

/// <summary>The token endpoint's answer (RingCentral's <c>TokenInfo</c>, without a refresh token).</summary>
internal sealed record TokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("owner_id")] string OwnerId,
    [property: JsonPropertyName("endpoint_id")] string EndpointId);

internal sealed record PlatformErrorItem(
    string ErrorCode,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParameterName);

/// <summary>RingCentral's <c>TMWebhookInfo</c>.</summary>
internal sealed record WebhookInfoJson(string Id, string CreatorId, IReadOnlyList<string> GroupIds, string CreationTime, string LastModifiedTime, string Uri, string Status);

internal sealed record WebhookListJson(IReadOnlyList<WebhookInfoJson> Records);

/// <summary>A recorded post, as <c>/api/posts</c> and <c>/api/events</c> show it.</summary>
internal sealed record PostJson(
    long Seq,
    string Id,
    string HookId,
    string Route,
    string ReceivedAt,
    string Verdict,
    int HttpStatus,
    JsonElement? Response,
    string? ContentType,
    string Body,
    bool BodyTruncated,
    long BodyBytes,
    string? Text,
    string? Title,
    string? Activity,
    IReadOnlyList<JsonElement> Cards,
    IReadOnlyList<FindingJson> Findings,
    string? Error,
    string? Fault);

internal sealed record FindingJson(string Severity, string RuleId, string Path, string Message);

internal sealed record HookJson(
    string Id,
    string Status,
    string Uri,
    string V1Uri,
    IReadOnlyList<string> GroupIds,
    string CreationTime,
    string LastModifiedTime,
    IReadOnlyList<FaultJson> Faults,
    RateLimitJson? RateLimit,
    bool IsDefault);

internal sealed record HookListJson(IReadOnlyList<HookJson> Hooks);

/// <summary>A fault, as <c>POST /api/hooks/{id}/faults</c> takes it and <c>/api/hooks</c> shows it.</summary>
internal sealed class FaultJson
{
    public string? Kind { get; set; }

    public double? Rate { get; set; }

    public int? Count { get; set; }

    public int? StatusCode { get; set; }

    public double? RetryAfterSeconds { get; set; }

    public double? DelayMs { get; set; }

    public int? Seed { get; set; }

    public string? Description { get; set; }
}

internal sealed class RateLimitJson
{
    public int Requests { get; set; }

    public double WindowSeconds { get; set; }
}

internal sealed record ApiMessage(string Status, string? Error);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(PlatformError))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(TokenJson))]
[JsonSerializable(typeof(WebhookInfoJson))]
[JsonSerializable(typeof(WebhookListJson))]
[JsonSerializable(typeof(PostJson))]
[JsonSerializable(typeof(HookListJson))]
[JsonSerializable(typeof(HookJson))]
[JsonSerializable(typeof(FaultJson))]
[JsonSerializable(typeof(RateLimitJson))]
[JsonSerializable(typeof(ApiMessage))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
}

/// <summary>The serializer context the emulator writes with: camelCase, strict reading, readable (non-HTML-escaped) text.</summary>
internal static class EmulatorJson
{
    public static EmulatorJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
