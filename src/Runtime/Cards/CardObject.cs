using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>
/// The base of every object in a card. Keeps the properties CardGen does not model (host extensions such as
/// <c>msteams</c>, renderer-only properties, values of the wrong shape) so that nothing is lost in a round trip, and
/// which modelled properties were set explicitly, so that a default the input spelled out is written back.
/// </summary>
public abstract class CardObject
{
    /// <summary>Above this many properties, repeated names are found with a dictionary instead of by comparing pairs.</summary>
    private const int PairwiseLimit = 32;

    /// <summary>
    /// Properties read from JSON that the model does not map, in the order read; written back unchanged after the
    /// modelled properties. <see langword="null"/> when there are none.
    /// </summary>
    /// <remarks>A value of the wrong shape (for example <c>"wrap": "yes"</c>) lands here too, so the validator can report it.</remarks>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The JSON names (for example <c>"imageSize"</c>) of modelled properties that are written even when they hold
    /// their default value or an empty collection. <see langword="null"/> when there are none.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The reader records here every modelled property the input set, so a card read from JSON writes back the
    /// values and the forms it was given: <c>"imageSize": "medium"</c> stays although it is the schema's default
    /// (the official .NET renderer's default is <c>auto</c>), <c>"actions": []</c> stays, and a TextRun written as an
    /// object stays an object. A card built in code leaves this <see langword="null"/> and is written compactly,
    /// without defaults.
    /// </para>
    /// <para>
    /// Add a name to write a default on purpose, for hosts whose renderer defaults differ from the schema's
    /// (docs/card-json.md lists them). Names the object does not model are ignored.
    /// </para>
    /// </remarks>
    public ISet<string>? ExplicitProperties { get; set; }

    /// <summary>Writes this object as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    internal abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>Reads one JSON property into the model.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The property's value.</param>
    /// <returns><see langword="false"/> when the model does not map the property or the value has the wrong shape.</returns>
    internal abstract bool ReadProperty(string name, JsonElement value);

    /// <summary>The name a property read as <paramref name="name"/> is written under (a type with an alias maps it).</summary>
    /// <param name="name">The name as read.</param>
    /// <returns>The name written.</returns>
    internal virtual string WrittenName(string name) => name;

    /// <summary>Whether the property is written even when it holds its default (see <see cref="ExplicitProperties"/>).</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>Whether <see cref="ExplicitProperties"/> holds it.</returns>
    internal bool IsExplicit(JsonEncodedText name) => ExplicitProperties is { Count: > 0 } set && set.Contains(name.Value);

    /// <summary>
    /// Whether the object was read from JSON. A required collection the input left out is then left out when written
    /// (the validator reports it on the model as on the JSON); one built in code is written empty.
    /// </summary>
    internal bool WasRead { get; private set; }

    /// <summary>Whether an empty collection is written: when it was set explicitly, or is required on an object built in code.</summary>
    /// <param name="name">The JSON name.</param>
    /// <param name="required">Whether the schema requires the property.</param>
    /// <returns>Whether to write it empty.</returns>
    internal bool WritesEmpty(JsonEncodedText name, bool required) => IsExplicit(name) || (required && !WasRead);

    /// <summary>Whether any modelled property was set explicitly, so a shorthand form would lose it.</summary>
    private protected bool HasExplicitProperties => ExplicitProperties is { Count: > 0 };

    /// <summary>
    /// Reads <paramref name="json"/> into a new <typeparamref name="T"/>; what the model does not map is kept. Of two
    /// properties with one name the last is read, as renderers do (JSON.parse in JavaScript, Json.NET in the .NET model).
    /// </summary>
    /// <typeparam name="T">The model class.</typeparam>
    /// <param name="json">A JSON object.</param>
    /// <param name="skipType">Whether <c>type</c> is the discriminator that chose this class (and is not to be kept).</param>
    /// <returns>The object read.</returns>
    internal static T Read<T>(JsonElement json, bool skipType)
        where T : CardObject, new()
    {
        var target = new T();
        if (!target.TryReadOnce(json, skipType))
        {
            target = new T();
            target.ReadKeepingLast(json, skipType);
        }

        return target;
    }

