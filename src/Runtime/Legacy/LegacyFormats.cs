using System;
using System.Text;

namespace CardGen.Legacy;

/// <summary>What kind of URL a legacy field holds, which decides what it must be.</summary>
internal enum LegacyUrlKind
{
    /// <summary>A link (<c>author_link</c>, <c>title_link</c>): an absolute http or https URL.</summary>
    Link,

    /// <summary>The large image (<c>image_url</c>): https only, documented.</summary>
    Image,

    /// <summary>An icon or thumbnail (<c>icon</c>, <c>author_icon</c>, <c>footer_icon</c>, <c>thumb_url</c>): https expected.</summary>
    Icon,
}

/// <summary>What a URL value is, for the legacy rules.</summary>
internal enum LegacyUrlVerdict
{
    /// <summary>An absolute https URL with a host.</summary>
    Https,

    /// <summary>An absolute http URL with a host.</summary>
    Http,

    /// <summary>Anything else: relative, another scheme, no host, spaces.</summary>
    Invalid,
}

/// <summary>
/// RingCentral's documented limits and formats of legacy (v1) messages, in one place without dependencies: the
/// runtime's <c>LegacyValidator</c> and the analyzers (which compile this file too) apply the same numbers.
/// </summary>
internal static class LegacyFormats
{
    /// <summary>Every card field but <c>text</c> takes at most this many bytes of UTF-8.</summary>
    public const int MaxFieldBytes = 300;

    /// <summary>A card's <c>text</c> takes at most this many characters (UTF-16 code units, as JavaScript counts).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>A message carries at most this many attachments.</summary>
    public const int MaxAttachments = 20;

    /// <summary>The attachments of a message take at most 1.5 MB of JSON in all.</summary>
    public const int MaxAttachmentBytes = 1536 * 1024;

    /// <summary>The bytes <paramref name="value"/> takes as UTF-8.</summary>
    public static int Utf8Length(string value) => Encoding.UTF8.GetByteCount(value);

    /// <summary>Whether <paramref name="value"/> is a colour as <c>#RRGGBB</c> (hex digits in either case).</summary>
    public static bool IsColor(string value)
    {
        if (value.Length != 7 || value[0] != '#')
        {
            return false;
        }

        for (var i = 1; i < 7; i++)
        {
            var c = value[i];
            if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <paramref name="value"/> is as a URL.</summary>
    public static LegacyUrlVerdict CheckUrl(string value)
    {
        foreach (var c in value)
        {
            if (c <= ' ' || c == '\u007F')
            {
                return LegacyUrlVerdict.Invalid;
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return LegacyUrlVerdict.Invalid;
        }

        return uri.Scheme switch
        {
            "https" => LegacyUrlVerdict.Https,
            "http" => LegacyUrlVerdict.Http,
            _ => LegacyUrlVerdict.Invalid,
        };
    }
}
