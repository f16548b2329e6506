using System;
using System.Data.Common;
using System.Threading.Tasks;
using CardGen.Outbox.Conformance;
using Npgsql;

namespace CardGen.Outbox.PostgreSql.Tests;

/// <summary>
/// The store conformance suite against the PostgreSQL store, each test on a fresh database of the private cluster
/// (skipped where PostgreSQL is missing, failed under CI: <see cref="PostgreSqlFixture.Require"/>, from the test's set-up).
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlStoreConformanceTests : OutboxStoreConformanceTests
{
    private readonly PostgreSqlFixture _fixture;
    private string _connectionString = string.Empty;

    public PostgreSqlStoreConformanceTests(PostgreSqlFixture fixture) => _fixture = fixture;

    protected override async Task<IChatOutboxStore> CreateStoreAsync(TimeProvider time)
    {
        _connectionString = await _fixture.NewDatabaseAsync();
        return new PostgreSqlOutboxStore(new PostgreSqlOutboxOptions { ConnectionString = _connectionString }, time);
    }

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
