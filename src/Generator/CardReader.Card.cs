using System.Collections.Generic;
using System.Collections.Immutable;
using CardGen.Generator.Analyzers;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator;

internal sealed partial class CardReader
{
    /// <summary>
    /// Reads the <c>[ChatCard]</c> attribute: its templates (CARDGEN003), icon, host and version (CARDGEN006, 007), the
    /// host's presentation (CARDGEN011) and whether the card shows anything (CARDGEN009).
    /// </summary>
    private void ReadCardAttribute(
        AttributeData card,
        CardTarget? target,
        Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members,
        MemberReading reading,
        ref string? title,
        ref string? summary,
        ref string? version,
        ref string? iconUrl,
        ref ChatHost host,
        ref List<TemplatePartModel>? titleParts,
        ref List<TemplatePartModel>? summaryParts)
    {
        AttributeSyntax? syntax = null;
        var syntaxRead = false;
        AttributeSyntax? Syntax()
        {
            if (!syntaxRead)
            {
                syntaxRead = true;
                syntax = card.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) as AttributeSyntax;
            }

            return syntax;
        }

        Location AttributeName() => Syntax()?.Name.GetLocation() ?? TypeLocation;
        Location ArgumentOrName(string key) => ArgumentSyntax(Syntax(), key)?.GetLocation() ?? AttributeName();

        var hasSummary = false;
        foreach (var argument in card.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Title":
                    title = argument.Value.Value as string;
                    titleParts = title is null ? new() : ReadTemplate("Title", title, members, reading, () => ArgumentSyntax(Syntax(), "Title"), () => ArgumentOrName("Title"));
                    break;
                case "Summary":
                    summary = argument.Value.Value as string;
                    hasSummary = !string.IsNullOrWhiteSpace(summary);
                    summaryParts = summary is null ? new() : ReadTemplate("Summary", summary, members, reading, () => ArgumentSyntax(Syntax(), "Summary"), () => ArgumentOrName("Summary"));
                    break;
                case "IconUrl":
                    iconUrl = argument.Value.Value as string;
                    if (iconUrl is not null && !CardFormats.IsAbsoluteUrl(iconUrl))
                    {
                        Report(InvalidLiteral, ArgumentOrName("IconUrl"), $"IconUrl \"{iconUrl}\"", "the icon must be an absolute http(s) URL or a data URI");
                    }

                    break;
                case "Host" when argument.Value.Value is int h:
                    host = (ChatHost)h;
                    if (!CardTargets.IsHostValue(host))
                    {
                        Report(InvalidLiteral, ArgumentOrName("Host"), $"Host value {h}", "it is not a ChatHost value");
                    }

                    break;
                case "Version":
                    version = argument.Value.Value as string;
                    if (version is not null && target is { } versionTarget)
                    {
                        CheckVersion(versionTarget, ArgumentOrName("Version"));
                    }

                    break;
            }
        }

        if (target is { } t)
        {
            if (t.State == CardTargetState.InvalidHost && t.Resolved.HostSource is { } hostSource)
            {
                Report(InvalidLiteral, AttributeName(), $"The host from {hostSource} \"{t.Resolved.HostText}\"", "it is not a ChatHost value (RingCentral, Teams or Generic)");
            }

            if (t.VersionSource is not null)
            {
                CheckVersion(t, AttributeName());
            }

            foreach (var profile in t.IsValid && !hasSummary ? t.Resolved.Profiles : System.Array.Empty<HostProfile>())
            {
                if (profile.FallbackTextIsNotification)
                {
                    Report(HostPresentation, AttributeName(), null, ImmutableDictionary<string, string?>.Empty.Add(MissingSummaryProperty, "true"),
                        _type.Name, $"has no Summary; {profile.Name} shows it as the notification text, and without it mobile notifications read \"New Card Sent\"");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(title) && !reading.HasMapping)
        {
            Report(EmptyCard, TypeLocation, _type.Name);
        }
    }

    private void CheckVersion(CardTarget target, Location location)
    {
        var source = target.VersionSource is null ? "Version" : $"The version from {target.VersionSource}";
        if (target.State == CardTargetState.InvalidVersion)
        {
            Report(InvalidLiteral, location, $"{source} \"{target.VersionText}\"", $"a version is major.minor, from 1.0 to {CardVersion.Latest}");
        }
        else if (target.State == CardTargetState.AboveHost)
        {
            // Once for each host the version is too new for.
            foreach (var profile in target.Resolved.Profiles)
            {
                if (target.Version > profile.MaxVersion)
                {
                    Report(HostDoesNotSupport, location, $"{source} \"{target.VersionText}\"", profile.Name,
                        $"{profile.Name} renders Adaptive Cards up to {profile.MaxVersion}, and shows a newer card's fallback text instead");
                }
            }
        }
    }

    /// <summary>Reads a Title or Summary template into its parts, reporting each placeholder that cannot be bound (CARDGEN003).</summary>
    private List<TemplatePartModel> ReadTemplate(
        string property,
        string template,
        Dictionary<string, (ISymbol? Symbol, ITypeSymbol Type)> members,
        MemberReading reading,
        System.Func<AttributeArgumentSyntax?> argument,
        System.Func<Location> whole)
    {
        var result = new List<TemplatePartModel>();
        LiteralSpans? spans = null;
        var spansRead = false;
        Location At(int start, int length)
        {
            var expression = argument()?.Expression;
            if (!spansRead)
            {
                spansRead = true;
                spans = LiteralSpans.TryCreate(expression);
            }

            return spans is not null && expression is not null
                ? Location.Create(expression.SyntaxTree, spans.Map(start, length))
                : whole();
        }

        if (!CardTemplate.TryParse(template, out var parts, out var error, out var errorAt))
        {
            Report(TemplatePlaceholder, At(errorAt, 1), $"The {property} template", _type.Name, error!);
            return result;
        }

        foreach (var part in parts)
        {
            result.Add(new TemplatePartModel(part.Literal, part.Member, part.Format));
            if (part.Member is not { } name)
            {
                continue;
            }

            if (!members.TryGetValue(name, out var member))
            {
                var location = At(part.Start, part.Length);
                var suggestion = FormatRules.Closest(name, members.Keys);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (suggestion is not null && spans is not null && spans.IsVerbatimRange(part.Start, part.Length))
                {
                    properties = properties.Add(SuggestionProperty, suggestion);
                }

                Report(TemplatePlaceholder, location, null, properties,
                    $"'{{{name}}}' in {property}", _type.Name,
                    suggestion is null ? $"no readable property or field is named '{name}'" : $"no readable property or field is named '{name}'; did you mean '{suggestion}'?");
                continue;
            }

            if (member.Type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            var kind = reading.Describe(name, member.Type, keep: true, _cancellationToken).Kind;
            if (!CardGenerator.Parser.IsScalar(kind))
            {
                Report(TemplatePlaceholder, At(part.Start, part.Length), $"'{{{name}}}' in {property}", _type.Name,
                    $"'{name}' is a {member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, which a template cannot format; use a string, number, date, enum or another IFormattable member");
                continue;
            }

            if (part.Format is { } format && FormatRules.Problem(kind, member.Type, format) is { } problem)
            {
                var formatStart = part.Start + part.Length;
                var colon = template.IndexOf(':', formatStart);
                var formatLocation = colon >= 0 ? At(colon + 1, format.Length) : At(part.Start, part.Length);
                Report(TemplatePlaceholder, formatLocation, $"The format of '{{{name}}}' in {property}", _type.Name, problem);
            }
        }

        return result;
    }
}
