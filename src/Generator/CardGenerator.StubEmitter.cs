using System.Threading;
using CardGen.Generator.Models;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>
    /// Writes the stub of a type with an error (<see cref="CardTypeModel.Problem"/>): every member the generator would
    /// add, with the same signature, throwing an <see cref="System.InvalidOperationException"/> that names the error.
    /// Code that uses the members compiles, so the one error the analyzers report is the only one the user sees, and
    /// a build that lowers that error's severity fails loudly at run time rather than posting nothing.
    /// </summary>
    internal static class StubEmitter
    {
        private const string Cards = "global::CardGen.Cards";
        private const string Json = "global::System.Text.Json";
        private const string Throw = " => throw CardGenNotGenerated();";

        public static string Emit(CardTypeModel model, bool fileScoped, CancellationToken cancellationToken)
            => Frame.Write(
                model,
                $"// CardGen did not generate the members of '{model.HintName}': {model.Problem}. They throw until it is fixed.",
                fileScoped,
                w =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!model.IsPart)
                    {
                        EmitCard(w, model);
                    }

                    if (model.IsPart || model.AlsoPart)
                    {
                        EmitPart(w, model);
                    }

                    EmitNotGenerated(w, model);
                });

        /// <summary>The one factory every stub member throws from, naming the error.</summary>
        internal static void EmitNotGenerated(SourceWriter w, CardTypeModel model)
        {
            w.Line(Emitter.GeneratedCode);
            w.Line("private static global::System.InvalidOperationException CardGenNotGenerated()");
            w.Line($"    => new global::System.InvalidOperationException({Literal($"CardGen did not generate the members of '{model.HintName}': {model.Problem}. Fix it and build again.")});");
        }

        private static void EmitCard(SourceWriter w, CardTypeModel model)
        {
            Member(w, model, $"public {Cards}.AdaptiveCard ToAdaptiveCard()");
            Member(w, model, $"public void WriteCardJson({Json}.Utf8JsonWriter writer)");
            Member(w, model, "public string ToCardJson()");
            Member(w, model, "public global::CardGen.WebhookMessage ToWebhookMessage()");
            Member(w, model, "public CardBuilder ToCardBuilder()");
            Member(w, model, "public static CardBuilder CreateCardBuilder()");
            Member(w, model, "public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.WebhookUrl hook, global::System.Threading.CancellationToken cancellationToken = default)");
            Member(w, model, "public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.ChatHookClient client, global::CardGen.WebhookUrl hook, global::System.Threading.CancellationToken cancellationToken = default)");
            Member(w, model, "public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.IChatHooks hooks, string hookName, global::System.Threading.CancellationToken cancellationToken = default)");
            Member(w, model, "public global::System.Threading.Tasks.Task<global::CardGen.OutboxPostId> EnqueuePostAsync(global::CardGen.IChatHooks hooks, string hookName, global::System.Threading.CancellationToken cancellationToken = default)");

            Emitter.Doc(w, NotGenerated(model));
            w.Line(Emitter.GeneratedCode);
            using (w.Block("public sealed class CardBuilder : global::CardGen.ChatCardBuilder<CardBuilder>"))
            {
                w.Line("internal CardBuilder() { }");
                w.Line();
                w.Line($"internal CardBuilder({model.Name} source){Throw}");
                foreach (var member in model.Members)
                {
                    if (member.TypeAccess == TypeAccess.None)
                    {
                        continue; // As in the generated builder: a step for a member of a private type cannot be offered.
                    }

                    w.Line();
                    Emitter.Doc(w, NotGenerated(model));
                    w.Line($"{(member.TypeAccess == TypeAccess.Public ? "public" : "internal")} CardBuilder With{member.Name}({member.Type} value){Throw}");
                }

                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override {Cards}.AdaptiveCard RenderCard(){Throw}");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override global::CardGen.WebhookMessage CreateMessage({Cards}.AdaptiveCard card){Throw}");
            }

            w.Line();
        }

        private static void EmitPart(SourceWriter w, CardTypeModel model)
        {
            Member(w, model, $"public void AppendCardElements(global::System.Collections.Generic.IList<{Cards}.CardElement> items)");
            Member(w, model, "public bool HasCardElements");
            Member(w, model, $"public void WriteCardElements({Json}.Utf8JsonWriter writer)");
        }

        private static void Member(SourceWriter w, CardTypeModel model, string signature)
        {
            Emitter.Doc(w, NotGenerated(model));
            w.Line(Emitter.GeneratedCode);
            w.Line(signature + Throw);
            w.Line();
        }

        private static string NotGenerated(CardTypeModel model)
            => $"Not generated, because {Escape(model.Problem!)}: throws <see cref=\"System.InvalidOperationException\"/> until it is fixed.";

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
