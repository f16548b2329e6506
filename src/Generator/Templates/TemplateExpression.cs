using System.Collections.Generic;
using System.Globalization;

namespace CardGen.Generator.Templates;

/// <summary>A node of a binding expression (the Adaptive Expressions language, in the subset templates use).</summary>
internal abstract class Expr
{
    protected Expr(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Where the node starts in the template string (decoded text).</summary>
    public int Start { get; }

    public int Length { get; }
}

internal sealed class LiteralExpr : Expr
{
    public LiteralExpr(object? value, int start, int length)
        : base(start, length) => Value = value;

    /// <summary>A string, a double, a bool or null.</summary>
    public object? Value { get; }
}

/// <summary>A name: a member of the data in scope, <c>$root</c>, <c>$data</c>, <c>$index</c> or a lambda parameter.</summary>
internal sealed class NameExpr : Expr
{
    public NameExpr(string name, int start, int length)
        : base(start, length) => Name = name;

    public string Name { get; }
}

internal sealed class MemberExpr : Expr
{
    public MemberExpr(Expr target, string name, int nameStart, int start, int length)
        : base(start, length)
    {
        Target = target;
        Name = name;
        NameStart = nameStart;
    }

    public Expr Target { get; }

    public string Name { get; }

    public int NameStart { get; }
}

internal sealed class IndexExpr : Expr
{
    public IndexExpr(Expr target, Expr index, int start, int length)
        : base(start, length)
    {
        Target = target;
        Index = index;
    }

    public Expr Target { get; }

    public Expr Index { get; }
}

internal sealed class UnaryExpr : Expr
{
    public UnaryExpr(string op, Expr operand, int start, int length)
        : base(start, length)
    {
        Op = op;
        Operand = operand;
    }

    public string Op { get; }

    public Expr Operand { get; }
}

internal sealed class BinaryExpr : Expr
{
    public BinaryExpr(string op, Expr left, Expr right, int start, int length)
        : base(start, length)
    {
        Op = op;
        Left = left;
        Right = right;
    }

    public string Op { get; }

    public Expr Left { get; }

    public Expr Right { get; }
}

internal sealed class CallExpr : Expr
{
    public CallExpr(string name, List<Expr> arguments, int start, int nameLength, int length)
        : base(start, length)
    {
        Name = name;
        Arguments = arguments;
        NameLength = nameLength;
    }

    public string Name { get; }

    public int NameLength { get; }

    public List<Expr> Arguments { get; }
}

/// <summary>
/// Parses one <c>${…}</c> body. Numbers, <c>'…'</c> and <c>"…"</c> strings, <c>true</c>, <c>false</c>, <c>null</c>,
/// names with <c>.member</c> and <c>[index]</c>, calls, <c>! - +</c>, <c>* / %</c>, <c>+ -</c>, comparisons,
/// <c>== !=</c>, <c>&amp;&amp; ||</c> and parentheses. Never throws: a syntax error comes back with its place.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly int _offset;
    private int _at;
    private readonly int _end;

    private ExpressionParser(string text, int start, int end)
    {
        _text = text;
        _at = start;
        _offset = start;
        _end = end;
    }

    public string? Error { get; private set; }

    public int ErrorAt { get; private set; }

    /// <summary>Parses <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static Expr? Parse(string text, int start, int end, out string? error, out int errorAt)
    {
        var parser = new ExpressionParser(text, start, end);
        var expr = parser.ParseOr();
        parser.Space();
        if (expr is not null && parser.Error is null && parser._at < end)
        {
            parser.Fail($"'{text[parser._at]}' is not expected here");
        }

        error = parser.Error;
        errorAt = parser.ErrorAt;
        return error is null ? expr : null;
    }

    private Expr? Fail(string message)
    {
        if (Error is null)
        {
            Error = message;
            ErrorAt = _at < _end ? _at : _end;
        }

        return null;
    }

