using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Schema;

namespace CardGen.Generator.Templates;

internal sealed partial class TemplateCompiler
{
    /// <summary>What the schema expects of a value: a body element, an action, an object of a fixed type, or nothing checked.</summary>
    private sealed class Expect
    {
        public static readonly Expect Free = new(null, null);
        public static readonly Expect Element = new(CardTypeRole.Element, null);
        public static readonly Expect Action = new(CardTypeRole.Action, null);

        public Expect(CardTypeRole? role, CardTypeSpec? type)
        {
            Role = role;
            Type = type;
        }

        public CardTypeRole? Role { get; }

        public CardTypeSpec? Type { get; }

        public bool IsFree => Role is null && Type is null;

        public static Expect Of(string? typeName)
            => typeName is not null && SchemaCatalog.TryGetType(typeName, out var spec) ? new Expect(null, spec) : Free;
    }

    private static Expect ItemsOf(PropertySpec? property) => property?.Kind switch
    {
        PropertyKind.ElementArray => Expect.Element,
        PropertyKind.ActionArray => Expect.Action,
        PropertyKind.ObjectArray => Expect.Of(property.ObjectType),
        PropertyKind.InlineArray => Expect.Of(SchemaCatalog.TypeNames.TextRun),
        PropertyKind.TargetElementArray => Expect.Of(SchemaCatalog.TypeNames.TargetElement),
        _ => Expect.Free,
    };

    private static Expect ObjectOf(PropertySpec? property) => property?.Kind switch
    {
        PropertyKind.Object => Expect.Of(property.ObjectType),
        PropertyKind.SelectAction => Expect.Action,
        PropertyKind.Card => new Expect(null, SchemaCatalog.Card),
        PropertyKind.BackgroundImage => Expect.Of(SchemaCatalog.TypeNames.BackgroundImage),
        PropertyKind.Fallback => Expect.Element,
        _ => Expect.Free,
    };

    /// <summary>Writes an item of an array: repeated over <c>$data</c>, kept only when <c>$when</c> holds.</summary>
    private void EmitItem(JsonNode node, Expect expect, Scope scope, bool repeated)
    {
        if (node.Kind != JsonKind.Object || (node.Find("$data") is null && node.Find("$when") is null))
        {
            EmitValue(node, null, expect, null, scope, repeated);
            return;
        }

        var data = node.Find("$data");
        if (data is null)
        {
            EmitWhen(node, expect, scope, repeated);
            return;
        }

        var value = DataValue(data.Value, scope);
        if (value.Constant is { Kind: JsonKind.Array } inline)
        {
            // Inline items are known now: the element is written once per item, as the engine repeats it.
            for (var i = 0; i < inline.Items.Count; i++)
            {
                EmitWhen(node, expect, new Scope(scope.Root, ConstantValue(inline.Items[i]), i.ToString(CultureInfo.InvariantCulture), scope), repeated: true);
            }

            return;
        }

        if (value.Constant is not null)
        {
            // Inline data other than an array is the element's data, whatever it is (an object, a text, a number).
            EmitWhen(node, expect, new Scope(scope.Root, value, null, scope), repeated);
            return;
        }

        switch (value.Type)
        {
            case ExprType.Collection:
                {
                    var item = Local("d");
                    var index = Local("i");
                    var items = Local("c");
                    _out.Line($"var {index} = 0;");
                    _out.Line($"if ({value.Code} is {{ }} {items})");
                    _out.Line($"foreach (var {item} in {items})");
                    _out.Line("{");
                    EmitWhen(node, expect, new Scope(scope.Root, ItemValue(item, value.Shape!.Element!), index, scope), repeated: true);
                    _out.Line($"{index}++;");
                    _out.Line("}");
                    return;
                }

            case ExprType.Json:
                {
                    // Parsed data is repeated over when it is an array and is the element's data otherwise, as in the engine.
                    var item = Local("d");
                    var index = Local("i");
                    _out.Line($"var {index} = 0;");
                    _out.Line($"foreach (var {item} in {F}JsonItems({value.Code}))");
                    _out.Line("{");
                    EmitWhen(node, expect, new Scope(scope.Root, new TemplateValue(item, ExprType.Json), index, scope), repeated: true);
                    _out.Line($"{index}++;");
                    _out.Line("}");
                    return;
                }

            case ExprType.Object:
                {
                    var item = Local("d");
                    _out.Line("{");
                    _out.Line($"var {item} = {value.Code};");
                    EmitWhen(node, expect, new Scope(scope.Root, new TemplateValue(item, ExprType.Object, value.Shape), null, scope), repeated);
                    _out.Line("}");
                    return;
                }

            case ExprType.Error:
                return;
            default:
                Report(DiagnosticDescriptors.TemplateDataId, data.Value.Start, data.Value.Length, $"\"$data\" binds {value.TypeName}; it must bind an object (the item's data) or a collection (one item per element)");
                return;
        }
    }

