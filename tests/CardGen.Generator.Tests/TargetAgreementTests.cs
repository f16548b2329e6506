using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CardGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator.Tests;

/// <summary>
/// The generator and the analyzers decide a card's host and version by one set of rules: over every combination of
/// the card's own setting, <c>[assembly: ChatCardDefaults]</c> and the MSBuild properties, a card is generated exactly
/// when no host or version rule reports an error, at the version the rules name, and the runtime accepts that version
/// for that host; otherwise it gets a stub naming one of the errors reported.
/// </summary>
public sealed class TargetAgreementTests
{
    private static readonly string?[] CardHosts = { null, "ChatHost.RingCentral", "ChatHost.Generic", "(ChatHost)5" };
    private static readonly string?[] CardVersions = { null, "1.2", "1.5", "one", "2.0", "1.3.0" };
    private static readonly string?[] AssemblyDefaults = { null, "Host = ChatHost.Generic", "Host = (ChatHost)9", "Version = \"1.6\"", "Version = \"1.1\"" };
    private static readonly string?[] MSBuildHosts = { null, "RingCentral", "generic", "teams", "Slack" };
    private static readonly string?[] MSBuildVersions = { null, "1.4", "latest" };

    public static IEnumerable<object?[]> Settings()
        => from assembly in AssemblyDefaults
           from msbuildHost in MSBuildHosts
           from msbuildVersion in MSBuildVersions
           select new object?[] { assembly, msbuildHost, msbuildVersion };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task The_generator_generates_a_card_exactly_when_the_analyzers_accept_its_target(string? assembly, string? msbuildHost, string? msbuildVersion)
    {
        var options = new List<(string, string)>();
        if (msbuildHost is not null)
        {
            options.Add(("build_property.CardGenDefaultHost", msbuildHost));
        }

        if (msbuildVersion is not null)
        {
            options.Add(("build_property.CardGenDefaultVersion", msbuildVersion));
        }

        // One card per combination of the card's own host and version, all in one compilation.
        var cards = new List<(string Name, string? Host, string? Version)>();
        var source = new System.Text.StringBuilder("using CardGen;\n");
        if (assembly is not null)
        {
            source.Append("[assembly: ChatCardDefaults(").Append(assembly).Append(")]\n");
        }

        source.Append("namespace Demo;\n");
        foreach (var host in CardHosts)
        {
            foreach (var version in CardVersions)
            {
                var name = $"Card{cards.Count}";
                cards.Add((name, host, version));
                var arguments = "Title = \"Deployed {Service}\", Summary = \"{Service} is live\""
                    + (host is null ? string.Empty : $", Host = {host}")
                    + (version is null ? string.Empty : $", Version = \"{version}\"");
                source.Append($"[ChatCard({arguments})] public partial class {name} {{ [CardFact(\"Service\")] public string Service {{ get; set; }} = \"\"; }}\n");
            }
        }

        var compilation = AnalyzerHarness.EnableAllRules(GeneratorHarness.Compile(LanguageVersion.Latest, source.ToString()));
        var run = await AnalyzerHarness.RunAsync(compilation, options);
        Assert.Empty(run.Crashes());
        var generated = GeneratorHarness.GeneratedSources(run.GeneratorRun);
        var tree = compilation.SyntaxTrees[0];

        var disagreements = new List<string>();
        foreach (var (name, host, version) in cards)
        {
            var declaration = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Single(c => c.Identifier.Text == name);
            var errors = run.AnalyzerDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree && declaration.FullSpan.Contains(d.Location.SourceSpan))
                .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .ToList();
            var what = $"{name} (Host {host ?? "-"}, Version {version ?? "-"})";
            if (!generated.TryGetValue($"Demo.{name}.g.cs", out var code))
            {
                disagreements.Add($"{what} got neither its code nor a stub");
                continue;
            }

            var isGenerated = !GeneratorHarness.IsStub(code);
            if (isGenerated == (errors.Count > 0))
            {
                disagreements.Add(isGenerated
                    ? $"{what} was generated, but the analyzers report {string.Join("; ", errors)}"
                    : $"{what} got a stub, but the analyzers report no error");
                continue;
            }

            if (!isGenerated && !errors.Any(e => code.Contains("error " + e.Split(':')[0] + " ", System.StringComparison.Ordinal)))
            {
                disagreements.Add($"{what} got a stub that names none of the errors reported: {string.Join("; ", errors)}\n{code.Split('\n')[3]}");
                continue;
            }

            if (isGenerated)
            {
                // The version the card is written at is one the runtime's profile accepts for the host.
                var written = System.Text.RegularExpressions.Regex.Match(code, "CardGenVersion => \"([0-9.]+)\"").Groups[1].Value;
                Assert.True(CardVersion.TryParse(written, out var parsed), $"{what}: no version in the generated code");
                var profile = Expected(host, assembly, msbuildHost);
                if (profile is null || parsed > profile.MaxVersion)
                {
                    disagreements.Add($"{what} was generated at {written}, which the runtime's {profile?.Name ?? "(no)"} profile does not accept");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>The host a card ends up with, worked out independently from the precedence the docs state.</summary>
    private static HostProfile? Expected(string? cardHost, string? assembly, string? msbuildHost)
    {
        var host = cardHost
            ?? (assembly is { } a && a.StartsWith("Host", System.StringComparison.Ordinal) ? a.Substring("Host = ".Length) : null)
            ?? (msbuildHost is null ? null : "ChatHost." + msbuildHost);
        return host?.ToUpperInvariant() switch
        {
            null or "CHATHOST.RINGCENTRAL" => HostProfile.RingCentral,
            "CHATHOST.GENERIC" => HostProfile.Generic,
            "CHATHOST.TEAMS" => HostProfile.Teams,
            "(CHATHOST)5" => HostProfile.RingCentral, // RingCentral | Teams: the card is bounded by the older of the two
            _ => null,
        };
    }
}
