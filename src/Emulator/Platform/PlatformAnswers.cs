using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CardGen.Emulator;

/// <summary>Answers the platform API shares: its error envelope and the rate-limit answer.</summary>
internal static class PlatformAnswers
{
    public static Task ErrorAsync(HttpContext context, int status, string code, string message, string? parameter, bool bearer = false)
    {
        if (bearer)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var body = new PlatformError(code, message, new[] { new PlatformErrorItem(code, message, parameter) });
        return WebhookEndpoint.WriteJsonAsync(context, status, JsonSerializer.SerializeToUtf8Bytes(body, EmulatorJson.Context.PlatformError));
    }

    /// <summary>429 with <c>Retry-After</c> and <c>CMN-301</c>, as RingCentral documents for every rate group.</summary>
    public static Task RateLimitedAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ErrorAsync(context, StatusCodes.Status429TooManyRequests, "CMN-301", "Request rate exceeded", null);
    }
}
