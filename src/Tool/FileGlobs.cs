using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CardGen.Tool;

/// <summary>
/// Expands the file arguments: a plain path is kept as given (a missing one is reported when read), a pattern with
/// <c>*</c>, <c>?</c> or <c>**</c> (any folders) is matched here, for shells that pass it unexpanded (Windows, or a
/// quoted pattern). Matches are sorted ordinally so output is stable.
/// </summary>
internal static class FileGlobs
{
    private static readonly System.Buffers.SearchValues<char> Wildcards = System.Buffers.SearchValues.Create("*?");

    public static List<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument.AsSpan().IndexOfAny(Wildcards) < 0)
            {
                if (seen.Add(argument))
                {
                    files.Add(argument);
                }

                continue;
            }

            var matches = Match(argument);
            if (matches.Count == 0)
            {
                throw new UsageException($"No file matches '{argument}'.");
            }

            files.AddRange(matches.Where(seen.Add));
        }

        return files;
    }

    private static List<string> Match(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var firstWild = Array.FindIndex(segments, s => s.AsSpan().IndexOfAny(Wildcards) >= 0);
        var root = string.Join("/", segments.Take(firstWild));
        var searchRoot = root.Length == 0 ? (normalized.StartsWith("/", StringComparison.Ordinal) ? "/" : ".") : root;
        if (!Directory.Exists(searchRoot))
        {
            return new List<string>();
        }

        var regex = new Regex("^" + ToRegex(string.Join("/", segments.Skip(firstWild))) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var recursive = segments.Skip(firstWild).Any(s => s == "**") || segments.Length - firstWild > 1;
        var found = Directory.EnumerateFiles(searchRoot, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(searchRoot, f).Replace('\\', '/')))
            .Where(f => regex.IsMatch(f.Relative))
            .Select(f => root.Length == 0 && searchRoot == "." ? f.Relative : f.Full.Replace('\\', '/'))
            .ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string ToRegex(string glob)
    {
        var text = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" is any number of folders, none included.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                text.Append("[^/]*");
            }
            else if (c == '?')
            {
                text.Append("[^/]");
            }
            else
            {
                text.Append(Regex.Escape(c.ToString()));
            }
        }

        return text.ToString();
    }
}
