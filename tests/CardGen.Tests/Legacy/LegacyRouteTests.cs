using System;
using System.Threading.Tasks;
using CardGen.Legacy;

namespace CardGen.Tests.Legacy;

public sealed class LegacyRouteTests
{
    private const string Id = "3053f6cf-b6de-418c-a6cd-2eb222cdab4e";

    [Fact]
    public void ToV1_is_the_same_webhook_on_the_v1_path_and_still_redacted()
    {
        var v2 = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id);

        var v1 = v2.ToV1();

        Assert.Equal(WebhookFormat.V1, v1.Format);
        Assert.Equal("https://hooks.ringcentral.com/webhook/" + Id, v1.RevealUri().AbsoluteUri);
        Assert.Equal("https://hooks.ringcentral.com/webhook/3053\u2026", v1.ToString());
        Assert.Same(v1, v1.ToV1());
        Assert.Equal(v2, v1.ToV2());
    }

    [Fact]
    public async Task A_teams_url_has_no_v1_form_and_takes_no_legacy_message_and_its_sig_is_not_shown()
    {
        var teams = WebhookUrl.Parse(Hooks.TeamsUrlTests.LogicApps);
        using var client = new ChatHookClient();

        var noV1 = Assert.Throws<InvalidOperationException>(() => teams.ToV1());
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.PostAsync(teams, new LegacyMessage { Body = "b" }));

        Assert.Equal("hook", refused.ParamName);
        Assert.Contains("RingCentral", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Hooks.TeamsUrlTests.Sig[4..], noV1.Message + refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_refuses_null_arguments()
    {
        using var client = new ChatHookClient();
        var hook = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/" + Id);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostAsync(null!, new LegacyMessage { Body = "b" }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostAsync(hook, (LegacyMessage)null!));
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PostAsync(hook, new LegacyMessage { Body = "b" }));
    }
}
