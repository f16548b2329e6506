using System;
using Npgsql;

namespace CardGen.Outbox.PostgreSql;

/// <summary>
/// Where and how the PostgreSQL outbox store keeps its posts; the delivery settings (capacity, leases, pace,
/// retention) are the engine's <see cref="ChatOutboxOptions"/>.
/// </summary>
public sealed class PostgreSqlOutboxOptions
{
    /// <summary>
    /// The database's connection string (Npgsql's form: <c>Host=…;Port=5432;Database=…;Username=…;Password=…</c>).
    /// Ignored when <see cref="DataSource"/> is set. Its password never appears in a message.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A data source of the application's to open connections from, instead of <see cref="ConnectionString"/>; the
    /// store does not dispose it.
    /// </summary>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>
    /// Whether start-up creates or migrates the tables (default <see langword="true"/>). Off, the store only checks
    /// that they are there at its schema version: run <c>cardgen-outbox-postgresql.sql</c>
    /// (<see cref="PostgreSqlOutboxSchema.Script"/>) yourself.
    /// </summary>
    public bool CreateSchema { get; set; } = true;
}
