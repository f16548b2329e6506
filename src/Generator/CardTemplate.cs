using System.Collections.Generic;

namespace CardGen.Generator;

/// <summary>
/// Parses a card template such as <c>"Build {BuildNumber:N0} of {Project} failed"</c>: <c>{Member}</c> and
/// <c>{Member:format}</c> placeholders, <c>{{</c> and <c>}}</c> for literal braces. Shared by the generator and the analyzers.
/// </summary>
internal static class CardTemplate
{
    /// <summary>One piece of a template.</summary>
    /// <param name="Literal">Literal text, or null for a placeholder.</param>
    /// <param name="Member">The placeholder's member name.</param>
    /// <param name="Format">The placeholder's format, if any.</param>
    /// <param name="Start">Where the piece starts in the template (the placeholder's name for placeholders).</param>
    /// <param name="Length">The length of the member name (placeholders) or of the literal.</param>
    public readonly record struct Part(string? Literal, string? Member, string? Format, int Start, int Length);

    public static bool TryParse(string template, out List<Part> parts, out string? error, out int errorAt)
    {
        parts = new List<Part>();
        error = null;
        errorAt = -1;
        var literal = new System.Text.StringBuilder();
        var literalStart = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                error = "a '}' without a matching '{' (write '}}' for a literal brace)";
                errorAt = i;
                return false;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                error = "a '{' that is never closed (write '{{' for a literal brace)";
                errorAt = i;
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null, null, literalStart, i - literalStart));
                literal.Clear();
            }

            var body = template.Substring(i + 1, close - i - 1);
            var colon = body.IndexOf(':');
            var name = (colon < 0 ? body : body.Substring(0, colon)).Trim();
            if (name.StartsWith("@", System.StringComparison.Ordinal))
            {
                name = name.Substring(1); // {@class} names the member declared as @class.
            }

            var format = colon < 0 ? null : body.Substring(colon + 1);
            if (!IsIdentifier(name))
            {
                error = name.Length == 0 ? "an empty placeholder '{}'" : $"'{{{body}}}' is not a placeholder: write '{{Member}}' or '{{Member:format}}'";
                errorAt = i;
                return false;
            }

            parts.Add(new Part(null, name, format, i + 1 + body.IndexOf(name, System.StringComparison.Ordinal), name.Length));
            i = close;
            literalStart = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null, null, literalStart, template.Length - literalStart));
        }

        return true;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
