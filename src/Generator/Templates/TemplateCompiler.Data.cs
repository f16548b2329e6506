using System.Collections.Generic;
using System.Globalization;
using CardGen.Generator.Diagnostics;

namespace CardGen.Generator.Templates;

/// <summary>
/// Writing an object or a collection of the data whole (<c>"pages": "${Pages}"</c>), as the templating engine writes
/// the data it is given: each object type gets one static local function that writes its members by their JSON names,
/// collections are written item by item, and nulls inside objects are left out.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private readonly SourceWriter _dataWriters = new();
    private readonly Dictionary<string, string> _dataWriterNames = new(System.StringComparer.Ordinal);

    /// <summary>Whether every member reachable from <paramref name="shape"/> can be written; reports the first that cannot.</summary>
    private bool CanWriteWhole(DataShape shape, int start, int length, HashSet<string> seen)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Unsupported:
                Report(DiagnosticDescriptors.TemplateUnsupportedId, start, length, $"writing '{Display(shape.Type)}' whole (a template writes strings, numbers, booleans, dates, URIs, enums, objects and collections)");
                return false;
            case ShapeKind.Collection:
                return CanWriteWhole(shape.Element!, start, length, seen);
            case ShapeKind.Recursive:
                if (FindShape(_root, ObjectType(shape)) is not { } full)
                {
                    Report(DiagnosticDescriptors.TemplateUnsupportedId, start, length, $"writing '{Display(shape.Type)}' whole: it nests deeper than a compiled template follows");
                    return false;
                }

                return CanWriteWhole(full, start, length, seen);
            case ShapeKind.Object:
                if (!seen.Add(ObjectType(shape)))
                {
                    return true;
                }

                foreach (var member in shape.Members)
                {
                    if (member.Shape.Kind == ShapeKind.Unsupported)
                    {
                        Report(DiagnosticDescriptors.TemplateUnsupportedId, start, length, $"writing '{Display(shape.Type)}' whole: its member '{member.Name}' of type '{Display(member.Shape.Type)}' cannot be written (a template writes strings, numbers, booleans, dates, URIs, enums, objects and collections)");
                        return false;
                    }

                    if (!CanWriteWhole(member.Shape, start, length, seen))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Writes the data value <paramref name="code"/>: as a property named <paramref name="name"/> (left out when null),
    /// or as an array item (<paramref name="item"/>; null written as null).
    /// </summary>
    private void EmitData(SourceWriter w, string code, DataShape shape, string? name, bool item)
    {
        var prefix = name is null ? "" : $"writer.WritePropertyName({Name(name)}); ";
        var orNull = item ? " else { writer.WriteNullValue(); }" : "";
        var v = Local("w");
        switch (shape.Kind)
        {
            case ShapeKind.String:
                w.Line($"{{ var {v} = {code}; if ({v} != null) {{ {prefix}writer.WriteStringValue({v}); }}{orNull} }}");
                return;
            case ShapeKind.Text:
                w.Line($"{{ var {v} = {F}Text((object?)({code})); if ({v} != null) {{ {prefix}writer.WriteStringValue({v}); }}{orNull} }}");
                return;
            case ShapeKind.Number:
                w.Line($"{{ var {v} = (double?)({code}); if ({v} != null) {{ {prefix}{F}WriteNumber(writer, {v}.Value); }}{orNull} }}");
                return;
            case ShapeKind.Boolean:
                w.Line($"{{ var {v} = (bool?)({code}); if ({v} != null) {{ {prefix}writer.WriteBooleanValue({v}.Value); }}{orNull} }}");
                return;
            case ShapeKind.Collection:
                {
                    var e = Local("e");
                    w.Line($"{{ if ({code} is {{ }} {v}) {{ {prefix}writer.WriteStartArray(); foreach (var {e} in {v}) {{");
                    EmitData(w, e, shape.Element!, null, item: true);
                    w.Line($"}} writer.WriteEndArray(); }}{orNull} }}");
                    return;
                }

            case ShapeKind.Object:
            case ShapeKind.Recursive:
                {
                    var function = DataWriter(shape);
                    w.Line($"{{ if ({code} is {{ }} {v}) {{ {prefix}{function}(writer, {v}); }}{orNull} }}");
                    return;
                }

            default:
                return;
        }
    }

    /// <summary>The static local function that writes an object of <paramref name="shape"/>'s type, written the first time it is asked for.</summary>
    private string DataWriter(DataShape shape)
    {
        var type = ObjectType(shape);
        if (_dataWriterNames.TryGetValue(type, out var function))
        {
            return function;
        }

        function = "CardGenWriteData" + _dataWriterNames.Count.ToString(CultureInfo.InvariantCulture);
        _dataWriterNames.Add(type, function);
        var full = shape.Kind == ShapeKind.Recursive ? FindShape(_root, type)! : shape;
        var body = new SourceWriter();
        body.Line($"static void {function}(global::System.Text.Json.Utf8JsonWriter writer, {type} value)");
        body.Line("{");
        body.Line("writer.WriteStartObject();");
        foreach (var member in full.Members)
        {
            EmitData(body, "value.@" + member.Name, member.Shape, member.JsonName, item: false);
        }

        body.Line("writer.WriteEndObject();");
        body.Line("}");
        _dataWriters.Line(body.Complete().TrimEnd('\n'));
        return function;
    }

    /// <summary>The C# type of an object shape without its nullable mark: what its writer takes.</summary>
    private static string ObjectType(DataShape shape)
        => shape.IsNullableValue && shape.Type.EndsWith("?", System.StringComparison.Ordinal) ? shape.Type.Substring(0, shape.Type.Length - 1) : shape.Type;

    /// <summary>The full description of an object type that is <see cref="ShapeKind.Recursive"/> where it is met again.</summary>
    private static DataShape? FindShape(DataShape shape, string type)
    {
        if (shape.Kind == ShapeKind.Object && ObjectType(shape) == type)
        {
            return shape;
        }

        if (shape.Element is { } element && FindShape(element, type) is { } inElement)
        {
            return inElement;
        }

        foreach (var member in shape.Members)
        {
            if (FindShape(member.Shape, type) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Display(string type) => type.StartsWith("global::", System.StringComparison.Ordinal) ? type.Substring(8) : type;
}
