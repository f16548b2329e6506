using System;
using System.Linq;
using System.Text;

namespace CardGen.Tests.Hooks;

/// <summary>Teams Workflows URLs: both shapes, the <c>sig</c> kept out of every text the type gives.</summary>
public sealed class TeamsUrlTests
{
    internal const string Sig = "tFs9LpcdsN1pG3OGt8lUzSvoT9b3kU9ttXVmxiETPXE";

    internal const string LogicApps = "https://prod-05.westeurope.logic.azure.com:443/workflows/b840a60a611b4d3287be6d76fe1930e2/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + Sig;

    internal const string PowerPlatform = "https://942ead725f3ae61fb3309f7e87a28a.4a.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/b950a56150be4c05b3ace20939dcfd32/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + Sig;

    [Theory]
    [InlineData(LogicApps, "prod-05.westeurope.logic.azure.com", "/workflows/{id}/triggers/manual/paths/invoke")]
    [InlineData(PowerPlatform, "942ead725f3ae61fb3309f7e87a28a.4a.environment.api.powerplatform.com", "/powerautomate/automations/direct/workflows/{id}/triggers/manual/paths/invoke")]
    public void Both_shapes_parse_as_Teams_and_show_at_most_four_characters_of_the_sig(string url, string host, string template)
    {
        var hook = WebhookUrl.Parse(url);

        Assert.Equal(ChatHost.Teams, hook.ChatHost);
        Assert.Equal(WebhookFormat.TeamsWorkflow, hook.Format);
        Assert.Equal(host, hook.Host);
        Assert.Equal(template, hook.PathTemplate);
        Assert.Same(hook, hook.ToV2());
        Assert.EndsWith("&sv=1.0&sig=tFs9\u2026", hook.Redacted, StringComparison.Ordinal);
        Assert.Contains("/workflows/b" , hook.Redacted, StringComparison.Ordinal);
        Assert.Contains("\u2026/triggers/manual/paths/invoke?api-version=", hook.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("0a611b4d3287be6d", hook.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("50be4c05b3ace209", hook.Redacted, StringComparison.Ordinal);
        Assert.Equal(hook.Redacted, hook.ToString());
        Assert.DoesNotContain(Sig.Substring(4), hook.Redacted, StringComparison.Ordinal);

        // The secret URL is the one given, without the default port.
        Assert.Equal(url.Replace(":443", string.Empty, StringComparison.Ordinal), hook.RevealUri().AbsoluteUri);
        Assert.Equal(hook, WebhookUrl.Parse(url.Replace(":443", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_RingCentral_url_says_so()
    {
        Assert.Equal(ChatHost.RingCentral, WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + WebhookUrlTests.Id).ChatHost);
    }

    [Fact]
    public void Parameters_after_the_sig_are_kept_in_their_place()
    {
        var hook = WebhookUrl.Parse("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=" + Sig + "&api-version=2016-06-01&sv=1.0");

        Assert.Equal("https://x.logic.azure.com/workflows/\u2026/triggers/manual/paths/invoke?sig=tFs9\u2026&api-version=2016-06-01&sv=1.0", hook.Redacted);
        Assert.Equal("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=" + Sig + "&api-version=2016-06-01&sv=1.0", hook.RevealUri().AbsoluteUri);
    }

    [Theory]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke", "no query string")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01", "no signature")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=", "no signature")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=" + Sig, "no api-version")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig + "&sig=" + Sig, "more than once")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=tFs9Lpcd", "shorter than 20")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig + "%3D", "base64url")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig + "+", "base64url")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&&sig=" + Sig, "empty parameter")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sp=%2G&sig=" + Sig, "'sp'")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig + "#x", "fragment")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/run?api-version=1&sig=" + Sig, "not a Teams workflow path")]
    [InlineData("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke/extra?api-version=1&sig=" + Sig, "not a Teams workflow path")]
    [InlineData("https://x.logic.azure.com/powerautomate/automations/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig, "not a Teams workflow path")]
    [InlineData("https://x.logic.azure.com/workflows/a.b/triggers/manual/paths/invoke?api-version=1&sig=" + Sig, "workflow id")]
    [InlineData("http://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=" + Sig, "uses http")]
    [InlineData("https://x.logic.azure.com/workflows/a%62c/triggers/manual/paths/invoke?api-version=1&sig=" + Sig, "percent-encoding")]
    public void Bad_Teams_urls_are_rejected_with_a_reason_and_without_the_sig(string url, string reason)
    {
        var e = Assert.Throws<FormatException>(() => WebhookUrl.Parse(url));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sig.Substring(4, 12), e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sig_pasted_as_a_parameter_name_is_not_echoed_in_the_error()
    {
        var e = Assert.Throws<FormatException>(() => WebhookUrl.Parse("https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&" + Sig + "=" + Sig + "&" + Sig + "=1"));

        Assert.DoesNotContain(Sig.Substring(12), e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Generated Teams URLs (hosts, both path shapes, parameter orders, sig lengths and alphabets): whatever the type
    /// shows (Redacted, ToString, a scrubbed echo of the sig, its errors on a broken copy) holds no run of the sig
    /// longer than the four characters it keeps.
    /// </summary>
    [Fact]
    public void Fuzzed_Teams_urls_never_show_their_sig()
    {
        var random = new Random(20261206);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < 2000; i++)
        {
            var sig = new string(Enumerable.Range(0, random.Next(20, 90)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var workflow = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var host = random.Next(4) switch
            {
                0 => $"prod-{random.Next(100):00}.westeurope.logic.azure.com:443",
                1 => $"{random.Next():x}.{random.Next(256):x2}.environment.api.powerplatform.com",
                2 => "127.0.0.1:" + random.Next(1024, 65535),
                _ => "proxy.example.com",
            };
            var scheme = host.StartsWith("127.", StringComparison.Ordinal) ? "http" : "https";
            var path = random.Next(2) == 0
                ? $"/workflows/{workflow}/triggers/manual/paths/invoke"
                : $"/powerautomate/automations/direct/workflows/{workflow}/triggers/manual/paths/invoke";
            var parameters = new[] { "api-version=" + (random.Next(2) == 0 ? "2016-06-01" : "1"), "sp=%2Ftriggers%2Fmanual%2Frun", "sv=1.0", "sig=" + sig }
                .OrderBy(_ => random.Next()).ToArray();
            var url = $"{scheme}://{host}{path}?{string.Join("&", parameters)}";

            var hook = WebhookUrl.Parse(url);
            var shown = Math.Min(4, sig.Length / 5);
            var secret = sig.Substring(shown);
            Assert.Equal(ChatHost.Teams, hook.ChatHost);
            Assert.Contains("sig=" + sig, hook.RevealUri().AbsoluteUri, StringComparison.Ordinal);
            var workflowSecret = workflow.Substring(Math.Min(4, workflow.Length / 5));
            foreach (var text in new[] { hook.Redacted, hook.ToString(), hook.PathTemplate })
            {
                AssertNoRun(secret, text);
                AssertNoRun(workflowSecret, text);
            }

            // Echoes of the whole URL are scrubbed of the sig, and of the workflow id where it is long enough to be told apart.
            foreach (var text in new[] { hook.Scrub("answer for " + url), hook.Scrub(Uri.EscapeDataString(url)), hook.Scrub("\"sig\":\"" + sig.ToLowerInvariant() + "\"") })
            {
                AssertNoRun(secret, text);
                if (workflowSecret.Length >= IdEchoes.Run)
                {
                    AssertNoRun(workflowSecret, text);
                }
            }

            // A broken copy of the URL: whatever the parser says about it keeps the sig out.
            var broken = url.Insert(random.Next(url.Length), random.Next(3) switch { 0 => "&", 1 => "%", _ => "/" });
            if (!WebhookUrl.TryParse(broken, out _, out var error))
            {
                AssertNoRun(secret, error!);
            }
        }
    }

    /// <summary>No 8 characters in a row of <paramref name="secret"/> (in any case) appear in <paramref name="text"/>.</summary>
    private static void AssertNoRun(string secret, string text)
    {
        for (var start = 0; start + 8 <= secret.Length; start++)
        {
            Assert.False(text.Contains(secret.Substring(start, 8), StringComparison.OrdinalIgnoreCase), $"'{text}' shows part of the sig");
        }
    }
}
