using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CardGen.Emulator;

/// <summary>
/// The emulator's JWT credentials: HS256 tokens it signs itself, as RingCentral issues the JWT credentials its users
/// paste into an app (a user never signs one). The key is derived from the client secret, so a configured secret gives
/// the same default credential on every start.
/// </summary>
internal sealed class JwtAssertion
{
    private const string Issuer = "cardgen-emulator";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _key;

    public JwtAssertion(string clientSecret)
        => _key = SHA256.HashData(Encoding.UTF8.GetBytes("cardgen-emulator-jwt\n" + clientSecret));

    /// <summary>A signed credential for <paramref name="subject"/>; with <paramref name="expires"/>, an <c>exp</c> claim and a unique <c>jti</c>.</summary>
    public string Issue(string subject, DateTimeOffset? expires)
    {
        using var payload = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", Issuer);
            writer.WriteString("sub", subject);
            if (expires is { } exp)
            {
                writer.WriteNumber("exp", exp.ToUnixTimeSeconds());
                writer.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            }

            writer.WriteEndObject();
        }

        var signed = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>Checks structure, algorithm, signature and <c>exp</c>; returns what is wrong, or <see langword="null"/>.</summary>
    public JwtProblem? Check(string assertion, DateTimeOffset now)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return JwtProblem.Malformed;
        }

        try
        {
            using (var head = JsonDocument.Parse(header))
            {
                if (head.RootElement.ValueKind != JsonValueKind.Object
                    || !head.RootElement.TryGetProperty("alg", out var alg)
                    || alg.ValueKind != JsonValueKind.String
                    || alg.GetString() != "HS256")
                {
                    return JwtProblem.BadSignature;
                }
            }

            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, signature))
            {
                return JwtProblem.BadSignature;
            }

            using var body = JsonDocument.Parse(payload);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return JwtProblem.Malformed;
            }

            if (body.RootElement.TryGetProperty("exp", out var exp))
            {
                if (exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var seconds))
                {
                    return JwtProblem.Malformed;
                }

                if (now.ToUnixTimeSeconds() >= seconds)
                {
                    return JwtProblem.Expired;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return JwtProblem.Malformed;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (part.Length == 0 || part.Length > 16 * 1024)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(part);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Why a JWT assertion was refused.</summary>
internal enum JwtProblem
{
    Malformed,
    BadSignature,
    Expired,
}
