using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CardGen.Validation;

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; the card renders as intended.</summary>
    Info,

    /// <summary>The card renders, but not as intended everywhere (a feature is ignored, a click goes nowhere).</summary>
    Warning,

    /// <summary>The host rejects the card or renders it wrongly. CardGen refuses to post it.</summary>
    Error,
}

/// <summary>One problem found in a card: a stable rule id, where it is and what is wrong.</summary>
public sealed class CardFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="severity">How serious it is.</param>
    /// <param name="ruleId">The stable rule id (see <see cref="CardRules"/>).</param>
    /// <param name="path">The JSON path of the offending value, for example <c>$.body[2].size</c>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public CardFinding(FindingSeverity severity, string ruleId, string path, string message)
    {
        Severity = severity;
        RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>How serious it is.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>The stable rule id, for example <c>CV030</c>.</summary>
    public string RuleId { get; }

    /// <summary>The JSON path of the offending value.</summary>
    public string Path { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Formats the finding as <c>error CV030 at $.body[0].style: …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Severity.ToString().ToLowerInvariant()} {RuleId} at {Path}: {Message}";
}

/// <summary>The findings of one validation.</summary>
public sealed class CardValidationResult
{
    internal CardValidationResult(IReadOnlyList<CardFinding> findings, ValidationTarget target)
    {
        Findings = findings;
        Target = target;
    }

    /// <summary>What the card was validated against.</summary>
    public ValidationTarget Target { get; }

    /// <summary>Every finding, in document order.</summary>
    public IReadOnlyList<CardFinding> Findings { get; }

    /// <summary>Whether no finding is an error.</summary>
    public bool IsValid => !Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>The errors.</summary>
    public IEnumerable<CardFinding> Errors => Findings.Where(f => f.Severity == FindingSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<CardFinding> Warnings => Findings.Where(f => f.Severity == FindingSeverity.Warning);

    /// <summary>One line per finding, or a line saying the card is valid.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Findings.Count == 0)
        {
            return $"The card is valid for {Target}.";
        }

        var text = new StringBuilder();
        foreach (var finding in Findings)
        {
            text.AppendLine(finding.ToString());
        }

        return text.ToString();
    }
}
