namespace CardGen;

/// <summary>A successful post: the host answered 2xx with <c>{"status":"OK"}</c>.</summary>
public sealed class ChatHookResponse
{
    internal ChatHookResponse(int statusCode, int attempts, string body)
    {
        StatusCode = statusCode;
        Attempts = attempts;
        Body = body;
    }

    /// <summary>The HTTP status code of the successful attempt, normally 200.</summary>
    public int StatusCode { get; }

    /// <summary>How many requests it took, 1 unless the host rate-limited (or, when allowed, failed) earlier attempts.</summary>
    public int Attempts { get; }

    /// <summary>The response body as received (at most 64 KiB), normally <c>{"status":"OK"}</c>.</summary>
    public string Body { get; }
}
