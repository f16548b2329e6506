using System;
using CardGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the chat hooks that <c>AddChatHooks</c> registered: adds hooks and options in code. Further CardGen
/// packages extend it (for example with a durable outbox).
/// </summary>
public sealed class ChatHooksBuilder
{
    internal ChatHooksBuilder(IServiceCollection services) => Services = services;

    /// <summary>
    /// The name of CardGen's <c>IHttpClientFactory</c> client, for configuring it further:
    /// <c>services.AddHttpClient(ChatHooksBuilder.HttpClientName)</c>. CardGen removes retrying and logging handlers from
    /// it, turns off redirects and the <c>System.Net.Http</c> request activity, and fails start-up when that is not
    /// possible.
    /// </summary>
    public const string HttpClientName = "CardGen.ChatHooks";

    /// <summary>The services the hooks are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The configuration section <c>AddChatHooks</c> was given, when it was; further packages bind their own subsections of it.</summary>
    internal Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; init; }

    /// <summary>Adds a hook, or sets the URL of a configured one.</summary>
    /// <param name="name">The hook's name.</param>
    /// <param name="url">The webhook URL; checked at start-up.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public ChatHooksBuilder AddHook(string name, string url) => AddHook(name, url, null);

    /// <summary>Adds a hook, or sets the URL of a configured one, and sets options of its own over the shared ones.</summary>
    /// <param name="name">The hook's name.</param>
    /// <param name="url">The webhook URL; checked at start-up.</param>
    /// <param name="configure">Sets the hook's own options, over a copy of the shared <see cref="ChatHooksOptions.Client"/>; <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public ChatHooksBuilder AddHook(string name, string url, Action<ChatHookClientOptions>? configure)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A chat hook needs a name.", nameof(name));
        }

        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        Services.Configure<ChatHooksOptions>(options =>
        {
            var hook = options.Hook(name);
            hook.Url = url;
            if (configure is not null)
            {
                hook.Overrides.Add(configure);
            }
        });
        return this;
    }

    /// <summary>Adds a hook with a parsed URL.</summary>
    /// <param name="name">The hook's name.</param>
    /// <param name="url">The webhook URL.</param>
    /// <param name="configure">Sets the hook's own options; <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public ChatHooksBuilder AddHook(string name, WebhookUrl url, Action<ChatHookClientOptions>? configure)
        => AddHook(name, (url ?? throw new ArgumentNullException(nameof(url))).RevealUri().AbsoluteUri, configure);

    /// <summary>Sets the options every hook posts with (a hook's own values still override them).</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ChatHooksBuilder ConfigureClient(Action<ChatHookClientOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        Services.Configure<ChatHooksOptions>(options => configure(options.Client));
        return this;
    }
}
