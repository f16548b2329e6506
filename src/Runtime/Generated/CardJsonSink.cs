using System;
using System.Text.Json;
using CardGen.Cards;
using CardGen.Json;
using CardGen.Schema;

namespace CardGen.Generated;

/// <summary>
/// Writes a rendered card (or a part's elements) as JSON, equal to what the card model writes for the same card:
/// pre-encoded names and enum spellings, no allocation. The body and actions arrays open with their first item.
/// </summary>
internal struct CardJsonSink : ICardSink
{
    private static readonly JsonEncodedText AdaptiveCardType = JsonEncodedText.Encode(SchemaCatalog.AdaptiveCardType);
    private static readonly JsonEncodedText TextBlockType = JsonEncodedText.Encode(SchemaCatalog.TypeNames.TextBlock);
    private static readonly JsonEncodedText FactSetType = JsonEncodedText.Encode(SchemaCatalog.TypeNames.FactSet);
    private static readonly JsonEncodedText ImageType = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Image);
    private static readonly JsonEncodedText ContainerType = JsonEncodedText.Encode(SchemaCatalog.TypeNames.Container);
    private static readonly JsonEncodedText OpenUrlType = JsonEncodedText.Encode(SchemaCatalog.TypeNames.OpenUrl);

    private readonly Utf8JsonWriter _writer;
    private readonly bool _part;
    private bool _heading;
    private bool _body;
    private bool _facts;
    private bool _actions;

    /// <summary>A sink for a whole card (<paramref name="part"/> false) or for elements inside an array.</summary>
    public CardJsonSink(Utf8JsonWriter writer, bool part)
    {
        _writer = writer;
        _part = part;
        _heading = false;
        _body = false;
        _facts = false;
        _actions = false;
    }

    public void Card(string version)
    {
        if (_part)
        {
            return;
        }

        var known = CardVersions.Get(version);
        _heading = known.SupportsHeading;
        _writer.WriteStartObject();
        _writer.WriteString(PropertyNames.Type, AdaptiveCardType);
        _writer.WriteString(PropertyNames.Version, known.Text);
    }

    public void Title(ref CardTemplateText title)
    {
        if (_part)
        {
            title.Clear();
            return;
        }

        StartElement(TextBlockType);
        title.WriteTo(_writer, PropertyNames.Text);
        _writer.WriteString(PropertyNames.Size, CardEnums.FontSize.Name(FontSize.Large));
        _writer.WriteString(PropertyNames.Weight, CardEnums.FontWeight.Name(FontWeight.Bolder));
        _writer.WriteBoolean(PropertyNames.Wrap, true);
        if (_heading)
        {
            _writer.WriteString(PropertyNames.Style, CardEnums.TextBlockStyle.Name(TextBlockStyle.Heading));
        }

        _writer.WriteEndObject();
    }

    public void Text(string? text, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        if (text is null)
        {
            return;
        }

        StartElement(TextBlockType);
        _writer.WriteString(PropertyNames.Text, markdown ? text : CardText.EscapeMarkdown(text));
        EndText(color, isSubtle, maxLines, size, weight, wrap);
    }

    public void Text(Uri? url, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        if (url is not null)
        {
            Text(CardText.Url(url), markdown, color, isSubtle, maxLines, size, weight, wrap);
        }
    }

    public void Text<T>(T value, string? format, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        where T : IFormattable?
    {
        if (value is null)
        {
            return;
        }

        StartElement(TextBlockType);
        var text = new CardTemplateText(stackalloc char[64], markdown: !markdown);
        text.Append(value, format);
        text.WriteTo(_writer, PropertyNames.Text);
        EndText(color, isSubtle, maxLines, size, weight, wrap);
    }

    public void EnumText<TEnum>(TEnum value, string? format, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        where TEnum : struct, Enum
    {
        StartElement(TextBlockType);
        var text = new CardTemplateText(stackalloc char[64], markdown: !markdown);
        text.AppendEnum(value, format);
        text.WriteTo(_writer, PropertyNames.Text);
        EndText(color, isSubtle, maxLines, size, weight, wrap);
    }

    public void Text(DateTimeOffset value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        StartElement(TextBlockType);
        CardText.WriteDateTime(_writer, PropertyNames.Text, value);
        EndText(color, isSubtle, maxLines, size, weight, wrap);
    }

    public void Text(DateTime value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        => Text(CardText.ToOffset(value), markdown, color, isSubtle, maxLines, size, weight, wrap);

    public void Fact(string title, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartFact(title);
        _writer.WriteString(PropertyNames.Value, CardText.EscapeMarkdown(value));
        _writer.WriteEndObject();
    }

    public void Fact(string title, Uri? value)
    {
        if (value is not null)
        {
            Fact(title, CardText.Url(value));
        }
    }

    public void Fact<T>(string title, T value, string? format)
        where T : IFormattable?
    {
        if (value is null)
        {
            return;
        }

        StartFact(title);
        var text = new CardTemplateText(stackalloc char[64], markdown: true);
        text.Append(value, format);
        text.WriteTo(_writer, PropertyNames.Value);
        _writer.WriteEndObject();
    }

    public void EnumFact<TEnum>(string title, TEnum value, string? format)
        where TEnum : struct, Enum
    {
        StartFact(title);
        var text = new CardTemplateText(stackalloc char[64], markdown: true);
        text.AppendEnum(value, format);
        text.WriteTo(_writer, PropertyNames.Value);
        _writer.WriteEndObject();
    }

    public void Fact(string title, DateTimeOffset value)
    {
        StartFact(title);
        CardText.WriteDateTime(_writer, PropertyNames.Value, value);
        _writer.WriteEndObject();
    }

    public void Fact(string title, DateTime value) => Fact(title, CardText.ToOffset(value));

    public void Image(string? url, string? altText, ImageSize size, ImageStyle style)
    {
        if (url is null)
        {
            return;
        }

        StartElement(ImageType);
        _writer.WriteString(PropertyNames.Url, url);
        if (altText is not null)
        {
            _writer.WriteString(PropertyNames.AltText, altText);
        }

        if (size != default)
        {
            _writer.WriteString(PropertyNames.Size, CardEnums.ImageSize.Name(size));
        }

        if (style != default)
        {
            _writer.WriteString(PropertyNames.Style, CardEnums.ImageStyle.Name(style));
        }

        _writer.WriteEndObject();
    }

    public void Image(Uri? url, string? altText, ImageSize size, ImageStyle style)
    {
        if (url is not null)
        {
            Image(CardText.Url(url), altText, size, style);
        }
    }

    public void Section<TPart>(TPart part, string? title, ContainerStyle style, bool separator)
        where TPart : ICardPart
    {
        StartElement(ContainerType);
        if (title is not null || part.HasCardElements)
        {
            _writer.WriteStartArray(PropertyNames.Items);
            if (title is not null)
            {
                _writer.WriteStartObject();
                _writer.WriteString(PropertyNames.Type, TextBlockType);
                _writer.WriteString(PropertyNames.Text, title);
                _writer.WriteString(PropertyNames.Weight, CardEnums.FontWeight.Name(FontWeight.Bolder));
                _writer.WriteBoolean(PropertyNames.Wrap, true);
                _writer.WriteEndObject();
            }

            part.WriteCardElements(_writer);
            _writer.WriteEndArray();
        }

        if (style != default)
        {
            _writer.WriteString(PropertyNames.Style, CardEnums.ContainerStyle.Name(style));
        }

        if (separator)
        {
            _writer.WriteBoolean(PropertyNames.Separator, true);
        }

        _writer.WriteEndObject();
    }

    public void OpenUrl(string title, string? url, ActionStyle style)
    {
        if (url is null || _part)
        {
            return;
        }

        EndFacts();
        if (_body)
        {
            _writer.WriteEndArray();
            _body = false;
        }

        if (!_actions)
        {
            _writer.WriteStartArray(PropertyNames.Actions);
            _actions = true;
        }

        _writer.WriteStartObject();
        _writer.WriteString(PropertyNames.Type, OpenUrlType);
        _writer.WriteString(PropertyNames.Title, title);
        _writer.WriteString(PropertyNames.Url, url);
        if (style != default)
        {
            _writer.WriteString(PropertyNames.Style, CardEnums.ActionStyle.Name(style));
        }

        _writer.WriteEndObject();
    }

    public void OpenUrl(string title, Uri? url, ActionStyle style)
    {
        if (url is not null)
        {
            OpenUrl(title, CardText.Url(url), style);
        }
    }

    public void FallbackText(ref CardTemplateText text)
    {
        if (_part)
        {
            text.Clear();
            return;
        }

        EndArrays();
        text.WriteTo(_writer, PropertyNames.FallbackText);
    }

    /// <summary>Closes what is open: the card's object, or the last FactSet of a part.</summary>
    public void Finish()
    {
        if (_part)
        {
            EndFacts();
            return;
        }

        EndArrays();
        _writer.WriteEndObject();
    }

    private void EndArrays()
    {
        EndFacts();
        if (_body || _actions)
        {
            _writer.WriteEndArray();
            _body = false;
            _actions = false;
        }
    }

    private void EndFacts()
    {
        if (_facts)
        {
            _writer.WriteEndArray();
            _writer.WriteEndObject();
            _facts = false;
        }
    }

    private void StartElement(JsonEncodedText type)
    {
        EndFacts();
        if (!_part && !_body)
        {
            _writer.WriteStartArray(PropertyNames.Body);
            _body = true;
        }

        _writer.WriteStartObject();
        _writer.WriteString(PropertyNames.Type, type);
    }

    private void StartFact(string title)
    {
        if (!_facts)
        {
            StartElement(FactSetType);
            _writer.WriteStartArray(PropertyNames.Facts);
            _facts = true;
        }

        _writer.WriteStartObject();
        _writer.WriteString(PropertyNames.Title, title);
    }

    private void EndText(TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        if (color != default)
        {
            _writer.WriteString(PropertyNames.Color, CardEnums.TextColor.Name(color));
        }

        if (isSubtle)
        {
            _writer.WriteBoolean(PropertyNames.IsSubtle, true);
        }

        if (maxLines > 0)
        {
            _writer.WriteNumber(PropertyNames.MaxLines, maxLines);
        }

        if (size != default)
        {
            _writer.WriteString(PropertyNames.Size, CardEnums.FontSize.Name(size));
        }

        if (weight != default)
        {
            _writer.WriteString(PropertyNames.Weight, CardEnums.FontWeight.Name(weight));
        }

        if (wrap)
        {
            _writer.WriteBoolean(PropertyNames.Wrap, true);
        }

        _writer.WriteEndObject();
    }
}

/// <summary>The versions cards declare, pre-encoded, and whether each has the heading style.</summary>
internal sealed class CardVersions
{
    private static readonly CardVersions[] Known =
    {
        new(CardVersion.V1_0.ToString()), new(CardVersion.V1_1.ToString()), new(CardVersion.V1_2.ToString()), new(CardVersion.V1_3.ToString()),
        new(CardVersion.V1_4.ToString()), new(CardVersion.V1_5.ToString()), new(CardVersion.V1_6.ToString()),
    };

    private CardVersions(string version)
    {
        Version = version;
        Text = JsonEncodedText.Encode(version);
        SupportsHeading = CardVersion.TryParse(version, out var parsed) && parsed >= CardVersion.V1_5;
    }

    public string Version { get; }

    public JsonEncodedText Text { get; }

    public bool SupportsHeading { get; }

    /// <summary>The version's facts: pre-encoded for the versions CardGen knows, encoded on the spot for any other.</summary>
    public static CardVersions Get(string version)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known.Version, version, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return new CardVersions(version);
    }
}