    /// <summary>
    /// Reads every property of <paramref name="json"/> in one pass, the common case. Stops and returns
    /// <see langword="false"/> at a name read before, leaving the object half read: the caller then reads a new one
    /// with <see cref="ReadKeepingLast"/>.
    /// </summary>
    /// <param name="json">A JSON object.</param>
    /// <param name="skipType">Whether <c>type</c> is the discriminator that chose this class (and is not to be kept).</param>
    /// <returns>Whether every name was read once.</returns>
    internal bool TryReadOnce(JsonElement json, bool skipType)
    {
        WasRead = true;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (skipType && name == "type")
            {
                continue;
            }

            var written = WrittenName(name);
            if ((ExplicitProperties is { } read && read.Contains(written)) || HasAdditional(name))
            {
                return false;
            }

            if (ReadProperty(name, property.Value))
            {
                ExplicitProperties ??= new PropertyNameSet();
                ExplicitProperties.Add(written);
            }
            else
            {
                AdditionalProperties ??= new Dictionary<string, JsonElement>();
                AdditionalProperties[name] = property.Value.Clone();
            }
        }

        return true;
    }

    /// <summary>Reads every property of <paramref name="json"/>, skipping each that a later one of the same name replaces.</summary>
    /// <param name="json">A JSON object.</param>
    /// <param name="skipType">Whether <c>type</c> is the discriminator that chose this class (and is not to be kept).</param>
    internal void ReadKeepingLast(JsonElement json, bool skipType)
    {
        WasRead = true;
        var count = 0;
        foreach (var _ in json.EnumerateObject())
        {
            count++;
        }

        if (count == 0)
        {
            return;
        }

        var names = ArrayPool<string>.Shared.Rent(count);
        var values = ArrayPool<JsonElement>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var property in json.EnumerateObject())
            {
                names[n] = property.Name;
                values[n++] = property.Value;
            }

            var lastIndex = count > PairwiseLimit ? LastIndexByName(names, count) : null;
            for (var i = 0; i < count; i++)
            {
                var name = names[i];
                if ((skipType && name == "type") || IsRepeatedLater(names, count, i, lastIndex))
                {
                    continue;
                }

                if (ReadProperty(name, values[i]))
                {
                    ExplicitProperties ??= new PropertyNameSet();
                    ExplicitProperties.Add(WrittenName(name));
                }
                else
                {
                    AdditionalProperties ??= new Dictionary<string, JsonElement>();
                    AdditionalProperties[name] = values[i].Clone();
                }
            }
        }
        finally
        {
            Array.Clear(names, 0, count);
            Array.Clear(values, 0, count);
            ArrayPool<string>.Shared.Return(names);
            ArrayPool<JsonElement>.Shared.Return(values);
        }
    }

    /// <summary>Whether a property of that name was kept raw (so the modelled value must not be written too).</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>Whether <see cref="AdditionalProperties"/> holds it.</returns>
    private protected bool HasAdditional(string name) => AdditionalProperties is { Count: > 0 } extra && extra.ContainsKey(name);

    /// <summary>Writes <see cref="AdditionalProperties"/>.</summary>
    /// <param name="writer">The writer.</param>
    private protected void WriteAdditionalProperties(Utf8JsonWriter writer)
    {
        if (AdditionalProperties is { Count: > 0 } extra)
        {
            foreach (var pair in extra)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }
    }

    /// <summary>Serializes this object to compact JSON text.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => CardJson.ToJsonString(this);

    private static Dictionary<string, int> LastIndexByName(string[] names, int count)
    {
        var last = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            last[names[i]] = i;
        }

        return last;
    }

    private static bool IsRepeatedLater(string[] names, int count, int i, Dictionary<string, int>? lastIndex)
    {
        if (lastIndex is not null)
        {
            return lastIndex[names[i]] != i;
        }

        for (var j = i + 1; j < count; j++)
        {
            if (string.Equals(names[i], names[j], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
