using System.Security.Cryptography;
using System.Text;

namespace CardGen.Emulator;

/// <summary>The one client the emulator knows, and the JWT credentials it signs.</summary>
internal sealed class PlatformCredentials
{
    public PlatformCredentials(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Jwt = new JwtAssertion(clientSecret);
        DefaultJwt = Jwt.Issue(HookRegistry.CreatorId, expires: null);
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public JwtAssertion Jwt { get; }

    /// <summary>A credential without expiry, the same for the same secret.</summary>
    public string DefaultJwt { get; }

    public bool IsClient(string clientId, string clientSecret)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientId), Encoding.UTF8.GetBytes(ClientId))
            & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(ClientSecret));
}
