using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace CardGen.Outbox;

/// <summary>
/// The <see cref="IChatOutbox"/> that <c>UseOutbox</c> registers: writes and validates a post as a direct post would,
/// stores it, and wakes this process's delivery engine.
/// </summary>
internal sealed class ChatOutbox : IChatOutbox, IAsyncDisposable
{
    private readonly ChatHooksService _hooks;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private Task? _initialized;
    private int _closed;

    public ChatOutbox(ChatOutboxStoreSource source, ChatHooksService hooks, IOptions<ChatOutboxOptions> options, IServiceProvider services)
    {
        Store = source.Create(services);
        _hooks = hooks;
        Options = options.Value;
        _time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
    }

    public IChatOutboxStore Store { get; }

    public ChatOutboxOptions Options { get; }

    public ChatHooksService Hooks => _hooks;

    /// <summary>Signalled when this process stores a post, so that an idle delivery loop looks at once.</summary>
    public SemaphoreSlim Enqueued { get; } = new(0, 1);

    /// <summary>
    /// Initializes the store once; a failed initialization is tried again by the next caller, so a store that comes
    /// back (a database that was down) is used without a restart.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
            {
                _initialized = Store.InitializeAsync(cancellationToken);
            }

            return _initialized;
        }
    }

    public async Task<OutboxPostId> EnqueueAsync(string hookName, WebhookMessage message, DbTransaction? transaction = null, string? orderKey = null, CancellationToken cancellationToken = default)
    {
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var (name, payload) = _hooks.WritePayload(hookName, message);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var entry = new OutboxEntry(name, payload, orderKey, _time.GetUtcNow());
        var ids = await Store.EnqueueAsync(new[] { entry }, transaction, Options.Capacity, cancellationToken).ConfigureAwait(false);
        if (ids.Count != 1)
        {
            throw new InvalidOperationException($"The outbox store returned {ids.Count} ids for one post.");
        }

        OutboxTelemetry.Enqueued.Add(1, new KeyValuePair<string, object?>(ChatHookTelemetry.Tags.HookName, name));
        Wake();
        return ids[0];
    }

    public async Task<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        if (max < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "List at least one dead letter.");
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Store.ListDeadLettersAsync(max, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ResendAsync(OutboxPostId id, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var resent = await Store.ResendAsync(id, cancellationToken).ConfigureAwait(false);
        if (resent)
        {
            Wake();
        }

        return resent;
    }

    public async Task<bool> DeleteAsync(OutboxPostId id, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the store, once: the delivery engine calls it when it has stopped (so pooled connections and the file or
    /// data source are released with the host's stop, not only when the services are disposed), and the services on
    /// disposal. The outbox owns the store, since <c>UseOutbox</c>'s factory created it for it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        switch (Store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private void Wake() => ChatOutboxDelivery.Signal(Enqueued);
}

/// <summary>How the registered store is created: the factory <c>UseOutbox</c> was given.</summary>
internal sealed class ChatOutboxStoreSource
{
    private readonly Func<IServiceProvider, IChatOutboxStore> _factory;

    public ChatOutboxStoreSource(Func<IServiceProvider, IChatOutboxStore> factory) => _factory = factory;

    public IChatOutboxStore Create(IServiceProvider services)
        => _factory(services) ?? throw new InvalidOperationException("The outbox store factory given to UseOutbox returned null.");
}
