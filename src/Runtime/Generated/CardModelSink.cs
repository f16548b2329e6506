using System;
using System.Collections.Generic;
using CardGen.Cards;

namespace CardGen.Generated;

/// <summary>Builds the card model of a rendered card, or adds a part's elements to a list of elements.</summary>
internal struct CardModelSink : ICardSink
{
    private readonly bool _part;
    private IList<CardElement>? _items;
    private AdaptiveCard? _card;
    private FactSet? _facts;
    private bool _heading;

    private CardModelSink(IList<CardElement>? items)
    {
        _part = items is not null;
        _items = items;
        _card = null;
        _facts = null;
        _heading = false;
    }

    /// <summary>A sink for a whole card; <see cref="Card"/> starts it.</summary>
    public static CardModelSink ForCard() => new(null);

    /// <summary>A sink that adds a part's elements to <paramref name="items"/>.</summary>
    public static CardModelSink ForItems(IList<CardElement> items) => new(items);

    /// <summary>The card built; null for a part, or before <see cref="Card"/>.</summary>
    public readonly AdaptiveCard? Result => _card;

    public void Card(string version)
    {
        if (_part)
        {
            return;
        }

        _card = new AdaptiveCard { Version = version };
        _items = _card.Body;
        _heading = CardVersions.Get(version).SupportsHeading;
    }

    public void Title(ref CardTemplateText title)
    {
        var text = title.ToStringAndClear();
        if (!_part)
        {
            var block = new TextBlock(text) { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true };
            if (_heading)
            {
                block.Style = TextBlockStyle.Heading;
            }

            Add(block);
        }
    }

    public void Text(string? text, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        if (text is not null)
        {
            AddText(markdown ? text : CardText.EscapeMarkdown(text), color, isSubtle, maxLines, size, weight, wrap);
        }
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
        if (value is not null)
        {
            Text(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture), markdown, color, isSubtle, maxLines, size, weight, wrap);
        }
    }

    public void EnumText<TEnum>(TEnum value, string? format, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        where TEnum : struct, Enum
        => Text(value, format, markdown, color, isSubtle, maxLines, size, weight, wrap);

    public void Text(DateTimeOffset value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        => AddText(CardText.DateTime(value), color, isSubtle, maxLines, size, weight, wrap);

    public void Text(DateTime value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        => AddText(CardText.DateTime(value), color, isSubtle, maxLines, size, weight, wrap);

    public void Fact(string title, string? value)
    {
        if (value is not null)
        {
            AddFact(title, CardText.EscapeMarkdown(value));
        }
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
        if (value is not null)
        {
            Fact(title, value.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void EnumFact<TEnum>(string title, TEnum value, string? format)
        where TEnum : struct, Enum
        => Fact(title, value, format);

    public void Fact(string title, DateTimeOffset value) => AddFact(title, CardText.DateTime(value));

    public void Fact(string title, DateTime value) => AddFact(title, CardText.DateTime(value));

    public void Image(string? url, string? altText, ImageSize size, ImageStyle style)
    {
        if (url is not null)
        {
            Add(new Image(url, altText) { Size = size, Style = style });
        }
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
        var section = new Container { Separator = separator };
        if (style != default)
        {
            section.Style = style;
        }

        if (title is not null)
        {
            section.Items.Add(new TextBlock(title) { Weight = FontWeight.Bolder, Wrap = true });
        }

        part.AppendCardElements(section.Items);
        Add(section);
    }

    public void OpenUrl(string title, string? url, ActionStyle style)
    {
        if (url is not null && _card is not null)
        {
            _facts = null;
            _card.Actions.Add(new OpenUrlAction(title, url) { Style = style });
        }
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
        var fallback = text.ToStringAndClear();
        if (_card is not null)
        {
            _facts = null;
            _card.FallbackText = fallback;
        }
    }

    private void AddText(string text, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
    {
        var block = new TextBlock(text) { Wrap = wrap };
        if (color != default)
        {
            block.Color = color;
        }

        if (isSubtle)
        {
            block.IsSubtle = true;
        }

        if (maxLines > 0)
        {
            block.MaxLines = maxLines;
        }

        if (size != default)
        {
            block.Size = size;
        }

        if (weight != default)
        {
            block.Weight = weight;
        }

        Add(block);
    }

    private void AddFact(string title, string value)
    {
        if (_facts is null)
        {
            _facts = new FactSet();
            Items.Add(_facts);
        }

        _facts.Facts.Add(new Fact(title, value));
    }

    private void Add(CardElement element)
    {
        _facts = null;
        Items.Add(element);
    }

    private readonly IList<CardElement> Items
        => _items ?? throw new InvalidOperationException("A card renders Card(version) before its elements.");
}

/// <summary>Answers whether a rendered part shows anything, without writing it.</summary>
internal struct CardPresenceSink : ICardSink
{
    /// <summary>Whether any element was rendered.</summary>
    public bool Any { get; private set; }

    public void Card(string version)
    {
    }

    public void Title(ref CardTemplateText title) => title.Clear();

    public void Text(string? text, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap) => Any |= text is not null;

    public void Text(Uri? url, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap) => Any |= url is not null;

    public void Text<T>(T value, string? format, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        where T : IFormattable?
        => Any |= value is not null;

    public void EnumText<TEnum>(TEnum value, string? format, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap)
        where TEnum : struct, Enum
        => Any = true;

    public void Text(DateTimeOffset value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap) => Any = true;

    public void Text(DateTime value, bool markdown, TextColor color, bool isSubtle, int maxLines, FontSize size, FontWeight weight, bool wrap) => Any = true;

    public void Fact(string title, string? value) => Any |= value is not null;

    public void Fact(string title, Uri? value) => Any |= value is not null;

    public void Fact<T>(string title, T value, string? format)
        where T : IFormattable?
        => Any |= value is not null;

    public void EnumFact<TEnum>(string title, TEnum value, string? format)
        where TEnum : struct, Enum
        => Any = true;

    public void Fact(string title, DateTimeOffset value) => Any = true;

    public void Fact(string title, DateTime value) => Any = true;

    public void Image(string? url, string? altText, ImageSize size, ImageStyle style) => Any |= url is not null;

    public void Image(Uri? url, string? altText, ImageSize size, ImageStyle style) => Any |= url is not null;

    public void Section<TPart>(TPart part, string? title, ContainerStyle style, bool separator)
        where TPart : ICardPart
        => Any = true;

    public void OpenUrl(string title, string? url, ActionStyle style)
    {
    }

    public void OpenUrl(string title, Uri? url, ActionStyle style)
    {
    }

    public void FallbackText(ref CardTemplateText text) => text.Clear();
}
