using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// CARDGEN010: a chat webhook URL (RingCentral, legacy Glip, Slack, Teams/Office 365, Power Automate, Discord, Google
/// Chat) with its secret part written in a string literal anywhere in the project. A literal that only holds the
/// host and path prefix, or a placeholder, is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WebhookUrlAnalyzer : DiagnosticAnalyzer
{
    private static readonly char[] PlaceholderChars = { '{', '}', '<', '>', '\u2026', '*', '$', '[', ']' };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(WebhookUrlInSource);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Like every CardGen rule, only where CardGen is referenced.
            if (start.Compilation.GetTypeByMetadataName(KnownNames.ChatCardAttribute) is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                AnalyzeLiteral,
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = context.Node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax text => text.TextToken,
            _ => default,
        };

        var value = token.ValueText;
        if (value.Length < 24 || value.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return; // the fast path for nearly every string
        }

        if (FindHook(value) is { } host)
        {
            context.ReportDiagnostic(Diagnostic.Create(WebhookUrlInSource, context.Node.GetLocation(), host));
        }
    }

    /// <summary>The chat host whose webhook URL (with its secret part) <paramref name="text"/> contains, or null.</summary>
    internal static string? FindHook(string text)
    {
        var searchFrom = 0;
        while (true)
        {
            var scheme = text.IndexOf("http", searchFrom, StringComparison.OrdinalIgnoreCase);
            if (scheme < 0)
            {
                return null;
            }

            searchFrom = scheme + 4;
            var end = scheme;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or '>' or '`'))
            {
                end++;
            }

            if (!Uri.TryCreate(text.Substring(scheme, end - scheme), UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                continue;
            }

            if (Classify(uri) is { } host)
            {
                return host;
            }
        }
    }

    private static string? Classify(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        var query = uri.Query;
        if ((host == "ringcentral.com" || host.EndsWith(".ringcentral.com", StringComparison.Ordinal)) && Secret(path, "/webhook/"))
        {
            return "RingCentral";
        }

        if (host == "hooks.glip.com" && Secret(path, "/webhook/"))
        {
            return "Glip (RingCentral)";
        }

        if (host == "hooks.slack.com" && (Secret(path, "/services/") || Secret(path, "/workflows/") || Secret(path, "/triggers/")))
        {
            return "Slack";
        }

        if ((host.EndsWith(".webhook.office.com", StringComparison.Ordinal) && Secret(path, "/webhookb2/"))
            || (host == "outlook.office.com" && Secret(path, "/webhook/")))
        {
            return "Microsoft Teams";
        }

        if ((host.EndsWith(".logic.azure.com", StringComparison.Ordinal) || host.EndsWith(".api.powerplatform.com", StringComparison.Ordinal))
            && path.IndexOf("/workflows/", StringComparison.OrdinalIgnoreCase) >= 0
            && QuerySecret(query, "sig="))
        {
            return "Power Automate";
        }

        if ((host is "discord.com" or "discordapp.com" or "canary.discord.com" or "ptb.discord.com") && Secret(path, "/api/webhooks/"))
        {
            return "Discord";
        }

        if (host == "chat.googleapis.com" && path.StartsWith("/v1/spaces/", StringComparison.Ordinal) && QuerySecret(query, "key="))
        {
            return "Google Chat";
        }

        return null;
    }

    /// <summary>Whether the path continues after <paramref name="prefix"/> with something that looks like a real secret.</summary>
    private static bool Secret(string path, string prefix)
    {
        var at = path.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var rest = path.Substring(at + prefix.Length);
        var longest = 0;
        foreach (var segment in rest.Split('/'))
        {
            if (IsPlaceholder(segment) || !IsTokenText(segment))
            {
                return false;
            }

            longest = Math.Max(longest, segment.Length);
        }

        return longest >= 16;
    }

    private static bool QuerySecret(string query, string key)
    {
        var at = query.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var start = at + key.Length;
        var end = query.IndexOf('&', start);
        var value = end < 0 ? query.Substring(start) : query.Substring(start, end - start);
        return value.Length >= 16 && !IsPlaceholder(value) && IsTokenText(value);
    }

    /// <summary>Whether the text is made of the characters hosts use in webhook secrets (no escapes, no '..').</summary>
    private static bool IsTokenText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '@'
                || (c == '.' && (i == 0 || text[i - 1] != '.'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Documentation placeholders: braces, angle brackets, ellipses, "your…", "xxxx", "example", "placeholder".</summary>
    private static bool IsPlaceholder(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        if (decoded.IndexOfAny(PlaceholderChars) >= 0 || decoded.Contains("..."))
        {
            return true;
        }

        var upper = decoded.ToUpperInvariant();
        return upper.Contains("YOUR") || upper.Contains("XXXX") || upper.Contains("EXAMPLE") || upper.Contains("PLACEHOLDER")
            || upper.Contains("TOKEN") || upper.Contains("SECRET") || upper.Contains("REDACTED") || upper.Contains("00000000");
    }
}
