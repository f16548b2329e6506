using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
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
    private readonly IDisposable? _subscription;
    private Snapshot? _snapshot;
    private int _httpChecked;

    public ChatHooksService(IOptionsMonitor<ChatHooksOptions> options, IHttpClientFactory clients, IHttpMessageHandlerFactory handlers)
    {
        _options = options;
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
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var hook = Find(hookName);
        CheckHttpClientOnce();
        return hook.Client.PostAsync(hook.Url, message, cancellationToken);
    }

    public Task<ChatHookResponse> PostAsync(string hookName, Legacy.LegacyMessage message, CancellationToken cancellationToken = default)
    {
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var hook = Find(hookName);
        CheckHttpClientOnce();
        return hook.Client.PostAsync(hook.Url, message, cancellationToken);
    }

    public void Dispose() => _subscription?.Dispose();

    private Hook Find(string hookName)
    {
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
            hooks[name] = new Hook(WebhookUrl.Parse(hook.Url!), client);
        }

        snapshot = new Snapshot(hooks, hooks.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        return snapshot;
    }

    private sealed record Hook(WebhookUrl Url, ChatHookClient Client);

    private sealed record Snapshot(Dictionary<string, Hook> Hooks, IReadOnlyCollection<string> Names);
}
