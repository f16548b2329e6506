using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CardGen.Generator.Diagnostics;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;

namespace CardGen.Generator.Templates;

/// <summary>What compiling a template came to: the writer's body (none when there is an error) and every problem found.</summary>
/// <param name="Body">The statements of <c>CardGenTemplateWrite(writer, r0)</c>, or null.</param>
/// <param name="Names">The property names the body writes, by index (<c>CardGenTemplateNames.N{i}</c>).</param>
/// <param name="Diagnostics">Problems, in the order found.</param>
internal sealed record TemplateCompilation(string? Body, EquatableArray<string> Names, EquatableArray<TemplateDiagnostic> Diagnostics);

/// <summary>
/// Compiles an Adaptive Card template against the data type's shape: checks the card against the schema catalog and
/// the host profiles, binds every <c>${…}</c> to members, and writes straight-line <c>Utf8JsonWriter</c> code. Nothing
/// is evaluated at run time but the compiled C#: no expression engine, no reflection.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private const string F = "global::CardGen.Templates.TemplateFunctions.";

    private readonly string _text;
    private readonly DataShape _root;
    private readonly IReadOnlyList<HostProfile> _hosts;
    private readonly List<TemplateDiagnostic> _diagnostics = new();
    private readonly SourceWriter _out = new();
    private readonly Dictionary<string, int> _names = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ids = new(System.StringComparer.Ordinal);
    private CardVersion _version = CardVersion.Latest;
    private int _locals;
    private bool _usesTextBuffer;

    private const string TextBufferName = "cardGenText";

    private TemplateCompiler(string text, DataShape root, IReadOnlyList<HostProfile> hosts)
    {
        _text = text;
        _root = root;
        _hosts = hosts;
    }

    /// <summary>Compiles <paramref name="text"/> for data of shape <paramref name="root"/>, checked for each of <paramref name="hosts"/>.</summary>
    public static TemplateCompilation Compile(string text, DataShape root, IReadOnlyList<HostProfile> hosts, System.Threading.CancellationToken cancellationToken)
    {
        var compiler = new TemplateCompiler(text, root, hosts);
        var json = TemplateJsonReader.Read(text, out var error, out var errorAt);
        if (json is null)
        {
            compiler.Report(DiagnosticDescriptors.TemplateSyntaxId, errorAt, 1, $"the template is not valid JSON: {error}");
        }
        else if (json.Kind != JsonKind.Object)
        {
            compiler.Report(DiagnosticDescriptors.TemplateSchemaId, json.Start, 1, "a card template must be a JSON object with \"type\": \"AdaptiveCard\"");
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            compiler.CompileCard(json);
        }

        var failed = compiler._diagnostics.Any(d => !d.IsWarning);
        return new TemplateCompilation(
            failed ? null : (compiler._usesTextBuffer ? $"global::System.Span<char> {TextBufferName} = stackalloc char[256];\n" : "") + compiler._out.Complete() + compiler._dataWriters.Complete(),
            compiler._names.OrderBy(p => p.Value).Select(p => p.Key).ToEquatableArray(),
            compiler._diagnostics.ToEquatableArray());
    }

    private void Report(string id, int start, int length, string message, string? suggestion = null, string? missing = null, string? missingType = null)
        => _diagnostics.Add(new TemplateDiagnostic(id, start, System.Math.Max(length, 1), message, suggestion, missing, missingType));

    private void Warn(string id, int start, int length, string message, string? suggestion = null)
        => _diagnostics.Add(new TemplateDiagnostic(id, start, System.Math.Max(length, 1), message, suggestion, IsWarning: true));

    /// <summary>
    /// A feature newer than the card's declared version: an error where a host of the card does not render it (the
    /// host drops it), else a warning (it renders, though the card claims an older version), as the validator's
    /// CV030 and CV031 have it.
    /// </summary>
    private void ReportNewer(CardVersion since, int start, int length, string what)
    {
        var tooOld = _hosts.FirstOrDefault(h => since > h.MaxVersion);
        if (tooOld is not null)
        {
            Report(DiagnosticDescriptors.TemplateVersionId, start, length, $"{what} needs Adaptive Cards {since}, newer than {tooOld.Name} renders ({tooOld.MaxVersion})");
        }
        else
        {
            Warn(DiagnosticDescriptors.TemplateVersionId, start, length, $"{what} needs Adaptive Cards {since}, newer than the card's version {_version}");
        }
    }

    private string Name(string name)
    {
        if (!_names.TryGetValue(name, out var index))
        {
            index = _names.Count;
            _names.Add(name, index);
        }

        return "CardGenTemplateNames.N" + index.ToString(CultureInfo.InvariantCulture);
    }

    private string Local(string prefix) => prefix + (_locals++).ToString(CultureInfo.InvariantCulture);

    private void CompileCard(JsonNode card)
    {
        var type = card.Find("type");
        if (type is null || type.Value.Kind != JsonKind.String || type.Value.Text != SchemaCatalog.AdaptiveCardType)
        {
            Report(DiagnosticDescriptors.TemplateSchemaId, type?.Value.Start ?? card.Start, type?.Value.Length ?? 1, "a card template must have \"type\": \"AdaptiveCard\"");
            return;
        }

        var version = card.Find("version");
        if (version is null)
        {
            Report(DiagnosticDescriptors.TemplateRequiredId, type.Value.Start, type.Value.Length, "the card has no \"version\"; write the schema version it is designed for, for example \"1.3\"");
        }
        else if (version.Value.Kind != JsonKind.String || !CardTargets.IsKnownVersion(version.Value.Text, out _version))
        {
            Report(DiagnosticDescriptors.TemplateEnumId, version.Value.Start, version.Value.Length, $"'{version.Value.Text}' is not an Adaptive Cards version (1.0 to {CardVersion.Latest})");
            _version = CardVersion.Latest;
        }
        else
        {
            foreach (var host in _hosts)
            {
                if (_version > host.MaxVersion)
                {
                    Report(DiagnosticDescriptors.TemplateVersionId, version.Value.Start, version.Value.Length, $"the card's version {_version} is newer than {host.Name} renders ({host.MaxVersion})");
                }
            }
        }

        var scope = new Scope("r0", new TemplateValue("r0", ExprType.Object, _root), null, null);
        if (card.Find("$data") is { } data)
        {
            scope = CardData(data, scope);
        }

        if (card.Find("$when") is { } when)
        {
            Report(DiagnosticDescriptors.TemplateUnsupportedId, when.NameStart, when.NameLength, "\"$when\" on the card itself: a card is always written");
        }

        EmitObjectBody(card, SchemaCatalog.Card, scope, repeated: false);
    }

    /// <summary>
    /// The data of the card itself: inline data (a literal object, as the Designer's sample data can be written into
    /// the card) or a binding to an object; <c>$root</c> stays the card's members, as in the engine. An array, which
    /// would make the template write one card per item, is not a card.
    /// </summary>
    private Scope CardData(JsonProperty data, Scope scope)
    {
        var value = DataValue(data.Value, scope);
        if (value.Type == ExprType.Error)
        {
            return scope;
        }

        if (value.Type is ExprType.Collection or ExprType.Json)
        {
            Report(DiagnosticDescriptors.TemplateUnsupportedId, data.Value.Start, data.Value.Length, $"\"$data\" on the card itself bound to {value.TypeName}: the template would write one card per item (or one of unknown shape), not a card");
            return scope;
        }

        if (value.Constant is not null)
        {
            return new Scope(scope.Root, value, null, scope);
        }

        if (value.Type != ExprType.Object)
        {
            Report(DiagnosticDescriptors.TemplateDataId, data.Value.Start, data.Value.Length, $"\"$data\" binds {value.TypeName}; it must bind an object (the card's data)");
            return scope;
        }

        var local = Local("d");
        _out.Line($"var {local} = {value.Code};");
        return new Scope(scope.Root, new TemplateValue(local, ExprType.Object, value.Shape), null, scope);
    }

    /// <summary>Where names are looked up: the data in scope, <c>$index</c> when inside a repeated item, and lambda parameters.</summary>
    private sealed class Scope
    {
        public Scope(string root, TemplateValue data, string? index, Scope? parent)
        {
            Root = root;
            Data = data;
            Index = index;
            Parent = parent;
        }

        public string Root { get; }

        public TemplateValue Data { get; }

        public string? Index { get; }

        public Scope? Parent { get; }

        public Dictionary<string, TemplateValue> Parameters { get; } = new(System.StringComparer.Ordinal);

        public string? FindIndex() => Index ?? Parent?.FindIndex();

        public bool TryParameter(string name, out TemplateValue value)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope.Parameters.TryGetValue(name, out value))
                {
                    return true;
                }
            }

            value = default;
            return false;
        }
    }
}
