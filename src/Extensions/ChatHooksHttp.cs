using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace CardGen;

/// <summary>
/// CardGen's <c>IHttpClientFactory</c> client, kept so that nothing below the client sees the webhook URL or repeats a
/// post: whatever a user's <c>ConfigureHttpClientDefaults</c> added, this filter runs after it (filters wrap every
/// builder action) and takes out retrying and logging handlers, then turns off redirects and the
/// <c>System.Net.Http</c> request activity on the primary handler. <see cref="Check"/> then proves the chain the factory
/// built.
/// </summary>
internal sealed class ChatHooksHttp : IHttpMessageHandlerBuilderFilter
{
    /// <summary>The named client's name.</summary>
    public const string ClientName = "CardGen.ChatHooks";

    private readonly ILogger _logger;

    public ChatHooksHttp(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger("CardGen.ChatHooks");

    /// <summary>Creates the primary handler CardGen's client starts with.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        ActivityHeadersPropagator = null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
        => builder =>
        {
            next(builder);
            if (!string.Equals(builder.Name, ClientName, StringComparison.Ordinal))
            {
                return;
            }

            for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
            {
                var handler = builder.AdditionalHandlers[i];
                if (Forbidden(handler) is { } why)
                {
                    builder.AdditionalHandlers.RemoveAt(i);
                    ExtensionsLog.RemovedHandler(_logger, handler.GetType().FullName ?? handler.GetType().Name, why);
                }
            }

            if (builder.PrimaryHandler is SocketsHttpHandler sockets)
            {
                sockets.AllowAutoRedirect = false;
                sockets.ActivityHeadersPropagator = null;
            }
        };

    /// <summary>
    /// The problems of a handler chain built for CardGen's client: a handler that retries posts or logs the URL, a
    /// primary handler that follows redirects or records the request activity. Empty when it is safe.
    /// </summary>
    public static IReadOnlyList<string> Check(HttpMessageHandler handler)
    {
        var problems = new List<string>();
        var current = handler;
        while (current is DelegatingHandler delegating)
        {
            if (Forbidden(delegating) is { } why)
            {
                problems.Add($"{delegating.GetType().FullName} is on CardGen's HttpClient '{ClientName}': {why}.");
            }

            current = delegating.InnerHandler;
        }

        switch (current)
        {
            case SocketsHttpHandler sockets:
                if (sockets.AllowAutoRedirect)
                {
                    problems.Add($"The primary handler of CardGen's HttpClient '{ClientName}' follows redirects: a followed redirect re-posts the message, and the webhook token with the path, to another host. Set AllowAutoRedirect = false.");
                }

                if (sockets.ActivityHeadersPropagator is not null)
                {
                    problems.Add($"The primary handler of CardGen's HttpClient '{ClientName}' has an ActivityHeadersPropagator: .NET then records a System.Net.Http request activity whose url.full holds the webhook token. Set ActivityHeadersPropagator = null.");
                }

                break;
            case null:
                problems.Add($"CardGen's HttpClient '{ClientName}' has no primary handler.");
                break;
            default:
                problems.Add($"The primary handler of CardGen's HttpClient '{ClientName}' is {current.GetType().FullName}, not a SocketsHttpHandler: CardGen cannot turn off its redirects and its System.Net.Http request activity, whose url.full holds the webhook token. Leave CardGen's primary handler alone, or configure a SocketsHttpHandler.");
                break;
        }

        return problems;
    }

    private static string? Forbidden(DelegatingHandler handler)
    {
        var type = handler.GetType();
        var name = type.FullName ?? type.Name;
        if (name.StartsWith("Microsoft.Extensions.Http.Resilience.", StringComparison.Ordinal)
            || name.StartsWith("Polly.", StringComparison.Ordinal)
            || string.Equals(name, "Microsoft.Extensions.Http.PolicyHttpMessageHandler", StringComparison.Ordinal))
        {
            return "a resilience handler retries a POST after a 5xx or a timeout, when the message may already have been posted, so it would post messages twice; CardGen retries by ChatHooks options (Retry, AttemptTimeout, TotalRequestTimeout, CircuitBreaker) instead";
        }

        if (name.StartsWith("Microsoft.Extensions.Http.Logging.", StringComparison.Ordinal)
            || name.EndsWith(".HttpClientLoggerHandler", StringComparison.Ordinal))
        {
            return "an HTTP logging handler writes the request URL, which holds the webhook token; CardGen logs each post under the category CardGen with the URL redacted";
        }

        return null;
    }
}
