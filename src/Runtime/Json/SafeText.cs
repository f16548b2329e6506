using System.Globalization;
using System.Text;

namespace CardGen.Json;

/// <summary>
/// Text made safe to show and to write as UTF-8: JSON string escapes decoded where System.Text.Json refuses to (an
/// escaped lone surrogate such as <c>"\udc00"</c>), lone surrogates found or replaced, and text clipped without
/// cutting a character in two. The one copy for the client and the emulator: the emulator compiles this file too.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// Decodes the escapes of a JSON string's content (without its quotes) into UTF-16, lone surrogates included; never
    /// throws. A parser has normally checked the escapes already; a broken one is kept as its character.
    /// </summary>
    /// <param name="escaped">The content between the quotes, as written.</param>
    /// <returns>The decoded text.</returns>
    public static string Unescape(string escaped)
    {
        var backslash = escaped.IndexOf('\\');
        if (backslash < 0)
        {
            return escaped;
        }

        var text = new StringBuilder(escaped.Length);
        text.Append(escaped, 0, backslash);
        for (var i = backslash; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\' || i + 1 == escaped.Length)
            {
                text.Append(c);
                continue;
            }

            c = escaped[++i];
            switch (c)
            {
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'u' when i + 4 < escaped.Length
                    && ushort.TryParse(escaped.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    c = (char)unit;
                    i += 4;
                    break;
                default: break; // '"', '\\' and '/' stand for themselves
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>The index of the first surrogate that is not half of a pair, or -1.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The index, or -1 when every surrogate is paired.</returns>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The text with U+FFFD in place of each lone surrogate (as a decoder does with invalid UTF-8), so it can be shown,
    /// searched and written; the text itself when it has none.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Text that encodes to UTF-8.</returns>
    public static string ReplaceLoneSurrogates(string text)
    {
        var index = IndexOfLoneSurrogate(text);
        if (index < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/> and an ellipsis, without splitting a surrogate pair.</summary>
    /// <param name="text">The text.</param>
    /// <param name="max">The most characters to keep.</param>
    /// <returns>The text itself when it is short enough.</returns>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text.Substring(0, end) + "\u2026";
    }
}
