using System;

namespace CardGen.Sample.Mapping;

/// <summary>An event file is not an event this sample can map; the message names the JSON path and what is wrong.</summary>
internal sealed class EventFormatException : Exception
{
    public EventFormatException()
        : this("The event is malformed.")
    {
    }

    public EventFormatException(string message)
        : base(message)
    {
    }

    public EventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
