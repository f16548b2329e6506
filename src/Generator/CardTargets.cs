using System.Collections.Generic;
using System.Linq;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CardGen.Generator;

/// <summary>
/// Project defaults for the host and schema version, and where each came from (for messages). <see cref="Host"/> is
/// <see cref="ChatHost.Default"/> when no default is set, and out of range (with <see cref="HostText"/> saying what
/// was written) when it is not a <c>ChatHost</c> value.
/// </summary>
internal sealed record ProjectDefaults(ChatHost Host, string? Version, string? HostText = null, string? HostSource = null, string? VersionSource = null)
{
    public static ProjectDefaults None { get; } = new(ChatHost.Default, null);
}

/// <summary>What a card's target came to.</summary>
internal enum CardTargetState
{
    /// <summary>Not a <c>[ChatCard]</c> type.</summary>
    None,

    /// <summary>A known host at a version it renders.</summary>
    Valid,

    /// <summary>The host is not a <c>ChatHost</c> value.</summary>
    InvalidHost,

    /// <summary>The version is not a schema version.</summary>
    InvalidVersion,

    /// <summary>The version is newer than the host renders.</summary>
    AboveHost,
}

/// <summary>
/// A card's resolved host and version: the one computation the generator and the analyzers share. <see cref="Host"/>
/// may name several hosts (<c>ChatHost.RingCentral | ChatHost.Teams</c>); <see cref="Profile"/> is then the one that
/// renders the oldest version, which bounds the card's version, and <see cref="Profiles"/> lists every one to check.
/// </summary>
internal readonly record struct ResolvedTarget(
    ChatHost Host,
    HostProfile? Profile,
    CardVersion Version,
    string? VersionText,
    CardTargetState State,
    string? HostText,
    string? HostSource,
    string? VersionSource)
{
    /// <summary>Every host the card is declared for, in <c>ChatHost</c> bit order; empty when the host is not valid.</summary>
    public IReadOnlyList<HostProfile> Profiles => CardTargets.ProfilesOf(Host);
}

/// <summary>
/// How a <c>[ChatCard]</c> type's host and schema version are decided: its own attribute, then
/// <c>[assembly: ChatCardDefaults]</c>, then the <c>CardGenDefaultHost</c>/<c>CardGenDefaultVersion</c> MSBuild
/// properties, then RingCentral at the highest version it renders. The generator generates a card only when this
/// comes to <see cref="CardTargetState.Valid"/>; the analyzers report why when it does not.
/// </summary>
internal static class CardTargets
{
    public const string HostProperty = "build_property.CardGenDefaultHost";
    public const string VersionProperty = "build_property.CardGenDefaultVersion";
    private const string MSBuildHostSource = "the CardGenDefaultHost MSBuild property";
    private const string MSBuildVersionSource = "the CardGenDefaultVersion MSBuild property";
    private const string AssemblySource = "[assembly: ChatCardDefaults]";

    /// <summary>The defaults from the MSBuild properties made visible to the compiler.</summary>
    public static ProjectDefaults FromBuildProperties(AnalyzerConfigOptions options)
    {
        options.TryGetValue(HostProperty, out var hostText);
        options.TryGetValue(VersionProperty, out var versionText);
        hostText = string.IsNullOrWhiteSpace(hostText) ? null : hostText!.Trim();
        var version = string.IsNullOrWhiteSpace(versionText) ? null : versionText!.Trim();
        var host = hostText is null ? ChatHost.Default : ParseHost(hostText);
        return new ProjectDefaults(
            host,
            version,
            hostText,
            hostText is null ? null : MSBuildHostSource,
            version is null ? null : MSBuildVersionSource);
    }

