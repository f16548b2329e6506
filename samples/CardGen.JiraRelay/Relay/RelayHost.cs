using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CardGen.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CardGen.JiraRelay.Relay;

/// <summary>
/// The relay: a minimal API on <see cref="WebApplication.CreateSlimBuilder()"/> whose chat hooks come from the
/// <c>ChatHooks</c> section of the configuration through <c>AddChatHooks</c>, or, when that section names no hook,
/// from a webhook emulator it starts in the same process.
/// </summary>
internal sealed class RelayHost : IAsyncDisposable
{
    private RelayHost(WebApplication app, HookEmulator? emulator)
    {
        App = app;
        Emulator = emulator;
    }

    /// <summary>The web application; run or start it.</summary>
    public WebApplication App { get; }

    /// <summary>The emulator the cards go to when no chat hook is configured; <see langword="null"/> otherwise.</summary>
    public HookEmulator? Emulator { get; }

    /// <summary>Builds the relay from the arguments, appsettings.json and the environment.</summary>
    /// <param name="args">Command-line arguments (<c>--Relay:Secret=…</c> and the like).</param>
    /// <param name="configure">Changes the builder before the relay reads its settings (tests add configuration and loggers).</param>
    /// <param name="cancellationToken">Cancels starting the emulator.</param>
    /// <exception cref="InvalidOperationException">A setting is wrong, or a route names a chat hook that is not configured; the message says which.</exception>
    public static async Task<RelayHost> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        // appsettings.json is found beside the program, from whatever folder it is started.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        var options = RelayOptions.Read(builder.Configuration);
        var section = builder.Configuration.GetSection("ChatHooks");
        var configured = section.GetSection("Hooks").GetChildren().Select(h => h.Key).ToList();
        var chatHooks = builder.Services.AddChatHooks(section);
        var routed = options.Routes.Values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

        HookEmulator? emulator = null;
        if (configured.Count == 0)
        {
            emulator = await StartEmulatorAsync(options.EmulatorPort, cancellationToken).ConfigureAwait(false);
            foreach (var hook in routed)
            {
                chatHooks.AddHook(hook, emulator.DefaultHook, null);
            }
        }
        else
        {
            CheckRoutes(options, configured);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RelayHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RelayJsonContext.Default));

        var app = builder.Build();
        MapEndpoints(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CardGen.JiraRelay");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1";
            RelayLog.Listening(logger, address + "/jira", address + "/ci");
            if (options.Secret is null)
            {
                RelayLog.NoSecret(logger);
            }

            if (emulator is not null)
            {
                RelayLog.UsingEmulator(logger, string.Join(", ", routed), emulator.PageUri.AbsoluteUri);
            }
        });
        return new RelayHost(app, emulator);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapPost("/jira", (HttpRequest request, RelayHandler relay, CancellationToken cancellationToken) => relay.JiraAsync(request, cancellationToken));
        app.MapPost("/ci", (HttpRequest request, RelayHandler relay, CancellationToken cancellationToken) => relay.CiAsync(request, cancellationToken));
        app.MapGet("/", () => "CardGen Jira relay: POST Jira Cloud webhook events to /jira and CI notifications to /ci.\n");
    }

    /// <summary>Every route must name a configured hook, or the first event of its kind would fail at run time.</summary>
    private static void CheckRoutes(RelayOptions options, IReadOnlyCollection<string> configured)
    {
        var problems = options.Routes
            .Where(r => !configured.Contains(r.Value, StringComparer.OrdinalIgnoreCase))
            .Select(r => $"{RelayOptions.Section}:Routes:{r.Key} sends its events to the chat hook '{r.Value}', which is not configured: set ChatHooks:Hooks:{r.Value}:Url (in the environment ChatHooks__Hooks__{r.Value}__Url), or route them to a configured one ({string.Join(", ", configured.Order(StringComparer.Ordinal))}).")
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    /// <summary>Starts the emulator on <paramref name="port"/>, or on a free port when that one is taken.</summary>
    private static async Task<HookEmulator> StartEmulatorAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            return await HookEmulator.StartAsync(new HookEmulatorOptions { Port = port }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port != 0)
        {
            return await HookEmulator.StartAsync(new HookEmulatorOptions { Port = 0 }, cancellationToken).ConfigureAwait(false);
        }
    }
}
