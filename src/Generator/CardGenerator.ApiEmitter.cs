using CardGen.Generator.Models;
using static CardGen.Generator.CardGenerator.Emitter;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>
    /// Writes the public members of a <c>[ChatCard]</c> or <c>[CardPart]</c> type: one line each, copying the type's
    /// values into its values struct and calling the runtime's <c>CardGen.Generated.ChatCards</c>, which documents them.
    /// <see cref="StubEmitter"/> writes the same signatures.
    /// </summary>
    internal static class ApiEmitter
    {
        private const string Values = "new CardGenValues(this)";
        private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";
        private const string Response = "global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse>";

        public static void EmitCard(SourceWriter w, CardTypeModel model)
        {
            Member(w, "/// <inheritdoc/>", $"public {Cards}.AdaptiveCard ToAdaptiveCard() => {Runtime}.ToAdaptiveCard({Values});");
            Member(w, "/// <inheritdoc/>", $"public void WriteCardJson({Json}.Utf8JsonWriter writer) => {Runtime}.WriteCardJson(writer, {Values});");
            Member(w, Summary("The card as compact JSON, as <c>WriteCardJson</c> writes it."), $"public string ToCardJson() => {Runtime}.ToCardJson({Values});");
            Member(w, "/// <inheritdoc/>", $"public global::CardGen.WebhookMessage ToWebhookMessage() => {Runtime}.ToWebhookMessage({Values});");
            Member(w, Summary("Starts a card builder with this object's values, to change and add to before <c>Build()</c>."), "public CardBuilder ToCardBuilder() => new CardBuilder(this);");
            Member(w, Summary("Starts a card builder with no values."), "public static CardBuilder CreateCardBuilder() => new CardBuilder();");
            Member(
                w,
                Summary("Validates the card for its host and posts it to the webhook with the shared client."),
                $"public {Response} PostToHookAsync(global::CardGen.WebhookUrl hook, {Token}) => PostToHookAsync(global::CardGen.ChatHookClient.Shared, hook, cancellationToken);");
            Member(
                w,
                Summary("Validates the card for its host and posts it to the webhook."),
                $"public {Response} PostToHookAsync(global::CardGen.ChatHookClient client, global::CardGen.WebhookUrl hook, {Token}) => {Runtime}.PostToHookAsync(this, {Values}, client, hook, cancellationToken);");
            Member(
                w,
                Summary("Validates the card for the named hook and posts it there."),
                $"public {Response} PostToHookAsync(global::CardGen.IChatHooks hooks, string hookName, {Token}) => {Runtime}.PostToHookAsync(this, {Values}, hooks, hookName, cancellationToken);");
            Member(
                w,
                Summary("Validates the card for the named hook and stores the post in the durable outbox."),
                $"public global::System.Threading.Tasks.Task<global::CardGen.OutboxPostId> EnqueuePostAsync(global::CardGen.IChatHooks hooks, string hookName, {Token}) => {Runtime}.EnqueuePostAsync(this, {Values}, hooks, hookName, cancellationToken);");
        }

        public static void EmitPart(SourceWriter w, CardTypeModel model)
        {
            Member(w, "/// <inheritdoc/>", $"public void AppendCardElements(global::System.Collections.Generic.IList<{Cards}.CardElement> items) => {Runtime}.AppendCardElements(items, {Values});");
            Member(w, "/// <inheritdoc/>", $"public bool HasCardElements => {Runtime}.HasCardElements({Values});");
            Member(w, "/// <inheritdoc/>", $"public void WriteCardElements({Json}.Utf8JsonWriter writer) => {Runtime}.WriteCardElements(writer, {Values});");
        }

        private static string Summary(string text) => $"/// <summary>{text}</summary>";

        private static void Member(SourceWriter w, string doc, string line)
        {
            w.Line(doc);
            w.Line(GeneratedCode);
            w.Line(line);
            w.Line();
        }
    }
}
