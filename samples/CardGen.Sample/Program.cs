using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;

// Builds the card a CI server would post when a build fails, checks it against what RingCentral renders,
// and prints the findings and the JSON that would be posted.
var card = new AdaptiveCard(CardVersion.V1_3)
{
    FallbackText = "Build 1842 of payments-api failed on main",
    Body =
    {
        new TextBlock("Build 1842 of payments-api failed") { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true },
        new TextBlock("3 tests failed in PaymentsApi.Tests") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        new FactSet(
            new Fact("Branch", "main"),
            new Fact("Commit", "9f3c2e1 Retry idempotent refunds"),
            new Fact("Author", "Dana Reyes"),
            new Fact("Started", "{{DATE(2026-11-27T09:14:00Z, SHORT)}} {{TIME(2026-11-27T09:14:00Z)}}")),
        new Container(new TextBlock("RefundTests.Retries_are_idempotent: expected 1 refund, got 2") { FontType = FontType.Monospace, Wrap = true })
        {
            Style = ContainerStyle.Attention,
        },
    },
    Actions =
    {
        new OpenUrlAction("Open build", "https://ci.example.com/payments-api/builds/1842"),
        new OpenUrlAction("View commit", "https://git.example.com/payments-api/commit/9f3c2e1"),
    },
};

var result = card.Validate(HostProfile.RingCentral);
Console.WriteLine(result.ToString().TrimEnd());
Console.WriteLine();

using (var output = Console.OpenStandardOutput())
using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    card.WriteTo(writer);
}

Console.WriteLine();
return result.IsValid ? 0 : 1;
