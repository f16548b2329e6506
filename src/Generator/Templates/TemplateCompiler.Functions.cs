using System.Linq;
using CardGen.Generator.Diagnostics;

namespace CardGen.Generator.Templates;

internal sealed partial class TemplateCompiler
{
    private TemplateValue CompileCall(CallExpr call, JsonNode node, Scope scope)
    {
        if (!SupportedFunctions.Contains(call.Name))
        {
            var (start, _) = node.SpanOf(call.Start, call.NameLength);
            var close = Suggest(call.Name, SupportedFunctions);
            Report(DiagnosticDescriptors.TemplateUnsupportedId, start, call.NameLength, $"the function '{call.Name}' (supported: {string.Join(", ", SupportedFunctions)})" + (close is null ? "" : $"; did you mean '{close}'?"), close);
            return TemplateValue.Error;
        }

        if (call.Name == "select")
        {
            return CompileSelect(call, node, scope);
        }

        var args = call.Arguments.Select(a => Compile(a, node, scope)).ToList();
        if (args.Any(a => a.Type == ExprType.Error))
        {
            return TemplateValue.Error;
        }

        bool Arity(int min, int max)
        {
            if (args.Count >= min && args.Count <= max)
            {
                return true;
            }

            Unsupported(call, node, $"'{call.Name}' with {args.Count} argument{(args.Count == 1 ? "" : "s")} (it takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")})");
            return false;
        }

        bool Types(params ExprType[] types)
        {
            for (var i = 0; i < args.Count && i < types.Length; i++)
            {
                if (args[i].Type != types[i] && args[i].Type != ExprType.Null)
                {
                    Unsupported(call.Arguments[i], node, $"{args[i].TypeName} as argument {i + 1} of '{call.Name}', which takes {new TemplateValue("", types[i]).TypeName}");
                    return false;
                }
            }

            return true;
        }

        string Code(int i) => args[i].Type == ExprType.Null ? "null" : args[i].Code;

        if (call.Name != "exists" && call.Name != "if" && args.FirstOrDefault(a => a.Constant is { Kind: JsonKind.Object or JsonKind.Array }) is { Type: not ExprType.Error } inline)
        {
            if (call.Name == "length" && inline.Type == ExprType.Collection && args.Count == 1)
            {
                return new TemplateValue($"((double?){inline.Constant!.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}d)", ExprType.Number);
            }

            return Unsupported(call, node, $"'{call.Name}' of an inline \"$data\" object or array");
        }

        switch (call.Name)
        {
            case "exists":
                if (!Arity(1, 1)) return TemplateValue.Error;
                if (args[0].Type == ExprType.Json) return new TemplateValue($"{F}Exists({args[0].Code})", ExprType.Boolean);
                if (args[0].Constant is not null) return new TemplateValue(args[0].Type == ExprType.Null ? "((bool?)false)" : "((bool?)true)", ExprType.Boolean);
                return new TemplateValue(args[0].Type == ExprType.Null ? "false" : $"((object?){args[0].Code} != null)", ExprType.Boolean);
            case "json":
                // The text is parsed when the card is written; what it holds is read by name then (ExprType.Json).
                if (!Arity(1, 1) || !Types(ExprType.String)) return TemplateValue.Error;
                return new TemplateValue($"{F}Json({Code(0)})", ExprType.Json);
            case "if":
                {
                    if (!Arity(3, 3)) return TemplateValue.Error;
                    var a = args[1];
                    var b = args[2];
                    var type = a.Type == ExprType.Null ? b.Type : a.Type;
                    if (a.Type != b.Type && a.Type != ExprType.Null && b.Type != ExprType.Null || type is ExprType.Object or ExprType.Collection or ExprType.Json)
                    {
                        return Unsupported(call, node, $"'if' with {a.TypeName} and {b.TypeName} as its results (both must be strings, numbers or booleans)");
                    }

                    var cast = type switch { ExprType.String => "(string?)", ExprType.Number => "(double?)", ExprType.Boolean => "(bool?)", _ => "(string?)" };
                    return new TemplateValue($"({F}Truthy({args[0].Code}) ? {cast}{Code(1)} : {cast}{Code(2)})", type == ExprType.Null ? ExprType.Null : type);
                }

            case "string":
                if (!Arity(1, 1)) return TemplateValue.Error;
                if (args[0].Type == ExprType.Number) return new TemplateValue($"({F}NumberString({args[0].Code}) ?? \"\")", ExprType.String);
                var text = AsText(args[0], call.Arguments[0], node);
                return text is null ? TemplateValue.Error : new TemplateValue($"({text} ?? \"\")", ExprType.String);
            case "toUpper":
            case "toLower":
                if (!Arity(1, 1) || !Types(ExprType.String)) return TemplateValue.Error;
                return new TemplateValue($"({Code(0)})?.{(call.Name == "toUpper" ? "ToUpperInvariant" : "ToLowerInvariant")}()", ExprType.String);
            case "substring":
                if (!Arity(2, 3) || !Types(ExprType.String, ExprType.Number, ExprType.Number)) return TemplateValue.Error;
                return new TemplateValue($"{F}Substring({Code(0)}, {Code(1)}{(args.Count == 3 ? ", " + Code(2) : ", null")})", ExprType.String);
            case "indexOf":
                if (!Arity(2, 2) || !Types(ExprType.String, ExprType.String)) return TemplateValue.Error;
                return new TemplateValue($"{F}IndexOf({Code(0)}, {Code(1)})", ExprType.Number);
            case "length":
                if (!Arity(1, 1)) return TemplateValue.Error;
                if (args[0].Type == ExprType.String) return new TemplateValue($"{F}Length({Code(0)})", ExprType.Number);
                if (args[0].Type == ExprType.Collection) return new TemplateValue($"{F}Count({Code(0)})", ExprType.Number);
                return Unsupported(call, node, $"'length' of {args[0].TypeName}");
            case "int":
                if (!Arity(1, 1)) return TemplateValue.Error;
                if (args[0].Type is ExprType.String or ExprType.Number) return new TemplateValue($"{F}Int({Code(0)})", ExprType.Number);
                return Unsupported(call, node, $"'int' of {args[0].TypeName}");
            case "formatNumber":
                if (!Arity(2, 3) || !Types(ExprType.Number, ExprType.Number, ExprType.String)) return TemplateValue.Error;
                return new TemplateValue($"{F}FormatNumber({Code(0)}, {Code(1)}, {(args.Count == 3 ? Code(2) : "null")})", ExprType.String);
            case "formatDateTime":
                {
                    if (!Arity(1, 2) || !Types(ExprType.String, ExprType.String)) return TemplateValue.Error;
                    var format = args.Count == 2 ? Code(1) : "null";
                    var date = args[0].Shape is { Kind: ShapeKind.Text } shape && IsDate(shape) && args[0].Appender is { } appender
                        ? $"AppendDateTime({appender.Substring("AppendDate(".Length, appender.Length - "AppendDate(".Length - 1)}, {format})"
                        : null;
                    return new TemplateValue($"{F}FormatDateTime({Code(0)}, {format})", ExprType.String, null, null, date);
                }

            case "formatEpoch":
            case "formatTicks":
                if (!Arity(1, 2) || !Types(ExprType.Number, ExprType.String)) return TemplateValue.Error;
                return new TemplateValue($"{F}{(call.Name == "formatEpoch" ? "FormatEpoch" : "FormatTicks")}({Code(0)}, {(args.Count == 2 ? Code(1) : "null")})", ExprType.String);
            case "sum":
            case "min":
            case "max":
                {
                    var method = char.ToUpperInvariant(call.Name[0]) + call.Name.Substring(1);
                    if (args.Count == 1 && args[0].Type == ExprType.Collection && args[0].Shape?.Element?.Kind == ShapeKind.Number)
                    {
                        return new TemplateValue($"{F}{method}({NumberItems(args[0])})", ExprType.Number);
                    }

                    if (args.Count >= 1 && args.All(a => a.Type == ExprType.Number))
                    {
                        return new TemplateValue($"{F}{method}(new double?[] {{ {string.Join(", ", args.Select(a => a.Code))} }})", ExprType.Number);
                    }

                    return Unsupported(call, node, $"'{call.Name}' of {string.Join(", ", args.Select(a => a.TypeName))} (it takes numbers, or one collection of numbers)");
                }

            default:
                return Unsupported(call, node, $"the function '{call.Name}'");
        }
    }

    /// <summary>A collection of numbers as <c>IEnumerable&lt;double?&gt;</c>, whatever C# number type its items are.</summary>
    private static string NumberItems(TemplateValue collection)
        => collection.Shape!.Element!.Type == "double?"
            ? collection.Code
            : $"global::System.Linq.Enumerable.Select({F}Items({collection.Code}), static x => (double?)x)";

    /// <summary><c>select(collection, name, expression)</c>: a projection compiled to a lambda.</summary>
    private TemplateValue CompileSelect(CallExpr call, JsonNode node, Scope scope)
    {
        if (call.Arguments.Count != 3 || call.Arguments[1] is not NameExpr parameter)
        {
            return Unsupported(call, node, "'select' other than select(collection, name, expression)");
        }

        var source = Compile(call.Arguments[0], node, scope);
        if (source.Type == ExprType.Error)
        {
            return source;
        }

        if (source.Type != ExprType.Collection || source.Constant is not null)
        {
            return Unsupported(call.Arguments[0], node, $"'select' over {source.TypeName}");
        }

        var name = Local("x");
        var inner = new Scope(scope.Root, scope.Data, null, scope);
        inner.Parameters[parameter.Name] = ItemValue(name, source.Shape!.Element!);
        var body = Compile(call.Arguments[2], node, inner);
        var element = body.Type switch
        {
            ExprType.Number => NumberShape,
            ExprType.String => StringShape,
            ExprType.Boolean => BooleanShape,
            ExprType.Object or ExprType.Collection => body.Shape,
            _ => null,
        };
        if (element is null)
        {
            return body.Type == ExprType.Error ? body : Unsupported(call.Arguments[2], node, $"'select' to {body.TypeName}");
        }

        var cast = body.Type switch { ExprType.Number => "(double?)", ExprType.Boolean => "(bool?)", ExprType.String => "(string?)", _ => "" };
        var shape = new DataShape(ShapeKind.Collection, "select", false, false, Models.EquatableArray<DataMember>.Empty, element);
        return new TemplateValue($"global::System.Linq.Enumerable.Select({F}Items({source.Code}), {name} => {cast}{body.Code})", ExprType.Collection, shape);
    }
}
