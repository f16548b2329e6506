using System.Linq;
using CardGen.Generator.Models;
using static CardGen.Generator.CardGenerator.Emitter;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>Writes a card's typed <c>CardBuilder</c>: a <c>With</c> step per member the card reads, over its values struct.</summary>
    internal static class BuilderEmitter
    {
        public static void Emit(SourceWriter w, CardTypeModel model)
        {
            Doc(w, $"Builds the card of a <see cref=\"{model.Name}\"/> step by step, with further elements and actions.");
            w.Line(GeneratedCode);
            using (w.Block("public sealed class CardBuilder : global::CardGen.ChatCardBuilder<CardBuilder>"))
            {
                w.Line("private CardGenValues _values;");
                w.Line();
                w.Line("internal CardBuilder() { }");
                w.Line();
                w.Line($"internal CardBuilder({model.Name} source) => _values = new CardGenValues(source);");
                foreach (var member in UsedMembers(model).Where(m => m.TypeAccess != TypeAccess.None))
                {
                    // A step for a member of an internal type is internal too; one of a private type cannot be offered.
                    w.Line();
                    w.Line($"/// <summary>Sets <c>{member.Name}</c>.</summary>");
                    w.Line($"{(member.TypeAccess == TypeAccess.Public ? "public" : "internal")} CardBuilder With{member.Name}({member.Type} value) {{ _values.{Id(member.Name)} = value; return this; }}");
                }

                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override {Cards}.AdaptiveCard RenderCard() => {Runtime}.ToAdaptiveCard(_values);");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override global::CardGen.WebhookMessage CreateMessage({Cards}.AdaptiveCard card) => {Runtime}.ToWebhookMessage(_values, card);");
            }

            w.Line();
        }
    }
}
