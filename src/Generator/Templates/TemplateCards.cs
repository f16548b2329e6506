using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CardGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CardGen.Generator.Templates;

/// <summary>A template file the compilation has (an <c>AdditionalFiles</c> item): its path and text.</summary>
internal sealed record TemplateFile(string Path, string Text);

/// <summary>Everything the generator needs about a <c>[ChatCard(Template = …)]</c> type; no symbols or syntax.</summary>
/// <param name="Namespace">The namespace, or null for the global one.</param>
/// <param name="Name">The type's name.</param>
/// <param name="Keyword">class, record, struct or record struct.</param>
/// <param name="HintName">The generated file's name (without <c>.g.cs</c>).</param>
/// <param name="ContainingTypes">The types it is nested in, outermost first.</param>
/// <param name="Host">The attribute's <c>ChatHost</c> value (0: the project default).</param>
/// <param name="TemplatePath">The <c>Template</c> path as written, or null.</param>
/// <param name="TemplateJson">The inline <c>TemplateJson</c>, or null.</param>
/// <param name="SourcePath">The path of the file that declares the attribute (relative template paths start there).</param>
/// <param name="Data">The type's shape: what the template's bindings can read.</param>
internal sealed record TemplateCardModel(
    string? Namespace,
    string Name,
    string Keyword,
    string HintName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    ChatHost Host,
    string? TemplatePath,
    string? TemplateJson,
    string SourcePath,
    DataShape Data);

/// <summary>A template card with its template text found (or not): the input of the compile step.</summary>
internal sealed record TemplateCardInput(TemplateCardModel Card, string? Text, string? FilePath, ChatHost Host);

/// <summary>A compiled template card: what the emitter writes.</summary>
internal sealed record TemplateCardOutput(TemplateCardModel Card, string? Body, EquatableArray<string> Names, string? Problem);

/// <summary>Reads <c>[ChatCard(Template = …)]</c> and <c>[ChatCard(TemplateJson = …)]</c> types, and finds their files.</summary>
internal static class TemplateCards
{
    public const string TemplateArgument = "Template";
    public const string TemplateJsonArgument = "TemplateJson";

    /// <summary>Whether a <c>[ChatCard]</c> attribute names a template (then the template pipeline writes the card).</summary>
    public static bool IsTemplateCard(AttributeData attribute)
        => attribute.NamedArguments.Any(a => a.Key is TemplateArgument or TemplateJsonArgument && a.Value.Value is string);

    public static (string? Path, string? Json, ChatHost Host) ReadArguments(AttributeData attribute)
    {
        string? path = null, json = null;
        var host = ChatHost.Default;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case TemplateArgument: path = argument.Value.Value as string; break;
                case TemplateJsonArgument: json = argument.Value.Value as string; break;
                case "Host" when argument.Value.Value is int h: host = (ChatHost)h; break;
            }
        }

        return (path, json, host);
    }

    /// <summary>The model of a template card, or null when it is not one or nothing can be added to it (the analyzers say why).</summary>
    public static TemplateCardModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.TargetNode is not TypeDeclarationSyntax declaration
            || context.Attributes.Length != 1
            || !IsTemplateCard(context.Attributes[0])
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.IsStatic || type.IsGenericType || type.IsRefLikeType || type.IsFileLocal
            || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return null;
        }

        var containing = new List<ContainingTypeModel>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || outer.IsFileLocal || !CardGenerator.Parser.IsPartialEverywhere(outer, cancellationToken))
            {
                return null;
            }

            containing.Insert(0, new ContainingTypeModel(Keyword(outer), outer.Name));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (path, json, host) = ReadArguments(context.Attributes[0]);
        var hint = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        return new TemplateCardModel(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            Keyword(type),
            hint,
            containing.ToEquatableArray(),
            host,
            path,
            json,
            declaration.SyntaxTree.FilePath,
            DataShapes.Describe(type));
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        _ => "class",
    };

    /// <summary>
    /// Finds a card's template among the additional files: relative to the declaring source file's folder, then to the
    /// project folder, then the one file whose path ends with it.
    /// </summary>
    public static TPath? Find<TPath>(string template, string sourcePath, string? projectDirectory, IEnumerable<TPath> files, System.Func<TPath, string> pathOf)
        where TPath : class
    {
        var wanted = Normalize(template);
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(sourcePath))
        {
            var folder = Path.GetDirectoryName(sourcePath);
            if (!string.IsNullOrEmpty(folder))
            {
                candidates.Add(Normalize(Path.Combine(folder, template)));
            }
        }

        if (!string.IsNullOrEmpty(projectDirectory))
        {
            candidates.Add(Normalize(Path.Combine(projectDirectory, template)));
        }

        var all = files.ToList();
        foreach (var candidate in candidates)
        {
            var exact = all.FirstOrDefault(f => Normalize(pathOf(f)) == candidate);
            if (exact is not null)
            {
                return exact;
            }
        }

        var suffix = all.Where(f => Normalize(pathOf(f)) == wanted || Normalize(pathOf(f)).EndsWith("/" + wanted.TrimStart('/'), System.StringComparison.Ordinal)).ToList();
        return suffix.Count == 1 ? suffix[0] : null;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0))
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join("/", parts);
    }
}
