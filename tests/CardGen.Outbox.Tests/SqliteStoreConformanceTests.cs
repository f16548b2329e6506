using System;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using CardGen.Outbox.Conformance;
using CardGen.Outbox.Sqlite;
using Microsoft.Data.Sqlite;

namespace CardGen.Outbox.Tests;

/// <summary>The store conformance suite against a real SQLite file in a temporary folder.</summary>
public sealed class SqliteStoreConformanceTests : OutboxStoreConformanceTests
{
    private readonly string _folder = TempFolder.Create();

    private string File => Path.Combine(_folder, "outbox.db");

    protected override Task<IChatOutboxStore> CreateStoreAsync(TimeProvider time)
        => Task.FromResult<IChatOutboxStore>(new SqliteOutboxStore(File, time));

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    protected override async Task DestroyStoreAsync(IChatOutboxStore store)
    {
        await base.DestroyStoreAsync(store);
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(_folder);
    }
}
