using System;
using System.IO;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Schema;

namespace CardGen.Tests.Hooks;

public sealed class WebhookMessageTests
{
    [Fact]
    public void ForCard_writes_the_card_itself_as_the_attachment()
    {
        var card = new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock("Deploy OK") { Wrap = true } } };
        var json = WebhookMessage.ForCard(card, activity: "Build bot").ToJson();
        Assert.Equal("""{"activity":"Build bot","attachments":[{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Deploy OK","wrap":true}]}]}""", json);
    }

    [Fact]
    public void Every_field_is_written_in_order_and_null_fields_are_left_out()
    {
        var message = new WebhookMessage { Activity = "a", Title = "**t**", IconUri = "https://example.com/i.png", Text = "hello" };
        Assert.Equal("""{"activity":"a","title":"**t**","iconUri":"https://example.com/i.png","text":"hello"}""", message.ToJson());
        Assert.Equal("""{"text":"hi"}""", new WebhookMessage { Text = "hi" }.ToJson());
    }

    [Fact]
    public void Only_what_json_requires_is_escaped()
    {
        var json = new WebhookMessage { Text = "Café ✓ <b> & \"q\"\n" }.ToJson();
        Assert.Equal("{\"text\":\"Café ✓ <b> & \\\"q\\\"\\n\"}", json);
        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(new WebhookMessage { Text = "Café ✓ <b> & \"q\"\n" }.ToUtf8Json()));
    }

    [Fact]
    public void WriteTo_writes_into_a_callers_writer()
    {
        var message = WebhookMessage.ForCard(new AdaptiveCard(CardVersion.V1_3) { Body = { new TextBlock("x") } }, title: "T", iconUri: "https://e.com/i.png");
        message.Attachments.Add(new AdaptiveCard(CardVersion.V1_0) { Body = { new TextBlock("y") } });
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            message.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("activity", out _));
        Assert.Equal("T", root.GetProperty("title").GetString());
        Assert.Equal(2, root.GetProperty("attachments").GetArrayLength());
        Assert.Equal("1.0", root.GetProperty("attachments")[1].GetProperty("version").GetString());
        Assert.False(root.GetProperty("attachments")[0].TryGetProperty("contentType", out _));
    }

    [Fact]
    public void A_message_without_text_or_attachments_cannot_be_written()
    {
        Assert.Throws<InvalidOperationException>(() => new WebhookMessage().ToJson());
        Assert.Throws<InvalidOperationException>(() => new WebhookMessage { Activity = "a", Text = "" }.ToUtf8Json());
        var withNull = new WebhookMessage { Text = "x" };
        withNull.Attachments.Add(null!);
        Assert.Throws<InvalidOperationException>(() => withNull.ToJson());
        Assert.Throws<ArgumentNullException>(() => new WebhookMessage { Text = "x" }.WriteTo(null!));
        Assert.Throws<ArgumentNullException>(() => WebhookMessage.ForCard(null!));
    }
}
