using System;
using System.Collections.Generic;
using System.Text;

namespace CardGen.RingCentral;

/// <summary>Keeps secrets out of text: the credential's secret and JWT, access tokens and webhook ids.</summary>
internal static class Redaction
{
    private const string Ellipsis = "\u2026";

    /// <summary>An id as <see cref="WebhookUrl.Redacted"/> shows it: at most its first four characters, fewer for a short one.</summary>
    public static string RedactId(string id) => id.Substring(0, Math.Min(4, id.Length / 5)) + Ellipsis;

    /// <summary>Replaces each secret (ignoring case) in <paramref name="text"/> with <c>(hidden)</c>, and each id with its redacted form.</summary>
    public static string Scrub(string text, IEnumerable<string?> secrets, IEnumerable<string?>? ids = null)
    {
        foreach (var secret in secrets)
        {
            text = Replace(text, secret, "(hidden)");
        }

        if (ids is not null)
        {
            foreach (var id in ids)
            {
                text = id is null ? text : Replace(text, id, RedactId(id));
            }
        }

        return text;
    }

    private static string Replace(string text, string? value, string replacement)
    {
        // Very short values (a one-digit id) would blank out ordinary text; secrets are never that short.
        if (value is null || value.Length < 4)
        {
            return text;
        }

        var index = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (index >= 0)
        {
            builder.Append(text, start, index - start).Append(replacement);
            start = index + value.Length;
            index = text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
