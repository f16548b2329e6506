using System;
using System.IO;

namespace CardGen.Outbox.PostgreSql;

/// <summary>
/// The outbox's tables in PostgreSQL: the SQL script CardGen runs at start-up, for running it yourself (a migration
/// tool, a database user that may not create tables) with <c>PostgreSqlOutboxOptions.CreateSchema</c> off. The same
/// script ships in the package as <c>cardgen-outbox-postgresql.sql</c>.
/// </summary>
public static class PostgreSqlOutboxSchema
{
    /// <summary>The schema version this package creates and reads; stored as the comment of the <c>cardgen_outbox</c> table.</summary>
    public const int Version = 1;

    /// <summary>The table of posts.</summary>
    public const string PostsTable = "cardgen_outbox";

    /// <summary>The table of each hook's next send slot, shared by every instance.</summary>
    public const string PaceTable = "cardgen_outbox_pace";

    private static readonly Lazy<string> ScriptText = new(ReadScript);

    /// <summary>
    /// The idempotent script that creates (or brings up to <see cref="Version"/>) the tables and indexes in the first
    /// schema of the connection's <c>search_path</c>; running it twice changes nothing.
    /// </summary>
    public static string Script => ScriptText.Value;

    private static string ReadScript()
    {
        using var stream = typeof(PostgreSqlOutboxSchema).Assembly.GetManifestResourceStream("CardGen.Outbox.PostgreSql.cardgen-outbox-postgresql.sql")
            ?? throw new InvalidOperationException("The outbox's schema script is missing from CardGen.Outbox.PostgreSql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
