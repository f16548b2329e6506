using System;
using System.Collections.Generic;

namespace CardGen.Tests.Generated;

// Shapes that once broke the generated code; compiled by the real generator.

public sealed class Money : IFormattable
{
    public decimal Amount { get; set; }

    public string ToString(string? format, IFormatProvider? formatProvider) => Amount.ToString(format, formatProvider) + " EUR";
}

[CardPart]
public partial struct Note
{
    [CardText] public string? Text { get; set; }
}

internal enum Keyword { @class, Other }

[ChatCard(Title = "Invoice {@class}", Summary = "Due {Due}")]
public partial record Invoice
{
    [CardFact("Class")] public string? @class { get; init; }
    [CardFact("Source")] public string? source { get; init; }
    [CardFact("Version")] public Version? Version { get; init; }
    [CardFact("Kind")] internal Keyword Kind { get; init; }
    [CardFact("Due")] public DateTimeOffset? Due { get; init; }
    [CardFacts] public Dictionary<string, Money?>? Prices { get; init; }
    [CardSection] public Note Note { get; init; }
    [CardSection] public List<Note>? Notes { get; init; }
}

/// <summary>Members named as the generated code's own parameters and locals: the values struct's constructor takes <c>s</c>, its render method <c>s</c> and <c>t</c>, a loop <c>p</c>.</summary>
[ChatCard(Title = "Shadow {t}", Summary = "{s} and {p}")]
public partial class Shadowing
{
    [CardFact("S")] public string? s { get; set; }
    [CardFact("T")] public string? t { get; set; }
    [CardText] public string? p { get; set; }
    [CardFact("Value")] public string? value { get; set; }
}
