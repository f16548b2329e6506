namespace CardGen.Analyzer.Tests;

/// <summary>Source shapes shared by the tests.</summary>
internal static class Sources
{
    /// <summary>
    /// A [ChatCard] type with a hand-written stand-in for the generated builder (a ChatCardBuilder nested in the card
    /// type, as the generator writes it), and a method that runs <paramref name="body"/> on a builder <c>b</c>.
    /// </summary>
    public static string BuilderCard(string attribute, string body) => $$"""
        [ChatCard({{attribute}})]
        public partial class Deploy
        {
            [CardText] public string Name { get; set; } = "";

            public sealed class CardBuilder : ChatCardBuilder<CardBuilder>
            {
                protected override AdaptiveCard RenderCard() => new AdaptiveCard();

                protected override WebhookMessage CreateMessage(AdaptiveCard card) => new WebhookMessage();
            }
        }

        public static class Use
        {
            public static void Build(Deploy.CardBuilder b)
            {
                {{body}}
            }
        }
        """;
}
