using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CardGen.Schema;

namespace CardGen.Json;

/// <summary>Maps a model enum to the catalog's JSON spellings without reflection or boxing.</summary>
/// <typeparam name="T">The model enum; its members are declared in the catalog enum's order.</typeparam>
internal sealed class EnumMap<T>
    where T : struct, Enum
{
    private readonly JsonEncodedText[] _names;
    private readonly Dictionary<string, T> _byName;
    private readonly Func<T, int> _toIndex;

    public EnumMap(string catalogEnum, Func<T, int> toIndex, Func<int, T> fromIndex)
    {
        Spec = SchemaCatalog.GetEnum(catalogEnum);
        _toIndex = toIndex;
        _names = new JsonEncodedText[Spec.Values.Count];
        _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _names.Length; i++)
        {
            _names[i] = JsonEncodedText.Encode(Spec.Values[i].Name);
            _byName.Add(Spec.Values[i].Name, fromIndex(i));
        }
    }

    public EnumSpec Spec { get; }

    // Every model enum is int-backed with members 0..n-1 in catalog order (a test checks both), so the value is the
    // index; reading it through Unsafe.As avoids a delegate call per written value on the hot path.
    public JsonEncodedText Name(T value) => _names[Unsafe.As<T, int>(ref value)];

    public string NameString(T value) => Spec.Values[_toIndex(value)].Name;

    public bool TryParse(string text, out T value) => _byName.TryGetValue(text, out value);
}
