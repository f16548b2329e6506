using System;
using System.Globalization;
using System.Text;

namespace CardGen.Tests.Hooks;

/// <summary>
/// Finds a webhook id in text however it was echoed: as is, in any case, JSON-escaped (<c>\u0064</c>, <c>\/</c>,
/// escaped twice), percent-encoded, with an escape that ate one of its letters, or cut, as long as
/// <see cref="Run"/> characters of its secret part (after the characters a redacted URL shows) are there in a row.
/// Written for the tests on their own terms, apart from the client's redaction, so one cannot excuse the other.
/// </summary>
internal static class SecretEcho
{
    /// <summary>How many characters of the secret part in a row count as showing the id.</summary>
    public const int Run = 12;

    /// <summary>The echo of <paramref name="id"/> in <paramref name="text"/>, as the decoded run found, or <see langword="null"/>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="id">The webhook id.</param>
    /// <param name="shown">How many of the id's first characters a redacted URL shows (4 for a real id).</param>
    public static string? Find(string? text, string id, int shown = 4)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var secret = id[shown..].ToLowerInvariant();
        var length = Math.Min(Run, secret.Length);
        var decoded = Decode(text).ToLowerInvariant();
        for (var start = 0; start + length <= secret.Length; start++)
        {
            var piece = secret.Substring(start, length);
            if (decoded.Contains(piece, StringComparison.Ordinal))
            {
                return piece;
            }
        }

        return null;
    }

    /// <summary>The text with escapes undone: <c>\uXXXX</c> after any number of backslashes, other backslashes dropped, <c>%XX</c> and <c>%25XX</c>.</summary>
    private static string Decode(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                while (i < text.Length && text[i] == '\\')
                {
                    i++;
                }

                if (i + 5 <= text.Length && text[i] == 'u' && Hex(text.AsSpan(i + 1, 4), out var unit))
                {
                    output.Append((char)unit);
                    i += 5;
                }

                continue;
            }

            if (text[i] == '%' && i + 3 <= text.Length && Hex(text.AsSpan(i + 1, 2), out var value))
            {
                i += 3;
                if (value == '%' && i + 2 <= text.Length && Hex(text.AsSpan(i, 2), out var twice))
                {
                    value = twice;
                    i += 2;
                }

                output.Append((char)value);
                continue;
            }

            output.Append(text[i++]);
        }

        return output.ToString();
    }

    private static bool Hex(ReadOnlySpan<char> digits, out int value)
        => int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
