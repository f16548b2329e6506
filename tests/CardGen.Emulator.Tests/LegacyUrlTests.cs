using System.Threading.Tasks;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Emulator.Tests;

/// <summary>
/// <see cref="ChatHookClient"/> against the emulator's two routes: a <see cref="WebhookMessage"/> is written in the v2
/// schema, so every post to a legacy v1 URL, text-only included, must reach the v2 route of the same webhook.
/// </summary>
public sealed class LegacyUrlTests : IAsyncLifetime
{
    private HookEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await HookEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(HookRoute.V1, false)]
    [InlineData(HookRoute.V1, true)]
    [InlineData(HookRoute.V2, false)]
    [InlineData(HookRoute.V2, true)]
    public async Task A_message_to_either_url_is_accepted_and_recorded_on_the_v2_route(HookRoute route, bool withCard)
    {
        var message = new WebhookMessage { Activity = "CI", IconUri = "https://ci.example.com/icon.png", Text = "Build 1842 of **payments-api** failed" };
        if (withCard)
        {
            message.Attachments.Add(new AdaptiveCard(CardVersion.V1_3)
            {
                FallbackText = "Build 1842 failed",
                Body = { new TextBlock("Build 1842 failed") { Wrap = true } },
            });
        }

        using var client = new ChatHookClient();
        var response = await client.PostAsync(_emulator.GetUrl(_emulator.DefaultHookId, route), message);

        Assert.Equal(200, response.StatusCode);
        var post = Assert.Single(_emulator.Posts);
        Assert.Equal(PostVerdict.Accepted, post.Verdict);
        Assert.Equal(HookRoute.V2, post.Route);
        Assert.Equal(_emulator.DefaultHookId, post.HookId);
        Assert.Equal("Build 1842 of **payments-api** failed", post.Text);
        Assert.Equal("CI", post.Activity);
        Assert.Equal(withCard ? 1 : 0, post.Cards.Count);
    }
}
