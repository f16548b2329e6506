using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;

namespace CardGen.Generator.Templates;

internal sealed partial class TemplateCompiler
{
    /// <summary>The functions a compiled template supports (the ones the official templates use).</summary>
    internal static readonly string[] SupportedFunctions =
    {
        "exists", "formatDateTime", "formatEpoch", "formatNumber", "formatTicks", "if", "indexOf", "int", "json", "length",
        "max", "min", "select", "string", "substring", "sum", "toLower", "toUpper",
    };

    private static readonly DataShape NumberShape = new(ShapeKind.Number, "double?", true, true, EquatableArray<DataMember>.Empty, null);
    private static readonly DataShape StringShape = new(ShapeKind.String, "string", false, false, EquatableArray<DataMember>.Empty, null);
    private static readonly DataShape BooleanShape = new(ShapeKind.Boolean, "bool?", true, true, EquatableArray<DataMember>.Empty, null);

    /// <summary>A member's value as an expression result: numbers become <c>double?</c>, text-like values strings.</summary>
    private static TemplateValue Leaf(string code, DataShape shape) => shape.Kind switch
    {
        ShapeKind.String => new TemplateValue(code, ExprType.String),
        ShapeKind.Number => new TemplateValue($"((double?)({code}))", ExprType.Number),
        ShapeKind.Boolean => new TemplateValue($"((bool?)({code}))", ExprType.Boolean),
        ShapeKind.Text => new TemplateValue($"{F}Text((object?)({code}))", ExprType.String, shape, null, TextAppender(code, shape)),
        ShapeKind.Object or ShapeKind.Recursive => new TemplateValue(code, ExprType.Object, shape),
        ShapeKind.Collection => new TemplateValue(code, ExprType.Collection, shape),
        _ => TemplateValue.Error,
    };

    /// <summary>The C# type a text-like shape holds, without its nullable mark.</summary>
    private static string TextType(DataShape shape)
        => shape.IsNullableValue && shape.Type.EndsWith("?", System.StringComparison.Ordinal) ? shape.Type.Substring(0, shape.Type.Length - 1) : shape.Type;

    /// <summary>Whether a text-like shape is a date (<c>DateTime</c> or <c>DateTimeOffset</c>), which formats without a string.</summary>
    private static bool IsDate(DataShape shape) => TextType(shape) is "global::System.DateTimeOffset" or "global::System.DateTime";

    /// <summary>
    /// How a text-like value is appended to a <c>TemplateText</c> without a string: enums by their cached name, dates
    /// formatted into the buffer. Other text-like values (a URI's text, a GUID) go through their string.
    /// </summary>
    private static string? TextAppender(string code, DataShape shape)
    {
        if (IsDate(shape))
        {
            return $"AppendDate({code})";
        }

        return TextType(shape) is "global::System.Uri" or "global::System.Guid" or "global::System.DateOnly" or "global::System.TimeOnly" or "global::System.TimeSpan" or "char"
            ? null
            : $"AppendEnum<{TextType(shape)}>({code})";
    }

    private TemplateValue Compile(Expr expr, JsonNode node, Scope scope)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.Value switch
                {
                    string s => new TemplateValue(Literal(s), ExprType.String),
                    double d => new TemplateValue($"((double?){d.ToString("R", CultureInfo.InvariantCulture)}d)", ExprType.Number),
                    bool b => new TemplateValue(b ? "((bool?)true)" : "((bool?)false)", ExprType.Boolean),
                    _ => new TemplateValue("null", ExprType.Null),
                };
            case NameExpr name:
                return CompileName(name, node, scope);
            case MemberExpr member:
                return Member(Compile(member.Target, node, scope), member.Name, member.NameStart, node);
            case IndexExpr index:
                {
                    var target = Compile(index.Target, node, scope);
                    var at = Compile(index.Index, node, scope);
                    if (target.Type == ExprType.Error || at.Type == ExprType.Error)
                    {
                        return TemplateValue.Error;
                    }

                    if (target.Constant is { Kind: JsonKind.Array } list)
                    {
                        return ConstantItem(list, index, node);
                    }

                    if (target.Type == ExprType.Json && at.Type == ExprType.Number)
                    {
                        return new TemplateValue($"{F}JsonItem({target.Code}, {at.Code})", ExprType.Json);
                    }

                    if (target.Type != ExprType.Collection || at.Type != ExprType.Number)
                    {
                        return Unsupported(index, node, $"indexing {target.TypeName} with {at.TypeName}");
                    }

                    return ItemValue($"{F}At({target.Code}, {at.Code})", target.Shape!.Element!);
                }

