using System.Text.Json.Serialization;
using CardGen.JiraRelay.Ci;
using CardGen.JiraRelay.Jira;

namespace CardGen.JiraRelay.Relay;

/// <summary>
/// The relay's JSON, written at compile time by the System.Text.Json source generator: no reflection, so the relay
/// publishes with Native AOT without a warning.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JiraWebhookEvent))]
[JsonSerializable(typeof(BuildNotification))]
[JsonSerializable(typeof(RelayAnswer))]
internal sealed partial class RelayJsonContext : JsonSerializerContext
{
}
