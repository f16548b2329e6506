using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace CardGen.Emulator;

/// <summary>Maps every route: webhooks, the management API, the inspection API, live events and the page.</summary>
internal sealed class EmulatorApi
{
    private const string PageMissing =
        "CardGen webhook emulator\n\nThe preview page is not installed next to the emulator (wwwroot/index.html).\n"
        + "Recorded posts: GET /api/posts (JSON), live: GET /api/events (Server-Sent Events), hooks: GET /api/hooks.\n";

    private readonly HookEmulatorOptions _options;
    private readonly HookRegistry _hooks;
    private readonly PostStore _store;
    private readonly AccessTokens _tokens;
    private readonly PlatformRateLimiter _apiLimiter;
    private readonly OAuthEndpoint _oauth;
    private readonly CancellationToken _stopping;

    public EmulatorApi(HookEmulatorOptions options, HookRegistry hooks, PostStore store, AccessTokens tokens, PlatformRateLimiter apiLimiter, OAuthEndpoint oauth, CancellationToken stopping)
    {
        _options = options;
        _hooks = hooks;
        _store = store;
        _tokens = tokens;
        _apiLimiter = apiLimiter;
        _oauth = oauth;
        _stopping = stopping;
    }

    public void Map(WebApplication app, WebhookEndpoint webhook, string? webRoot)
    {
        app.Use(GuardAsync);
        app.Use(LocalOnlyAsync);
        if (webRoot is not null)
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // A local tool: always serve the page as built, never a cached copy.
                OnPrepareResponse = static c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        }

        // Static files first: they must see the request before an endpoint is chosen.
        app.UseRouting();

        app.Map("/webhook/v2/{id}", (RequestDelegate)(c => webhook.HandleAsync(c, HookRoute.V2, Route(c, "id"))));
        app.Map("/webhook/{id}", (RequestDelegate)(c => webhook.HandleAsync(c, HookRoute.V1, Route(c, "id"))));
        if (_options.AcceptPluralWebhookPath)
        {
            app.Map("/webhooks/v2/{id}", (RequestDelegate)(c => webhook.HandleAsync(c, HookRoute.V2, Route(c, "id"))));
            app.Map("/webhooks/{id}", (RequestDelegate)(c => webhook.HandleAsync(c, HookRoute.V1, Route(c, "id"))));
        }

        app.Map(OAuthEndpoint.Path, (RequestDelegate)_oauth.HandleAsync);
        foreach (var prefix in _options.LegacyManagementPaths ? new[] { "/team-messaging/v1", "/restapi/v1.0/glip" } : new[] { "/team-messaging/v1" })
        {
            app.Map(prefix + "/groups/{groupId}/webhooks", (RequestDelegate)GroupWebhooksAsync);
            app.Map(prefix + "/webhooks", (RequestDelegate)ListWebhooksAsync);
            app.Map(prefix + "/webhooks/{webhookId}", (RequestDelegate)WebhookAsync);
            app.Map(prefix + "/webhooks/{webhookId}/activate", (RequestDelegate)(c => ChangeStatusAsync(c, HookStatus.Active)));
            app.Map(prefix + "/webhooks/{webhookId}/suspend", (RequestDelegate)(c => ChangeStatusAsync(c, HookStatus.Suspended)));
        }

