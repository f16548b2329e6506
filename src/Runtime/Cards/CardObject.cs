using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>
/// The base of every object in a card. Keeps the properties CardGen does not model (host extensions such as
/// <c>msteams</c>, renderer-only properties, values of the wrong shape) so that nothing is lost in a round trip.
/// </summary>
public abstract class CardObject
{
    /// <summary>
    /// Properties read from JSON that the model does not map, in the order read; written back unchanged after the
    /// modelled properties. <see langword="null"/> when there are none.
    /// </summary>
    /// <remarks>A value of the wrong shape (for example <c>"wrap": "yes"</c>) lands here too, so the validator can report it.</remarks>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Writes this object as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    internal abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>Reads one JSON property into the model.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The property's value.</param>
    /// <returns><see langword="false"/> when the model does not map the property or the value has the wrong shape.</returns>
    internal abstract bool ReadProperty(string name, JsonElement value);

    /// <summary>Reads every property of <paramref name="json"/>; what the model does not map is kept.</summary>
    /// <param name="json">A JSON object.</param>
    /// <param name="skipType">Whether <c>type</c> is the discriminator that chose this class (and is not to be kept).</param>
    internal void ReadObject(JsonElement json, bool skipType)
    {
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (skipType && name == "type")
            {
                continue;
            }

            if (!ReadProperty(name, property.Value))
            {
                AdditionalProperties ??= new Dictionary<string, JsonElement>();
                AdditionalProperties[name] = property.Value.Clone();
            }
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
}
