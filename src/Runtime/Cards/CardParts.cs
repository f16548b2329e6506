using System.Collections.Generic;
using System.Text.Json;
using CardGen.Json;

namespace CardGen.Cards;

/// <summary>How a host refreshes the card automatically (1.4): an <c>Action.Execute</c> run when the card is shown.</summary>
public sealed class Refresh : CardObject
{
    /// <summary>Creates an empty refresh; set <see cref="Action"/>.</summary>
    public Refresh()
    {
    }

    /// <summary>Creates a refresh.</summary>
    /// <param name="action">The action the host runs, normally an <see cref="ExecuteAction"/>.</param>
    public Refresh(CardAction action) => Action = action;

    /// <summary>The action the host runs, normally an <see cref="ExecuteAction"/>.</summary>
    public CardAction? Action { get; set; }

    /// <summary>The users whose clients refresh automatically; others get a manual refresh button.</summary>
    public IList<string>? UserIds { get; set; }

    /// <summary>When the card stops refreshing, an ISO 8601 date and time (1.6).</summary>
    public string? Expires { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.Object(writer, PropertyNames.Action, Action);
        JsonWrite.Strings(writer, PropertyNames.UserIds, UserIds, this);
        JsonWrite.String(writer, PropertyNames.Expires, Expires);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "action" when JsonRead.Action(value, out var action):
                Action = action;
                return true;
            case "userIds" when JsonRead.Strings(value, out var userIds):
                UserIds = userIds;
                return true;
            case "expires" when JsonRead.String(value, out var expires):
                Expires = expires;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>How a host signs the user in for the card's universal actions (1.4).</summary>
public sealed class Authentication : CardObject
{
    /// <summary>The text of the sign-in prompt.</summary>
    public string? Text { get; set; }

    /// <summary>The identifier of the OAuth connection to use.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>The resource a single sign-on token is exchanged for.</summary>
    public TokenExchangeResource? TokenExchangeResource { get; set; }

    /// <summary>The sign-in buttons.</summary>
    public IList<AuthCardButton>? Buttons { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Text, Text);
        JsonWrite.String(writer, PropertyNames.ConnectionName, ConnectionName);
        JsonWrite.Object(writer, PropertyNames.TokenExchangeResource, TokenExchangeResource);
        JsonWrite.List(writer, PropertyNames.Buttons, Buttons, this);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "text" when JsonRead.String(value, out var text):
                Text = text;
                return true;
            case "connectionName" when JsonRead.String(value, out var connectionName):
                ConnectionName = connectionName;
                return true;
            case "tokenExchangeResource" when JsonRead.Object<TokenExchangeResource>(value, out var resource):
                TokenExchangeResource = resource;
                return true;
            case "buttons" when JsonRead.Objects<AuthCardButton>(value, out var buttons):
                Buttons = buttons;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A sign-in button of <see cref="Authentication"/> (1.4).</summary>
public sealed class AuthCardButton : CardObject
{
    /// <summary>Creates an empty button; set <see cref="Type"/>.</summary>
    public AuthCardButton()
    {
    }

    /// <summary>Creates a button.</summary>
    /// <param name="type">The kind of button, for example <c>signin</c>.</param>
    /// <param name="value">The value of the button, for example the sign-in URL.</param>
    public AuthCardButton(string type, string? value = null)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The kind of button, for example <c>signin</c> (required). A data property here, not a discriminator.</summary>
    public string? Type { get; set; }

    /// <summary>The button's label.</summary>
    public string? Title { get; set; }

    /// <summary>The URL of an image shown on the button.</summary>
    public string? Image { get; set; }

    /// <summary>The value of the button, for example the sign-in URL.</summary>
    public string? Value { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Type, Type);
        JsonWrite.String(writer, PropertyNames.Title, Title);
        JsonWrite.String(writer, PropertyNames.Image, Image);
        JsonWrite.String(writer, PropertyNames.Value, Value);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "type" when JsonRead.String(value, out var type):
                Type = type;
                return true;
            case "title" when JsonRead.String(value, out var title):
                Title = title;
                return true;
            case "image" when JsonRead.String(value, out var image):
                Image = image;
                return true;
            case "value" when JsonRead.String(value, out var text):
                Value = text;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>The resource a single sign-on token is exchanged for (1.4).</summary>
public sealed class TokenExchangeResource : CardObject
{
    /// <summary>The resource's id (required).</summary>
    public string? Id { get; set; }

    /// <summary>The resource's URI (required).</summary>
    public string? Uri { get; set; }

    /// <summary>The id of the identity provider (required).</summary>
    public string? ProviderId { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.Id, Id);
        JsonWrite.String(writer, PropertyNames.Uri, Uri);
        JsonWrite.String(writer, PropertyNames.ProviderId, ProviderId);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "id" when JsonRead.String(value, out var id):
                Id = id;
                return true;
            case "uri" when JsonRead.String(value, out var uri):
                Uri = uri;
                return true;
            case "providerId" when JsonRead.String(value, out var providerId):
                ProviderId = providerId;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Metadata about the card (1.6).</summary>
public sealed class Metadata : CardObject
{
    /// <summary>The URL of a web page showing the card's content.</summary>
    public string? WebUrl { get; set; }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        JsonWrite.String(writer, PropertyNames.WebUrl, WebUrl);
        WriteAdditionalProperties(writer);
        writer.WriteEndObject();
    }

    internal override bool ReadProperty(string name, JsonElement value)
    {
        switch (name)
        {
            case "webUrl" when JsonRead.String(value, out var webUrl):
                WebUrl = webUrl;
                return true;
            default:
                return false;
        }
    }
}
