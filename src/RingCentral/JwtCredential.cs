using System;

namespace CardGen.RingCentral;

/// <summary>
/// A RingCentral app's client id and secret with a user's JWT credential, for the JWT bearer grant. The secret and
/// the JWT are never shown: <see cref="ToString"/> prints the client id only, and no exception or log line of
/// <see cref="RingCentralClient"/> contains either.
/// </summary>
public sealed class JwtCredential
{
    /// <summary>Creates a credential.</summary>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="clientSecret">The app's client secret.</param>
    /// <param name="jwt">The user's JWT credential, as RingCentral's developer console issues it.</param>
    /// <exception cref="ArgumentException">A value is null, empty or has spaces or control characters, or the client id contains ':' (HTTP Basic cannot carry it); the message names which, never the value.</exception>
    public JwtCredential(string clientId, string clientSecret, string jwt)
    {
        ClientId = Check(clientId, nameof(clientId));
        ClientSecret = Check(clientSecret, nameof(clientSecret));
        Jwt = Check(jwt, nameof(jwt));
        if (clientId.Contains(":"))
        {
            throw new ArgumentException("The client id contains ':', which HTTP Basic authentication cannot carry.", nameof(clientId));
        }
    }

    /// <summary>The app's client id (not a secret).</summary>
    public string ClientId { get; }

    internal string ClientSecret { get; }

    internal string Jwt { get; }

    /// <summary>The client id, with the secret and the JWT left out.</summary>
    /// <returns>For example <c>JwtCredential { ClientId = abc123, ClientSecret = (hidden), Jwt = (hidden) }</c>.</returns>
    public override string ToString() => $"JwtCredential {{ ClientId = {ClientId}, ClientSecret = (hidden), Jwt = (hidden) }}";

    private static string Check(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException($"The {Describe(name)} is empty.", name);
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"The {Describe(name)} contains a space, line break or control character; copy it again as one unbroken line.", name);
            }
        }

        return value;
    }

    private static string Describe(string name) => name switch
    {
        "clientId" => "client id",
        "clientSecret" => "client secret",
        _ => "JWT credential",
    };
}
