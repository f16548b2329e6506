using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CardGen.Generator.Models;
using CardGen.Generator.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>Turns a <see cref="CardTypeModel"/> into C#: the model path and a direct writer that produce the same JSON.</summary>
    internal static class Emitter
    {
        // Stamped with the generator's own version, so generated code says which CardGen wrote it.
        internal static readonly string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"CardGen\", \""
            + typeof(CardGenerator).Assembly.GetName().Version!.ToString(3) + "\")]";
        private const string Cards = "global::CardGen.Cards";
        private const string Json = "global::System.Text.Json";
        private const string Culture = "global::System.Globalization.CultureInfo.InvariantCulture";

        public static string Emit(CardTypeModel model, CancellationToken cancellationToken)
            => Frame.Write(model, note: null, w =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.IsPart)
                {
                    EmitPart(w, model);
                }
                else
                {
                    EmitCard(w, model);
                    if (model.AlsoPart)
                    {
                        EmitPart(w, model);
                    }
                }

                EmitValues(w, model);
            });

        internal static IEnumerable<MemberModel> UsedMembers(CardTypeModel model)
        {
            var used = new HashSet<string>(model.Items.Select(i => i.Member));
            foreach (var part in model.Title.Concat(model.Summary))
            {
                if (part.Member is { } member)
                {
                    used.Add(member);
                }
            }

            return model.Members.Where(m => used.Contains(m.Name));
        }

        private static void EmitCard(SourceWriter w, CardTypeModel model)
        {
            var version = model.Version!;
            var self = model.Name;

            Doc(w, "Builds this object's Adaptive Card.", returns: "The card, ready to validate, change or post.");
            w.Line(GeneratedCode);
            w.Line($"public {Cards}.AdaptiveCard ToAdaptiveCard() => CardGenRender(new CardGenValues(this));");
            w.Line();

            Doc(w, "Writes this object's Adaptive Card as JSON straight from its members, without building the card model; the JSON equals <c>ToAdaptiveCard().ToJson()</c>.", param: ("writer", "The writer."));
            w.Line(GeneratedCode);
            using (w.Block($"public void WriteCardJson({Json}.Utf8JsonWriter writer)"))
            {
                w.Line("if (writer == null) throw new global::System.ArgumentNullException(nameof(writer));");
                w.Line("CardGenWrite(writer, new CardGenValues(this));");
            }

            w.Line();
            Doc(w, "Serializes this object's Adaptive Card to compact JSON.", returns: "The JSON.");
            w.Line(GeneratedCode);
            using (w.Block($"public string ToCardJson()"))
            {
                w.Line("using (var stream = new global::System.IO.MemoryStream())");
                using (w.Block(string.Empty))
                {
                    w.Line($"using (var writer = new {Json}.Utf8JsonWriter(stream, {Cards}.AdaptiveCard.JsonWriterOptions))");
                    using (w.Block(string.Empty))
                    {
                        w.Line("CardGenWrite(writer, new CardGenValues(this));");
                    }

                    w.Line("return global::System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);");
                }
            }

            w.Line();
            Doc(w, "Builds the RingCentral webhook message: the title as the activity, the icon, and the card as the attachment.", returns: "The message.");
            w.Line(GeneratedCode);
            w.Line($"public global::CardGen.WebhookMessage ToWebhookMessage() => CardGenMessage(new CardGenValues(this), CardGenRender(new CardGenValues(this)), null);");
            w.Line();

            Doc(w, "Starts a card builder with this object's values; change them with the <c>With</c> steps, add elements and actions, then <c>Build()</c>.", returns: "The builder.");
            w.Line(GeneratedCode);
            w.Line($"public CardBuilder ToCardBuilder() => new CardBuilder(this);");
            w.Line();

            Doc(w, "Starts a card builder with no values; set them with the <c>With</c> steps.", returns: "The builder.");
            w.Line(GeneratedCode);
            w.Line($"public static CardBuilder CreateCardBuilder() => new CardBuilder();");
            w.Line();

            Doc(w, "Validates this object's card for its chat host and posts it to an incoming webhook with the shared client.",
                param: ("hook", "The webhook; its URL is a credential and is never logged."),
                param2: ("cancellationToken", "Cancels the post."),
                returns: "The host's answer.",
                exceptions: new[]
                {
                    ("global::CardGen.CardValidationException", "The card is invalid for its host; nothing was sent."),
                    ("global::CardGen.ChatHookException", "The host rejected the post, rate limits persisted, or the post failed."),
                });
            w.Line(GeneratedCode);
            w.Line($"public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.WebhookUrl hook, global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("    => PostToHookAsync(global::CardGen.ChatHookClient.Shared, hook, cancellationToken);");
            w.Line();

            Doc(w, "Validates this object's card for its chat host and posts it to an incoming webhook.",
                param: ("client", "The client to post with."),
                param2: ("hook", "The webhook; its URL is a credential and is never logged."),
                param3: ("cancellationToken", "Cancels the post."),
                returns: "The host's answer.",
                exceptions: new[]
                {
                    ("global::CardGen.CardValidationException", "The card is invalid for its host; nothing was sent."),
                    ("global::CardGen.ChatHookException", "The host rejected the post, rate limits persisted, or the post failed."),
                });
            w.Line(GeneratedCode);
            using (w.Block($"public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.ChatHookClient client, global::CardGen.WebhookUrl hook, global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                w.Line("if (client == null) throw new global::System.ArgumentNullException(nameof(client));");
                w.Line("if (hook == null) throw new global::System.ArgumentNullException(nameof(hook));");
                w.Line("return client.PostAsync(hook, CardGenMessage(new CardGenValues(this), null, this), cancellationToken);");
            }

            w.Line();
            Doc(w, "Validates this object's card for the named hook's chat host and posts it to that hook, written straight from its members.",
                param: ("hooks", "The configured hooks, for example the <c>IChatHooks</c> that <c>AddChatHooks</c> registers."),
                param2: ("hookName", "The hook's name, as configured."),
                param3: ("cancellationToken", "Cancels the post."),
                returns: "The host's answer.",
                exceptions: new[]
                {
                    ("global::System.ArgumentException", "No hook has that name; nothing was sent."),
                    ("global::CardGen.CardValidationException", "The card is invalid for the hook's host; nothing was sent."),
                    ("global::CardGen.ChatHookException", "The host rejected the post, rate limits persisted, or the post failed."),
                });
            w.Line(GeneratedCode);
            using (w.Block($"public global::System.Threading.Tasks.Task<global::CardGen.ChatHookResponse> PostToHookAsync(global::CardGen.IChatHooks hooks, string hookName, global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                w.Line("if (hooks == null) throw new global::System.ArgumentNullException(nameof(hooks));");
                w.Line("if (hookName == null) throw new global::System.ArgumentNullException(nameof(hookName));");
                w.Line("return hooks.PostAsync(hookName, CardGenMessage(new CardGenValues(this), null, this), cancellationToken);");
            }

            w.Line();
            Doc(w, "Validates this object's card for the named hook's chat host and stores the post in the durable outbox, which delivers it in the background (at least once).",
                param: ("hooks", "The configured hooks with an outbox, for example <c>AddChatHooks(…).UseSqliteOutbox(path)</c>."),
                param2: ("hookName", "The hook's name, as configured."),
                param3: ("cancellationToken", "Cancels the enqueue."),
                returns: "The stored post's id, once the post is committed to the outbox.",
                exceptions: new[]
                {
                    ("global::System.ArgumentException", "No hook has that name; nothing was stored."),
                    ("global::CardGen.CardValidationException", "The card is invalid for the hook's host; nothing was stored."),
                    ("global::System.InvalidOperationException", "No outbox is registered, or the outbox is full or cannot be written; nothing was stored."),
                });
            w.Line(GeneratedCode);
            using (w.Block($"public global::System.Threading.Tasks.Task<global::CardGen.OutboxPostId> EnqueuePostAsync(global::CardGen.IChatHooks hooks, string hookName, global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                w.Line("if (hooks == null) throw new global::System.ArgumentNullException(nameof(hooks));");
                w.Line("if (hookName == null) throw new global::System.ArgumentNullException(nameof(hookName));");
                w.Line("return hooks.EnqueueAsync(hookName, CardGenMessage(new CardGenValues(this), null, this), cancellationToken);");
            }

            w.Line();
            EmitBuilder(w, model);
            EmitMessage(w, model);
            EmitRender(w, model, version);
            EmitWrite(w, model, version);
        }

        private static void EmitPart(SourceWriter w, CardTypeModel model)
        {
            Doc(w, "Adds this part's elements to a list of card elements (a container's items).", param: ("items", "The list to add to."));
            w.Line(GeneratedCode);
            using (w.Block($"public void AppendCardElements(global::System.Collections.Generic.IList<{Cards}.CardElement> items)"))
            {
                w.Line("if (items == null) throw new global::System.ArgumentNullException(nameof(items));");
                w.Line("var v = new CardGenValues(this);");
                w.Line("var body = items;");
                EmitRenderItems(w, model);
            }

            w.Line();
            Doc(w, "Whether this part shows any element (all its values may be null).");
            w.Line(GeneratedCode);
            using (w.Block($"public bool HasCardElements"))
            {
                using (w.Block("get"))
                {
                    w.Line("var v = new CardGenValues(this);");
                    var checks = model.Items.Select(i => PresenceCheck(i, Member(model, i.Member))).ToList();
                    w.Line("return " + (checks.Count == 0 ? "false" : string.Join(" || ", checks)) + ";");
                }
            }

            w.Line();
            Doc(w, "Writes this part's elements into the JSON array the writer is in; the JSON equals what <c>AppendCardElements</c> adds.", param: ("writer", "The writer, inside an array."));
            w.Line(GeneratedCode);
            using (w.Block($"public void WriteCardElements({Json}.Utf8JsonWriter writer)"))
            {
                w.Line("if (writer == null) throw new global::System.ArgumentNullException(nameof(writer));");
                w.Line("var v = new CardGenValues(this);");
                EmitWriteItems(w, model, openBody: null);
            }

            w.Line();
            if (model.IsPart)
            {
                EmitNames(w); // A card that is also a part has them already.
            }
        }

        private static void EmitBuilder(SourceWriter w, CardTypeModel model)
        {
            Doc(w, $"Builds {model.Name}'s card from values set step by step, with further elements and actions.");
            w.Line(GeneratedCode);
            using (w.Block("public sealed class CardBuilder : global::CardGen.ChatCardBuilder<CardBuilder>"))
            {
                w.Line("private CardGenValues _values;");
                w.Line();
                w.Line("internal CardBuilder()");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line($"internal CardBuilder({model.Name} source) => _values = new CardGenValues(source);");
                foreach (var member in UsedMembers(model).Where(m => m.TypeAccess != TypeAccess.None))
                {
                    // A step for a member of an internal type is internal too; one of a private type cannot be offered.
                    w.Line();
                    Doc(w, $"Sets the value of <c>{member.Name}</c>.", param: ("value", "The value."), returns: "The builder.");
                    w.Line($"{(member.TypeAccess == TypeAccess.Public ? "public" : "internal")} CardBuilder With{member.Name}({member.Type} value)");
                    using (w.Block(string.Empty))
                    {
                        w.Line($"_values.{Id(member.Name)} = value;");
                        w.Line("return this;");
                    }
                }

                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override {Cards}.AdaptiveCard RenderCard() => CardGenRender(_values);");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override global::CardGen.WebhookMessage CreateMessage({Cards}.AdaptiveCard card) => CardGenMessage(_values, card, null);");
            }

            w.Line();
        }

        private static void EmitMessage(SourceWriter w, CardTypeModel model)
        {
            w.Line(GeneratedCode);
            using (w.Block($"private static global::CardGen.WebhookMessage CardGenMessage(CardGenValues v, {Cards}.AdaptiveCard? card, global::CardGen.IChatCard? chatCard)"))
            {
                w.Line("var message = new global::CardGen.WebhookMessage();");
                if (model.HasTitle)
                {
                    w.Line("message.Activity = " + Template(model, model.Title, markdown: false) + ";");
                }

                if (model.IconUrl is { } icon)
                {
                    w.Line("message.IconUri = " + Literal(icon) + ";");
                }

                w.Line("if (card != null) message.Attachments.Add(card);");
                w.Line("if (chatCard != null) message.ChatCards.Add(chatCard);");
                w.Line("return message;");
            }

            w.Line();
        }

        private static void EmitRender(SourceWriter w, CardTypeModel model, string version)
        {
            w.Line(GeneratedCode);
            using (w.Block($"private static {Cards}.AdaptiveCard CardGenRender(CardGenValues v)"))
            {
                w.Line($"var card = new {Cards}.AdaptiveCard {{ Version = {Literal(version)} }};");
                w.Line("var body = card.Body;");
                if (model.HasTitle)
                {
                    var style = IsHeadingVersion(version) ? $", Style = {Cards}.TextBlockStyle.Heading" : string.Empty;
                    w.Line($"body.Add(new {Cards}.TextBlock({Template(model, model.Title, markdown: true)}) {{ Size = {Cards}.FontSize.Large, Weight = {Cards}.FontWeight.Bolder, Wrap = true{style} }});");
                }

                EmitRenderItems(w, model);
                foreach (var item in model.Items.Where(i => i.Kind == ItemKind.Action))
                {
                    var member = Member(model, item.Member);
                    var url = Scalar(member, "v." + Id(member.Name), null);
                    using (w.Block(string.Empty))
                    {
                        w.Line($"var url = {url};");
                        var style = item.ActionStyle != ActionStyle.Default ? $" {{ Style = {Cards}.ActionStyle.{item.ActionStyle} }}" : string.Empty;
                        w.Line($"if (url != null) card.Actions.Add(new {Cards}.OpenUrlAction({Literal(item.Title!)}, url){style});");
                    }
                }

                var fallback = model.HasSummary ? model.Summary : model.HasTitle ? model.Title : default;
                if (model.HasSummary || model.HasTitle)
                {
                    w.Line("card.FallbackText = " + Template(model, fallback, markdown: false) + ";");
                }

                w.Line("return card;");
            }

            w.Line();
        }

        /// <summary>Adds the body items to <c>body</c>; facts go into one FactSet at the first fact's place.</summary>
        private static void EmitRenderItems(SourceWriter w, CardTypeModel model)
        {
            var hasFacts = model.Items.Any(i => i.Kind is ItemKind.Fact or ItemKind.Facts);
            if (hasFacts)
            {
                w.Line($"var facts = new {Cards}.FactSet();");
                w.Line("var factsAt = -1;");
            }

            var index = 0;
            foreach (var item in model.Items)
            {
                var member = Member(model, item.Member);
                var value = "v." + Id(member.Name);
                var id = index++;
                switch (item.Kind)
                {
                    case ItemKind.Text:
                        using (w.Block(string.Empty))
                        {
                            w.Line($"var text = {Scalar(member, value, item.Format)};");
                            w.Line($"if (text != null) body.Add(new {Cards}.TextBlock({(item.Markdown ? "text" : Escape(member.Kind, item.Format, "text"))}){TextInitializer(item)});");
                        }

                        break;
                    case ItemKind.Fact:
                        using (w.Block(string.Empty))
                        {
                            w.Line("if (factsAt < 0) factsAt = body.Count;");
                            w.Line($"var text = {Scalar(member, value, item.Format)};");
                            w.Line($"if (text != null) facts.Facts.Add(new {Cards}.Fact({Literal(item.Title!)}, {Escape(member.Kind, item.Format, "text")}));");
                        }

                        break;
                    case ItemKind.Facts:
                        w.Line("if (factsAt < 0) factsAt = body.Count;");
                        w.Line($"if ({value} != null)");
                        using (w.Block(string.Empty))
                        {
                            using (w.Block($"foreach (var pair in {value})"))
                            {
                                w.Line($"var text = {ElementScalar(member, "pair.Value")};");
                                w.Line($"if (pair.Key != null && text != null) facts.Facts.Add(new {Cards}.Fact({Cards}.CardText.EscapeMarkdown(pair.Key), {Escape(member.ElementKind, null, "text")}));");
                            }
                        }

                        break;
                    case ItemKind.Image:
                        using (w.Block(string.Empty))
                        {
                            w.Line($"var url = {Scalar(member, value, null)};");
                            w.Line($"if (url != null) body.Add(new {Cards}.Image(url{(item.AltText is null ? string.Empty : ", " + Literal(item.AltText))}){ImageInitializer(item)});");
                        }

                        break;
                    case ItemKind.Section:
                        var sectionItem = member.Kind == ValueKind.PartCollection ? "part" : value;
                        if (member.Kind == ValueKind.PartCollection)
                        {
                            w.Line(member.IsReferenceType ? $"if ({value} != null)" : "if (true)");
                            w.Line("{");
                            w.Line($"foreach (var part in {value})");
                        }

                        using (w.Block($"if ({SectionPresence(member, sectionItem)})"))
                        {
                            w.Line($"var section = new {Cards}.Container(){SectionInitializer(item)};");
                            if (item.Title is { } title)
                            {
                                w.Line($"section.Items.Add(new {Cards}.TextBlock({Literal(title)}) {{ Weight = {Cards}.FontWeight.Bolder, Wrap = true }});");
                            }

                            w.Line($"{sectionItem}.AppendCardElements(section.Items);");
                            w.Line("body.Add(section);");
                        }

                        if (member.Kind == ValueKind.PartCollection)
                        {
                            w.Line("}");
                        }

                        break;
                }
            }

            if (hasFacts)
            {
                w.Line("if (facts.Facts.Count > 0) body.Insert(factsAt, facts);");
            }
        }

        private static void EmitWrite(SourceWriter w, CardTypeModel model, string version)
        {
            w.Line(GeneratedCode);
            using (w.Block($"private static void CardGenWrite({Json}.Utf8JsonWriter writer, CardGenValues v)"))
            {
                w.Line("writer.WriteStartObject();");
                w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.AdaptiveCard);");
                w.Line($"writer.WriteString(CardGenNames.Version, {Literal(version)});");
                w.Line("var bodyOpen = false;");
                if (model.HasTitle)
                {
                    w.Line("writer.WriteStartArray(CardGenNames.Body);");
                    w.Line("bodyOpen = true;");
                    w.Line("writer.WriteStartObject();");
                    w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.TextBlock);");
                    EmitTemplateWrite(w, model, model.Title, markdown: true, "CardGenNames.Text");
                    w.Line("writer.WriteString(CardGenNames.Size, \"large\");");
                    w.Line("writer.WriteString(CardGenNames.Weight, \"bolder\");");
                    w.Line("writer.WriteBoolean(CardGenNames.Wrap, true);");
                    if (IsHeadingVersion(version))
                    {
                        w.Line("writer.WriteString(CardGenNames.Style, \"heading\");");
                    }

                    w.Line("writer.WriteEndObject();");
                }

                EmitWriteItems(w, model, openBody: "if (!bodyOpen) { writer.WriteStartArray(CardGenNames.Body); bodyOpen = true; }");
                w.Line("if (bodyOpen) writer.WriteEndArray();");

                var actions = model.Items.Where(i => i.Kind == ItemKind.Action).ToList();
                if (actions.Count > 0)
                {
                    w.Line("var actionsOpen = false;");
                    foreach (var item in actions)
                    {
                        var member = Member(model, item.Member);
                        using (w.Block(string.Empty))
                        {
                            w.Line($"var url = {Scalar(member, "v." + Id(member.Name), null)};");
                            using (w.Block("if (url != null)"))
                            {
                                w.Line("if (!actionsOpen) { writer.WriteStartArray(CardGenNames.Actions); actionsOpen = true; }");
                                w.Line("writer.WriteStartObject();");
                                w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.OpenUrl);");
                                w.Line($"writer.WriteString(CardGenNames.Title, {Literal(item.Title!)});");
                                w.Line("writer.WriteString(CardGenNames.Url, url);");
                                if (item.ActionStyle != ActionStyle.Default)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Style, {Literal(EnumName(SchemaCatalog.EnumNames.ActionStyle, (int)item.ActionStyle))});");
                                }

                                w.Line("writer.WriteEndObject();");
                            }
                        }
                    }

                    w.Line("if (actionsOpen) writer.WriteEndArray();");
                }

                var fallback = model.HasSummary ? model.Summary : model.Title;
                if (model.HasSummary || model.HasTitle)
                {
                    EmitTemplateWrite(w, model, fallback, markdown: false, "CardGenNames.FallbackText");
                }

                w.Line("writer.WriteEndObject();");
            }

            w.Line();
            EmitNames(w);
        }

        /// <summary>Writes the body items; <paramref name="openBody"/> opens the body array lazily (null inside a part).</summary>
        private static void EmitWriteItems(SourceWriter w, CardTypeModel model, string? openBody)
        {
            var open = openBody ?? string.Empty;
            var factItems = model.Items.Where(i => i.Kind is ItemKind.Fact or ItemKind.Facts).ToList();
            var factsWritten = false;
            foreach (var item in model.Items)
            {
                var member = Member(model, item.Member);
                var value = "v." + Id(member.Name);
                switch (item.Kind)
                {
                    case ItemKind.Text:
                        using (w.Block(string.Empty))
                        {
                            var isDate = IsDateFunction(member, item.Format);
                            if (!isDate)
                            {
                                w.Line($"var text = {Scalar(member, value, item.Format)};");
                            }

                            using (w.Block(isDate ? $"if ({PresenceCheck(item, member)})" : "if (text != null)"))
                            {
                                if (open.Length > 0)
                                {
                                    w.Line(open);
                                }

                                w.Line("writer.WriteStartObject();");
                                w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.TextBlock);");
                                w.Line(isDate
                                    ? $"{Cards}.CardText.WriteDateTime(writer, CardGenNames.Text, {DateValue(member, value)});"
                                    : $"writer.WriteString(CardGenNames.Text, {(item.Markdown ? "text" : Escape(member.Kind, item.Format, "text"))});");
                                if (item.Color != TextColor.Default)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Color, {Literal(EnumName(SchemaCatalog.EnumNames.Colors, (int)item.Color))});");
                                }

                                if (item.IsSubtle)
                                {
                                    w.Line("writer.WriteBoolean(CardGenNames.IsSubtle, true);");
                                }

                                if (item.MaxLines > 0)
                                {
                                    w.Line($"writer.WriteNumber(CardGenNames.MaxLines, {item.MaxLines});");
                                }

                                if (item.Size != FontSize.Default)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Size, {Literal(EnumName(SchemaCatalog.EnumNames.FontSize, (int)item.Size))});");
                                }

                                if (item.Weight != FontWeight.Default)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Weight, {Literal(EnumName(SchemaCatalog.EnumNames.FontWeight, (int)item.Weight))});");
                                }

                                if (item.Wrap)
                                {
                                    w.Line("writer.WriteBoolean(CardGenNames.Wrap, true);");
                                }

                                w.Line("writer.WriteEndObject();");
                            }
                        }

                        break;
                    case ItemKind.Fact:
                    case ItemKind.Facts:
                        if (factsWritten)
                        {
                            break;
                        }

                        factsWritten = true;
                        EmitWriteFacts(w, model, factItems, open);
                        break;
                    case ItemKind.Image:
                        using (w.Block(string.Empty))
                        {
                            w.Line($"var url = {Scalar(member, value, null)};");
                            using (w.Block("if (url != null)"))
                            {
                                if (open.Length > 0)
                                {
                                    w.Line(open);
                                }

                                w.Line("writer.WriteStartObject();");
                                w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.Image);");
                                w.Line("writer.WriteString(CardGenNames.Url, url);");
                                if (item.AltText is { } alt)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.AltText, {Literal(alt)});");
                                }

                                if (item.ImageSize != ImageSize.Auto)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Size, {Literal(EnumName(SchemaCatalog.EnumNames.ImageSize, (int)item.ImageSize))});");
                                }

                                if (item.ImageStyle != ImageStyle.Default)
                                {
                                    w.Line($"writer.WriteString(CardGenNames.Style, {Literal(EnumName(SchemaCatalog.EnumNames.ImageStyle, (int)item.ImageStyle))});");
                                }

                                w.Line("writer.WriteEndObject();");
                            }
                        }

                        break;
                    case ItemKind.Section:
                        var part = member.Kind == ValueKind.PartCollection ? "part" : value;
                        if (member.Kind == ValueKind.PartCollection)
                        {
                            w.Line(member.IsReferenceType ? $"if ({value} != null)" : "if (true)");
                            w.Line("{");
                            w.Line($"foreach (var part in {value})");
                        }

                        using (w.Block($"if ({SectionPresence(member, part)})"))
                        {
                            if (open.Length > 0)
                            {
                                w.Line(open);
                            }

                            w.Line("writer.WriteStartObject();");
                            w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.Container);");
                            var hasItems = item.Title is not null ? "true" : $"{part}.HasCardElements";
                            using (w.Block($"if ({hasItems})"))
                            {
                                w.Line("writer.WriteStartArray(CardGenNames.Items);");
                                if (item.Title is { } title)
                                {
                                    w.Line($"writer.WriteStartObject(); writer.WriteString(CardGenNames.Type, CardGenNames.TextBlock); writer.WriteString(CardGenNames.Text, {Literal(title)}); writer.WriteString(CardGenNames.Weight, \"bolder\"); writer.WriteBoolean(CardGenNames.Wrap, true); writer.WriteEndObject();");
                                }

                                w.Line($"{part}.WriteCardElements(writer);");
                                w.Line("writer.WriteEndArray();");
                            }

                            if (item.ContainerStyle != ContainerStyle.Default)
                            {
                                w.Line($"writer.WriteString(CardGenNames.Style, {Literal(EnumName(SchemaCatalog.EnumNames.ContainerStyle, (int)item.ContainerStyle))});");
                            }

                            if (item.Separator)
                            {
                                w.Line("writer.WriteBoolean(CardGenNames.Separator, true);");
                            }

                            w.Line("writer.WriteEndObject();");
                        }

                        if (member.Kind == ValueKind.PartCollection)
                        {
                            w.Line("}");
                        }

                        break;
                }
            }
        }

        private static void EmitWriteFacts(SourceWriter w, CardTypeModel model, List<ItemModel> facts, string open)
        {
            // The FactSet stands at the first fact's place and is written only when some fact has a value.
            var checks = facts.Select(f => PresenceCheck(f, Member(model, f.Member))).ToList();
            using (w.Block($"if ({string.Join(" || ", checks)})"))
            {
                if (open.Length > 0)
                {
                    w.Line(open);
                }

                w.Line("writer.WriteStartObject();");
                w.Line("writer.WriteString(CardGenNames.Type, CardGenNames.FactSet);");
                w.Line("writer.WriteStartArray(CardGenNames.Facts);");
                foreach (var fact in facts)
                {
                    var member = Member(model, fact.Member);
                    var value = "v." + Id(member.Name);
                    if (fact.Kind == ItemKind.Fact && IsDateFunction(member, fact.Format))
                    {
                        w.Line($"if ({PresenceCheck(fact, member)}) {{ writer.WriteStartObject(); writer.WriteString(CardGenNames.Title, {Literal(fact.Title!)}); {Cards}.CardText.WriteDateTime(writer, CardGenNames.Value, {DateValue(member, value)}); writer.WriteEndObject(); }}");
                    }
                    else if (fact.Kind == ItemKind.Fact)
                    {
                        using (w.Block(string.Empty))
                        {
                            w.Line($"var text = {Scalar(member, value, fact.Format)};");
                            w.Line($"if (text != null) {{ writer.WriteStartObject(); writer.WriteString(CardGenNames.Title, {Literal(fact.Title!)}); writer.WriteString(CardGenNames.Value, {Escape(member.Kind, fact.Format, "text")}); writer.WriteEndObject(); }}");
                        }
                    }
                    else
                    {
                        w.Line($"if ({value} != null)");
                        using (w.Block(string.Empty))
                        {
                            using (w.Block($"foreach (var pair in {value})"))
                            {
                                w.Line($"var text = {ElementScalar(member, "pair.Value")};");
                                w.Line($"if (pair.Key != null && text != null) {{ writer.WriteStartObject(); writer.WriteString(CardGenNames.Title, {Cards}.CardText.EscapeMarkdown(pair.Key)); writer.WriteString(CardGenNames.Value, {Escape(member.ElementKind, null, "text")}); writer.WriteEndObject(); }}");
                            }
                        }
                    }
                }

                w.Line("writer.WriteEndArray();");
                w.Line("writer.WriteEndObject();");
            }
        }

        private static string PresenceCheck(ItemModel item, MemberModel member)
        {
            var value = "v." + Id(member.Name);
            return item.Kind switch
            {
                ItemKind.Facts => $"CardGenAny{member.Name}({value})",
                ItemKind.Section when member.Kind == ValueKind.PartCollection => member.ElementIsReferenceType
                    ? $"({(member.IsReferenceType ? value + " != null && " : string.Empty)}global::System.Linq.Enumerable.Any({value}, p => p != null))"
                    : $"({(member.IsReferenceType ? value + " != null && " : string.Empty)}global::System.Linq.Enumerable.Any({value}))",
                _ when member.IsNullableValueType => $"{value}.HasValue",
                _ when member.IsReferenceType => $"{value} != null",
                _ => "true",
            };
        }

        private static void EmitValues(SourceWriter w, CardTypeModel model)
        {
            var members = UsedMembers(model).ToList();
            w.Line(GeneratedCode);
            using (w.Block("private struct CardGenValues"))
            {
                foreach (var member in members)
                {
                    w.Line($"public {member.Type} {Id(member.Name)};");
                }

                w.Line();
                using (w.Block($"public CardGenValues({model.Name} cardGenSource)"))
                {
                    foreach (var member in members)
                    {
                        w.Line($"{Id(member.Name)} = cardGenSource.{Id(member.Name)};");
                    }
                }
            }

            foreach (var map in members.Where(m => m.Kind == ValueKind.FactMap))
            {
                w.Line();
                w.Line(GeneratedCode);
                using (w.Block($"private static bool CardGenAny{map.Name}({map.Type} facts)"))
                {
                    w.Line("if (facts == null) return false;");
                    w.Line($"foreach (var pair in facts) if (pair.Key != null && {ElementScalar(map, "pair.Value")} != null) return true;");
                    w.Line("return false;");
                }
            }
        }

        private static void EmitNames(SourceWriter w)
        {
            w.Line(GeneratedCode);
            using (w.Block("private static class CardGenNames"))
            {
                foreach (var name in new[]
                {
                    "type", "version", "body", "actions", "fallbackText", "text", "size", "weight", "wrap", "style", "color", "isSubtle", "maxLines",
                    "facts", "title", "value", "url", "altText", "items", "separator",
                })
                {
                    var id = char.ToUpperInvariant(name[0]) + name.Substring(1);
                    w.Line($"public static readonly {Json}.JsonEncodedText {id} = {Json}.JsonEncodedText.Encode({Literal(name)});");
                }

                foreach (var type in new[] { ("AdaptiveCard", "AdaptiveCard"), ("TextBlock", "TextBlock"), ("FactSet", "FactSet"), ("Image", "Image"), ("Container", "Container"), ("OpenUrl", "Action.OpenUrl") })
                {
                    w.Line($"public static readonly {Json}.JsonEncodedText {type.Item1} = {Json}.JsonEncodedText.Encode({Literal(type.Item2)});");
                }
            }
        }

        private static string TextInitializer(ItemModel item)
        {
            var parts = new List<string>();
            if (item.Color != TextColor.Default)
            {
                parts.Add($"Color = {Cards}.TextColor.{item.Color}");
            }

            if (item.IsSubtle)
            {
                parts.Add("IsSubtle = true");
            }

            if (item.MaxLines > 0)
            {
                parts.Add($"MaxLines = {item.MaxLines}");
            }

            if (item.Size != FontSize.Default)
            {
                parts.Add($"Size = {Cards}.FontSize.{item.Size}");
            }

            if (item.Weight != FontWeight.Default)
            {
                parts.Add($"Weight = {Cards}.FontWeight.{item.Weight}");
            }

            if (item.Wrap)
            {
                parts.Add("Wrap = true");
            }

            return parts.Count == 0 ? string.Empty : " { " + string.Join(", ", parts) + " }";
        }

        private static string ImageInitializer(ItemModel item)
        {
            var parts = new List<string>();
            if (item.ImageSize != ImageSize.Auto)
            {
                parts.Add($"Size = {Cards}.ImageSize.{item.ImageSize}");
            }

            if (item.ImageStyle != ImageStyle.Default)
            {
                parts.Add($"Style = {Cards}.ImageStyle.{item.ImageStyle}");
            }

            return parts.Count == 0 ? string.Empty : " { " + string.Join(", ", parts) + " }";
        }

        private static string SectionInitializer(ItemModel item)
        {
            var parts = new List<string>();
            if (item.ContainerStyle != ContainerStyle.Default)
            {
                parts.Add($"Style = {Cards}.ContainerStyle.{item.ContainerStyle}");
            }

            if (item.Separator)
            {
                parts.Add("Separator = true");
            }

            return parts.Count == 0 ? string.Empty : " { " + string.Join(", ", parts) + " }";
        }

        /// <summary>
        /// Writes a template as a JSON property through a stack buffer, without building the string: the same text
        /// <see cref="Template"/> builds for the model.
        /// </summary>
        private static void EmitTemplateWrite(SourceWriter w, CardTypeModel model, EquatableArray<TemplatePartModel> parts, bool markdown, string propertyName)
        {
            using (w.Block(string.Empty))
            {
                w.Line("global::System.Span<char> buffer = stackalloc char[256];");
                w.Line($"var template = new {Cards}.CardTemplateText(buffer);");
                foreach (var part in parts)
                {
                    if (part.Literal is { } literal)
                    {
                        w.Line($"template.AppendLiteral({Literal(literal)});");
                        continue;
                    }

                    var member = Member(model, part.Member!);
                    var access = "v." + Id(member.Name);
                    var escape = markdown && !IsDateFunction(member, part.Format) ? "true" : "false";
                    var format = part.Format is null ? "null" : Literal(part.Format);
                    if (member.Kind == ValueKind.Formattable)
                    {
                        // Formatted straight into the buffer (no string) where the value can format into a span.
                        w.Line(member.IsNullableValueType
                            ? $"if ({access}.HasValue) template.AppendFormatted({access}.Value, {format}, {escape});"
                            : member.IsReferenceType
                                ? $"if ({access} != null) template.AppendFormatted({access}, {format}, {escape});"
                                : $"template.AppendFormatted({access}, {format}, {escape});");
                    }
                    else
                    {
                        w.Line($"template.AppendValue({Scalar(member, access, part.Format, plain: !markdown)}, {escape});");
                    }
                }

                w.Line($"template.WriteTo(writer, {propertyName});");
            }
        }

        /// <summary>An expression for a template: literal text as written, values (escaped for markdown) or empty when null.</summary>
        private static string Template(CardTypeModel model, EquatableArray<TemplatePartModel> parts, bool markdown)
        {
            var pieces = new List<string>();
            foreach (var part in parts)
            {
                if (part.Literal is { } literal)
                {
                    pieces.Add(Literal(literal));
                    continue;
                }

                var member = Member(model, part.Member!);
                var value = Scalar(member, "v." + Id(member.Name), part.Format);
                pieces.Add(markdown ? $"({Escape(member.Kind, part.Format, value)} ?? \"\")" : $"({Scalar(member, "v." + Id(member.Name), part.Format, plain: true)} ?? \"\")");
            }

            return pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces);
        }

        /// <summary>An expression of type <c>string?</c>: the member's text, or null when the member is null.</summary>
        /// <remarks><paramref name="plain"/> is for text outside the card (activity, notification), where the card date functions are not evaluated.</remarks>
        private static string Scalar(MemberModel member, string access, string? format, bool plain = false)
        {
            if (member.IsNullableValueType)
            {
                return $"({access}.HasValue ? {Render(member, access + ".Value", format, plain)} : null)";
            }

            if (member.IsReferenceType && member.Kind != ValueKind.String)
            {
                return $"({access} != null ? {Render(member, access, format, plain)} : null)";
            }

            return Render(member, access, format, plain);
        }

        private static string ElementScalar(MemberModel map, string access)
        {
            var element = new MemberModel("Value", string.Empty, map.ElementKind, map.ElementIsNullableValueType, map.ElementIsReferenceType, null, ValueKind.Unsupported, false);
            return Scalar(element, access, null);
        }

        private static string Render(MemberModel member, string value, string? format, bool plain = false)
        {
            var kind = member.Kind;
            var f = format is null ? "null" : Literal(format);
            if (kind == ValueKind.Enum && format is null && member.EnumMembers.Count > 0)
            {
                // Known names as literals: no ToString() (and no allocation) for the values the enum declares.
                var arms = member.EnumMembers.Select(name => $"{member.EnumType}.{Id(name)} => {Literal(name)}, ");
                return $"({value} switch {{ {string.Concat(arms)}_ => {value}.ToString() }})";
            }

            return kind switch
            {
                ValueKind.String => value,
                ValueKind.Uri => $"{Cards}.CardText.Url({value})",
                ValueKind.Boolean => $"({value} ? \"true\" : \"false\")",
                ValueKind.Char => $"{value}.ToString()",
                ValueKind.Enum => format is null ? $"{value}.ToString()" : $"{value}.ToString({f})",
                ValueKind.DateTimeOffset or ValueKind.DateTime when format is null && plain => $"{Cards}.CardText.PlainDateTime({value})",
                ValueKind.DateTimeOffset or ValueKind.DateTime when format is null => $"{Cards}.CardText.DateTime({value})",
                ValueKind.ExplicitFormattable => $"((global::System.IFormattable){value}).ToString({f}, {Culture})",
                _ => $"{value}.ToString({f}, {Culture})",
            };
        }

        /// <summary>
        /// Escapes markdown in a value from outside, except the card date functions CardGen writes itself for dates
        /// (escaping those would show them as text).
        /// </summary>
        private static string Escape(ValueKind kind, string? format, string expression)
            => kind is ValueKind.DateTimeOffset or ValueKind.DateTime && format is null
                ? expression
                : $"{Cards}.CardText.EscapeMarkdown({expression})";

        /// <summary>Whether the value is written with the card date functions (a date with no format).</summary>
        private static bool IsDateFunction(MemberModel member, string? format)
            => member.Kind is ValueKind.DateTimeOffset or ValueKind.DateTime && format is null;

        private static string DateValue(MemberModel member, string value) => member.IsNullableValueType ? value + ".Value" : value;

        /// <summary>The test that a section's part (a member, or an item of a collection) is there: structs always are.</summary>
        private static string SectionPresence(MemberModel member, string part)
        {
            var canBeNull = member.Kind == ValueKind.PartCollection ? member.ElementIsReferenceType : member.IsReferenceType;
            return canBeNull ? $"{part} != null" : "true";
        }

        /// <summary>A member name as C# source: <c>@class</c> for a keyword.</summary>
        private static string Id(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static MemberModel Member(CardTypeModel model, string name) => model.Members.First(m => m.Name == name);

        private static string EnumName(string catalogEnum, int value) => SchemaCatalog.GetEnum(catalogEnum).Values[value].Name;

        private static bool IsHeadingVersion(string version) => CardVersion.Parse(version) >= CardVersion.V1_5;

        private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        internal static void Doc(
            SourceWriter w,
            string summary,
            (string Name, string Text)? param = null,
            (string Name, string Text)? param2 = null,
            (string Name, string Text)? param3 = null,
            string? returns = null,
            (string Type, string Text)[]? exceptions = null)
        {
            w.Line($"/// <summary>{summary}</summary>");
            foreach (var p in new[] { param, param2, param3 })
            {
                if (p is { } value)
                {
                    w.Line($"/// <param name=\"{value.Name}\">{value.Text}</param>");
                }
            }

            if (returns is not null)
            {
                w.Line($"/// <returns>{returns}</returns>");
            }

            foreach (var (type, text) in exceptions ?? System.Array.Empty<(string, string)>())
            {
                w.Line($"/// <exception cref=\"{type.Replace("global::", string.Empty)}\">{text}</exception>");
            }
        }
    }
}
