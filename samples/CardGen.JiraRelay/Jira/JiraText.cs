using System;
using System.Text;
using System.Text.Json;
using CardGen.JiraRelay.Relay;

namespace CardGen.JiraRelay.Jira;

/// <summary>Reads the text of a Jira comment body: a plain string, or an Atlassian Document Format (ADF) document.</summary>
internal static class JiraText
{
    /// <summary>The body as text; <see langword="null"/> when it is absent, null or neither a string nor an ADF object.</summary>
    /// <exception cref="PayloadException">A string in it is not Unicode (an escaped lone surrogate such as <c>\udc00</c>).</exception>
    public static string? Read(JsonElement body)
    {
        try
        {
            return ReadText(body);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws this, not JsonException, for text .NET cannot hold.
            throw new PayloadException("comment.body holds text that is not Unicode (an escaped lone surrogate such as \\udc00).");
        }
    }

    private static string? ReadText(JsonElement body)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.String:
                return body.GetString();
            case JsonValueKind.Object:
                var text = new StringBuilder();
                AppendAdf(body, text);
                return text.ToString().Trim();
            default:
                return null;
        }
    }

    // ADF is a tree of nodes; the words are in "text" nodes, and block nodes (paragraphs, list items, headings) end lines.
    private static void AppendAdf(JsonElement node, StringBuilder text)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "text" && node.TryGetProperty("text", out var words) && words.ValueKind == JsonValueKind.String)
        {
            text.Append(words.GetString());
        }
        else if (type == "hardBreak")
        {
            text.Append('\n');
        }

        if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in content.EnumerateArray())
            {
                AppendAdf(child, text);
            }
        }

        if (type is "paragraph" or "heading" or "listItem" or "codeBlock" or "blockquote" && text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
