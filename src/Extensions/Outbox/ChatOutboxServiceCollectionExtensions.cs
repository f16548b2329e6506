using System;
using System.Collections.Generic;
using System.Linq;
using CardGen;
using CardGen.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a durable outbox to CardGen's chat hooks: <see cref="IChatHooks.EnqueueAsync"/> and its background delivery.</summary>
public static class ChatOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores posts enqueued with <see cref="IChatHooks.EnqueueAsync"/> (or <see cref="IChatOutbox"/>) in
    /// <paramref name="store"/>, and delivers them in the background through each hook's client and resilience
    /// pipeline. A process that only delivers registers the same way. Store packages call this:
    /// <c>UseSqliteOutbox(path)</c> (<c>CardGen.Outbox.Sqlite</c>) and <c>UsePostgreSqlOutbox(connectionString)</c>
    /// (<c>CardGen.Outbox.PostgreSql</c>). A second call replaces the store and adds its options.
    /// </summary>
    /// <param name="builder">The chat hooks.</param>
    /// <param name="store">Creates the store, once, from the services.</param>
    /// <param name="configure">Sets the outbox's options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="store"/> is null.</exception>
    public static ChatHooksBuilder UseOutbox(this ChatHooksBuilder builder, Func<IServiceProvider, IChatOutboxStore> store, Action<ChatOutboxOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        var services = builder.Services;
        services.RemoveAll<ChatOutboxStoreSource>();
        services.AddSingleton(new ChatOutboxStoreSource(store));
        var options = services.AddOptions<ChatOutboxOptions>().ValidateOnStart();
        if (builder.Configuration is { } configuration)
        {
            // The section's Outbox values first, so that what the code sets wins; a key the options do not have (a typo)
            // fails start-up naming it, as a value that cannot be read does. Read key by key, not bound by reflection,
            // so it stays trimming and Native AOT safe.
            var section = configuration.GetSection(OutboxSection);
            options.Configure(o => ChatHooksConfiguration.ApplyOutbox(section, o));
            services.RemoveAll<ChatOutboxConfigurationPath>();
            services.AddSingleton(new ChatOutboxConfigurationPath(section.Path));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!services.Any(d => d.ServiceType == typeof(ChatOutbox)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOutboxOptions>, ChatOutboxOptionsValidator>());
            services.AddSingleton<ChatOutbox>();
            services.AddSingleton<IChatOutbox>(sp => sp.GetRequiredService<ChatOutbox>());
            services.AddHostedService<ChatOutboxDelivery>();
        }

        return builder;
    }

    /// <summary>The subsection of <c>AddChatHooks</c>' configuration that holds <see cref="ChatOutboxOptions"/>.</summary>
    private const string OutboxSection = "Outbox";

    /// <summary>Checks <see cref="ChatOutboxOptions"/> at start-up, naming each value out of range (and its configuration key, when bound from one).</summary>
    private sealed class ChatOutboxOptionsValidator : IValidateOptions<ChatOutboxOptions>
    {
        private readonly string? _path;

        public ChatOutboxOptionsValidator(IEnumerable<ChatOutboxConfigurationPath> paths) => _path = paths.LastOrDefault()?.Path;

        public ValidateOptionsResult Validate(string? name, ChatOutboxOptions options)
        {
            var errors = options.ConfigurationErrors.Select(e => $"ChatOutbox: {e}")
                .Concat(options.Check().Select(e => _path is null ? $"ChatOutbox: {e.Message}" : $"ChatOutbox: {e.Message.TrimEnd('.')} (configuration key '{_path}:{e.Key}')."))
                .ToArray();
            return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Where the outbox's options were bound from, to name the key of a value out of range.</summary>
    private sealed record ChatOutboxConfigurationPath(string Path);
}
