using System.Collections.Generic;
using System.Linq;
using CardGen.Generator.Models;
using static CardGen.Generator.CardGenerator.Emitter;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>
    /// Writes the values struct of a card or part: a copy of the members it reads (the builder sets them too) and one
    /// render method that says, in card order, which element each member becomes. The runtime's sinks turn those steps
    /// into the card model, JSON or a presence check, so the card, its JSON and a part's elements cannot disagree.
    /// </summary>
    internal static class RenderEmitter
    {
        private const string Sink = "global::CardGen.Generated.ICardSink";
        private const string Template = "global::CardGen.Cards.CardTemplateText";

        public static void Emit(SourceWriter w, CardTypeModel model)
        {
            var members = UsedMembers(model).ToList();
            w.Line(GeneratedCode);
            var contract = model.IsPart ? "global::CardGen.Generated.ICardValues" : "global::CardGen.Generated.IChatCardValues";
            using (w.Block($"private struct CardGenValues : {contract}"))
            {
                foreach (var member in members)
                {
                    w.Line($"public {member.Type} {Id(member.Name)};");
                }

                // One line; the parameter is named s, so a member named s is assigned as this.s (Field).
                w.Line();
                w.Line($"public CardGenValues({model.Name} s) {{{string.Concat(members.Select(m => $" {Field(m.Name)} = s.{Id(m.Name)};"))} }}");

                if (!model.IsPart)
                {
                    // The runtime writes the card, its title and its fallback text around the render method (ChatCards).
                    w.Line();
                    w.Line($"public string? CardGenIconUrl => {(model.IconUrl is { } icon ? Literal(icon) : "null")};");
                    w.Line($"public string CardGenVersion => {Literal(model.Version!)};");
                    EmitTemplateMethod(w, model, "CardGenTitle", model.HasTitle, model.Title, null);
                    EmitTemplateMethod(w, model, "CardGenFallback", model.HasSummary, model.Summary, model.HasTitle ? "CardGenTitle(ref t)" : null);
                }

                w.Line();
                using (w.Block($"public void CardGenRender<TSink>(ref TSink s) where TSink : struct, {Sink}"))
                {
                    EmitRender(w, model);
                }
            }
        }

        /// <summary>A method appending a template to <c>t</c> when the card has it, or else returning <paramref name="otherwise"/> (<c>false</c> when null).</summary>
        private static void EmitTemplateMethod(SourceWriter w, CardTypeModel model, string name, bool has, EquatableArray<TemplatePartModel> parts, string? otherwise)
        {
            w.Line();
            var signature = $"public bool {name}(ref {Template} t)";
            if (!has)
            {
                w.Line($"{signature} => {otherwise ?? "false"};");
                return;
            }

            // One line, as the template reads: its pieces in order.
            w.Line($"{signature} {{ {string.Concat(TemplateSteps(model, parts).Select(step => step + " "))}return true; }}");
        }

        private static void EmitRender(SourceWriter w, CardTypeModel model)
        {
            // Facts go into one FactSet at the first fact's place.
            var factsWritten = false;
            foreach (var item in model.Items)
            {
                switch (item.Kind)
                {
                    case ItemKind.Fact or ItemKind.Facts when !factsWritten:
                        factsWritten = true;
                        foreach (var fact in model.Items.Where(i => i.Kind is ItemKind.Fact or ItemKind.Facts))
                        {
                            EmitFact(w, model, fact);
                        }

                        break;
                    case ItemKind.Text:
                        EmitValueStep(w, Member(model, item.Member), Field(item.Member), item.Format, "Text", string.Empty, TextOptions(item));
                        break;
                    case ItemKind.Image:
                        EmitImage(w, model, item);
                        break;
                    case ItemKind.Section:
                        EmitSection(w, model, item);
                        break;
                }
            }

            if (model.IsPart)
            {
                return;
            }

            foreach (var item in model.Items.Where(i => i.Kind == ItemKind.Action))
            {
                var member = Member(model, item.Member);
                var style = item.ActionStyle != ActionStyle.Default ? $", style: {EnumValue(item.ActionStyle)}" : string.Empty;
                EmitUrlStep(w, member, Field(item.Member), $"s.OpenUrl({Literal(item.Title!)}, ", style);
            }
        }

        private static void EmitFact(SourceWriter w, CardTypeModel model, ItemModel fact)
        {
            var member = Member(model, fact.Member);
            if (fact.Kind == ItemKind.Fact)
            {
                EmitValueStep(w, member, Field(fact.Member), fact.Format, "Fact", Literal(fact.Title!) + ", ", string.Empty);
                return;
            }

            // A map: each pair with a key and a value, the key escaped as the fact's title.
            var value = new MemberModel("Value", string.Empty, member.ElementKind, member.ElementIsNullableValueType, member.ElementIsReferenceType, null, ValueKind.Unsupported, false);
            var (guard, arguments) = ValueArguments(value, "p.Value", null);
            var check = guard is null ? "p.Key != null" : $"p.Key != null && {guard}";
            var loop = $"foreach (var p in {Field(fact.Member)}) if ({check}) s.{EnumPrefix(value)}Fact({Cards}.CardText.EscapeMarkdown(p.Key), {arguments});";
            w.Line(member.IsReferenceType ? $"if ({Field(fact.Member)} != null) {loop}" : loop);
        }

        private static void EmitImage(SourceWriter w, CardTypeModel model, ItemModel item)
        {
            var options = new List<string>();
            if (item.AltText is { } alt)
            {
                options.Add(Literal(alt));
            }

            if (item.ImageSize != ImageSize.Auto)
            {
                options.Add("size: " + EnumValue(item.ImageSize));
            }

            if (item.ImageStyle != ImageStyle.Default)
            {
                options.Add("style: " + EnumValue(item.ImageStyle));
            }

            EmitUrlStep(w, Member(model, item.Member), Field(item.Member), "s.Image(", string.Concat(options.Select(o => ", " + o)));
        }

        private static void EmitSection(SourceWriter w, CardTypeModel model, ItemModel item)
        {
            var member = Member(model, item.Member);
            var options = new List<string>();
            if (item.Title is { } title)
            {
                options.Add(Literal(title));
            }

            if (item.ContainerStyle != ContainerStyle.Default)
            {
                options.Add("style: " + EnumValue(item.ContainerStyle));
            }

            if (item.Separator)
            {
                options.Add("separator: true");
            }

            var rest = string.Concat(options.Select(o => ", " + o));
            var field = Field(item.Member);
            if (member.Kind == ValueKind.PartCollection)
            {
                var step = member.ElementIsReferenceType ? $"if (p != null) s.Section(p{rest});" : $"s.Section(p{rest});";
                var loop = $"foreach (var p in {field}) {step}";
                w.Line(member.IsReferenceType ? $"if ({field} != null) {loop}" : loop);
            }
            else
            {
                w.Line(member.IsReferenceType ? $"if ({field} != null) s.Section({field}{rest});" : $"s.Section({field}{rest});");
            }
        }

        /// <summary>A step taking a URL: a string or a <c>System.Uri</c>, either of which the sink skips when null.</summary>
        private static void EmitUrlStep(SourceWriter w, MemberModel member, string access, string call, string rest)
            => w.Line(member.IsNullableValueType ? $"if ({access}.HasValue) {call}{access}.Value{rest});" : $"{call}{access}{rest});");

        /// <summary>
        /// A step taking a member's value: the sink has an overload for each kind of value, and a step of its own for
        /// enums (<c>EnumText</c>, <c>EnumFact</c>), which it formats without boxing them.
        /// </summary>
        private static void EmitValueStep(SourceWriter w, MemberModel member, string access, string? format, string name, string leading, string rest)
        {
            var (guard, arguments) = ValueArguments(member, access, format);
            var step = $"s.{EnumPrefix(member)}{name}({leading}{arguments}{rest});";
            w.Line(guard is null ? step : $"if ({guard}) {step}");
        }

        /// <summary>
        /// How a value goes to the sink: strings, URLs and times as they are (times without a format become the card date
        /// functions), anything formattable with its format, so nothing is turned into a string on the way.
        /// </summary>
        private static (string? Guard, string Arguments) ValueArguments(MemberModel member, string access, string? format)
        {
            string? guard = null;
            var value = access;
            if (member.IsNullableValueType)
            {
                guard = access + ".HasValue";
                value = access + ".Value";
            }

            var f = format is null ? "null" : Literal(format);
            var arguments = member.Kind switch
            {
                ValueKind.String or ValueKind.Uri => value,
                ValueKind.Boolean => $"{value} ? \"true\" : \"false\"",
                ValueKind.Char => $"{value}.ToString()",
                ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Enum when format is null => value,
                _ => $"{value}, {f}",
            };
            return (guard, arguments);
        }

        /// <summary>The statements appending a template's pieces to <c>t</c>; the text's mode escapes values and writes times.</summary>
        private static IEnumerable<string> TemplateSteps(CardTypeModel model, EquatableArray<TemplatePartModel> parts)
        {
            foreach (var part in parts)
            {
                if (part.Literal is { } literal)
                {
                    yield return $"t.AppendLiteral({Literal(literal)});";
                    continue;
                }

                var member = Member(model, part.Member!);
                var (guard, arguments) = ValueArguments(member, Field(member.Name), part.Format);
                if (member.Kind is ValueKind.Boolean or ValueKind.Char)
                {
                    arguments = member.IsNullableValueType ? Field(member.Name) + ".Value" : Field(member.Name);
                }

                var step = $"t.Append{EnumPrefix(member)}({arguments});";
                yield return guard is null ? step : $"if ({guard}) {step}";
            }
        }

        private static string TextOptions(ItemModel item)
        {
            var options = new List<string>();
            if (item.Markdown)
            {
                options.Add("markdown: true");
            }

            if (item.Color != TextColor.Default)
            {
                options.Add("color: " + EnumValue(item.Color));
            }

            if (item.IsSubtle)
            {
                options.Add("isSubtle: true");
            }

            if (item.MaxLines > 0)
            {
                options.Add("maxLines: " + item.MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (item.Size != FontSize.Default)
            {
                options.Add("size: " + EnumValue(item.Size));
            }

            if (item.Weight != FontWeight.Default)
            {
                options.Add("weight: " + EnumValue(item.Weight));
            }

            if (item.Wrap)
            {
                options.Add("wrap: true");
            }

            return string.Concat(options.Select(o => ", " + o));
        }

        /// <summary>A value of a card model enum: the generator's enums name the runtime's types and members (ModelEnumTests).</summary>
        private static string EnumValue<T>(T value)
            where T : struct, System.Enum
            => $"{Cards}.{typeof(T).Name}.{value}";

        /// <summary>A member of the values struct as its render method reads it: <c>this.</c> where a parameter or local has its name.</summary>
        private static string Field(string name) => name is "s" or "t" or "p" ? "this." + name : Id(name);

        /// <summary><c>Enum</c> for an enum value, whose steps are <c>EnumFact</c>, <c>EnumText</c> and <c>AppendEnum</c>.</summary>
        private static string EnumPrefix(MemberModel member) => member.Kind == ValueKind.Enum ? "Enum" : string.Empty;

        private static MemberModel Member(CardTypeModel model, string name) => model.Members.First(m => m.Name == name);
    }
}
