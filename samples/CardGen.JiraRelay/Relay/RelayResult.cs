using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CardGen.JiraRelay.Relay;

/// <summary>A <see cref="RelayAnswer"/> as the response: its status code, the JSON (source-generated) and, when the chat host asked for a wait, <c>Retry-After</c>.</summary>
internal sealed class RelayResult : IResult, IStatusCodeHttpResult
{
    public RelayResult(int statusCode, RelayAnswer answer, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        Answer = answer;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public RelayAnswer Answer { get; }

    public TimeSpan? RetryAfter { get; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        if (RetryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return httpContext.Response.WriteAsJsonAsync(Answer, RelayJsonContext.Default.RelayAnswer, contentType: null, httpContext.RequestAborted);
    }
}
