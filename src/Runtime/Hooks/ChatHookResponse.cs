using CardGen.Json;

namespace CardGen;

/// <summary>A successful post: the host answered 2xx with <c>{"status":"OK"}</c>.</summary>
public sealed class ChatHookResponse
{
    /// <summary>The most of the body <see cref="ToString"/> shows.</summary>
    private const int ShownBody = 200;

    private readonly WebhookUrl _hook;

    internal ChatHookResponse(int statusCode, int attempts, string body, WebhookUrl hook)
    {
        StatusCode = statusCode;
        Attempts = attempts;
        Body = body;
        _hook = hook;
    }

    /// <summary>The HTTP status code of the successful attempt, normally 200.</summary>
    public int StatusCode { get; }

    /// <summary>How many requests it took, 1 unless the host rate-limited (or, when allowed, failed) earlier attempts.</summary>
    public int Attempts { get; }

    /// <summary>The response body as received (at most 64 KiB), normally <c>{"status":"OK"}</c>.</summary>
    public string Body { get; }

    /// <summary>
    /// The status, the attempts and the body on one line, for example <c>HTTP 200 in 1 attempt(s): {"status":"OK"}</c>.
    /// The body is cut to 200 characters, and the webhook id is replaced by its redacted form wherever the host
    /// echoed it.
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        // Scrub before clipping: a cut through the id would leave a part that no longer matches it.
        var body = SafeText.Clip(_hook.Scrub(Body), ShownBody).ToCharArray();
        for (var i = 0; i < body.Length; i++)
        {
            if (char.IsControl(body[i]))
            {
                body[i] = ' ';
            }
        }

        return $"HTTP {StatusCode} in {Attempts} attempt(s): {new string(body)}";
    }
}
