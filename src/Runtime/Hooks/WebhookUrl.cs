using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net;

namespace CardGen;

/// <summary>
/// An incoming-webhook URL: RingCentral's <c>https://{host}/webhook/v2/{id}</c> (v2) or <c>https://{host}/webhook/{id}</c>
/// (the legacy v1 form), or a Microsoft Teams Workflows URL,
/// <c>https://{host}/workflows/{id}/triggers/manual/paths/invoke?api-version=…&amp;sp=…&amp;sv=1.0&amp;sig={signature}</c>
/// or <c>https://{host}/powerautomate/automations/direct/workflows/{id}/triggers/manual/paths/invoke?…&amp;sig={signature}</c>
/// (<see cref="ChatHost"/> tells which). The RingCentral id, and the Teams <c>sig</c>, is the only credential a webhook
/// has, so this type never shows it: <see cref="ToString"/>, <see cref="Redacted"/> and every parse error keep at most
/// its first four characters (and of a Teams workflow id, which is not a credential but often treated as part of one).
/// Call <see cref="RevealUri"/> to get the secret URL, explicitly.
/// </summary>
/// <remarks>
/// <para>Accepted: any https host (<c>hooks.ringcentral.com</c>, the legacy <c>hooks.glip.com</c>, a sandbox or proxy)
/// with one of the two paths; plain http only on a loopback host (127.0.0.0/8, ::1, <c>localhost</c>), for a local
/// emulator. The id is a GUID, a three-part base64url token (<c>xxx.yyy.zzz</c>), or at least 20 characters of
/// <c>[0-9A-Za-z_-]</c>.</para>
/// <para>Rejected: other schemes, relative URLs, user information, query strings, fragments, percent-encoding,
/// other paths (<c>/webhooks/</c>, <c>/webhook/v3/</c>, extra segments, a trailing slash) and ids with other
/// characters.</para>
/// <para>A Teams URL is recognised by its path on any https host (<c>prod-NN.{region}.logic.azure.com</c>,
/// <c>{environment}.environment.api.powerplatform.com</c>, a proxy) or a loopback one. Its query must hold one
/// <c>api-version</c> and one <c>sig</c> of base64url characters (at least 20); other parameters (<c>sp</c>,
/// <c>sv</c>) are kept as written, percent-encoding included, and no parameter may appear twice.</para>
/// <para>The scheme and host are compared case-insensitively and normalized to lower case (a default port is
/// dropped); the path and id are case-sensitive. Equality compares the whole normalized URL ordinally.</para>
/// </remarks>
public sealed class WebhookUrl : IEquatable<WebhookUrl>
{
    private const string V1Path = "/webhook/";
    private const string V2Path = "/webhook/v2/";
    private const string Ellipsis = "\u2026";
    private const string Expected = "expected https://hooks.ringcentral.com/webhook/v2/{id} or https://hooks.ringcentral.com/webhook/{id}";
    private const string TeamsExpected = "expected a Teams workflow URL, https://{host}/workflows/{id}/triggers/manual/paths/invoke?api-version=…&sig=… or https://{host}/powerautomate/automations/direct/workflows/{id}/triggers/manual/paths/invoke?api-version=…&sig=…";
    private const string SigName = "sig";

    private readonly string _origin;
    private readonly string _url;

    /// <summary>The part of the id that <see cref="Redacted"/> leaves out.</summary>
    private readonly string _secret;

    private WebhookUrl(string origin, string host, bool isLoopback, WebhookFormat format, string id)
        : this(origin, host, isLoopback, format, id, format == WebhookFormat.V2 ? V2Path : V1Path, string.Empty, string.Empty, (format == WebhookFormat.V2 ? V2Path : V1Path) + "{id}")
    {
    }