    /// <summary>The defaults from <c>[assembly: ChatCardDefaults]</c> (the caller passes only those attributes).</summary>
    public static ProjectDefaults FromAttributes(IEnumerable<AttributeData> attributes)
    {
        var host = ChatHost.Default;
        string? version = null;
        foreach (var attribute in attributes)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Host" && argument.Value.Value is int h && h != 0)
                {
                    host = (ChatHost)h;
                }
                else if (argument.Key == "Version" && argument.Value.Value is string v)
                {
                    version = v;
                }
            }
        }

        return new ProjectDefaults(
            host,
            version,
            host == ChatHost.Default ? null : ((int)host).ToString(System.Globalization.CultureInfo.InvariantCulture),
            host == ChatHost.Default ? null : AssemblySource,
            version is null ? null : AssemblySource);
    }

    /// <summary>The assembly attribute's values over the MSBuild properties', each on its own.</summary>
    public static ProjectDefaults Combine(ProjectDefaults msbuild, ProjectDefaults assembly)
    {
        var hostFromAssembly = assembly.Host != ChatHost.Default;
        var versionFromAssembly = assembly.Version is not null;
        return new ProjectDefaults(
            hostFromAssembly ? assembly.Host : msbuild.Host,
            versionFromAssembly ? assembly.Version : msbuild.Version,
            hostFromAssembly ? assembly.HostText : msbuild.HostText,
            hostFromAssembly ? assembly.HostSource : msbuild.HostSource,
            versionFromAssembly ? assembly.VersionSource : msbuild.VersionSource);
    }

    /// <summary>Resolves a card's own <paramref name="host"/> (<see cref="ChatHost.Default"/>: not set) and <paramref name="version"/> (null: not set) over the defaults.</summary>
    public static ResolvedTarget Resolve(ChatHost host, string? version, ProjectDefaults defaults)
    {
        string? hostText = null, hostSource = null;
        if (host == ChatHost.Default && defaults.Host != ChatHost.Default)
        {
            host = defaults.Host;
            hostText = defaults.HostText;
            hostSource = defaults.HostSource;
        }
        else if (host == ChatHost.Default)
        {
            host = ChatHost.RingCentral;
        }
        else
        {
            hostText = ((int)host).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var versionSource = version is null ? defaults.VersionSource : null;
        if (ProfileOf(host) is not { } profile)
        {
            return new ResolvedTarget(host, null, default, version ?? defaults.Version, CardTargetState.InvalidHost, hostText, hostSource, versionSource);
        }

        var text = version ?? defaults.Version ?? profile.MaxVersion.ToString();
        if (!IsKnownVersion(text, out var parsed))
        {
            return new ResolvedTarget(host, profile, default, text, CardTargetState.InvalidVersion, hostText, hostSource, versionSource);
        }

        var state = parsed > profile.MaxVersion ? CardTargetState.AboveHost : CardTargetState.Valid;
        return new ResolvedTarget(host, profile, parsed, text, state, hostText, hostSource, versionSource);
    }

    /// <summary>Whether <paramref name="text"/> names a schema version the catalog knows, written as major.minor ("1.3", not "1.3.0" or "2.0").</summary>
    public static bool IsKnownVersion(string text, out CardVersion version)
        => CardVersion.TryParse(text, out version)
            && version >= CardVersion.V1_0
            && version <= CardVersion.Latest
            && string.Equals(text, version.ToString(), System.StringComparison.Ordinal);

    /// <summary>Every <c>ChatHost</c> bit with its profile, in bit order.</summary>
    private static readonly (ChatHost Bit, HostProfile Profile)[] Hosts =
    {
        (ChatHost.RingCentral, HostProfile.RingCentral),
        (ChatHost.Generic, HostProfile.Generic),
        (ChatHost.Teams, HostProfile.Teams),
    };

    /// <summary>The profiles of each combination of hosts, by <c>ChatHost</c> value (0 to 7).</summary>
    private static readonly HostProfile[][] Combinations = Enumerable.Range(0, 8)
        .Select(value => Hosts.Where(h => ((ChatHost)value & h.Bit) != 0).Select(h => h.Profile).ToArray())
        .ToArray();

    /// <summary>
    /// The profile that bounds a <c>ChatHost</c> value's version (of several hosts, the one rendering the oldest), or
    /// <see langword="null"/> for a value that is no host or has a bit no host has.
    /// </summary>
    public static HostProfile? ProfileOf(ChatHost host)
    {
        var profiles = ProfilesOf(host);
        HostProfile? oldest = null;
        foreach (var profile in profiles)
        {
            if (oldest is null || profile.MaxVersion < oldest.MaxVersion)
            {
                oldest = profile;
            }
        }

        return oldest;
    }

    /// <summary>Every profile a <c>ChatHost</c> value names, in bit order; empty for a value that is not one.</summary>
    public static IReadOnlyList<HostProfile> ProfilesOf(ChatHost host)
        => host is > ChatHost.Default and <= AllHosts ? Combinations[(int)host] : System.Array.Empty<HostProfile>();

    /// <summary>Whether an attribute's <c>ChatHost</c> value is the default or names only known hosts.</summary>
    public static bool IsHostValue(ChatHost host) => host is >= ChatHost.Default and <= AllHosts;

    private const ChatHost AllHosts = ChatHost.RingCentral | ChatHost.Generic | ChatHost.Teams;

    /// <summary>What <see cref="ParseHost"/> returns for a name that is no host: no <c>ChatHost</c> value.</summary>
    private const ChatHost NotAHost = (ChatHost)(-1);

    /// <summary>
    /// A <c>ChatHost</c> name as written in MSBuild (any case), or several separated by ',', ';' or '|'
    /// (<c>RingCentral,Teams</c>); <see cref="NotAHost"/> when one of them names no host.
    /// </summary>
    private static ChatHost ParseHost(string value)
    {
        var host = ChatHost.Default;
        foreach (var part in value.Split(',', ';', '|'))
        {
            var bit = part.Trim().ToUpperInvariant() switch
            {
                "RINGCENTRAL" => ChatHost.RingCentral,
                "GENERIC" => ChatHost.Generic,
                "TEAMS" => ChatHost.Teams,
                _ => NotAHost,
            };
            if (bit == NotAHost)
            {
                return NotAHost;
            }

            host |= bit;
        }

        return host;
    }
}
