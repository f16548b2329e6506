using System;
using System.Collections.Generic;
using System.IO;
using CardGen.RingCentral;

namespace CardGen.Tool;

/// <summary>
/// The JWT credential for <c>cardgen hooks</c>: from a file of <c>NAME=value</c> lines, or else from the environment
/// variables of the same names. Never from arguments, which land in shell history.
/// </summary>
internal static class Credentials
{
    public const string ClientIdName = "RINGCENTRAL_CLIENT_ID";
    public const string ClientSecretName = "RINGCENTRAL_CLIENT_SECRET";
    public const string JwtName = "RINGCENTRAL_JWT";
    public const string ServerName = "RINGCENTRAL_SERVER_URL";

    public static JwtCredential Load(string? file, Func<string, string?> environment)
    {
        var values = file is null ? null : ReadFile(file);
        string? Get(string name) => values is not null ? (values.TryGetValue(name, out var v) ? v : null) : environment(name);

        var missing = new List<string>();
        var id = Get(ClientIdName);
        var secret = Get(ClientSecretName);
        var jwt = Get(JwtName);
        foreach (var (name, value) in new[] { (ClientIdName, id), (ClientSecretName, secret), (JwtName, jwt) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new UsageException(
                $"no RingCentral credential: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set "
                + (file is null ? "in the environment (or give --credentials-file)." : $"in {file}."));
        }

        try
        {
            return new JwtCredential(id!.Trim(), secret!.Trim(), jwt!.Trim());
        }
        catch (ArgumentException e)
        {
            // The message names the part, never its value.
            throw new UsageException("the RingCentral credential is malformed: " + e.Message);
        }
    }

    public static Uri Server(string? option, Func<string, string?> environment)
    {
        var text = option ?? environment(ServerName);
        if (string.IsNullOrWhiteSpace(text))
        {
            return RingCentralClient.ProductionServer;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var server)
            ? server
            : throw new UsageException($"the server '{text}' is not an absolute URL such as https://platform.ringcentral.com.");
    }

    private static Dictionary<string, string> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"cannot read the credentials file {path}: {e.Message}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line.Substring("export ".Length).TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{path}, line {i + 1}: expected NAME=value.");
            }

            var value = line.Substring(equals + 1).Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value.Substring(1, value.Length - 2);
            }

            values[line.Substring(0, equals).Trim()] = value;
        }

        return values;
    }
}