    /// <summary>A URL whose secret <paramref name="id"/> sits between <paramref name="before"/> and <paramref name="after"/>.</summary>
    private WebhookUrl(string origin, string host, bool isLoopback, WebhookFormat format, string id, string before, string after, string workflowId, string pathTemplate, string? redactedBefore = null)
    {
        _origin = origin;
        _before = before;
        _after = after;
        Host = host;
        IsLoopback = isLoopback;
        Format = format;
        Id = id;
        WorkflowId = workflowId;
        PathTemplate = pathTemplate;
        _url = origin + before + id + after;

        // A short id (a token like a.b.c) keeps proportionally less; a real id or sig keeps 4 characters.
        var shown = Math.Min(4, id.Length / 5);
        RedactedId = id.Substring(0, shown) + Ellipsis;
        _secret = id.Substring(shown);
        Redacted = origin + (redactedBefore ?? before) + RedactedId + after;

        // A Teams workflow id is no credential, but the URL shows only its start too: some tools treat the whole URL as one.
        _workflowSecret = workflowId.Substring(Math.Min(4, workflowId.Length / 5));
    }

    /// <summary>The part of a Teams workflow id that <see cref="Redacted"/> leaves out; empty for RingCentral.</summary>
    private readonly string _workflowSecret;

    private readonly string _before;
    private readonly string _after;

    /// <summary>
    /// The endpoint format: <see cref="WebhookFormat.V2"/> for <c>/webhook/v2/{id}</c>, <see cref="WebhookFormat.V1"/>
    /// for <c>/webhook/{id}</c>, <see cref="WebhookFormat.TeamsWorkflow"/> for a Teams Workflows URL.
    /// </summary>
    public WebhookFormat Format { get; }

    /// <summary>The chat host the URL posts to: <see cref="CardGen.ChatHost.RingCentral"/> or <see cref="CardGen.ChatHost.Teams"/>.</summary>
    public ChatHost ChatHost => Format == WebhookFormat.TeamsWorkflow ? ChatHost.Teams : ChatHost.RingCentral;

    /// <summary>The host name in lower case, for example <c>hooks.ringcentral.com</c> (an IPv6 address in brackets).</summary>
    public string Host { get; }

    /// <summary>Whether the host is a loopback address or <c>localhost</c> (a local emulator).</summary>
    public bool IsLoopback { get; }

    /// <summary>
    /// The URL with the id cut to its first four characters and an ellipsis, for example
    /// <c>https://hooks.ringcentral.com/webhook/v2/3053…</c>; safe to log.
    /// </summary>
    public string Redacted { get; }

    /// <summary>The secret: a RingCentral webhook id, or the <c>sig</c> of a Teams URL.</summary>
    internal string Id { get; }

    /// <summary>The workflow id of a Teams URL (not a secret: the URL does nothing without its <c>sig</c>); empty for RingCentral.</summary>
    internal string WorkflowId { get; }

    /// <summary>The port the URL posts to, the scheme's default included.</summary>
    internal int Port => new Uri(_origin, UriKind.Absolute).Port;

    /// <summary>
    /// The path with the id left out, for example <c>/webhook/v2/{id}</c> or <c>/workflows/{id}/triggers/manual/paths/invoke</c>:
    /// the URL template of telemetry (no query, so no <c>sig</c>).
    /// </summary>
    internal string PathTemplate { get; }

    /// <summary>The secret as <see cref="Redacted"/> shows it, for example <c>3053…</c>.</summary>
    internal string RedactedId { get; }

    /// <summary>Parses a webhook URL.</summary>
    /// <param name="url">The URL, for example <c>https://hooks.ringcentral.com/webhook/v2/{id}</c>. Surrounding whitespace is ignored.</param>
    /// <returns>The webhook URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="FormatException">The URL is not a webhook URL; the message says why, without the id.</exception>
    public static WebhookUrl Parse(string url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        return TryParseCore(url, out var result, out var error) ? result! : throw new FormatException(error);
    }

    /// <summary>Parses a webhook URL without throwing.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="result">The webhook URL, or <see langword="null"/> when <paramref name="url"/> is not one.</param>
    /// <returns>Whether <paramref name="url"/> is a webhook URL.</returns>
    public static bool TryParse(string? url, out WebhookUrl? result) => TryParse(url, out result, out _);

