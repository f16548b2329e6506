using System;
using System.Linq;
using CardGen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CardGen's <see cref="IChatHooks"/>: named incoming webhooks, posted to through <c>IHttpClientFactory</c>.</summary>
public static class ChatHooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatHooks"/> with the hooks and options of a configuration section, for example
    /// <c>builder.Configuration.GetSection("ChatHooks")</c>, reloaded when it changes.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section: <c>Hooks:&lt;name&gt;:Url</c> for each hook; <c>Retry</c>, <c>AttemptTimeout</c>, <c>TotalRequestTimeout</c>, <c>CircuitBreaker</c>, <c>Host</c> and <c>ValidateCards</c> for every hook, or under a hook for it alone; <c>Outbox</c> for a durable outbox's <c>ChatOutboxOptions</c> (bound by <c>UseOutbox</c>).</param>
    /// <returns>A builder to add hooks and options in code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static ChatHooksBuilder AddChatHooks(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        AddChatHooks(services);
        services.AddSingleton<IConfigureOptions<ChatHooksOptions>>(new ConfigureNamedOptions<ChatHooksOptions>(Options.Options.DefaultName, options => ChatHooksConfiguration.Apply(configuration, options)));
        services.AddSingleton<IOptionsChangeTokenSource<ChatHooksOptions>>(new ConfigurationChangeTokenSource<ChatHooksOptions>(Options.Options.DefaultName, configuration));
        return new ChatHooksBuilder(services) { Configuration = configuration };
    }

    /// <summary>Registers <see cref="IChatHooks"/> with hooks and options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the hooks and options.</param>
    /// <returns>A builder to add hooks and options in code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static ChatHooksBuilder AddChatHooks(this IServiceCollection services, Action<ChatHooksOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var builder = AddChatHooks(services);
        services.Configure(configure);
        return builder;
    }

    /// <summary>Registers <see cref="IChatHooks"/>; add hooks with <see cref="ChatHooksBuilder.AddHook(string, string)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to add hooks and options in code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static ChatHooksBuilder AddChatHooks(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (!services.Any(d => d.ServiceType == typeof(ChatHooksMarker)))
        {
            services.AddSingleton<ChatHooksMarker>();
            services.AddLogging();
            services.AddHttpClient(ChatHooksBuilder.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(ChatHooksHttp.CreatePrimaryHandler)
                .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan) // CardGen's own timeouts apply
                .RemoveAllLoggers();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ChatHooksHttp>());
            services.AddOptions<ChatHooksOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatHooksOptions>, ChatHooksValidator>());
            services.AddSingleton<IPostConfigureOptions<ChatHooksOptions>, ChatHooksPostConfigure>();
            services.TryAddSingleton<ChatHooksService>();
            services.TryAddSingleton<IChatHooks>(sp => sp.GetRequiredService<ChatHooksService>());
        }

        return new ChatHooksBuilder(services);
    }

    /// <summary>Marks the services as holding CardGen's registrations, so a second call adds no second set.</summary>
    private sealed class ChatHooksMarker
    {
    }

    /// <summary>Gives every hook its options (the shared ones, with its own values over a copy) and the host's logger and clock.</summary>
    private sealed class ChatHooksPostConfigure : IPostConfigureOptions<ChatHooksOptions>
    {
        private readonly ILoggerFactory _loggers;
        private readonly TimeProvider? _time;

        public ChatHooksPostConfigure(ILoggerFactory loggers, IServiceProvider services)
        {
            _loggers = loggers;
            _time = services.GetService<TimeProvider>();
        }

        public void PostConfigure(string? name, ChatHooksOptions options)
        {
            options.Client.Logger ??= _loggers.CreateLogger("CardGen.ChatHooks");
            if (_time is not null && ReferenceEquals(options.Client.TimeProvider, TimeProvider.System))
            {
                options.Client.TimeProvider = _time;
            }

            foreach (var hook in options.Hooks.Values)
            {
                var client = options.Client.Clone();
                foreach (var apply in hook.Overrides)
                {
                    apply(client);
                }

                hook.Client = client;
            }
        }
    }
}
