using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CardGen.Validation;

namespace CardGen.Legacy;

/// <summary>The findings of one check of a legacy (v1) message by <see cref="LegacyValidator"/>.</summary>
public sealed class LegacyValidationResult
{
    internal LegacyValidationResult(IReadOnlyList<CardFinding> findings) => Findings = findings;

    /// <summary>Every finding (rule ids <c>LV…</c>, see <see cref="LegacyRules"/>), in document order.</summary>
    public IReadOnlyList<CardFinding> Findings { get; }

    /// <summary>Whether no finding is an error.</summary>
    public bool IsValid => !Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>The errors.</summary>
    public IEnumerable<CardFinding> Errors => Findings.Where(f => f.Severity == FindingSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<CardFinding> Warnings => Findings.Where(f => f.Severity == FindingSeverity.Warning);

    /// <summary>One line per finding, or a line saying the message is valid.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Findings.Count == 0)
        {
            return "The legacy message is valid for RingCentral's v1 webhook.";
        }

        var text = new StringBuilder();
        foreach (var finding in Findings)
        {
            text.AppendLine(finding.ToString());
        }

        return text.ToString();
    }
}

/// <summary>
/// A legacy (v1) message breaks a rule RingCentral documents, so it was not sent. The message lists each error with
/// its rule id, JSON path and text; <see cref="Result"/> holds every finding.
/// </summary>
public sealed class LegacyValidationException : ArgumentException
{
    /// <summary>Creates an exception with a generic message and no findings.</summary>
    public LegacyValidationException()
        : this("The legacy message is not valid for RingCentral's v1 webhook.")
    {
    }

    /// <summary>Creates an exception with no findings.</summary>
    /// <param name="message">The message.</param>
    public LegacyValidationException(string message)
        : base(message)
    {
        Result = new LegacyValidationResult(Array.Empty<CardFinding>());
    }

    /// <summary>Creates an exception with no findings.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LegacyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = new LegacyValidationResult(Array.Empty<CardFinding>());
    }

    /// <summary>Creates an exception for a validation result; the message lists its errors.</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public LegacyValidationException(LegacyValidationResult result)
        : this(result ?? throw new ArgumentNullException(nameof(result)), null)
    {
    }

    internal LegacyValidationException(LegacyValidationResult result, string? paramName)
        : base(Format(result), paramName)
    {
        Result = result;
    }

    /// <summary>Every finding of the validation, errors and warnings.</summary>
    public LegacyValidationResult Result { get; }

    private static string Format(LegacyValidationResult result)
    {
        var errors = result.Errors.ToList();
        var text = new StringBuilder("The legacy message is not valid for RingCentral's v1 webhook, so nothing was sent. ")
            .Append(errors.Count).Append(errors.Count == 1 ? " error:" : " errors:");
        foreach (var finding in errors)
        {
            text.AppendLine().Append("  ").Append(finding.RuleId).Append(" at ").Append(finding.Path).Append(": ").Append(finding.Message);
        }

        return text.ToString();
    }
}