            case UnaryExpr unary:
                {
                    var operand = Compile(unary.Operand, node, scope);
                    if (operand.Type == ExprType.Error)
                    {
                        return operand;
                    }

                    if (unary.Op == "!")
                    {
                        return new TemplateValue($"(!{F}Truthy({operand.Code}))", ExprType.Boolean);
                    }

                    return operand.Type == ExprType.Number
                        ? new TemplateValue(unary.Op == "-" ? $"(-{operand.Code})" : operand.Code, ExprType.Number)
                        : Unsupported(unary, node, $"'{unary.Op}' before {operand.TypeName}");
                }

            case BinaryExpr binary:
                return CompileBinary(binary, node, scope);
            case CallExpr call:
                return CompileCall(call, node, scope);
            default:
                return TemplateValue.Error;
        }
    }

    private TemplateValue CompileName(NameExpr name, JsonNode node, Scope scope)
    {
        switch (name.Name)
        {
            case "$root":
                return new TemplateValue(scope.Root, ExprType.Object, _root);
            case "$data":
                return scope.Data;
            case "$index":
                var index = scope.FindIndex();
                if (index is null)
                {
                    return Unsupported(name, node, "'$index' outside an item repeated over a \"$data\" collection");
                }

                return new TemplateValue($"((double?){index})", ExprType.Number);
        }

        if (scope.TryParameter(name.Name, out var parameter))
        {
            return parameter;
        }

        return Member(scope.Data, name.Name, name.Start, node);
    }

    private TemplateValue Member(TemplateValue target, string name, int nameStart, JsonNode node)
    {
        if (target.Type == ExprType.Error)
        {
            return target;
        }

        if (target.Type == ExprType.Json)
        {
            // Data parsed by json() has a shape known only at run time: its members are read by name then.
            return new TemplateValue($"{F}JsonProperty({target.Code}, {Literal(name)})", ExprType.Json);
        }

        if (target.Constant is { Kind: JsonKind.Object } inline)
        {
            return ConstantMember(inline, name, nameStart, node);
        }

        if (target.Type != ExprType.Object || target.Shape is null)
        {
            var (s, l) = node.SpanOf(nameStart, name.Length);
            Report(DiagnosticDescriptors.TemplateUnsupportedId, s, l, $"'.{name}' on {target.TypeName}");
            return TemplateValue.Error;
        }

        var shape = target.Shape;
        var member = shape.Kind == ShapeKind.Recursive ? null : shape.Find(name);
        if (member is null)
        {
            var (s, l) = node.SpanOf(nameStart, name.Length);
            var close = Suggest(name, shape.Members.Select(m => m.Name));
            var typeName = shape.Type.StartsWith("global::", System.StringComparison.Ordinal) ? shape.Type.Substring(8) : shape.Type;
            Report(
                DiagnosticDescriptors.TemplateMemberId,
                s,
                l,
                shape.Kind == ShapeKind.Recursive
                    ? $"'{name}' is read from '{typeName}' inside itself, which a compiled template does not follow"
                    : $"'{name}' names no member of '{typeName}'" + (close is null ? "" : $"; did you mean '{close}'?"),
                close,
                shape.Kind == ShapeKind.Recursive ? null : name,
                shape.Kind == ShapeKind.Recursive ? null : typeName);
            return TemplateValue.Error;
        }

        if (member.Shape.Kind == ShapeKind.Unsupported)
        {
            var (s, l) = node.SpanOf(nameStart, name.Length);
            Report(DiagnosticDescriptors.TemplateUnsupportedId, s, l, $"the member '{member.Name}' of type '{member.Shape.Type}' (a template reads strings, numbers, booleans, dates, URIs, enums, objects and collections)");
            return TemplateValue.Error;
        }

        var access = shape.IsValueType && !shape.IsNullableValue ? "." : "?.";
        return Leaf(target.Code + access + "@" + member.Name, member.Shape);
    }

    /// <summary>
    /// A value of inline data (a literal <c>"$data"</c>), known when the template is compiled: text, numbers and
    /// booleans become C# literals, objects and arrays stay literals that members and items are read from.
    /// </summary>
    private static TemplateValue ConstantValue(JsonNode value) => value.Kind switch
    {
        JsonKind.String => new TemplateValue(Literal(value.Text), ExprType.String, null, value),
        JsonKind.Number => new TemplateValue($"((double?){double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}d)", ExprType.Number, null, value),
        JsonKind.True => new TemplateValue("((bool?)true)", ExprType.Boolean, null, value),
        JsonKind.False => new TemplateValue("((bool?)false)", ExprType.Boolean, null, value),
        JsonKind.Object => new TemplateValue(InlineData, ExprType.Object, null, value),
        JsonKind.Array => new TemplateValue(InlineData, ExprType.Collection, null, value),
        _ => new TemplateValue("null", ExprType.Null, null, value),
    };

    /// <summary>
    /// The C# an inline object or array stands for where code needs a value: something that is there (for
    /// <c>exists</c> and truth); anything that reads it as data is compiled from the literal instead.
    /// </summary>
    private const string InlineData = "((object?)\"inline data\")";

    /// <summary>A member of an inline object, matched as Adaptive Expressions match names: exactly, else without regard to case.</summary>
    private TemplateValue ConstantMember(JsonNode inline, string name, int nameStart, JsonNode node)
    {
        var found = inline.Find(name)?.Value;
        if (found is null)
        {
            foreach (var property in inline.Properties)
            {
                if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    found = property.Value;
                    break;
                }
            }
        }

        if (found is null)
        {
            var (s, l) = node.SpanOf(nameStart, name.Length);
            var close = Suggest(name, inline.Properties.Select(p => p.Name));
            Report(DiagnosticDescriptors.TemplateMemberId, s, l, $"'{name}' is not in the inline \"$data\"" + (close is null ? "" : $"; did you mean '{close}'?"), close);
            return TemplateValue.Error;
        }

        return ConstantValue(found);
    }

    /// <summary>An item of an inline array, at an index written as a number.</summary>
    private TemplateValue ConstantItem(JsonNode list, IndexExpr index, JsonNode node)
    {
        if (index.Index is not LiteralExpr { Value: double at } || at < 0 || at != System.Math.Floor(at))
        {
            return Unsupported(index, node, "indexing inline data with anything but a whole number");
        }

        if (at >= list.Items.Count)
        {
            var (s, l) = node.SpanOf(index.Start, index.Length);
            Report(DiagnosticDescriptors.TemplateMemberId, s, l, $"the inline \"$data\" has {list.Items.Count} item{(list.Items.Count == 1 ? "" : "s")}, not an item [{at.ToString(CultureInfo.InvariantCulture)}]");
            return TemplateValue.Error;
        }

        return ConstantValue(list.Items[(int)at]);
    }

    private TemplateValue CompileBinary(BinaryExpr binary, JsonNode node, Scope scope)
    {
        var left = Compile(binary.Left, node, scope);
        var right = Compile(binary.Right, node, scope);
        if (left.Type == ExprType.Error || right.Type == ExprType.Error)
        {
            return TemplateValue.Error;
        }

        switch (binary.Op)
        {
            case "&&":
            case "||":
                return new TemplateValue($"({F}Truthy({left.Code}) {binary.Op} {F}Truthy({right.Code}))", ExprType.Boolean);
            case "+" when left.Type == ExprType.String || right.Type == ExprType.String:
                {
                    var l = AsText(left, binary.Left, node);
                    var r = AsText(right, binary.Right, node);
                    return l is null || r is null ? TemplateValue.Error : new TemplateValue($"string.Concat({l}, {r})", ExprType.String);
                }

            case "+" or "-" or "*" or "/" or "%":
                if (left.Type != ExprType.Number || right.Type != ExprType.Number)
                {
                    return Unsupported(binary, node, $"'{binary.Op}' between {left.TypeName} and {right.TypeName}");
                }

                return binary.Op == "/"
                    ? new TemplateValue($"{F}Divide({left.Code}, {right.Code})", ExprType.Number)
                    : new TemplateValue($"({left.Code} {binary.Op} {right.Code})", ExprType.Number);
            case "==" or "!=":
                {
                    string equal;
                    if (left.Type == ExprType.Null || right.Type == ExprType.Null)
                    {
                        var other = left.Type == ExprType.Null ? right : left;
                        equal = other.Type == ExprType.Null ? "true" : $"((object?){other.Code} == null)";
                    }
                    else if (left.Type == right.Type && left.Type is ExprType.Number or ExprType.Boolean)
                    {
                        equal = $"({left.Code} == {right.Code})";
                    }
                    else if (left.Type == right.Type && left.Type == ExprType.String)
                    {
                        equal = $"string.Equals({left.Code}, {right.Code})";
                    }
                    else
                    {
                        return Unsupported(binary, node, $"'{binary.Op}' between {left.TypeName} and {right.TypeName}");
                    }

                    return new TemplateValue(binary.Op == "==" ? equal : $"(!{equal})", ExprType.Boolean);
                }

            default:
                if (left.Type == ExprType.Number && right.Type == ExprType.Number)
                {
                    return new TemplateValue($"({left.Code} {binary.Op} {right.Code})", ExprType.Boolean);
                }

                if (left.Type == ExprType.String && right.Type == ExprType.String)
                {
                    return new TemplateValue($"{F}Compare({left.Code}, {right.Code}, \"{binary.Op}\")", ExprType.Boolean);
                }

                return Unsupported(binary, node, $"'{binary.Op}' between {left.TypeName} and {right.TypeName}");
        }
    }

    private TemplateValue Unsupported(Expr expr, JsonNode node, string what)
    {
        var (start, length) = node.SpanOf(expr.Start, expr.Length);
        Report(DiagnosticDescriptors.TemplateUnsupportedId, start, length, what);
        return TemplateValue.Error;
    }
}
