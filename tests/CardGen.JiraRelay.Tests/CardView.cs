using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Emulator;
using CardGen.Schema;

namespace CardGen.JiraRelay.Tests;

/// <summary>What a card posted to the emulator shows: its texts, its facts and its buttons, read from its JSON.</summary>
internal sealed class CardView
{
    private CardView(JsonElement card)
    {
        Json = card.GetRawText();
        Walk(card);
    }

    public string Json { get; }

    public List<string> Texts { get; } = [];

    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>The one card of <paramref name="post"/>, after checking that the emulator accepted it and that it is valid for RingCentral.</summary>
    public static CardView Of(RecordedPost post)
    {
        Assert.True(post.Verdict == PostVerdict.Accepted, post.ToString());
        var card = Assert.Single(post.Cards);
        var result = AdaptiveCard.Parse(card.GetRawText()).Validate(HostProfile.RingCentral);
        Assert.True(result.IsValid, result.ToString());
        return new CardView(card);
    }

    /// <summary>Whether some text block holds <paramref name="text"/>.</summary>
    public bool Shows(string text) => Texts.Any(t => t.Contains(text, StringComparison.Ordinal));

    private void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "TextBlock")
                {
                    Texts.Add(element.GetProperty("text").GetString()!);
                }
                else if (type == "FactSet")
                {
                    foreach (var fact in element.GetProperty("facts").EnumerateArray())
                    {
                        // Add, not set: a card that shows one title twice fails here.
                        Facts.Add(fact.GetProperty("title").GetString()!, fact.GetProperty("value").GetString()!);
                    }
                }
                else if (type == "Action.OpenUrl")
                {
                    Links.Add(element.GetProperty("title").GetString()!, element.GetProperty("url").GetString()!);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
        }
    }

    public override string ToString() => Json;
}
