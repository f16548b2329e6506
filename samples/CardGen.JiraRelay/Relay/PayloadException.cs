using System;

namespace CardGen.JiraRelay.Relay;

/// <summary>A payload the relay cannot turn into a card; the message names what is missing or wrong, by its JSON path.</summary>
internal sealed class PayloadException : Exception
{
    public PayloadException(string message)
        : base(message)
    {
    }

    public PayloadException()
    {
    }

    public PayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary><paramref name="path"/> is missing, null or empty.</summary>
    public static PayloadException Missing(string path) => new($"{path} is missing.");
}
