using System;
using System.Text.Json;

namespace CardGen.Json;

/// <summary>Thrown when card JSON is malformed; names the line and byte position of the problem.</summary>
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
}
