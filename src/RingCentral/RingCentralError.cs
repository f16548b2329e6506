namespace CardGen.RingCentral;

/// <summary>One entry of the platform's <c>errors</c> list: <c>{errorCode, message, parameterName}</c>.</summary>
public sealed class RingCentralError
{
    internal RingCentralError(string errorCode, string message, string? parameterName)
    {
        ErrorCode = errorCode;
        Message = message;
        ParameterName = parameterName;
    }

    /// <summary>The code, for example <c>CMN-102</c> or <c>OAU-146</c>; RingCentral says to branch on it, not on the message.</summary>
    public string ErrorCode { get; }

    /// <summary>The message as sent (it may be localized), with any secret removed.</summary>
    public string Message { get; }

    /// <summary>The parameter it concerns, when given (for example <c>webhookId</c>).</summary>
    public string? ParameterName { get; }

    /// <summary>The code, the message and the parameter.</summary>
    /// <returns>For example <c>CMN-102: Resource for parameter [webhookId] is not found. (webhookId)</c>.</returns>
    public override string ToString() => $"{ErrorCode}: {Message}" + (ParameterName is null ? string.Empty : $" ({ParameterName})");
}
