using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CardGen;

/// <summary>
/// The <see cref="IChatHooks"/> that <c>AddChatHooks</c> registers: one <see cref="ChatHookClient"/> per hook (so each
/// keeps its own circuits), each taking its HttpClient from the factory for every post, rebuilt when the options
/// change.
/// </summary>
internal sealed class ChatHooksService : IChatHooks, IDisposable
{
    private readonly IOptionsMonitor<ChatHooksOptions> _options;
    private readonly IHttpClientFactory _clients;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly IServiceProvider _services;
    private readonly IDisposable? _subscription;
    private Snapshot? _snapshot;
    private int _httpChecked;

    public ChatHooksService(IOptionsMonitor<ChatHooksOptions> options, IHttpClientFactory clients, IHttpMessageHandlerFactory handlers, IServiceProvider services)
    {
        _options = options;
        _services = services;
        _clients = clients;
        _handlers = handlers;
        _subscription = options.OnChange((_, name) =>
        {
            if (name is null || name == Options.DefaultName)
            {
                Volatile.Write(ref _snapshot, null);
            }
        });
    }

    public IReadOnlyCollection<string> Names => Current().Names;

    public Task<ChatHookResponse> PostAsync(string hookName, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        var hook = ForPost(hookName, message);
        return hook.Client.PostAsync(hook.Url, message, cancellationToken);
    }

    public Task<ChatHookResponse> PostAsync(string hookName, Legacy.LegacyMessage message, CancellationToken cancellationToken = default)
    {
        var hook = ForPost(hookName, message);
        return hook.Client.PostAsync(hook.Url, message, cancellationToken);
    }

    public Task<OutboxPostId> EnqueueAsync(string hookName, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        // Bad arguments are named before a missing outbox is.
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var outbox = _services.GetService<ChatOutbox>()
            ?? throw new InvalidOperationException(
                "No outbox is registered, so the post cannot be stored for delivery: add one with "
                + "services.AddChatHooks(…).UseSqliteOutbox(path) (package CardGen.Outbox.Sqlite) or "
                + ".UsePostgreSqlOutbox(connectionString) (package CardGen.Outbox.PostgreSql), or post at once with PostAsync.");
        return outbox.EnqueueAsync(hookName, message, transaction: null, orderKey: null, cancellationToken);
    }

    /// <summary>The hook a message is posted to, after the checks every post makes before anything is sent.</summary>
    private Hook ForPost(string hookName, object message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var hook = Find(hookName);
        CheckHttpClientOnce();
        return hook;
    }

    /// <summary>
    /// Writes a message for a hook as <see cref="PostAsync(string, WebhookMessage, CancellationToken)"/> would, its cards validated for the hook's host, and
    /// returns the hook's configured name with the request body; nothing is sent.
    /// </summary>
    internal (string HookName, byte[] Payload) WritePayload(string hookName, WebhookMessage message)
    {
        var hook = Find(hookName);
        return (hook.Name, hook.Client.WritePayload(hook.Url, message));
    }

    /// <summary>Posts a body <see cref="WritePayload"/> wrote, as it is, through the hook's client and resilience pipeline.</summary>
    internal Task<ChatHookResponse> PostPayloadAsync(string hookName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var hook = Find(hookName);
        CheckHttpClientOnce();
        return hook.Client.PostPayloadAsync(hook.Url, payload, cancellationToken);
    }

    /// <summary>The options the hook of that name posts with.</summary>
    internal ChatHookClientOptions OptionsOf(string hookName) => Find(hookName).Client.Options;

    /// <summary>The hook of that name; throws naming the configured ones when there is none.</summary>
    private Hook Find(string hookName)
    {
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        var snapshot = Current();
        if (!snapshot.Hooks.TryGetValue(hookName, out var hook))
        {
            throw new ArgumentException(
                snapshot.Names.Count == 0
                    ? $"No chat hook is named '{hookName}': no hooks are configured. Add one under ChatHooks:Hooks:{hookName}:Url, or with AddHook(\"{hookName}\", url)."
                    : $"No chat hook is named '{hookName}'. The configured hooks are: {string.Join(", ", snapshot.Names)}.",
                nameof(hookName));
        }

        return hook;
    }

    public void Dispose() => _subscription?.Dispose();

    /// <summary>
    /// Proves CardGen's HttpClient safe before the first post, for a service provider whose host never ran the
    /// start-up validation (a plain <c>BuildServiceProvider()</c>).
    /// </summary>
    private void CheckHttpClientOnce()
    {
        if (Volatile.Read(ref _httpChecked) != 0)
        {
            return;
        }

        var problems = ChatHooksValidator.CheckHttpClient(_handlers);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("CardGen's HttpClient is not safe to post with, so nothing was sent: " + string.Join(" ", problems));
        }

        Volatile.Write(ref _httpChecked, 1);
    }

    private Snapshot Current()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            return snapshot;
        }

        // Reading CurrentValue validates: a hook without a valid URL throws OptionsValidationException naming it.
        var options = _options.CurrentValue;
        var hooks = new Dictionary<string, Hook>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, hook) in options.Hooks)
        {
            var client = new ChatHookClient(() => _clients.CreateClient(ChatHooksHttp.ClientName), hook.Client ?? options.Client, name);
            hooks[name] = new Hook(name, WebhookUrl.Parse(hook.Url!), client);
        }

        snapshot = new Snapshot(hooks, hooks.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        return snapshot;
    }

    private sealed record Hook(string Name, WebhookUrl Url, ChatHookClient Client);

    private sealed record Snapshot(Dictionary<string, Hook> Hooks, IReadOnlyCollection<string> Names);
}
