using System;
using System.Linq;
using System.Text;
using CardGen.Schema;
using CardGen.Validation;

namespace CardGen;

/// <summary>
/// A card has validation errors for the target host, so it was not sent. The message lists each error with its
/// rule id, JSON path and text; <see cref="Result"/> holds every finding.
/// </summary>
public sealed class CardValidationException : ArgumentException
{
    /// <summary>Creates an exception with a generic message and an empty <see cref="Result"/>.</summary>
    public CardValidationException()
        : this("The card is not valid for the chat host.")
    {
    }

    /// <summary>Creates an exception with an empty <see cref="Result"/>.</summary>
    /// <param name="message">The message.</param>
    public CardValidationException(string message)
        : base(message)
    {
        Result = EmptyResult();
    }

    /// <summary>Creates an exception with an empty <see cref="Result"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CardValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = EmptyResult();
    }

    /// <summary>Creates an exception for a validation result; the message lists its errors.</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public CardValidationException(CardValidationResult result)
        : this(result ?? throw new ArgumentNullException(nameof(result)), null, null)
    {
    }

    internal CardValidationException(CardValidationResult result, string? paramName, int? attachmentIndex)
        : base(Format(result, attachmentIndex), paramName)
    {
        Result = result;
    }

    /// <summary>Every finding of the validation, errors and warnings.</summary>
    public CardValidationResult Result { get; }

    private static CardValidationResult EmptyResult() => new(Array.Empty<CardFinding>(), new ValidationTarget(HostProfile.Generic));

    private static string Format(CardValidationResult result, int? attachmentIndex)
    {
        var errors = result.Errors.ToList();
        var text = new StringBuilder();
        text.Append(attachmentIndex is { } index ? $"The card in attachments[{index}]" : "The card")
            .Append(" is not valid for ").Append(result.Target)
            .Append(", so nothing was sent. ").Append(errors.Count).Append(errors.Count == 1 ? " error:" : " errors:");
        foreach (var finding in errors)
        {
            text.AppendLine().Append("  ").Append(finding.RuleId).Append(" at ").Append(finding.Path).Append(": ").Append(finding.Message);
        }

        return text.ToString();
    }
}
