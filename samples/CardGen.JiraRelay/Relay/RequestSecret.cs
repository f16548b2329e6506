using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CardGen.JiraRelay.Relay;

/// <summary>
/// The optional shared secret of the relay's endpoints. A sender proves it knows the secret in one of two ways:
/// <list type="bullet">
/// <item><c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw body keyed with the secret: what Jira
/// Cloud sends for an admin webhook that has a secret (the WebSub signature format);</item>
/// <item><c>?token=&lt;secret&gt;</c> in the URL, for a sender that can be given only a URL (an older Jira webhook, a
/// CI step).</item>
/// </list>
/// Both are compared in constant time, so the time an answer takes does not tell how much of a guess was right.
/// </summary>
internal sealed class RequestSecret
{
    public const string SignatureHeader = "X-Hub-Signature";
    public const string TokenParameter = "token";
    private const string SignaturePrefix = "sha256=";

    private readonly byte[] _key;
    private readonly byte[] _tokenHash;

    public RequestSecret(string secret)
    {
        _key = Encoding.UTF8.GetBytes(secret);
        _tokenHash = SHA256.HashData(_key);
    }

    /// <summary>Whether the request is signed with the secret or carries it as its token.</summary>
    public bool Admits(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length > 0)
        {
            return SignatureMatches(signature, body);
        }

        var token = request.Query[TokenParameter].ToString();
        if (token.Length > 0)
        {
            // Hashing both sides first makes the comparison take the same time whatever the token's length.
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _tokenHash);
        }

        return false;
    }

    /// <summary>The <c>X-Hub-Signature</c> value a sender puts on <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
        => SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private bool SignatureMatches(string signature, ReadOnlySpan<byte> body)
    {
        if (!signature.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hex = signature.AsSpan(SignaturePrefix.Length).Trim();
        if (hex.Length != given.Length * 2 || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