    /// <summary>
    /// The value of a <c>"$data"</c>: a binding compiled, or inline data (a literal, which the engine takes as the data
    /// itself: an array repeats the element, anything else is its data).
    /// </summary>
    private TemplateValue DataValue(JsonNode value, Scope scope)
    {
        if (value.Kind == JsonKind.String && TemplateString.HasBinding(value.Text))
        {
            return CompileWhole(value, scope);
        }

        var binding = FindBinding(value);
        if (binding is not null)
        {
            // The engine would hand the expression object itself to the bindings that read it, not its value.
            Report(DiagnosticDescriptors.TemplateUnsupportedId, binding.Start, binding.Length, "a \"${…}\" binding inside inline \"$data\" (write the value, or bind the whole \"$data\")");
            return TemplateValue.Error;
        }

        return ConstantValue(value);
    }

    private static JsonNode? FindBinding(JsonNode value)
    {
        switch (value.Kind)
        {
            case JsonKind.String:
                return TemplateString.HasBinding(value.Text) ? value : null;
            case JsonKind.Object:
                return value.Properties.Select(p => FindBinding(p.Value)).FirstOrDefault(b => b is not null);
            case JsonKind.Array:
                return value.Items.Select(FindBinding).FirstOrDefault(b => b is not null);
            default:
                return null;
        }
    }

    /// <summary>Writes an element in its data scope, only when its <c>$when</c> holds.</summary>
    private void EmitWhen(JsonNode node, Expect expect, Scope scope, bool repeated)
    {
        var when = node.Find("$when");
        if (when is null)
        {
            EmitValue(node, null, expect, null, scope, repeated);
            return;
        }

        var condition = when.Value.Kind is JsonKind.True or JsonKind.False
            ? new TemplateValue(when.Value.Kind == JsonKind.True ? "true" : "false", ExprType.Boolean)
            : CompileWhole(when.Value, scope);
        string test;
        if (condition.Type is ExprType.Boolean)
        {
            test = $"({condition.Code}) == true";
        }
        else if (condition.Type is ExprType.Json)
        {
            test = $"{F}IsTrue({condition.Code})";
        }
        else
        {
            if (condition.Type != ExprType.Error)
            {
                Report(DiagnosticDescriptors.TemplateWhenId, when.Value.Start, when.Value.Length, $"\"$when\" is {condition.TypeName}; it must be a boolean, for example \"${{exists(Member)}}\" or \"${{Count > 0}}\"");
            }

            EmitValue(node, null, expect, null, scope, repeated);
            return;
        }

        _out.Line($"if ({test})");
        _out.Line("{");
        EmitValue(node, null, expect, null, scope, repeated);
        _out.Line("}");
    }

    private static TemplateValue ItemValue(string code, DataShape element) => element.Kind switch
    {
        ShapeKind.Object or ShapeKind.Recursive => new TemplateValue(code, ExprType.Object, element),
        ShapeKind.Collection => new TemplateValue(code, ExprType.Collection, element),
        _ => Leaf(code, element),
    };

    /// <summary>Writes one JSON value, preceded by its property name when <paramref name="name"/> is set.</summary>
    private void EmitValue(JsonNode node, string? name, Expect expect, PropertySpec? property, Scope scope, bool repeated)
    {
        var prefix = name is null ? "" : $"writer.WritePropertyName({Name(name)}); ";
        switch (node.Kind)
        {
            case JsonKind.Object:
                if (name is not null && (node.Find("$data") is { } data))
                {
                    Report(DiagnosticDescriptors.TemplateUnsupportedId, data.NameStart, data.NameLength, "\"$data\" on an object that is not an item of an array");
                }

                if (name is not null)
                {
                    _out.Line($"writer.WritePropertyName({Name(name)});");
                }

                EmitObjectBody(node, ResolveType(node, expect), scope, repeated, expect.IsFree);
                return;
            case JsonKind.Array:
                _out.Line(prefix + "writer.WriteStartArray();");
                var items = ItemsOf(property);
                foreach (var item in node.Items)
                {
                    EmitItem(item, items, scope, repeated);
                }

                _out.Line("writer.WriteEndArray();");
                return;
            case JsonKind.String:
                EmitString(node, name, scope);
                return;
            case JsonKind.Number:
                _out.Line(prefix + $"writer.WriteNumberValue({NumberLiteral(node.Text)});");
                return;
            case JsonKind.True:
            case JsonKind.False:
                _out.Line(prefix + $"writer.WriteBooleanValue({node.Text});");
                return;
            default:
                _out.Line(prefix + "writer.WriteNullValue();");
                return;
        }
    }

