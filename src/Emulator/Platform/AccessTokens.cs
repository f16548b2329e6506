using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CardGen.Emulator;

/// <summary>The access tokens the token endpoint issued, each with its expiry on the emulator's clock. Thread-safe.</summary>
internal sealed class AccessTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly string _staticToken;

    public AccessTokens(TimeProvider time, string staticToken)
    {
        _time = time;
        _staticToken = staticToken;
    }

    public string Issue(TimeSpan lifetime)
    {
        // Opaque, like RingCentral's; the prefix only helps a reader of the emulator's logs tell it from the static one.
        var token = "emu-at-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = _time.GetUtcNow() + lifetime;
        return token;
    }

    /// <summary>Forgets every issued token, as a password change or an admin's session reset does.</summary>
    public void RevokeAll() => _issued.Clear();

    public TokenCheck Check(string token)
    {
        if (FixedEquals(token, _staticToken))
        {
            return TokenCheck.Valid;
        }

        if (!_issued.TryGetValue(token, out var expires))
        {
            return TokenCheck.Unknown;
        }

        return _time.GetUtcNow() >= expires ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

internal enum TokenCheck
{
    Valid,
    Unknown,
    Expired,
}
