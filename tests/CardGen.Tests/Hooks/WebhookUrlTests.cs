using System;

namespace CardGen.Tests.Hooks;

public sealed class WebhookUrlTests
{
    /// <summary>A distinctive id: its tail (after the four characters a redacted URL keeps) must never show up.</summary>
    internal const string Id = "d1f7c0de-5eed-4bad-8c0f-9e1234567abc";

    internal const string IdTail = "c0de-5eed";

    private const string Token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvdCI6ImMiLCJvaSI6IjEyMyIsImlkIjoiNDU2In0.zI1NiIsInR5cCI6IkpXVCJ9_-";

    internal static void AssertNoSecret(string? text)
    {
        if (text is null)
        {
            return;
        }

        Assert.DoesNotContain(Id, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(IdTail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token.Substring(4, 20), text, StringComparison.Ordinal);
        Assert.True(SecretEcho.Find(text, Id) is null, $"the text shows the webhook id escaped, encoded or cut: {text}");
    }

    [Theory]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id, WebhookFormat.V2, "hooks.ringcentral.com", false)]
    [InlineData("https://hooks.ringcentral.com/webhook/" + Id, WebhookFormat.V1, "hooks.ringcentral.com", false)]
    [InlineData("https://hooks.glip.com/webhook/v2/" + Id, WebhookFormat.V2, "hooks.glip.com", false)]
    [InlineData("https://hooks.glip.com/webhook/" + Id, WebhookFormat.V1, "hooks.glip.com", false)]
    [InlineData("https://hooks-glip.devtest.ringcentral.com/webhook/v2/" + Token, WebhookFormat.V2, "hooks-glip.devtest.ringcentral.com", false)]
    [InlineData("https://proxy.example.com:8443/webhook/v2/abcdefghij_KLMNOPQRS-", WebhookFormat.V2, "proxy.example.com", false)]
    [InlineData("https://hooks.example.com/webhook/v2/aaa.bbb.ccc", WebhookFormat.V2, "hooks.example.com", false)]
    [InlineData("http://127.0.0.1:5000/webhook/v2/" + Id, WebhookFormat.V2, "127.0.0.1", true)]
    [InlineData("http://127.8.9.10/webhook/" + Id, WebhookFormat.V1, "127.8.9.10", true)]
    [InlineData("http://localhost:5000/webhook/v2/" + Id, WebhookFormat.V2, "localhost", true)]
    [InlineData("http://LocalHost/webhook/v2/" + Id, WebhookFormat.V2, "localhost", true)]
    [InlineData("http://[::1]:5000/webhook/v2/" + Id, WebhookFormat.V2, "[::1]", true)]
    [InlineData("https://localhost/webhook/v2/" + Id, WebhookFormat.V2, "localhost", true)]
    [InlineData("HTTPS://Hooks.RingCentral.COM/webhook/v2/" + Id, WebhookFormat.V2, "hooks.ringcentral.com", false)]
    [InlineData("  https://hooks.ringcentral.com/webhook/v2/" + Id + "\n", WebhookFormat.V2, "hooks.ringcentral.com", false)]
    public void Valid_urls_parse(string url, WebhookFormat format, string host, bool loopback)
    {
        var hook = WebhookUrl.Parse(url);
        Assert.Equal(format, hook.Format);
        Assert.Equal(host, hook.Host);
        Assert.Equal(loopback, hook.IsLoopback);
        Assert.True(WebhookUrl.TryParse(url, out var again, out var error));
        Assert.Null(error);
        Assert.Equal(hook, again);
        AssertNoSecret(hook.ToString());
        AssertNoSecret(hook.Redacted);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(Id, "not an absolute URL")]
    [InlineData("hooks.ringcentral.com/webhook/v2/" + Id, "not an absolute URL")]
    [InlineData("/webhook/v2/" + Id, "not an absolute URL")]
    [InlineData("javascript:alert('" + Id + "')", "not an absolute URL")]
    [InlineData("ftp://hooks.ringcentral.com/webhook/v2/" + Id, "scheme 'ftp'")]
    [InlineData(Id + "://hooks.ringcentral.com/webhook/v2/x", "does not start with https://")]
    [InlineData("http://hooks.ringcentral.com/webhook/v2/" + Id, "uses http")]
    [InlineData("http://10.0.0.5/webhook/v2/" + Id, "uses http")]
    [InlineData("http://127.0.0.1.evil.example/webhook/v2/" + Id, "uses http")]
    [InlineData("https://user:pass@hooks.ringcentral.com/webhook/v2/" + Id, "user information")]
    [InlineData("https://" + Id + "@hooks.ringcentral.com/webhook/v2/" + Id, "user information")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + "?x=1", "query string")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + "?", "query string")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + "#top", "fragment")]
    [InlineData("https://hooks.ringcentral.com/webhooks/v2/" + Id, "/webhooks/ (plural)")]
    [InlineData("https://hooks.ringcentral.com/webhooks/" + Id, "/webhooks/ (plural)")]
    [InlineData("https://hooks.ringcentral.com/webhook/v3/" + Id, "/webhook/v3/")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + "/extra", "extra segments")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/x/" + Id, "extra segments")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + "/", "ends with '/'")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/", "no webhook id")]
    [InlineData("https://hooks.ringcentral.com/webhook/", "no webhook id")]
    [InlineData("https://hooks.ringcentral.com/", "no path")]
    [InlineData("https://hooks.ringcentral.com", "no path")]
    [InlineData("https://hooks.ringcentral.com/api/webhook/v2/" + Id, "not a webhook path")]
    [InlineData("https://hooks.ringcentral.com/Webhook/v2/" + Id, "not a webhook path")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/d1f7c0de 5eed-4bad-8c0f-9e1234567abc", "space")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/d1f7c0de%2F5eed-4bad-8c0f-9e1234567abc", "percent-encoding")]
    [InlineData("https://hooks.ringcentral.com\\webhook\\v2\\" + Id, "backslash")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + ":1", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + ".x", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/d1f7c0de5eed", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/" + Id + ".a.b.c", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/d1f7c0de-5eed..9e1234567abc", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/{" + Id + "}", "webhook id is not")]
    [InlineData("https://hooks.ringcentral.com/webhook/v2/d1f7c0dé-5eed-4bad-8c0f-9e1234567abc", "non-ASCII")]
    [InlineData("https:///webhook/v2/" + Id, "no host")]
    [InlineData("https://hooks.ringcentral.com:99999/webhook/v2/" + Id, "host or port is not valid")]
    [InlineData("https://hooks_ringcentral..com/webhook/v2/" + Id, "host or port is not valid")]
    public void Invalid_urls_are_rejected_with_a_reason_and_without_the_id(string url, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => WebhookUrl.Parse(url));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception.ToString());

        Assert.False(WebhookUrl.TryParse(url, out var result, out var error));
        Assert.Null(result);
        Assert.Equal(exception.Message, error);
        Assert.False(WebhookUrl.TryParse(url, out _));
    }

    [Fact]
    public void Null_is_an_argument_error_for_Parse_and_false_for_TryParse()
    {
        Assert.Throws<ArgumentNullException>(() => WebhookUrl.Parse(null!));
        Assert.False(WebhookUrl.TryParse(null, out var result, out var error));
        Assert.Null(result);
        Assert.NotNull(error);
    }

    [Fact]
    public void Redaction_keeps_four_characters_of_the_id()
    {
        var v2 = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id);
        Assert.Equal("https://hooks.ringcentral.com/webhook/v2/d1f7\u2026", v2.Redacted);
        Assert.Equal(v2.Redacted, v2.ToString());
        Assert.Equal(v2.Redacted, $"{v2}");

        var v1 = WebhookUrl.Parse("https://hooks.glip.com/webhook/" + Id);
        Assert.Equal("https://hooks.glip.com/webhook/d1f7\u2026", v1.ToString());

        var token = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Token);
        Assert.Equal("https://hooks.ringcentral.com/webhook/v2/eyJh\u2026", token.ToString());

        // A short token keeps proportionally less of itself.
        Assert.Equal("https://hooks.example.com/webhook/v2/aa\u2026", WebhookUrl.Parse("https://hooks.example.com/webhook/v2/aaaa.bbbb.cc").ToString());
    }

    [Fact]
    public void RevealUri_returns_the_normalized_secret_url()
    {
        var hook = WebhookUrl.Parse("HTTPS://Hooks.RingCentral.com:443/webhook/v2/" + Id);
        Assert.Equal("https://hooks.ringcentral.com/webhook/v2/" + Id, hook.RevealUri().AbsoluteUri);

        var local = WebhookUrl.Parse("http://127.0.0.1:5080/webhook/" + Id);
        Assert.Equal("http://127.0.0.1:5080/webhook/" + Id, local.RevealUri().AbsoluteUri);
    }

    [Fact]
    public void ToV2_inserts_v2_and_keeps_a_v2_url()
    {
        var v1 = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/" + Id);
        var v2 = v1.ToV2();
        Assert.Equal(WebhookFormat.V2, v2.Format);
        Assert.Equal("https://hooks.ringcentral.com/webhook/v2/" + Id, v2.RevealUri().AbsoluteUri);
        Assert.Equal(WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id), v2);
        Assert.Same(v2, v2.ToV2());
        Assert.NotEqual(v1, v2);

        var local = WebhookUrl.Parse("http://localhost:9000/webhook/" + Id).ToV2();
        Assert.True(local.IsLoopback);
        Assert.Equal("http://localhost:9000/webhook/v2/" + Id, local.RevealUri().AbsoluteUri);
    }

    [Fact]
    public void Equality_compares_the_normalized_url_ordinally()
    {
        var a = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id);
        var b = WebhookUrl.Parse("HTTPS://HOOKS.RINGCENTRAL.COM:443/webhook/v2/" + Id);
        var upperId = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id.ToUpperInvariant());
        var otherHost = WebhookUrl.Parse("https://hooks.glip.com/webhook/v2/" + Id);

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.False(a == upperId);
        Assert.True(a != otherHost);
        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.True((WebhookUrl?)null == null);
    }

    [Theory]
    [InlineData(Id, true)]
    [InlineData("AbCdEfGhIjKlMnOpQrSt", true)]
    [InlineData("a1.b_2.c-3", true)]
    [InlineData("short", false)]
    [InlineData("a..c", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("d1f7c0de 5eed 4bad 8c0f 9e1234567abc", false)]
    [InlineData("d1f7c0de-5eed-4bad-8c0f-9e1234567ab%", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_accepts_the_forms_RingCentral_issues_and_nothing_else(string? id, bool valid)
    {
        Assert.Equal(valid, WebhookUrl.IsValidId(id));
        if (id is not null)
        {
            Assert.Equal(valid, WebhookUrl.TryParse($"https://hooks.ringcentral.com/webhook/v2/{id}", out _));
        }
    }
}
