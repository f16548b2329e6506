using System;
using System.Globalization;
using Npgsql;

namespace CardGen.Outbox.PostgreSql;

/// <summary>
/// Where a connection string points, for messages: host, port, database and user, never the password (a credential).
/// </summary>
internal static class ConnectionDescription
{
    /// <summary>Parses a connection string, failing with a message that holds no part of it.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL outbox needs a connection string.", nameof(connectionString));
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's own message may quote a value, and any value may be the password: name only the problem's kind.
            throw new ArgumentException(
                "The PostgreSQL outbox's connection string is not valid (" + e.GetType().Name + "); expected the form 'Host=...;Port=5432;Database=...;Username=...;Password=...'.",
                nameof(connectionString));
        }
    }

    /// <summary>"host db.example.com, port 5432, database app, user app": what a message may say about a connection.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"host {builder.Host ?? "(default)"}, port {builder.Port}, database {builder.Database ?? "(the user's)"}, user {builder.Username ?? "(the OS user's)"}");

    /// <summary>Removes the password from a text that might quote it (a driver message).</summary>
    public static string Redact(string text, NpgsqlConnectionStringBuilder builder)
        => builder.Password is { Length: > 0 } password ? text.Replace(password, "***", StringComparison.Ordinal) : text;
}
