using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// Maps positions in a string literal's value back to the source, so a diagnostic can point at a placeholder inside
/// the literal. Handles regular (with escapes), verbatim and single-line raw literals; anything else (a constant,
/// a concatenation, an interpolation) has no map and diagnostics fall back to the whole expression.
/// </summary>
internal sealed class LiteralSpans
{
    private readonly int[] _starts; // source position of each value char, plus one past the end
    private readonly string _value;

    private LiteralSpans(int[] starts, string value)
    {
        _starts = starts;
        _value = value;
    }

    public static LiteralSpans? TryCreate(SyntaxNode? expression)
    {
        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
        {
            return null;
        }

        var token = literal.Token;
        var text = token.Text;
        var value = token.ValueText;
        var offset = token.SpanStart;
        var starts = new List<int>(value.Length + 1);
        if (token.IsKind(SyntaxKind.StringLiteralToken) && text.StartsWith("@\"", System.StringComparison.Ordinal))
        {
            for (var i = 2; i < text.Length - 1; i++)
            {
                starts.Add(offset + i);
                if (text[i] == '"')
                {
                    i++; // "" is one quote
                }
            }

            starts.Add(offset + text.Length - 1);
        }
        else if (token.IsKind(SyntaxKind.StringLiteralToken) && text.StartsWith("\"", System.StringComparison.Ordinal))
        {
            for (var i = 1; i < text.Length - 1; i++)
            {
                var at = offset + i;
                if (text[i] != '\\')
                {
                    starts.Add(at);
                    continue;
                }

                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                var length = next switch
                {
                    'u' => 6,
                    'U' => 10,
                    'x' => 2 + HexRun(text, i + 2),
                    _ => 2,
                };
                starts.Add(at);
                if (next == 'U')
                {
                    starts.Add(at); // a surrogate pair: two chars from one escape
                }

                i += length - 1;
            }

            starts.Add(offset + text.Length - 1);
        }
        else if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            var quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            for (var i = quotes; i < text.Length - quotes; i++)
            {
                starts.Add(offset + i);
            }

            starts.Add(offset + text.Length - quotes);
        }
        else
        {
            return null;
        }

        return starts.Count == value.Length + 1 ? new LiteralSpans(starts.ToArray(), value) : null;
    }

    /// <summary>The source span of <paramref name="length"/> value chars from <paramref name="start"/>.</summary>
    public TextSpan Map(int start, int length)
    {
        start = System.Math.Max(0, System.Math.Min(start, _value.Length));
        var end = System.Math.Max(start, System.Math.Min(start + length, _value.Length));
        return TextSpan.FromBounds(_starts[start], _starts[end]);
    }

    /// <summary>Whether the value chars map one to one onto source chars (no escapes), so the span's text is the value.</summary>
    public bool IsVerbatimRange(int start, int length)
    {
        var span = Map(start, length);
        return span.Length == length;
    }

    private static int HexRun(string text, int from)
    {
        var n = 0;
        while (n < 4 && from + n < text.Length - 1 && Uri.IsHexDigit(text[from + n]))
        {
            n++;
        }

        return n;
    }

    private static class Uri
    {
        public static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
