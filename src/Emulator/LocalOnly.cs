using System;
using Microsoft.AspNetCore.Http;

namespace CardGen.Emulator;

/// <summary>
/// Keeps the page, the inspection and admin API and the management API to this machine. The server listens on
/// loopback only, but a web page the developer visits can still reach it: by a form post (no CORS preflight) or by
/// DNS rebinding, where a name the page controls is made to resolve to 127.0.0.1. A browser then sends the page's
/// own name as <c>Host</c> and its origin as <c>Origin</c>, so both must name a loopback host. The webhook routes
/// stay open to any <c>Host</c>, as RingCentral's are: a client may reach the emulator through any name that
/// resolves to loopback, and a post there can only be recorded.
/// </summary>
internal static class LocalOnly
{
    /// <summary>Whether the path belongs to the webhook routes (also the plural typo and its 404), open to any host.</summary>
    public static bool IsWebhookPath(PathString path)
        => path.StartsWithSegments("/webhook", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/webhooks", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/workflows", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/powerautomate", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the request is refused, or <see langword="null"/> when it is addressed to and sent from this machine.</summary>
    public static string? Refusal(HttpRequest request)
    {
        if (!request.Host.HasValue || !IsLoopbackName(request.Host.Host))
        {
            var host = request.Host.HasValue ? "'" + Formats.Clip(request.Host.Value) + "'" : "missing";
            return "The emulator's page, inspection, admin and management API answer only requests addressed to this machine "
                + "(Host localhost, 127.0.0.1 or [::1], any port), so that a web page cannot reach them through a name it controls; "
                + $"this request's Host is {host}. Open the page at http://127.0.0.1:<port>/.";
        }

        var origin = request.Headers.Origin;
        if (origin.Count > 0 && !IsLoopbackOrigin(origin.ToString()))
        {
            return "The emulator's page, inspection, admin and management API answer only pages served from this machine "
                + $"(Origin http://localhost, 127.0.0.1 or [::1], any port); this request's Origin is '{Formats.Clip(origin.ToString())}'.";
        }

        return null;
    }

    private static bool IsLoopbackOrigin(string origin)
        => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.UserInfo)
            && uri.AbsolutePath == "/"
            && IsLoopbackName(uri.Host);

    private static bool IsLoopbackName(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]";
}
