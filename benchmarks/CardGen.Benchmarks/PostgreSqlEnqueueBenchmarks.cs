using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CardGen.Outbox;
using CardGen.Outbox.PostgreSql;
using CardGen.Testing;
using Npgsql;
using NpgsqlTypes;

namespace CardGen.Benchmarks;

/// <summary>
/// Enqueueing into the PostgreSQL outbox on a private, durable (fsync on) local cluster the setup starts: one post per
/// call and 100 per call, against a plain single-row <c>INSERT</c> of the same bytes through the same driver, the
/// floor for a post that is committed on its own.
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlEnqueueBenchmarks
{
    private const int Batch = 100;
    private PostgreSqlCluster _cluster = null!;
    private PostgreSqlOutboxStore _store = null!;
    private NpgsqlDataSource _raw = null!;
    private OutboxEntry[] _one = null!;
    private OutboxEntry[] _batch = null!;
    private byte[] _payload = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        if (PostgreSqlCluster.FindBinaries() is null)
        {
            throw new InvalidOperationException(PostgreSqlCluster.MissingMessage);
        }

        _cluster = await PostgreSqlCluster.CreateAsync(durable: true);
        var connectionString = await _cluster.CreateDatabaseAsync("bench");
        _store = new PostgreSqlOutboxStore(new PostgreSqlOutboxOptions { ConnectionString = connectionString });
        await _store.InitializeAsync(CancellationToken.None);
        _raw = new NpgsqlDataSourceBuilder(connectionString + ";Max Auto Prepare=32").Build();
        await using (var connection = await _raw.OpenConnectionAsync())
        await using (var create = new NpgsqlCommand("CREATE TABLE raw_posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, hook_name text NOT NULL, payload bytea NOT NULL, enqueued_at timestamptz NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        _payload = DeploymentNotification.Sample().ToWebhookMessage().ToUtf8Json();
        _one = [new OutboxEntry("deployments", _payload, null, DateTimeOffset.UtcNow)];
        _batch = Enumerable.Range(0, Batch).Select(_ => new OutboxEntry("deployments", _payload, null, DateTimeOffset.UtcNow)).ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        await _raw.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>A single-row insert of the same bytes, committed on its own.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> RawInsert()
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("INSERT INTO raw_posts (hook_name, payload, enqueued_at) VALUES ($1, $2, $3) RETURNING id", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "deployments" });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = _payload });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One post per call, as <c>hooks.EnqueueAsync</c> stores it.</summary>
    [Benchmark]
    public Task EnqueueOne() => _store.EnqueueAsync(_one, null, 100_000_000, CancellationToken.None);

    /// <summary>100 posts per call in one multi-row insert; the time shown is per post.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public Task EnqueueBatch() => _store.EnqueueAsync(_batch, null, 100_000_000, CancellationToken.None);
}
