using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CardGen;

/// <summary>
/// The names under which the client reports traces and metrics: an <see cref="ActivitySource"/> and a
/// <see cref="Meter"/>, both named <see cref="SourceName"/>. Subscribe to them, for example with OpenTelemetry's
/// <c>AddSource(ChatHookTelemetry.SourceName)</c> and <c>AddMeter(ChatHookTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// <para>One span per post (not per attempt), named <c>POST /webhook/v2/{id}</c> (the URL template), with the
/// OpenTelemetry HTTP client attributes <c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>url.full</c> (redacted: the webhook id cut to four characters), <c>url.template</c>,
/// <c>http.response.status_code</c> and <c>error.type</c>, and CardGen's own: <c>cardgen.hook.name</c>,
/// <c>cardgen.route</c> (<c>v1</c> or <c>v2</c>), <c>cardgen.attempts</c>, <c>cardgen.outcome</c>,
/// <c>cardgen.may_have_been_delivered</c> and <c>cardgen.host_error</c> (the host's error text, with the webhook id
/// replaced).</para>
/// <para>Metrics: <c>cardgen.chat_hook.posts</c> (posts by outcome), <c>cardgen.chat_hook.failures</c> (failed posts by
/// reason), <c>cardgen.chat_hook.retries</c> (retries by the failure that caused them),
/// <c>cardgen.chat_hook.post.duration</c> (seconds, a whole post) and <c>cardgen.chat_hook.payload.size</c> (bytes of
/// the message). Their tags are the hook name, <c>server.address</c>, the route and the outcome or reason; none holds
/// the URL.</para>
/// </remarks>
public static class ChatHookTelemetry
{
    /// <summary>The name of the client's <see cref="ActivitySource"/>: <c>CardGen</c>.</summary>
    public const string SourceName = "CardGen";

    /// <summary>The name of the client's <see cref="Meter"/>: <c>CardGen</c>.</summary>
    public const string MeterName = "CardGen";

    private static readonly string? Version = typeof(ChatHookTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(SourceName, Version);

    internal static readonly Meter Meter = new(MeterName, Version);

    internal static readonly Counter<long> Posts = Meter.CreateCounter<long>("cardgen.chat_hook.posts", "{post}", "Posts to incoming webhooks, by outcome.");

    internal static readonly Counter<long> Failures = Meter.CreateCounter<long>("cardgen.chat_hook.failures", "{post}", "Failed posts to incoming webhooks, by reason.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("cardgen.chat_hook.retries", "{retry}", "Retried attempts, by the failure that caused them.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("cardgen.chat_hook.post.duration", "s", "The duration of a post, every attempt and wait included.");

    internal static readonly Histogram<long> PayloadSize = Meter.CreateHistogram<long>("cardgen.chat_hook.payload.size", "By", "The size of a posted message.");

    /// <summary>Attribute and tag names.</summary>
    internal static class Tags
    {
        public const string HookName = "cardgen.hook.name";
        public const string Route = "cardgen.route";
        public const string Attempts = "cardgen.attempts";
        public const string Outcome = "cardgen.outcome";
        public const string Reason = "cardgen.failure";
        public const string MayHaveBeenDelivered = "cardgen.may_have_been_delivered";
        public const string HostError = "cardgen.host_error";
        public const string Method = "http.request.method";
        public const string ServerAddress = "server.address";
        public const string ServerPort = "server.port";
        public const string UrlFull = "url.full";
        public const string UrlTemplate = "url.template";
        public const string StatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
    }
}
