using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CardGen.JiraRelay.Relay;

/// <summary>
/// The relay's settings, from the <c>Relay</c> section of the configuration (appsettings.json, then environment
/// variables such as <c>Relay__Secret</c>). Read key by key, without the reflection-based binder.
/// </summary>
internal sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary>The port of the emulator started when no chat hook is configured (<c>Relay:EmulatorPort</c>, default 5080).</summary>
    public int EmulatorPort { get; private init; } = 5080;

    /// <summary>The largest body read (<c>Relay:MaxBodyBytes</c>, default 1 MiB); a larger one gets 413.</summary>
    public int MaxBodyBytes { get; private init; } = 1024 * 1024;

    /// <summary>
    /// The shared secret (<c>Relay:Secret</c>): when set, every request must be signed with it (Jira's
    /// <c>X-Hub-Signature</c>) or carry it as <c>?token=</c>. Empty for no check.
    /// </summary>
    public string? Secret { get; private init; }

    /// <summary>The chat hook of each kind of event (<c>Relay:Routes:&lt;kind&gt;</c>).</summary>
    public IReadOnlyDictionary<RouteKind, string> Routes { get; private init; } = new Dictionary<RouteKind, string>();

    /// <summary>The hook each kind goes to when <c>Relay:Routes</c> does not say.</summary>
    public static string DefaultRoute(RouteKind kind) => kind == RouteKind.BuildFinished ? "builds" : "issues";

    /// <summary>Reads the section; a value that cannot be read throws <see cref="InvalidOperationException"/> naming its key.</summary>
    public static RelayOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var routes = new Dictionary<RouteKind, string>();
        foreach (var kind in Enum.GetValues<RouteKind>())
        {
            var hook = section[$"Routes:{kind}"];
            routes[kind] = string.IsNullOrWhiteSpace(hook) ? DefaultRoute(kind) : hook.Trim();
        }

        foreach (var child in section.GetSection("Routes").GetChildren())
        {
            if (!Enum.TryParse<RouteKind>(child.Key, ignoreCase: false, out _))
            {
                throw new InvalidOperationException($"{Section}:Routes:{child.Key} is not a kind of event the relay routes; the kinds are {string.Join(", ", Enum.GetNames<RouteKind>())}.");
            }
        }

        return new RelayOptions
        {
            EmulatorPort = Int(section, "EmulatorPort", 5080, 0, 65535),
            MaxBodyBytes = Int(section, "MaxBodyBytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
            Secret = string.IsNullOrEmpty(section["Secret"]) ? null : section["Secret"],
            Routes = routes,
        };
    }

    private static int Int(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{Section}:{key} is '{text}', which is not a whole number from {min} to {max}.");
    }
}