        app.MapGet("/api/posts", (RequestDelegate)ListPostsAsync);
        app.MapDelete("/api/posts", (RequestDelegate)ClearPostsAsync);
        app.MapGet("/api/posts/{seq}", (RequestDelegate)GetPostAsync);
        app.MapGet("/api/events", (RequestDelegate)EventsAsync);
        app.MapGet("/api/hooks", (RequestDelegate)ListHooksAsync);
        app.MapPost("/api/hooks/{id}/faults", (RequestDelegate)AddFaultAsync);
        app.MapDelete("/api/hooks/{id}/faults", (RequestDelegate)ClearFaultsAsync);
        app.MapPut("/api/hooks/{id}/rate-limit", (RequestDelegate)SetRateLimitAsync);
        app.MapDelete("/api/hooks/{id}/rate-limit", (RequestDelegate)ClearRateLimitAsync);
        app.MapGet("/", (RequestDelegate)(c =>
        {
            c.Response.ContentType = "text/plain; charset=utf-8";
            return c.Response.WriteAsync(PageMissing, c.RequestAborted);
        }));
        app.MapFallback((RequestDelegate)NotFoundAsync);
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    /// <summary>Never a stack trace or an empty 500: an unexpected exception becomes a short JSON error.</summary>
    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The request itself is malformed (its framing, its length): the client's fault, said as such.
            context.Response.Clear();
            await WriteAsync(context, e.StatusCode, new ApiMessage("error", "The request could not be read: " + Formats.Clip(e.Message)), EmulatorJson.Context.ApiMessage).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(
                new ErrorEnvelope("error", "Internal Server Error", "The emulator failed to handle the request: " + e.GetType().Name, null),
                EmulatorJson.Context.ErrorEnvelope);
            await WebhookEndpoint.WriteJsonAsync(context, StatusCodes.Status500InternalServerError, bytes).ConfigureAwait(false);
        }
    }

    /// <summary>Everything but the webhook routes answers only this machine (see <see cref="LocalOnly"/>).</summary>
    private static Task LocalOnlyAsync(HttpContext context, RequestDelegate next)
    {
        if (LocalOnly.IsWebhookPath(context.Request.Path) || LocalOnly.Refusal(context.Request) is not { } refusal)
        {
            return next(context);
        }

        return WriteAsync(context, StatusCodes.Status403Forbidden, new ApiMessage("error", refusal), EmulatorJson.Context.ApiMessage);
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var detail = path.StartsWith("/webhooks/", StringComparison.Ordinal)
            ? "The webhook endpoint is /webhook/v2/{id} (singular 'webhook'); /webhooks/ is a typo in some RingCentral docs."
            : $"Nothing is served at {Formats.Clip(path)}. Webhooks: POST /webhook/v2/{{id}} or /webhook/{{id}}; inspection: /api/posts.";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ErrorEnvelope("error", "Resource not found", "Not Found", new[] { detail }), EmulatorJson.Context.ErrorEnvelope);
        return WebhookEndpoint.WriteJsonAsync(context, StatusCodes.Status404NotFound, bytes);
    }

    // ---- Management API (RingCentral platform style) ----

    /// <summary>
    /// Checks the bearer token (an unexpired one from the token endpoint, or the static <see cref="HookEmulator.ManagementToken"/>)
    /// and then the management API's rate limit, as RingCentral counts requests per authenticated user.
    /// </summary>
    private bool Authorized(HttpContext context, out Task? refusal)
    {
        refusal = null;
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            refusal = PlatformAnswers.ErrorAsync(context, StatusCodes.Status401Unauthorized, "AGW-401", "Authorization header is not specified", null, bearer: true);
            return false;
        }

        const string Scheme = "Bearer ";
        var check = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? _tokens.Check(header[Scheme.Length..].Trim()) : TokenCheck.Unknown;
        if (check == TokenCheck.Expired)
        {
            refusal = PlatformAnswers.ErrorAsync(context, StatusCodes.Status401Unauthorized, "OAU-128", "Access token expired.", null, bearer: true);
            return false;
        }

        if (check != TokenCheck.Valid)
        {
            refusal = PlatformAnswers.ErrorAsync(context, StatusCodes.Status401Unauthorized, "OAU-213", "Token not found", null, bearer: true);
            return false;
        }

        if (!_apiLimiter.TryAcquire(out var retryAfter))
        {
            refusal = PlatformAnswers.RateLimitedAsync(context, retryAfter);
            return false;
        }

        return true;
    }

    private Task GroupWebhooksAsync(HttpContext context)
    {
        if (!Authorized(context, out var refusal))
        {
            return refusal!;
        }

        var groupId = Route(context, "groupId");
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var hook = _hooks.Create(null, new[] { groupId });
            return WriteAsync(context, StatusCodes.Status200OK, Formats.ToInfo(hook), EmulatorJson.Context.WebhookInfoJson);
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            var all = _hooks.All();
            if (!all.Any(h => h.GroupIds.Contains(groupId)))
            {
                return PlatformErrorAsync(context, StatusCodes.Status404NotFound, "CMN-102", $"Resource for parameter [groupId] is not found.", "groupId");
            }

            var records = all.Where(h => h.Status != HookStatus.Deleted && h.GroupIds.Contains(groupId)).Select(Formats.ToInfo).ToArray();
            return WriteAsync(context, StatusCodes.Status200OK, new WebhookListJson(records), EmulatorJson.Context.WebhookListJson);
        }

        return MethodNotAllowedAsync(context, "GET, POST");
    }

    private Task ListWebhooksAsync(HttpContext context)
    {
        if (!Authorized(context, out var refusal))
        {
            return refusal!;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return MethodNotAllowedAsync(context, "GET");
        }

        var records = _hooks.All().Where(h => h.Status != HookStatus.Deleted).Select(Formats.ToInfo).ToArray();
        return WriteAsync(context, StatusCodes.Status200OK, new WebhookListJson(records), EmulatorJson.Context.WebhookListJson);
    }

    private Task WebhookAsync(HttpContext context)
    {
        if (!Authorized(context, out var refusal))
        {
            return refusal!;
        }

        var ids = Route(context, "webhookId");
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var found = new List<WebhookInfoJson>();
            foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (_hooks.Get(id) is not { Status: not HookStatus.Deleted } hook)
                {
                    return NoSuchWebhookAsync(context);
                }

                found.Add(Formats.ToInfo(hook));
            }

            return found.Count == 0
                ? PlatformErrorAsync(context, StatusCodes.Status400BadRequest, "CMN-101", "Parameter [webhookId] value is invalid.", "webhookId")
                : WriteAsync(context, StatusCodes.Status200OK, new WebhookListJson(found), EmulatorJson.Context.WebhookListJson);
        }

        if (HttpMethods.IsDelete(context.Request.Method))
        {
            if (!_hooks.SetStatus(ids, HookStatus.Deleted))
            {
                return NoSuchWebhookAsync(context);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        return MethodNotAllowedAsync(context, "GET, DELETE");
    }

    private Task ChangeStatusAsync(HttpContext context, HookStatus status)
    {
        if (!Authorized(context, out var refusal))
        {
            return refusal!;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return MethodNotAllowedAsync(context, "POST");
        }

        if (!_hooks.SetStatus(Route(context, "webhookId"), status))
        {
            return NoSuchWebhookAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static Task NoSuchWebhookAsync(HttpContext context)
        => PlatformErrorAsync(context, StatusCodes.Status404NotFound, "CMN-102", "Resource for parameter [webhookId] is not found.", "webhookId");

    private static Task MethodNotAllowedAsync(HttpContext context, string allow)
    {
        context.Response.Headers.Allow = allow;
        return PlatformErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "CMN-405", "Method is not allowed for this resource.", null);
    }

    private static Task PlatformErrorAsync(HttpContext context, int status, string code, string message, string? parameter)
        => PlatformAnswers.ErrorAsync(context, status, code, message, parameter);

    // ---- Inspection and admin API ----

    private Task ListPostsAsync(HttpContext context)
    {
        IEnumerable<RecordedPost> posts = _store.Snapshot().Reverse();
        var query = context.Request.Query;
        if (query.TryGetValue("hookId", out var hookId) && !string.IsNullOrEmpty(hookId))
        {
            posts = posts.Where(p => p.HookId == hookId.ToString());
        }

        try
        {
            if (AdminRequests.Query(context, "limit", int.MaxValue) is { } limit)
            {
                posts = posts.Take((int)limit);
            }
        }
        catch (AdminRequestException e)
        {
            return RefuseAsync(context, e);
        }

        var bytes = Formats.ToListBytes(_store.Total, _store.Accepted, _store.Rejected, _store.Faulted, posts);
        return WebhookEndpoint.WriteJsonAsync(context, StatusCodes.Status200OK, bytes);
    }

    private Task GetPostAsync(HttpContext context)
    {
        if (!long.TryParse(Route(context, "seq"), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || _store.Find(seq) is not { } post)
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, new ApiMessage("error", "No recorded post has this number."), EmulatorJson.Context.ApiMessage);
        }

        return WebhookEndpoint.WriteJsonAsync(context, StatusCodes.Status200OK, Formats.ToJsonBytes(post));
    }

    private Task ClearPostsAsync(HttpContext context)
    {
        _store.Clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private Task ListHooksAsync(HttpContext context)
    {
        var hooks = _hooks.All().Select(h =>
        {
            var limit = _hooks.RateLimitOf(h.Id);
            return new HookJson(
                h.Id,
                h.Status.ToString(),
                h.Uri.AbsoluteUri,
                h.V1Uri.AbsoluteUri,
                h.GroupIds,
                Formats.Time(h.CreationTime),
                Formats.Time(h.LastModifiedTime),
                _hooks.Faults(h.Id).Select(Formats.ToJson).ToArray(),
                limit is null ? null : new RateLimitJson { Requests = limit.Requests, WindowSeconds = limit.Window.TotalSeconds },
                h.Id == _options.DefaultHookId);
        }).ToArray();
        return WriteAsync(context, StatusCodes.Status200OK, new HookListJson(hooks), EmulatorJson.Context.HookListJson);
    }

    private async Task AddFaultAsync(HttpContext context)
    {
        var id = Route(context, "id");
        if (_hooks.Find(id) is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, new ApiMessage("error", "No webhook has this id."), EmulatorJson.Context.ApiMessage).ConfigureAwait(false);
            return;
        }

        FaultSpec fault;
        try
        {
            using var body = await AdminRequests.ReadObjectAsync(context).ConfigureAwait(false);
            fault = AdminRequests.ReadFault(body.RootElement);
        }
        catch (AdminRequestException e)
        {
            await RefuseAsync(context, e).ConfigureAwait(false);
            return;
        }

        _hooks.AddFault(id, fault);
        await WriteAsync(context, StatusCodes.Status200OK, Formats.ToJson(fault), EmulatorJson.Context.FaultJson).ConfigureAwait(false);
    }

    private Task ClearFaultsAsync(HttpContext context)
    {
        if (!_hooks.ClearFaults(Route(context, "id")))
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, new ApiMessage("error", "No webhook has this id."), EmulatorJson.Context.ApiMessage);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task SetRateLimitAsync(HttpContext context)
    {
        var id = Route(context, "id");
        if (_hooks.Find(id) is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, new ApiMessage("error", "No webhook has this id."), EmulatorJson.Context.ApiMessage).ConfigureAwait(false);
            return;
        }

        RateLimit limit;
        try
        {
            using var body = await AdminRequests.ReadObjectAsync(context).ConfigureAwait(false);
            limit = AdminRequests.ReadRateLimit(body.RootElement);
        }
        catch (AdminRequestException e)
        {
            await RefuseAsync(context, e).ConfigureAwait(false);
            return;
        }

        _hooks.SetRateLimit(id, limit);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task ClearRateLimitAsync(HttpContext context)
    {
        var id = Route(context, "id");
        if (_hooks.Find(id) is null)
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, new ApiMessage("error", "No webhook has this id."), EmulatorJson.Context.ApiMessage);
        }

        _hooks.SetRateLimit(id, null);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task RefuseAsync(HttpContext context, AdminRequestException refusal)
        => WriteAsync(context, refusal.Status, new ApiMessage("error", refusal.Message), EmulatorJson.Context.ApiMessage);

    // ---- Live events ----

    private async Task EventsAsync(HttpContext context)
    {
        long? afterQuery;
        try
        {
            afterQuery = AdminRequests.Query(context, "after", long.MaxValue);
        }
        catch (AdminRequestException e)
        {
            await RefuseAsync(context, e).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = _store.Subscribe();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var token = ended.Token;
        try
        {
            await response.WriteAsync("retry: 2000\n: connected\n\n", token).ConfigureAwait(false);

            // Replay what the client missed: after a reconnect (Last-Event-ID, which the browser echoes from the
            // stream, so one it garbles is ignored) or a page load (?after=seq).
            long? last = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var echoed)
                ? echoed
                : afterQuery;
            var sent = new HashSet<long>();
            if (last is not null)
            {
                foreach (var post in _store.Snapshot().Where(p => p.Seq > last))
                {
                    sent.Add(post.Seq);
                    await WriteEventAsync(response, post, token).ConfigureAwait(false);
                }
            }

            await response.Body.FlushAsync(token).ConfigureAwait(false);
            var reader = subscription.Reader;
            while (!token.IsCancellationRequested)
            {
                var wrote = false;
                while (reader.TryRead(out var post))
                {
                    if (sent.Count == 0 || !sent.Remove(post.Seq))
                    {
                        await WriteEventAsync(response, post, token).ConfigureAwait(false);
                        wrote = true;
                    }
                }

                if (wrote)
                {
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(_options.EventStreamPingInterval);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    await response.WriteAsync(": ping\n\n", token).ConfigureAwait(false);
                    await response.Body.FlushAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The browser closed the stream, or the emulator is stopping.
        }
        catch (IOException)
        {
            // The connection broke.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, RecordedPost post, CancellationToken token)
    {
        var json = Formats.ToJsonBytes(post);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"id: {post.Seq}\nevent: post\ndata: "));
        await response.Body.WriteAsync(head, token).ConfigureAwait(false);
        await response.Body.WriteAsync(json, token).ConfigureAwait(false);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), token).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        await WebhookEndpoint.WriteJsonAsync(context, status, bytes).ConfigureAwait(false);
    }

}