    private static string NumberLiteral(string raw)
    {
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole.ToString(CultureInfo.InvariantCulture) + "L";
        }

        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && raw.IndexOf('e') < 0 && raw.IndexOf('E') < 0)
        {
            return number.ToString(CultureInfo.InvariantCulture) + "m";
        }

        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    /// <summary>Finds the schema type of an object where <paramref name="expect"/> allows several (its <c>type</c>), checking it.</summary>
    private CardTypeSpec? ResolveType(JsonNode node, Expect expect)
    {
        if (expect.Type is not null)
        {
            return expect.Type;
        }

        if (expect.Role is not { } role)
        {
            return null;
        }

        var type = node.Find("type");
        var what = role == CardTypeRole.Action ? "action" : "element";
        if (type is null)
        {
            Report(DiagnosticDescriptors.TemplateRequiredId, node.Start, 1, $"the {what} has no \"type\"");
            return null;
        }

        if (type.Value.Kind != JsonKind.String || TemplateString.HasBinding(type.Value.Text))
        {
            return null; // A type chosen by the data is checked by the host when it arrives.
        }

        if (!SchemaCatalog.TryGetType(type.Value.Text, out var spec) || spec.Role is not (CardTypeRole.Element or CardTypeRole.Action))
        {
            var close = Suggest(type.Value.Text, SchemaCatalog.Types.Where(t => t.Role == role).Select(t => t.Name));
            var message = $"'{type.Value.Text}' is not an Adaptive Card {what} type" + (close is null ? "" : $"; did you mean '{close}'?");
            if (node.Find("fallback") is not null)
            {
                // A renderer that does not know the type shows its fallback, which is what a fallback is for.
                Warn(DiagnosticDescriptors.TemplateSchemaId, type.Value.Start, type.Value.Length, message + " (its fallback is shown instead)", close);
            }
            else
            {
                Report(DiagnosticDescriptors.TemplateSchemaId, type.Value.Start, type.Value.Length, message, close);
            }

            return null;
        }

        if (spec.Role != role)
        {
            Report(DiagnosticDescriptors.TemplateSchemaId, type.Value.Start, type.Value.Length, $"'{spec.Name}' is {(spec.Role == CardTypeRole.Action ? "an action" : "an element")}, not {(role == CardTypeRole.Action ? "an action" : "an element")}");
            return null;
        }

        if (spec.Since > _version)
        {
            ReportNewer(spec.Since, type.Value.Start, type.Value.Length, $"'{spec.Name}'");
        }

        foreach (var host in _hosts)
        {
            var support = role == CardTypeRole.Action ? host.GetActionSupport(spec.Name, out var reason) : host.GetElementSupport(spec.Name, out reason);
            if (support == HostSupport.Unsupported)
            {
                Report(DiagnosticDescriptors.TemplateVersionId, type.Value.Start, type.Value.Length, $"{host.Name} does not render '{spec.Name}': {reason}");
            }
        }

        return spec;
    }

    private void EmitObjectBody(JsonNode node, CardTypeSpec? spec, Scope scope, bool repeated, bool free = false)
    {
        _out.Line("writer.WriteStartObject();");
        foreach (var property in node.Properties)
        {
            if (property.Name is "$data" or "$when")
            {
                continue;
            }

            PropertySpec? propertySpec = null;
            if (spec is not null && !property.Name.StartsWith("$", System.StringComparison.Ordinal) && property.Name != "type")
            {
                if (!spec.TryGetProperty(property.Name, out propertySpec))
                {
                    var close = Suggest(property.Name, spec.Properties.Select(p => p.Name));
                    var message = $"'{spec.Name}' has no property '{property.Name}'" + (close is null ? "" : $"; did you mean '{close}'?");
                    var strict = _hosts.FirstOrDefault(h => h.RejectsUnknownProperties);
                    if (strict is not null)
                    {
                        Report(DiagnosticDescriptors.TemplateSchemaId, property.NameStart, property.NameLength, message + $" ({strict.Name} rejects unknown properties)", close);
                    }
                    else
                    {
                        Warn(DiagnosticDescriptors.TemplateSchemaId, property.NameStart, property.NameLength, message + " (renderers ignore it)", close);
                    }
                }
                else
                {
                    CheckProperty(spec, propertySpec, property, repeated);
                }
            }

            if (property.Name.StartsWith("$", System.StringComparison.Ordinal) && property.Name != "$schema" && !free)
            {
                Report(DiagnosticDescriptors.TemplateUnsupportedId, property.NameStart, property.NameLength, $"the keyword '{property.Name}'");
                continue;
            }

            var expect = property.Value.Kind == JsonKind.Array ? Expect.Free : ObjectOf(propertySpec);
            EmitValue(property.Value, property.Name, expect, propertySpec, scope, repeated);
        }

        if (spec is not null)
        {
            foreach (var required in spec.Properties.Where(p => p.IsRequired))
            {
                if (node.Find(required.Name) is null && !required.Aliases.Any(a => node.Find(a) is not null) && required.Name != "type")
                {
                    var at = node.Find("type")?.Value ?? node;
                    Report(DiagnosticDescriptors.TemplateRequiredId, at.Start, at == node ? 1 : at.Length, $"'{spec.Name}' needs the property '{required.Name}'");
                }
            }
        }

        _out.Line("writer.WriteEndObject();");
    }

    private void CheckProperty(CardTypeSpec owner, PropertySpec spec, JsonProperty property, bool repeated)
    {
        if (spec.Since > _version)
        {
            ReportNewer(spec.Since, property.NameStart, property.NameLength, $"'{owner.Name}.{spec.Name}'");
        }

        var value = property.Value;
        if (value.Kind != JsonKind.String || TemplateString.HasBinding(value.Text))
        {
            return;
        }

        if (spec.Kind == PropertyKind.Enum && spec.EnumType is not null && SchemaCatalog.TryGetEnum(spec.EnumType, out var enumSpec))
        {
            if (!enumSpec.TryGetValue(value.Text, out var enumValue))
            {
                if (!enumSpec.IsHostExtensible)
                {
                    var close = Suggest(value.Text, enumSpec.Values.Select(v => v.Name));
                    Report(DiagnosticDescriptors.TemplateEnumId, value.Start, value.Length, $"'{value.Text}' is not a value of {owner.Name}.{spec.Name} ({string.Join(", ", enumSpec.Values.Select(v => v.Name))})", close);
                }
            }
            else if (enumValue.Since > _version)
            {
                ReportNewer(enumValue.Since, value.Start, value.Length, $"'{enumValue.Name}' of {owner.Name}.{spec.Name}");
            }
        }

        if (spec.Name == "id")
        {
            if (repeated)
            {
                Report(DiagnosticDescriptors.TemplateDuplicateIdId, value.Start, value.Length, $"the id '{value.Text}' is written once for every item of a \"$data\" collection; bind it, for example \"{value.Text}${{$index}}\"");
            }
            else if (_ids.ContainsKey(value.Text))
            {
                Report(DiagnosticDescriptors.TemplateDuplicateIdId, value.Start, value.Length, $"the id '{value.Text}' is used twice in the card");
            }
            else
            {
                _ids.Add(value.Text, value.Start);
            }
        }
    }

    /// <summary>Writes a string value: literal, one binding written with its own JSON type, or text with bindings in it.</summary>
    private void EmitString(JsonNode node, string? name, Scope scope)
    {
        var prefix = name is null ? "" : $"writer.WritePropertyName({Name(name)}); ";
        if (!TemplateString.HasBinding(node.Text))
        {
            _out.Line(prefix + $"writer.WriteStringValue({Literal(node.Text)});");
            return;
        }

        var pieces = Split(node);
        if (pieces is null)
        {
            return;
        }

        if (pieces.Count == 1 && pieces[0].Expression is { } single)
        {
            var value = Compile(single, node, scope);
            var local = Local("v");
            switch (value.Type)
            {
                case ExprType.String when value.Appender is { } appender:
                    // An enum's name or a formatted date: put together in the stack buffer rather than made a string.
                    _out.Line($"{{ var {local} = new {TextBuilder}({TextBuffer()}); if ({local}.{appender}) {{ {prefix}writer.WriteStringValue({local}.Written); }} {local}.Dispose(); }}");
                    return;
                case ExprType.String:
                    _out.Line($"{{ var {local} = {value.Code}; if ({local} != null) {{ {prefix}writer.WriteStringValue({local}); }} }}");
                    return;
                case ExprType.Number:
                    _out.Line($"{{ var {local} = {value.Code}; if ({local} != null) {{ {prefix}{F}WriteNumber(writer, {local}.Value); }} }}");
                    return;
                case ExprType.Boolean:
                    _out.Line($"{{ var {local} = (bool?)({value.Code}); if ({local} != null) {{ {prefix}writer.WriteBooleanValue({local}.Value); }} }}");
                    return;
                case ExprType.Null:
                    return;
                case ExprType.Error:
                    return;
                case ExprType.Json:
                    _out.Line($"{{ var {local} = {value.Code}; if ({F}Exists({local})) {{ {prefix}{local}.GetValueOrDefault().WriteTo(writer); }} }}");
                    return;
                default:
                    // An object or a collection written whole, as the engine writes the data it is given.
                    if (value.Constant is { } inline)
                    {
                        EmitValue(inline, name, Expect.Free, null, scope, repeated: false);
                        return;
                    }

                    var span = node.SpanOf(single.Start, single.Length);
                    if (!CanWriteWhole(value.Shape!, span.Start, span.Length, new HashSet<string>(System.StringComparer.Ordinal)))
                    {
                        return;
                    }

                    EmitData(_out, value.Code, value.Shape!, name, item: false);
                    return;
            }
        }

        // Text with bindings in it is put together in a stack buffer and written from there: no strings are made.
        var text = Local("t");
        var lines = new List<string> { $"var {text} = new {TextBuilder}({TextBuffer()});" };
        foreach (var piece in pieces)
        {
            if (piece.Literal is not null)
            {
                lines.Add($"{text}.Append({Literal(piece.Literal)});");
                continue;
            }

            var value = Compile(piece.Expression!, node, scope);
            var append = value.Type switch
            {
                ExprType.String => value.Appender ?? $"Append({value.Code})",
                ExprType.Number or ExprType.Boolean => $"Append({value.Code})",
                ExprType.Json => $"Append({F}Text({value.Code}))",
                ExprType.Null => null,
                _ => AsText(value, piece.Expression!, node) is null ? null : "",
            };
            if (!string.IsNullOrEmpty(append))
            {
                // A value that is not there keeps its binding's text, as the templating engine writes an undefined one.
                lines.Add($"if (!{text}.{append}) {text}.Append({Literal(node.Text.Substring(piece.Start, piece.Length))});");
            }
        }

        lines.Add(prefix + $"writer.WriteStringValue({text}.Written);");
        lines.Add($"{text}.Dispose();");
        _out.Line("{");
        foreach (var line in lines)
        {
            _out.Line(line);
        }

        _out.Line("}");
    }

    private const string TextBuilder = "global::CardGen.Templates.TemplateText";

    /// <summary>The stack buffer texts are put together in, declared once at the top of the writer when used.</summary>
    private string TextBuffer()
    {
        _usesTextBuffer = true;
        return TextBufferName;
    }

    private List<StringPiece>? Split(JsonNode node)
    {
        var pieces = TemplateString.Split(node.Text, out var error, out var errorAt);
        if (pieces is null)
        {
            var (start, length) = node.SpanOf(errorAt, 1);
            Report(DiagnosticDescriptors.TemplateSyntaxId, start, length, $"the binding is not a valid expression: {error}");
        }

        return pieces;
    }

    /// <summary>A string value that must be exactly one binding (<c>$data</c>, <c>$when</c>), compiled.</summary>
    private TemplateValue CompileWhole(JsonNode node, Scope scope)
    {
        if (node.Kind != JsonKind.String || !TemplateString.HasBinding(node.Text))
        {
            Report(DiagnosticDescriptors.TemplateUnsupportedId, node.Start, node.Length, "inline data (a literal where a \"${…}\" binding belongs): the type's members are the card's data");
            return TemplateValue.Error;
        }

        var pieces = Split(node);
        if (pieces is null)
        {
            return TemplateValue.Error;
        }

        if (pieces.Count != 1 || pieces[0].Expression is null)
        {
            return new TemplateValue("\"\"", ExprType.String);
        }

        return Compile(pieces[0].Expression!, node, scope);
    }

    private string? AsText(TemplateValue value, Expr expr, JsonNode node)
    {
        switch (value.Type)
        {
            case ExprType.String: return value.Code;
            case ExprType.Number:
            case ExprType.Boolean:
                return $"{F}Text({value.Code})";
            case ExprType.Null: return "\"\"";
            case ExprType.Json: return $"{F}Text({value.Code})";
            case ExprType.Error: return null;
            default:
                var (start, length) = node.SpanOf(expr.Start, expr.Length);
                Report(DiagnosticDescriptors.TemplateUnsupportedId, start, length, $"writing {value.TypeName} into text (bind its members instead)");
                return null;
        }
    }

    internal static string Literal(string text) => CSharpText.Literal(text);

    /// <summary>The closest candidate by edit distance, when one is close enough to be a likely typo.</summary>
    internal static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= System.Math.Max(1, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
