using System;
using System.Collections.Generic;
using System.Text;

namespace CardGen;

/// <summary>
/// Finds where text a host, a proxy or the network stack sends back shows a webhook id, in whatever form it was
/// echoed: as is or in another case, JSON-escaped (<c>\u0064</c>, <c>\/</c>, escaped twice), percent-encoded (once or
/// twice), with an escape that ate one of its letters, or cut. Text is searched as if those escapes were undone, for
/// any <see cref="Run"/> characters in a row of the id's secret part (what follows the characters a redacted URL
/// shows), so an echo that keeps most of the id is found however little of it appears literally.
/// </summary>
internal static class IdEchoes
{
    /// <summary>How many characters of the secret part in a row count as showing the id.</summary>
    public const int Run = 12;

    private static readonly char[] EscapeStarts = { '\\', '%' };

    /// <summary>The text with every echo of the secret replaced by an ellipsis, or the text itself when there is none.</summary>
    /// <param name="text">The text.</param>
    /// <param name="secret">The id's secret part: the id without the characters a redacted URL shows.</param>
    public static string Scrub(string text, string secret)
    {
        var echoes = Find(text, secret, firstOnly: false);
        if (echoes.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in echoes)
        {
            builder.Append(text, at, start - at).Append('\u2026');
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Whether <paramref name="text"/> shows the secret in any form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="secret">The id's secret part.</param>
    public static bool Reveals(string text, string secret) => Find(text, secret, firstOnly: true).Count > 0;

    /// <summary>The spans of <paramref name="text"/> (start, end) that show the secret, in order and not overlapping.</summary>
    private static List<(int Start, int End)> Find(string text, string secret, bool firstOnly)
    {
        var found = new List<(int Start, int End)>();
        if (text.Length == 0 || secret.Length == 0)
        {
            return found;
        }

        // Nearly all text holds no escape at all: then it is searched as it is.
        var escaped = text.IndexOfAny(EscapeStarts) >= 0;
        int[]? starts = null, ends = null;
        var decoded = escaped ? Decode(text, out starts, out ends) : text;
        int Start(int i) => starts is null ? i : starts[i];
        int End(int i) => ends is null ? i + 1 : ends[i];
        var run = Math.Min(Run, secret.Length);
        var covered = new bool[decoded.Length];
        var any = false;
        for (var piece = 0; piece + run <= secret.Length; piece++)
        {
            var window = secret.Substring(piece, run);
            for (var at = decoded.IndexOf(window, StringComparison.OrdinalIgnoreCase); at >= 0; at = decoded.IndexOf(window, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (firstOnly)
                {
                    found.Add((Start(at), End(at + run - 1)));
                    return found;
                }

                any = true;
                for (var i = at; i < at + run; i++)
                {
                    covered[i] = true;
                }
            }
        }

        if (!any)
        {
            return found;
        }

        for (var i = 0; i < covered.Length; i++)
        {
            if (!covered[i])
            {
                continue;
            }

            var first = i;
            while (i + 1 < covered.Length && covered[i + 1])
            {
                i++;
            }

            found.Add((Start(first), End(i)));
        }

        return found;
    }

    /// <summary>
    /// The text as it reads with its escapes undone, and for each of its characters the span of the text it came from:
    /// <c>\uXXXX</c> after any number of backslashes is that character, a backslash before anything else is dropped
    /// (a JSON escape such as <c>\/</c>, or one that ate a letter: <c>\f</c> reads as <c>f</c>), and <c>%XX</c> or
    /// <c>%25XX</c> is the character it encodes.
    /// </summary>
    private static string Decode(string text, out int[] starts, out int[] ends)
    {
        var decoded = new StringBuilder(text.Length);
        starts = new int[text.Length];
        ends = new int[text.Length];
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            char c;
            if (text[i] == '\\')
            {
                while (i < text.Length && text[i] == '\\')
                {
                    i++;
                }

                if (i == text.Length)
                {
                    break;
                }

                if (text[i] == 'u' && Hex(text, i + 1, 4) is { } unit)
                {
                    c = (char)unit;
                    i += 5;
                }
                else
                {
                    c = text[i++];
                }
            }
            else if (text[i] == '%' && Hex(text, i + 1, 2) is { } value)
            {
                i += 3;
                if (value == '%' && Hex(text, i, 2) is { } twice)
                {
                    value = twice;
                    i += 2;
                }

                c = (char)value;
            }
            else
            {
                c = text[i++];
            }

            starts[decoded.Length] = start;
            ends[decoded.Length] = i;
            decoded.Append(c);
        }

        return decoded.ToString();
    }

    private static int? Hex(string text, int start, int digits)
    {
        if (start + digits > text.Length)
        {
            return null;
        }

        var value = 0;
        for (var i = start; i < start + digits; i++)
        {
            var c = text[i];
            var digit = c is >= '0' and <= '9' ? c - '0' : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0)
            {
                return null;
            }

            value = (value << 4) | digit;
        }

        return value;
    }
}