    /// <summary>Parses a webhook URL without throwing, and says what is wrong when it is not one.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="result">The webhook URL, or <see langword="null"/> when <paramref name="url"/> is not one.</param>
    /// <param name="error">Why <paramref name="url"/> is not a webhook URL (never containing the id), or <see langword="null"/>.</param>
    /// <returns>Whether <paramref name="url"/> is a webhook URL.</returns>
    public static bool TryParse(string? url, out WebhookUrl? result, out string? error)
    {
        if (url is null)
        {
            result = null;
            error = "The webhook URL is null.";
            return false;
        }

        if (TryParseCore(url, out result, out error))
        {
            error = null;
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>
    /// The v2 form of this URL: a v1 <c>/webhook/{id}</c> becomes <c>/webhook/v2/{id}</c> (the same webhook, per
    /// RingCentral's docs). A <see cref="WebhookMessage"/>, Adaptive Card attachments included, needs v2.
    /// </summary>
    /// <returns>The v2 URL; this instance when it already is one.</returns>
    /// <remarks>A Teams URL has one form: this instance.</remarks>
    public WebhookUrl ToV2() => Format != WebhookFormat.V1 ? this : new WebhookUrl(_origin, Host, IsLoopback, WebhookFormat.V2, Id);

    /// <summary>
    /// The v1 form of this URL: a v2 <c>/webhook/v2/{id}</c> becomes <c>/webhook/{id}</c>, the same webhook (the rewrite
    /// RingCentral documents, taken the other way). A <see cref="Legacy.LegacyMessage"/> needs v1.
    /// </summary>
    /// <returns>The v1 URL; this instance when it already is one.</returns>
    /// <exception cref="InvalidOperationException">This is a Teams URL, which has no v1 form (Teams takes no legacy messages).</exception>
    public WebhookUrl ToV1() => Format switch
    {
        WebhookFormat.V1 => this,
        WebhookFormat.V2 => new WebhookUrl(_origin, Host, IsLoopback, WebhookFormat.V1, Id),
        _ => throw new InvalidOperationException($"{Redacted} is a Teams workflow URL, which has no v1 form: legacy (v1) messages are RingCentral's alone."),
    };

    /// <summary>The full URL, including the secret id. Do not log it.</summary>
    /// <returns>The URL.</returns>
    public Uri RevealUri() => new(_url, UriKind.Absolute);

    /// <summary>The redacted URL; see <see cref="Redacted"/>.</summary>
    /// <returns><see cref="Redacted"/>.</returns>
    public override string ToString() => Redacted;

    /// <summary>Whether both are the same URL (ordinal comparison of the normalized URL).</summary>
    /// <param name="other">The other URL.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(WebhookUrl? other) => other is not null && string.Equals(_url, other._url, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WebhookUrl);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_url);

    /// <summary>Equality.</summary>
    /// <param name="left">The left URL.</param>
    /// <param name="right">The right URL.</param>
    /// <returns>Whether both are null or equal.</returns>
    public static bool operator ==(WebhookUrl? left, WebhookUrl? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left URL.</param>
    /// <param name="right">The right URL.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WebhookUrl? left, WebhookUrl? right) => !(left == right);

    /// <summary>
    /// Replaces every echo of the id in <paramref name="text"/> with an ellipsis: as is or in another case, JSON-escaped,
    /// percent-encoded or cut, wherever <see cref="IdEchoes.Run"/> characters of its secret part (all but what
    /// <see cref="RedactedId"/> shows) follow each other once escapes are undone. The id as is becomes <see cref="RedactedId"/>.
    /// </summary>
    /// <param name="text">Text that may come from the server or the network stack.</param>
    /// <returns>The text without the id.</returns>
    internal string Scrub(string text) => _workflowSecret.Length < IdEchoes.Run ? IdEchoes.Scrub(text, _secret) : IdEchoes.Scrub(IdEchoes.Scrub(text, _secret), _workflowSecret);

    /// <summary>Whether <paramref name="text"/> shows the id in any form <see cref="Scrub"/> removes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it does.</returns>
    internal bool Reveals(string? text) => text is not null && (IdEchoes.Reveals(text, _secret) || (_workflowSecret.Length >= IdEchoes.Run && IdEchoes.Reveals(text, _workflowSecret)));

    private static bool TryParseCore(string url, out WebhookUrl? result, out string? error)
    {
        result = null;
        var text = url.Trim();
        if (text.Length == 0)
        {
            error = "The webhook URL is empty.";
            return false;
        }

        var queryStart = text.IndexOf('?');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                error = "The webhook URL contains a space, line break or control character; copy it again as one unbroken line.";
                return false;
            }

            if (c > '~')
            {
                error = "The webhook URL contains non-ASCII characters; write an international host name in its punycode (xn--) form.";
                return false;
            }

            if (c == '\\')
            {
                error = "The webhook URL contains a backslash; URLs use '/'.";
                return false;
            }

            // A Teams URL's query escapes its sp value (%2Ftriggers%2F…); the query is checked where it is read.
            if (c == '%' && (queryStart < 0 || i < queryStart))
            {
                error = "The webhook URL contains percent-encoding (%); a webhook URL is plain ASCII without escapes.";
                return false;
            }
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = $"The webhook URL is not an absolute URL; {Expected}.";
            return false;
        }

        var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
        if (scheme != "https" && scheme != "http")
        {
            error = IsSchemeName(scheme)
                ? $"The webhook URL uses the scheme '{scheme}'; only https is supported (http only on a loopback host, for a local emulator)."
                : $"The webhook URL does not start with https://; {Expected}.";
            return false;
        }

        var rest = text.Substring(schemeEnd + 3);
        var authorityEnd = IndexOfAny(rest, '/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest.Substring(0, authorityEnd);
        var tail = authorityEnd < 0 ? string.Empty : rest.Substring(authorityEnd);
        if (IndexOfAny(authority, '@') != -1)
        {
            error = "The webhook URL contains user information (user:password@ before the host); a webhook URL carries no credentials.";
            return false;
        }

        if (authority.Length == 0)
        {
            error = $"The webhook URL has no host; {Expected}.";
            return false;
        }

        if (IndexOfAny(tail, '#') != -1)
        {
            error = "The webhook URL has a fragment (#...); webhook URLs have none, so it was probably pasted with something else.";
            return false;
        }

        var question = IndexOfAny(tail, '?');
        var path = question < 0 ? tail : tail.Substring(0, question);
        var query = question < 0 ? null : tail.Substring(question + 1);
        var teams = IsTeamsPath(path);
        if (!teams && query is not null)
        {
            error = "The webhook URL has a query string (?...); RingCentral webhook URLs have none, so it was probably pasted with something else.";
            return false;
        }

        if (!Uri.TryCreate(scheme + "://" + authority + "/", UriKind.Absolute, out var server)
            || server.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            error = "The webhook URL's host or port is not valid.";
            return false;
        }

        var host = server.Host.ToLowerInvariant();
        var isLoopback = server.HostNameType == UriHostNameType.Dns
            ? string.Equals(host, "localhost", StringComparison.Ordinal)
            : IPAddress.TryParse(server.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        if (scheme == "http" && !isLoopback)
        {
            error = $"The webhook URL for {host} uses http; webhook URLs must use https (http is allowed only on a loopback host such as 127.0.0.1 or localhost, for a local emulator).";
            return false;
        }

        if (teams)
        {
            return TryParseTeams(scheme, server, host, isLoopback, path, query, out result, out error);
        }

        if (!TryParsePath(tail, out var format, out var id, out error))
        {
            return false;
        }

        if (!IsValidId(id))
        {
            error = "The webhook id is not a GUID, a three-part token (xxx.yyy.zzz of 0-9, A-Z, a-z, '_', '-') or at least 20 characters of 0-9, A-Z, a-z, '_' and '-'.";
            return false;
        }

        var origin = server.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        result = new WebhookUrl(origin, host, isLoopback, format, id);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="path"/> is meant as a Teams workflow URL: it names a workflow and a trigger.</summary>
    private static bool IsTeamsPath(string path)
        => (path.StartsWith("/workflows/", StringComparison.Ordinal) || path.StartsWith("/powerautomate/", StringComparison.Ordinal))
            && path.IndexOf("/triggers/", StringComparison.Ordinal) > 0;

    private static bool TryParseTeams(string scheme, Uri server, string host, bool isLoopback, string path, string? query, out WebhookUrl? result, out string? error)
    {
        result = null;
        var segments = path.Substring(1).Split('/');
        var at = segments.Length == 6 && segments[0] == "workflows" ? 1
            : segments.Length == 9 && segments[0] == "powerautomate" && segments[1] == "automations" && segments[2] == "direct" && segments[3] == "workflows" ? 4
            : -1;
        if (at < 0 || segments[at + 1] != "triggers" || segments[at + 3] != "paths" || segments[at + 4] != "invoke")
        {
            error = $"The webhook URL's path is not a Teams workflow path; {TeamsExpected}.";
            return false;
        }

        var workflowId = segments[at];
        var trigger = segments[at + 2];
        if (workflowId.Length is 0 or > 128 || !IsIdText(workflowId, 0, workflowId.Length))
        {
            error = "The Teams workflow id in the URL is not 1 to 128 characters of 0-9, A-Z, a-z, '_' and '-'.";
            return false;
        }

        if (trigger.Length is 0 or > 128 || !IsIdText(trigger, 0, trigger.Length))
        {
            error = "The Teams trigger name in the URL is not 1 to 128 characters of 0-9, A-Z, a-z, '_' and '-'.";
            return false;
        }

        if (string.IsNullOrEmpty(query))
        {
            error = $"The Teams workflow URL has no query string, so no signature (sig); copy the whole URL, {TeamsExpected}.";
            return false;
        }

        // The query is kept as written (the signature covers the trigger, not the order), with the signature cut out.
        string? sig = null, apiVersion = null;
        var before = new System.Text.StringBuilder(path).Append('?');
        var after = new System.Text.StringBuilder();
        var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in query!.Split('&'))
        {
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter.Substring(0, equals);
            var value = equals < 0 ? string.Empty : parameter.Substring(equals + 1);
            if (name.Length == 0)
            {
                error = "The Teams workflow URL's query string has an empty parameter ('&&', '?&' or a trailing '&').";
                return false;
            }

            if (!IsQueryText(name, allowEscapes: false) || !IsQueryText(value, allowEscapes: name != SigName))
            {
                error = name == SigName
                    ? "The Teams workflow URL's signature (sig) is not made of base64url characters (0-9, A-Z, a-z, '_', '-')."
                    : $"The Teams workflow URL's query parameter '{Clip(name)}' has a character that is not allowed or an escape that is not %XX.";
                return false;
            }

            if (!names.Add(name))
            {
                error = $"The Teams workflow URL has the query parameter '{Clip(name)}' more than once.";
                return false;
            }

            if (name == SigName)
            {
                sig = value;
                continue;
            }

            if (name == "api-version")
            {
                apiVersion = value;
            }

            (sig is null ? before : after).Append(name).Append(equals < 0 ? string.Empty : "=").Append(value).Append('&');
        }

        if (apiVersion is null or { Length: 0 })
        {
            error = "The Teams workflow URL has no api-version query parameter, which the workflow endpoint requires; copy the whole URL again.";
            return false;
        }

        if (sig is null || sig.Length < 20 || !IsIdText(sig, 0, sig.Length))
        {
            error = sig is null or { Length: 0 }
                ? "The Teams workflow URL has no signature (sig query parameter), its only credential; copy the whole URL again."
                : "The Teams workflow URL's signature (sig) is shorter than 20 characters; copy the whole URL again.";
            return false;
        }

        before.Append(SigName).Append('=');
        var shownWorkflow = workflowId.Substring(0, Math.Min(4, workflowId.Length / 5)) + Ellipsis;
        var redactedBefore = before.ToString().Replace("/workflows/" + workflowId + "/", "/workflows/" + shownWorkflow + "/");
        var tail = after.Length == 0 ? string.Empty : "&" + after.ToString(0, after.Length - 1);
        var origin = server.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        var template = "/" + string.Join("/", segments.Take(at)) + "/{id}/" + string.Join("/", segments.Skip(at + 1));
        result = new WebhookUrl(origin, host, isLoopback, WebhookFormat.TeamsWorkflow, sig, before.ToString(), tail, workflowId, template, redactedBefore);
        error = null;
        return true;
    }

    private static bool IsQueryText(string text, bool allowEscapes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (!allowEscapes || i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (!(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' or '-' or '.' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');

    /// <summary>
    /// A parameter name in an error message: only the names workflow URLs carry are shown, since anything else may
    /// be part of the signature split off by a stray '&amp;'.
    /// </summary>
    private static string Clip(string name) => name is "api-version" or "sp" or "sv" or SigName ? name : "(another name)";

    // Control characters (including NUL) are rejected before this is called, so NUL means "no character".
    private static int IndexOfAny(string text, char first, char second = '\0', char third = '\0')
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == first || text[i] == second || text[i] == third)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParsePath(string path, out WebhookFormat format, out string id, out string? error)
    {
        format = WebhookFormat.V2;
        id = string.Empty;
        if (path.Length <= 1)
        {
            error = $"The webhook URL has no path; {Expected}.";
            return false;
        }

        if (path == V1Path || path == V2Path)
        {
            error = "The webhook URL has no webhook id after its path.";
            return false;
        }

        if (path.StartsWith("/webhooks/", StringComparison.Ordinal))
        {
            error = "The webhook URL's path starts with /webhooks/ (plural), a typo in some RingCentral docs; the endpoint is /webhook/v2/{id}.";
            return false;
        }

        if (path.EndsWith("/", StringComparison.Ordinal))
        {
            error = "The webhook URL ends with '/' after the id; remove it.";
            return false;
        }

        var segments = path.Substring(1).Split('/');
        if (segments[0] != "webhook" || segments.Length < 2)
        {
            error = $"The webhook URL's path is not a webhook path; {Expected}.";
            return false;
        }

        if (segments.Length == 2)
        {
            format = WebhookFormat.V1;
            id = segments[1];
            error = null;
            return true;
        }

        if (segments.Length == 3 && segments[1] == "v2")
        {
            id = segments[2];
            error = null;
            return true;
        }

        if (segments.Length == 3 && IsVersionSegment(segments[1]))
        {
            error = $"The webhook URL's path has the version /webhook/{segments[1]}/; RingCentral webhooks are /webhook/v2/{{id}} or the legacy /webhook/{{id}}.";
            return false;
        }

        error = $"The webhook URL's path has extra segments; {Expected}.";
        return false;
    }

    /// <summary>
    /// Whether <paramref name="id"/> has the form of a RingCentral webhook id: a GUID, a three-part token
    /// (<c>xxx.yyy.zzz</c> of 0-9, A-Z, a-z, '_' and '-'), or at least 20 of those characters.
    /// </summary>
    /// <param name="id">The id, as in <c>/webhook/v2/{id}</c>.</param>
    /// <returns><see langword="true"/> when the id has one of those forms; <see langword="false"/> for anything else, null included.</returns>
    public static bool IsValidId([NotNullWhen(true)] string? id)
    {
        if (id is null)
        {
            return false;
        }

        if (id.Length >= 20 && IsIdText(id, 0, id.Length))
        {
            return true; // includes the GUID form
        }

        var first = id.IndexOf('.');
        var second = first < 0 ? -1 : id.IndexOf('.', first + 1);
        return second > 0
            && id.IndexOf('.', second + 1) < 0
            && IsIdText(id, 0, first)
            && IsIdText(id, first + 1, second - first - 1)
            && IsIdText(id, second + 1, id.Length - second - 1);
    }

    private static bool IsIdText(string text, int start, int length)
    {
        if (length == 0)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (!(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSchemeName(string scheme)
    {
        if (scheme.Length > 12 || scheme[0] is not (>= 'a' and <= 'z'))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVersionSegment(string segment)
    {
        if (segment.Length is < 2 or > 4 || segment[0] != 'v')
        {
            return false;
        }

        for (var i = 1; i < segment.Length; i++)
        {
            if (segment[i] is not (>= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }
}
