using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CardGen.Outbox.PostgreSql;

/// <summary>
/// Creates or migrates the outbox's tables at start-up: one transaction holding an advisory lock, so instances that
/// start together run the script one after the other, and a database whose schema is newer than this package's is
/// refused instead of written to.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock key ("CGOutbox" in ASCII), the same in every CardGen instance.</summary>
    internal const long LockKey = 0x43474F7574626F78;

    private const string VersionPrefix = "CardGen outbox, schema version ";

    /// <summary>Runs the script (or, with <paramref name="createSchema"/> off, only checks the tables are there and current).</summary>
    /// <exception cref="InvalidOperationException">The tables are missing or of another version, or were not made by CardGen.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused a statement.</exception>
    public static async Task MigrateAsync(NpgsqlConnection connection, bool createSchema, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var (exists, version, paceExists) = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (exists && version is null)
        {
            throw new InvalidOperationException(
                $"A table named {PostgreSqlOutboxSchema.PostsTable} exists but CardGen did not create it (its comment is not '{VersionPrefix}N'); the outbox will not write to it.");
        }

        if (version > PostgreSqlOutboxSchema.Version)
        {
            throw new InvalidOperationException(
                $"The outbox's tables are at schema version {version}, newer than this CardGen.Outbox.PostgreSql knows ({PostgreSqlOutboxSchema.Version}); update the package.");
        }

        if (createSchema)
        {
            await using var script = new NpgsqlCommand(PostgreSqlOutboxSchema.Script, connection, transaction);
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (!exists || !paceExists || version < PostgreSqlOutboxSchema.Version)
        {
            throw new InvalidOperationException(
                exists && paceExists
                    ? $"The outbox's tables are at schema version {version} and CreateSchema is off: run cardgen-outbox-postgresql.sql (PostgreSqlOutboxSchema.Script) to bring them to version {PostgreSqlOutboxSchema.Version}."
                    : $"The outbox's tables ({PostgreSqlOutboxSchema.PostsTable}, {PostgreSqlOutboxSchema.PaceTable}) are missing and CreateSchema is off: run cardgen-outbox-postgresql.sql (PostgreSqlOutboxSchema.Script) first.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(bool Exists, int? Version, bool PaceExists)> ReadVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT to_regclass('cardgen_outbox') IS NOT NULL,
                   obj_description(to_regclass('cardgen_outbox'), 'pg_class'),
                   to_regclass('cardgen_outbox_pace') IS NOT NULL
            """;
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var exists = reader.GetBoolean(0);
        var comment = reader.IsDBNull(1) ? null : reader.GetString(1);
        var paceExists = reader.GetBoolean(2);
        int? version = comment is not null
            && comment.StartsWith(VersionPrefix, StringComparison.Ordinal)
            && int.TryParse(comment.AsSpan(VersionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : null;
        return (exists, version, paceExists);
    }
}
