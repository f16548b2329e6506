using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis.CSharp;

namespace CardGen.Generator;

public sealed partial class CardGenerator
{
    /// <summary>
    /// Turns a <see cref="CardTypeModel"/> into C#, in three roles: the public members (<see cref="ApiEmitter"/>), the
    /// typed card builder (<see cref="BuilderEmitter"/>) and the values struct that renders the card
    /// (<see cref="RenderEmitter"/>). What a card looks like in JSON or in the card model is the runtime's
    /// (<c>CardGen.Generated</c>): generated code names no schema type, property or enum spelling.
    /// </summary>
    internal static class Emitter
    {
        /// <summary>
        /// The attributes every generated member carries: stamped with the generator's own version, so generated code
        /// says which CardGen wrote it, and left out of the user's code coverage.
        /// </summary>
        internal static readonly string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"CardGen\", \""
            + typeof(CardGenerator).Assembly.GetName().Version!.ToString(3) + "\"), global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]";

        internal const string Cards = "global::CardGen.Cards";
        internal const string Json = "global::System.Text.Json";
        internal const string Runtime = "global::CardGen.Generated.ChatCards";

        public static string Emit(CardTypeModel model, bool fileScoped, CancellationToken cancellationToken)
            => Frame.Write(model, note: null, fileScoped, w =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!model.IsPart)
                {
                    ApiEmitter.EmitCard(w, model);
                    BuilderEmitter.Emit(w, model);
                }

                if (model.IsPart || model.AlsoPart)
                {
                    ApiEmitter.EmitPart(w, model);
                }

                cancellationToken.ThrowIfCancellationRequested();
                RenderEmitter.Emit(w, model);
            });

        /// <summary>The members the card reads: those mapped to an element and those named in its title or summary.</summary>
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

        /// <summary>A member name as C# source: <c>@class</c> for a keyword.</summary>
        internal static string Id(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

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
