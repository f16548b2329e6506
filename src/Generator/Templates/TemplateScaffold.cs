using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CardGen.Generator.Templates;

/// <summary>
/// Derives C# types from a template's sample data (a <c>*.data.json</c> the Designer saves beside it): one class per
/// JSON object shape, a property per key (PascalCase; a binding matches it without regard to case), <c>string?</c>,
/// <c>double?</c>, <c>bool?</c>, nested classes and <c>List&lt;T&gt;</c>. Used by <c>cardgen template scaffold</c>
/// and by the conformance tests, so both make the same types.
/// </summary>
internal sealed class TemplateScaffold
{
    private readonly List<ClassShape> _classes = new();
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);

    private TemplateScaffold()
    {
    }

    /// <summary>The kind of a derived member.</summary>
    private enum Kind
    {
        Null,
        String,
        Number,
        Boolean,
        Object,
        List,
        Mixed,
    }

    private sealed class TypeShape
    {
        public Kind Kind { get; set; }

        public ClassShape? Class { get; set; }

        public TypeShape? Element { get; set; }
    }

    private sealed class ClassShape
    {
        public ClassShape(string name) => Name = name;

        public string Name { get; }

        public List<(string Key, string Member, TypeShape Type)> Members { get; } = new();
    }

    /// <summary>The C# declarations for data of the given JSON, the root class <c>partial</c> with <c>[ChatCard(Template = …)]</c>.</summary>
    /// <param name="dataJson">The sample data.</param>
    /// <param name="rootName">The card type's name.</param>
    /// <param name="templatePath">The template's path, as the attribute will name it.</param>
    /// <param name="host">The <c>ChatHost</c> member to target, or null for the project default.</param>
    /// <param name="withSample">Whether to add a static <c>Sample()</c> that builds an instance holding the data.</param>
    /// <param name="error">Why the data cannot be read, when it cannot.</param>
    /// <returns>The C# source (without usings or namespace), or null.</returns>
    public static string? Generate(string dataJson, string rootName, string templatePath, string? host, bool withSample, out string? error)
    {
        var data = TemplateJsonReader.Read(dataJson, out error, out var at);
        if (data is null)
        {
            error = $"the data is not valid JSON at offset {at}: {error}";
            return null;
        }

        if (data.Kind != JsonKind.Object)
        {
            error = "the data must be a JSON object (its keys become the card type's members)";
            return null;
        }

        var scaffold = new TemplateScaffold();
        scaffold._names.Add(rootName);
        var root = new ClassShape(rootName);
        scaffold.Fill(root, new[] { data });
        var text = new StringBuilder();
        text.Append("[ChatCard(Template = ").Append(CSharpText.Literal(templatePath));
        if (host is not null)
        {
            text.Append(", Host = ChatHost.").Append(host);
        }

        text.Append(")]\n");
        WriteClass(text, root, "public partial class", withSample ? data : null);
        foreach (var nested in scaffold._classes)
        {
            text.Append('\n');
            WriteClass(text, nested, "public sealed class", null);
        }

        return text.ToString();
    }

    private void Fill(ClassShape shape, IReadOnlyList<JsonNode> objects)
    {
        var keys = new List<string>();
        foreach (var obj in objects)
        {
            foreach (var property in obj.Properties)
            {
                if (!keys.Contains(property.Name))
                {
                    keys.Add(property.Name);
                }
            }
        }

        var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { shape.Name };
        foreach (var key in keys)
        {
            var member = MemberName(key);
            if (member is null || !used.Add(member))
            {
                continue; // A key no binding can name as a member (or one that differs from another only in case).
            }

            var values = objects.Select(o => o.Find(key)?.Value).Where(v => v is not null).Select(v => v!).ToList();
            var type = Infer(values, shape.Name + member);
            if (type.Kind == Kind.Mixed)
            {
                continue;
            }

            shape.Members.Add((key, member, type));
        }
    }

    private TypeShape Infer(IReadOnlyList<JsonNode> values, string nameHint)
    {
        var kinds = values.Where(v => v.Kind != JsonKind.Null).Select(KindOf).Distinct().ToList();
        if (kinds.Count == 0)
        {
            return new TypeShape { Kind = Kind.Null };
        }

        if (kinds.Count > 1)
        {
            return new TypeShape { Kind = Kind.Mixed };
        }

        var kind = kinds[0];
        switch (kind)
        {
            case Kind.Object:
                var name = UniqueName(nameHint);
                var shape = new ClassShape(name);
                _classes.Add(shape);
                Fill(shape, values.Where(v => v.Kind == JsonKind.Object).ToList());
                return new TypeShape { Kind = Kind.Object, Class = shape };
            case Kind.List:
                var items = values.Where(v => v.Kind == JsonKind.Array).SelectMany(v => v.Items).ToList();
                var element = Infer(items, nameHint + "Item");
                return element.Kind == Kind.Mixed ? element : new TypeShape { Kind = Kind.List, Element = element };
            default:
                return new TypeShape { Kind = kind };
        }
    }

    private static Kind KindOf(JsonNode node) => node.Kind switch
    {
        JsonKind.String => Kind.String,
        JsonKind.Number => Kind.Number,
        JsonKind.True or JsonKind.False => Kind.Boolean,
        JsonKind.Object => Kind.Object,
        JsonKind.Array => Kind.List,
        _ => Kind.Null,
    };

    private string UniqueName(string hint)
    {
        var name = hint;
        for (var i = 2; !_names.Add(name); i++)
        {
            name = hint + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>A key as a C# member name: its first letter upper case; null when it cannot be one.</summary>
    internal static string? MemberName(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_') || key.Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
        {
            return null;
        }

        return char.ToUpperInvariant(key[0]) + key.Substring(1);
    }

    private static string TypeName(TypeShape type) => type.Kind switch
    {
        Kind.String or Kind.Null => "string?",
        Kind.Number => "double?",
        Kind.Boolean => "bool?",
        Kind.Object => type.Class!.Name + "?",
        _ => "List<" + TypeName(type.Element!) + ">?",
    };

    private static void WriteClass(StringBuilder text, ClassShape shape, string declaration, JsonNode? sample)
    {
        text.Append(declaration).Append(' ').Append(shape.Name).Append('\n').Append("{\n");
        foreach (var (key, member, type) in shape.Members)
        {
            if (key != char.ToLowerInvariant(member[0]) + member.Substring(1))
            {
                // A member is written whole (an object bound as a value) by its camel-case name unless it says otherwise.
                text.Append("    [global::System.Text.Json.Serialization.JsonPropertyName(").Append(CSharpText.Literal(key)).Append(")]\n");
            }

            text.Append("    public ").Append(TypeName(type)).Append(' ').Append(member).Append(" { get; set; }\n");
        }

        if (sample is not null)
        {
            text.Append("\n    public static ").Append(shape.Name).Append(" Sample() => ");
            WriteValue(text, sample, new TypeShape { Kind = Kind.Object, Class = shape }, 2);
            text.Append(";\n");
        }

        text.Append("}\n");
    }

    private static void WriteValue(StringBuilder text, JsonNode value, TypeShape type, int depth)
    {
        if (value.Kind == JsonKind.Null)
        {
            text.Append("null");
            return;
        }

        switch (type.Kind)
        {
            case Kind.String:
                text.Append(CSharpText.Literal(value.Text));
                return;
            case Kind.Number:
                text.Append(double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).Append('d');
                return;
            case Kind.Boolean:
                text.Append(value.Kind == JsonKind.True ? "true" : "false");
                return;
            case Kind.Object:
                var indent = new string(' ', depth * 4);
                text.Append("new ").Append(type.Class!.Name).Append('\n').Append(indent.Substring(4)).Append("{\n");
                foreach (var (key, member, memberType) in type.Class.Members)
                {
                    if (value.Find(key) is { } property)
                    {
                        text.Append(indent).Append(member).Append(" = ");
                        WriteValue(text, property.Value, memberType, depth + 1);
                        text.Append(",\n");
                    }
                }

                text.Append(indent.Substring(4)).Append('}');
                return;
            case Kind.List:
                text.Append("new ").Append(TypeName(type).TrimEnd('?')).Append(" { ");
                foreach (var item in value.Items)
                {
                    WriteValue(text, item, type.Element!, depth + 1);
                    text.Append(", ");
                }

                text.Append('}');
                return;
            default:
                text.Append("null");
                return;
        }
    }
}
