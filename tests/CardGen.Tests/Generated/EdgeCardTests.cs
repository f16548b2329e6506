using System;
using System.Collections.Generic;
using System.Linq;
using CardGen.Cards;

namespace CardGen.Tests.Generated;

public sealed class EdgeCardTests
{
    private static Invoice Sample() => new()
    {
        @class = "B2B",
        source = "billing",
        Version = new Version(2, 1),
        Kind = Keyword.@class,
        Due = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
        Prices = new Dictionary<string, Money?> { ["Net"] = new Money { Amount = 10m }, ["Discount"] = null },
        Note = new Note { Text = "struct part" },
        Notes = new List<Note> { new() { Text = "first" }, new() },
    };

    [Fact]
    public void Edge_shapes_render_and_both_writers_agree()
    {
        var invoice = Sample();
        var card = invoice.ToAdaptiveCard();

        Assert.Equal(card.ToJson(), invoice.ToCardJson());
        Assert.Equal("Invoice B2B", ((TextBlock)card.Body[0]).Text);
        var facts = card.Body.OfType<FactSet>().Single().Facts.ToDictionary(f => f.Title!, f => f.Value);
        Assert.Equal("2.1", facts["Version"]);
        Assert.Equal("class", facts["Kind"]);
        Assert.Equal("billing", facts["Source"]);
        Assert.Equal("10 EUR", facts["Net"]);
        Assert.False(facts.ContainsKey("Discount"));
        Assert.Equal(3, card.Body.OfType<Container>().Count());
    }

    [Fact]
    public void Members_named_as_the_generated_parameters_and_locals_render_their_own_values()
    {
        var shadowing = new Shadowing { s = "S-value", t = "T-value", p = "P-value", value = "V-value" };
        var card = shadowing.ToAdaptiveCard();

        Assert.Equal(card.ToJson(), shadowing.ToCardJson());
        Assert.Equal(card.ToJson(), shadowing.ToCardBuilder().Build().ToJson());
        Assert.Equal("Shadow T-value", ((TextBlock)card.Body[0]).Text);
        var facts = card.Body.OfType<FactSet>().Single().Facts.ToDictionary(f => f.Title!, f => f.Value);
        Assert.Equal("S-value", facts["S"]);
        Assert.Equal("T-value", facts["T"]);
        Assert.Equal("V-value", facts["Value"]);
        Assert.Equal("P-value", card.Body.OfType<TextBlock>().Last().Text);
        Assert.Equal("S-value and P-value", card.FallbackText);
    }

    [Fact]
    public void Dates_in_the_notification_and_activity_are_plain_text()
    {
        var invoice = Sample();

        Assert.Equal("Due 2026-12-01 09:30 UTC", invoice.ToAdaptiveCard().FallbackText);
        Assert.Equal("{{DATE(2026-12-01T09:30:00Z, SHORT)}} {{TIME(2026-12-01T09:30:00Z)}}", invoice.ToAdaptiveCard().Body.OfType<FactSet>().Single().Facts.Single(f => f.Title == "Due").Value);
    }
}
