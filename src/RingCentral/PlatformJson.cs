using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CardGen.RingCentral;

/// <summary>The token endpoint's answer (<c>TokenInfo</c>); unknown fields are ignored.</summary>
internal sealed class TokenJson
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}

/// <summary><c>TMWebhookInfo</c>.</summary>
internal sealed class WebhookJson
{
    public string? Id { get; set; }

    public string? CreatorId { get; set; }

    public List<string?>? GroupIds { get; set; }

    public string? CreationTime { get; set; }

    public string? LastModifiedTime { get; set; }

    public string? Uri { get; set; }

    public string? Status { get; set; }
}

/// <summary><c>TMWebhookList</c>: <c>{"records":[…]}</c>.</summary>
internal sealed class WebhookListJson
{
    public List<WebhookJson?>? Records { get; set; }
}

/// <summary>
/// Both error shapes in one: OAuth (<c>error</c>, <c>error_description</c>, <c>errors</c>) and REST (<c>errorCode</c>,
/// <c>message</c>, <c>errors</c>).
/// </summary>
internal sealed class ErrorJson
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    public List<ErrorItemJson?>? Errors { get; set; }
}

internal sealed class ErrorItemJson
{
    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    public string? ParameterName { get; set; }
}

/// <summary>Source-generated, so reading the answers needs no reflection (trimming and Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenJson))]
[JsonSerializable(typeof(WebhookJson))]
[JsonSerializable(typeof(WebhookListJson))]
[JsonSerializable(typeof(ErrorJson))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext
{
}
