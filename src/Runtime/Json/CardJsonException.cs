using System;
using System.Text.Json;

namespace CardGen.Json;

/// <summary>
/// Thrown when card JSON cannot be read: it is malformed, nests deeper than 128 levels, or holds text that is not
/// Unicode. The message says what and where; <see cref="JsonException.Path"/> holds the JSON path when it is known.
/// </summary>
public sealed class CardJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, with its position.</param>
    /// <param name="lineNumber">The zero-based line of the problem.</param>
    /// <param name="bytePositionInLine">The zero-based byte position in that line.</param>
    /// <param name="innerException">The reader's exception, if any.</param>
    public CardJsonException(string message, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : base(message, null, lineNumber, bytePositionInLine, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a known JSON path.</summary>
    internal CardJsonException(string message, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(message, path, lineNumber, bytePositionInLine, innerException)
    {
    }
}
