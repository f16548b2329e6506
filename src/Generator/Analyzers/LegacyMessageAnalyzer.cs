using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CardGen.Legacy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static CardGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace CardGen.Generator.Analyzers;

/// <summary>
/// CARDGEN015–017: constant strings given to a legacy (v1) message's builders that <c>LegacyValidator</c> would refuse
/// at run time: a colour that is not <c>#RRGGBB</c>, a card field over 300 bytes or text over 1,000 characters, and a
/// URL that is not absolute http(s) or an image that is not https. Object initializers, property assignments,
/// <c>new LegacyField(…)</c> and <c>AddField(…)</c> are checked, with the limits of the one shared
/// <c>LegacyFormats</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyMessageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>What a property or parameter holds.</summary>
    private enum Slot
    {
        Field,
        Text,
        Color,
        Link,
        Image,
        Icon,
        MessageIcon,
    }

    private static readonly Dictionary<string, Slot> CardProperties = new(StringComparer.Ordinal)
    {
        ["Fallback"] = Slot.Field,
        ["Pretext"] = Slot.Field,
        ["AuthorName"] = Slot.Field,
        ["Title"] = Slot.Field,
        ["Footer"] = Slot.Field,
        ["Text"] = Slot.Text,
        ["Color"] = Slot.Color,
        ["AuthorLink"] = Slot.Link,
        ["TitleLink"] = Slot.Link,
        ["ImageUrl"] = Slot.Image,
        ["AuthorIcon"] = Slot.Icon,
        ["FooterIcon"] = Slot.Icon,
        ["ThumbnailUrl"] = Slot.Icon,
    };

    private static readonly Dictionary<string, string> NamedColors = new(StringComparer.OrdinalIgnoreCase)
    {
        // Slack's legacy attachment colour names, which Slack-style payloads carry over, and the basic CSS names.
        ["good"] = "#2eb886",
        ["warning"] = "#daa038",
        ["danger"] = "#a30200",
        ["red"] = "#ff0000",
        ["green"] = "#008000",
        ["blue"] = "#0000ff",
        ["yellow"] = "#ffff00",
        ["orange"] = "#ffa500",
        ["purple"] = "#800080",
        ["black"] = "#000000",
        ["white"] = "#ffffff",
        ["gray"] = "#808080",
        ["grey"] = "#808080",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(LegacyColor, LegacyTooLong, LegacyUrl);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var card = start.Compilation.GetTypeByMetadataName(KnownNames.LegacyCard);
            var field = start.Compilation.GetTypeByMetadataName(KnownNames.LegacyField);
            var message = start.Compilation.GetTypeByMetadataName(KnownNames.LegacyMessage);
            if (card is null || field is null || message is null)
            {
                return; // a CardGen without legacy messages, or none at all
            }

            var types = new Types(card, field, message);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeArguments(c, types, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeArguments(c, types, ((IObjectCreationOperation)c.Operation).Constructor, ((IObjectCreationOperation)c.Operation).Arguments), OperationKind.ObjectCreation);
        });
    }

    /// <summary>The colour a wrong one most likely meant, as <c>#rrggbb</c>, or null.</summary>
    internal static string? SuggestColor(string value)
    {
        var text = value.Trim();
        if (NamedColors.TryGetValue(text, out var named))
        {
            return named;
        }

        var hex = text.StartsWith("#", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (!IsHex(hex))
        {
            return null;
        }

        return hex.Length switch
        {
            6 => "#" + hex,
            3 => "#" + hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2],
            _ => null,
        };
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, Types types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        var owner = property.ContainingType;
        Slot slot;
        if (SymbolEqualityComparer.Default.Equals(owner, types.Card))
        {
            if (!CardProperties.TryGetValue(property.Name, out slot))
            {
                return;
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, types.Field) && property.Name is "Title" or "Value")
        {
            slot = Slot.Field;
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, types.Message) && property.Name == "Icon")
        {
            slot = Slot.MessageIcon;
        }
        else
        {
            return;
        }

        Check(context, assignment.Value, slot, owner.Name + "." + property.Name);
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, Types types, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method is null)
        {
            return;
        }

        var owner = method.ContainingType;
        var fieldArguments = (SymbolEqualityComparer.Default.Equals(owner, types.Field) && method.MethodKind == MethodKind.Constructor)
            || (SymbolEqualityComparer.Default.Equals(owner, types.Card) && method.Name == "AddField");
        if (!fieldArguments)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name is "title" or "value")
            {
                var name = argument.Parameter.Name;
                Check(context, argument.Value, Slot.Field, (method.MethodKind == MethodKind.Constructor ? "new LegacyField(" : "LegacyCard.AddField(") + name + ")");
            }
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, Slot slot, string what)
    {
        if (!value.ConstantValue.HasValue || value.ConstantValue.Value is not string text)
        {
            return;
        }

        var location = value.Syntax.GetLocation();
        if (slot == Slot.Text)
        {
            if (text.Length > LegacyFormats.MaxTextLength)
            {
                var problem = string.Format(CultureInfo.InvariantCulture, "has {0} characters; RingCentral takes at most {1} in a legacy card's text", text.Length, LegacyFormats.MaxTextLength);
                context.ReportDiagnostic(Diagnostic.Create(LegacyTooLong, location, what, problem));
            }

            return;
        }

        if (slot != Slot.MessageIcon && LegacyFormats.Utf8Length(text) is var bytes && bytes > LegacyFormats.MaxFieldBytes)
        {
            var problem = string.Format(CultureInfo.InvariantCulture, "takes {0} bytes of UTF-8; RingCentral takes at most {1} in every legacy card field but the text", bytes, LegacyFormats.MaxFieldBytes);
            context.ReportDiagnostic(Diagnostic.Create(LegacyTooLong, location, what, problem));
        }

        switch (slot)
        {
            case Slot.Color when !LegacyFormats.IsColor(text):
                var suggestion = SuggestColor(text);
                var properties = suggestion is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
                context.ReportDiagnostic(Diagnostic.Create(LegacyColor, location, properties, Clip(text), suggestion is null ? string.Empty : $"; use \"{suggestion}\""));
                break;
            case Slot.Link or Slot.Image or Slot.Icon or Slot.MessageIcon:
                var verdict = LegacyFormats.CheckUrl(text);
                if (verdict == LegacyUrlVerdict.Invalid)
                {
                    var problem = slot == Slot.Link ? "is not an absolute http or https URL" : "is not an absolute https URL";
                    context.ReportDiagnostic(Diagnostic.Create(LegacyUrl, location, what, problem));
                }
                else if (verdict == LegacyUrlVerdict.Http && slot == Slot.Image)
                {
                    context.ReportDiagnostic(Diagnostic.Create(LegacyUrl, location, what, "uses http; RingCentral shows legacy card images only from https URLs, and an http one as a placeholder"));
                }
                else if (verdict == LegacyUrlVerdict.Http && slot is Slot.Icon or Slot.MessageIcon)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        LegacyUrl,
                        location,
                        DiagnosticSeverity.Warning,
                        additionalLocations: null,
                        properties: null,
                        what,
                        "uses http; RingCentral loads legacy card images over https, so the icon may not show"));
                }

                break;
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "\u2026";

    private sealed class Types
    {
        public Types(INamedTypeSymbol card, INamedTypeSymbol field, INamedTypeSymbol message)
        {
            Card = card;
            Field = field;
            Message = message;
        }

        public INamedTypeSymbol Card { get; }

        public INamedTypeSymbol Field { get; }

        public INamedTypeSymbol Message { get; }
    }
}