    private void Space()
    {
        while (_at < _end && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private bool Take(string token)
    {
        Space();
        if (_at + token.Length <= _end && string.CompareOrdinal(_text, _at, token, 0, token.Length) == 0)
        {
            _at += token.Length;
            return true;
        }

        return false;
    }

    private Expr? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && Take("||"))
        {
            var right = ParseAnd();
            left = right is null ? null : new BinaryExpr("||", left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseAnd()
    {
        var left = ParseEquality();
        while (left is not null && Take("&&"))
        {
            var right = ParseEquality();
            left = right is null ? null : new BinaryExpr("&&", left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseEquality()
    {
        var left = ParseComparison();
        while (left is not null)
        {
            string op;
            if (Take("==")) op = "==";
            else if (Take("!=")) op = "!=";
            else break;
            var right = ParseComparison();
            left = right is null ? null : new BinaryExpr(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseComparison()
    {
        var left = ParseAdditive();
        while (left is not null)
        {
            string op;
            if (Take("<=")) op = "<=";
            else if (Take(">=")) op = ">=";
            else if (Take("<")) op = "<";
            else if (Take(">")) op = ">";
            else break;
            var right = ParseAdditive();
            left = right is null ? null : new BinaryExpr(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (left is not null)
        {
            string op;
            if (Take("+")) op = "+";
            else if (Take("-")) op = "-";
            else break;
            var right = ParseMultiplicative();
            left = right is null ? null : new BinaryExpr(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseMultiplicative()
    {
        var left = ParseUnary();
        while (left is not null)
        {
            string op;
            if (Take("*")) op = "*";
            else if (Take("/")) op = "/";
            else if (Take("%")) op = "%";
            else break;
            var right = ParseUnary();
            left = right is null ? null : new BinaryExpr(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private Expr? ParseUnary()
    {
        Space();
        var start = _at;
        foreach (var op in new[] { "!", "-", "+" })
        {
            if (_at < _end && _text[_at] == op[0] && !(op == "!" && _at + 1 < _end && _text[_at + 1] == '='))
            {
                _at++;
                var operand = ParseUnary();
                return operand is null ? null : new UnaryExpr(op, operand, start, operand.Start + operand.Length - start);
            }
        }

        return ParsePostfix();
    }

    private Expr? ParsePostfix()
    {
        var target = ParsePrimary();
        while (target is not null)
        {
            Space();
            if (_at < _end && _text[_at] == '.')
            {
                _at++;
                var nameStart = _at;
                var name = Identifier();
                if (name is null)
                {
                    return Fail("a member name expected after '.'");
                }

                target = new MemberExpr(target, name, nameStart, target.Start, _at - target.Start);
            }
            else if (_at < _end && _text[_at] == '[')
            {
                _at++;
                var index = ParseOr();
                if (index is null)
                {
                    return null;
                }

                if (!Take("]"))
                {
                    return Fail("']' expected");
                }

                target = new IndexExpr(target, index, target.Start, _at - target.Start);
            }
            else
            {
                break;
            }
        }

        return target;
    }

    private Expr? ParsePrimary()
    {
        Space();
        if (_at >= _end)
        {
            return Fail(_at == _offset ? "an empty expression" : "the expression ends where a value was expected");
        }

        var start = _at;
        var c = _text[_at];
        if (c == '(')
        {
            _at++;
            var inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            return Take(")") ? inner : Fail("')' expected");
        }

        if (c == '\'' || c == '"')
        {
            _at++;
            var builder = new System.Text.StringBuilder();
            while (_at < _end && _text[_at] != c)
            {
                if (_text[_at] == '\\' && _at + 1 < _end)
                {
                    _at++;
                }

                builder.Append(_text[_at]);
                _at++;
            }

            if (_at >= _end)
            {
                _at = start;
                return Fail("a string that is never closed");
            }

            _at++;
            return new LiteralExpr(builder.ToString(), start, _at - start);
        }

        if (char.IsDigit(c))
        {
            while (_at < _end && (char.IsDigit(_text[_at]) || _text[_at] == '.'))
            {
                _at++;
            }

            if (!double.TryParse(_text.Substring(start, _at - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                _at = start;
                return Fail("not a number");
            }

            return new LiteralExpr(number, start, _at - start);
        }

        var name = Identifier();
        if (name is null)
        {
            return Fail($"'{c}' is not expected here");
        }

        switch (name)
        {
            case "true": return new LiteralExpr(true, start, 4);
            case "false": return new LiteralExpr(false, start, 5);
            case "null": return new LiteralExpr(null, start, 4);
        }

        Space();
        if (_at < _end && _text[_at] == '(')
        {
            _at++;
            var arguments = new List<Expr>();
            if (!Take(")"))
            {
                do
                {
                    var argument = ParseOr();
                    if (argument is null)
                    {
                        return null;
                    }

                    arguments.Add(argument);
                }
                while (Take(","));

                if (!Take(")"))
                {
                    return Fail("')' or ',' expected");
                }
            }

            return new CallExpr(name, arguments, start, name.Length, _at - start);
        }

        return new NameExpr(name, start, name.Length);
    }

    private string? Identifier()
    {
        var start = _at;
        if (_at < _end && (_text[_at] == '$' || _text[_at] == '_' || char.IsLetter(_text[_at])))
        {
            _at++;
            while (_at < _end && (_text[_at] == '_' || char.IsLetterOrDigit(_text[_at])))
            {
                _at++;
            }

            return _text.Substring(start, _at - start);
        }

        return null;
    }
}

/// <summary>A piece of a string value: literal text, or a <c>${…}</c> binding with where it stands.</summary>
internal readonly record struct StringPiece(string? Literal, Expr? Expression, int Start, int Length);

/// <summary>Splits a JSON string value into literal text and <c>${…}</c> bindings (braces inside quotes do not close one).</summary>
internal static class TemplateString
{
    public static bool HasBinding(string text) => text.IndexOf("${", System.StringComparison.Ordinal) >= 0;

    public static List<StringPiece>? Split(string text, out string? error, out int errorAt)
    {
        var pieces = new List<StringPiece>();
        error = null;
        errorAt = -1;
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, System.StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = FindClose(text, open + 2);
            if (close < 0)
            {
                error = "a '${' that is never closed";
                errorAt = open;
                return null;
            }

            if (open > literalStart)
            {
                pieces.Add(new StringPiece(text.Substring(literalStart, open - literalStart), null, literalStart, open - literalStart));
            }

            var expr = ExpressionParser.Parse(text, open + 2, close, out error, out errorAt);
            if (expr is null)
            {
                return null;
            }

            pieces.Add(new StringPiece(null, expr, open, close + 1 - open));
            i = close + 1;
            literalStart = i;
        }

        if (literalStart < text.Length)
        {
            pieces.Add(new StringPiece(text.Substring(literalStart), null, literalStart, text.Length - literalStart));
        }

        return pieces;
    }

    private static int FindClose(string text, int from)
    {
        char quote = '\0';
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }
}
