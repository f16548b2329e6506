using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace CardGen.Tests.Hooks;

/// <summary>
/// Text a host sends back is shown (a response's <c>ToString()</c>, an exception's message and error) without the
/// webhook id in any form it may have been echoed in, not only where the id appears literally.
/// </summary>
public sealed class RedactionTests : HookClientTest
{
    private static readonly WebhookUrl Url = WebhookUrl.Parse("https://hooks.ringcentral.com/webhook/v2/" + Id);

    /// <summary>The id's echoes, named, each with the text around it.</summary>
    public static TheoryData<string, string> Echoes() => new()
    {
        { "as is", $"unknown hook {Id}!" },
        { "upper case", $"unknown hook {Id.ToUpperInvariant()}!" },
        { "every letter \\u-escaped", $"unknown hook {Escaped(Id, _ => true)}!" },
        { "some letters \\u-escaped, upper-case hex", $"unknown hook {string.Concat(Id.Select((c, i) => i % 3 == 0 ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()))}!" },
        { "escaped twice", $"unknown hook {string.Concat(Id.Select((c, i) => i % 2 == 0 ? "\\\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()))}!" },
        { "in a URL with escaped slashes", $"https:\\/\\/hooks.ringcentral.com\\/webhook\\/v2\\/{Id}" },
        { "percent-encoded", $"/webhook/v2/{string.Concat(Id.Select(c => "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)))}" },
        { "hyphens percent-encoded", $"/webhook/v2/{Id.Replace("-", "%2d", StringComparison.Ordinal)}" },
        { "percent-encoded twice", $"/webhook/v2/{Id.Replace("-", "%252D", StringComparison.Ordinal)}" },
        { "first letter eaten by an escape", $"hook \\{Id}" },
        { "first letter cut", $"hook {Id[1..]}" },
        { "last letters cut", $"hook {Id[..^5]}" },
        { "twelve of the secret letters", $"hook …{Id.Substring(10, 12)}…" },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Scrub_removes_every_echo_of_the_id(string form, string text)
    {
        Assert.True(SecretEcho.Find(text, Id) is not null, $"the case '{form}' does not hold the id");

        var scrubbed = Url.Scrub(text);

        Assert.True(SecretEcho.Find(scrubbed, Id) is null, $"{form}: '{scrubbed}' still shows the id");
        Assert.Contains("\u2026", scrubbed, StringComparison.Ordinal);
        Assert.True(Url.Reveals(text), $"{form}: Reveals says '{text}' does not show the id");
        Assert.False(Url.Reveals(scrubbed), $"{form}: Reveals says '{scrubbed}' still shows the id");
    }

    [Theory]
    [InlineData("""{"status":"error","message":"Webhook not found!","escaped":"\u0041\\\/\u00e9"}""")]
    [InlineData("d1f7 and 5eed-4bad-8 are short pieces; 100%25 and \\u12 and a lone \\")]
    [InlineData("")]
    public void Scrub_leaves_text_without_the_id_as_it_is(string text)
    {
        Assert.Equal(text, Url.Scrub(text));
        Assert.False(Url.Reveals(text));
    }

    [Fact]
    public void The_id_as_is_keeps_the_four_characters_a_redacted_URL_shows()
        => Assert.Equal("hook d1f7\u2026 and D1F7\u2026", Url.Scrub($"hook {Id} and {Id.ToUpperInvariant()}"));

    [Fact]
    public async Task A_response_body_that_echoes_the_id_escaped_shows_none_of_it()
    {
        Server.Default = Reply.Json(200, $$"""{"status":"OK","hook":"{{Escaped(Id, c => c != '-')}}","url":"https:\/\/x\/webhook\/v2\/{{Id[1..]}}"}""");
        using var client = Client();

        var response = await client.PostAsync(Hook, ValidCard());

        Assert.Null(SecretEcho.Find(response.ToString(), Id));
        Assert.StartsWith("""HTTP 200 in 1 attempt(s): {"status":"OK","hook":"\u0064\u0031\u0066\u0037""", response.ToString(), StringComparison.Ordinal);
        Assert.NotNull(SecretEcho.Find(response.Body, Id)); // the body itself is as received
    }

    [Fact]
    public async Task An_error_shown_as_raw_JSON_shows_none_of_an_escaped_id()
    {
        // An error object with neither message nor code is shown as its JSON text, escapes as written.
        Server.Default = Reply.Json(400, $$"""{"status":"error","error":{"hook":"{{Escaped(Id, _ => true)}}"},"validation":[{"at":"{{Id[2..]}}"}, 7]}""");
        using var client = Client();

        var e = await Fails<ChatHookException>(() => client.PostAsync(Hook, ValidCard()));

        Assert.Equal(ChatHookFailure.HostError, e.Failure);
        Assert.StartsWith("""{"hook":""", e.Error, StringComparison.Ordinal);
        Assert.Null(SecretEcho.Find(e.Error, Id));
        Assert.Null(SecretEcho.Find(e.Message, Id));
        Assert.Null(SecretEcho.Find(string.Join("\n", e.Validation), Id));
        Assert.Null(SecretEcho.Find(e.ToString(), Id));
    }

    private static string Escaped(string text, Func<char, bool> escape)
        => string.Concat(text.Select(c => escape(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));
}
