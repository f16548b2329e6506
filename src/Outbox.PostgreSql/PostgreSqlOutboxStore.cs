using System;
using System.Runtime.InteropServices;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace CardGen.Outbox.PostgreSql;

/// <summary>
/// The outbox in PostgreSQL, shared by every instance on the database: posts claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// under a lease, each hook's pace in <c>cardgen_outbox_pace</c>, per-key order checked in the claim itself.
/// </summary>
internal sealed partial class PostgreSqlOutboxStore : IChatOutboxStore, IAsyncDisposable, IDisposable
{
    /// <summary>How long a count of the pending posts may be reused while the store is far from its capacity.</summary>
    private static readonly TimeSpan CountLifetime = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly bool _createSchema;
    private readonly TimeProvider _time;
    private readonly string _where;
    private readonly string? _database;
    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly object _countLock = new();
    private long _countedPending = -1;
    private long _enqueuedSinceCount;
    private long _countedAt;

    public PostgreSqlOutboxStore(PostgreSqlOutboxOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        _createSchema = options.CreateSchema;
        if (options.DataSource is { } dataSource)
        {
            _dataSource = dataSource;
            _settings = ConnectionDescription.Parse(dataSource.ConnectionString);
        }
        else
        {
            _settings = ConnectionDescription.Parse(options.ConnectionString ?? string.Empty);
            var builder = new NpgsqlDataSourceBuilder(_settings.ConnectionString);
            if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
            {
                builder.ConnectionStringBuilder.ApplicationName = "CardGen outbox";
            }

            // The same few statements run all the time: let Npgsql prepare them unless the application chose otherwise.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            }

            _dataSource = builder.Build();
            _ownsDataSource = true;
        }

        _where = ConnectionDescription.Describe(_settings);
        _database = _settings.Database;
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await SchemaMigrator.MigrateAsync(connection, _createSchema, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Unavailable("could not prepare its tables in", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"The PostgreSQL outbox ({_where}): {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxPostId>> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, DbTransaction? transaction, long capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var callerTransaction = CheckTransaction(transaction);
        if (entries.Count == 0)
        {
            return Array.Empty<OutboxPostId>();
        }

        var count = entries.Count;
        var hooks = new string[count];
        var keys = new string?[count];
        var payloads = new byte[count][];
        var enqueuedAt = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException("An outbox entry is null.", nameof(entries));
            hooks[i] = entry.HookName;
            keys[i] = entry.OrderKey;
            // The client wrote each payload into an array of its own: store that array rather than a copy.
            payloads[i] = MemoryMarshal.TryGetArray(entry.Payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : entry.Payload.ToArray();
            enqueuedAt[i] = entry.EnqueuedAt.UtcDateTime;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var exact = NeedsExactCount(count, capacity);
        var sql = exact ? Sql.EnqueueCounted : Sql.Enqueue;
        try
        {
            NpgsqlConnection? own = null;
            try
            {
                var connection = callerTransaction?.Connection ?? (own = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
                await using var command = new NpgsqlCommand(sql, connection, callerTransaction);
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = hooks, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
                command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = enqueuedAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                if (exact)
                {
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = capacity - count });
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var ids = new List<long>(count);
                long pending = -1;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (exact)
                    {
                        pending = reader.GetInt64(1);
                        if (!reader.IsDBNull(0))
                        {
                            ids.Add(reader.GetInt64(0));
                        }
                    }
                    else
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }

                if (exact)
                {
                    RecordCount(pending, ids.Count);
                }
                else
                {
                    Interlocked.Add(ref _enqueuedSinceCount, ids.Count);
                }

                if (ids.Count == 0)
                {
                    throw new OutboxFullException(capacity);
                }

                if (ids.Count != count)
                {
                    throw new InvalidOperationException($"The PostgreSQL outbox stored {ids.Count} of {count} posts in one statement.");
                }

                // Identity values follow the order unnest produced the rows in, which is the order of the arrays.
                ids.Sort();
                return ids.Select(id => new OutboxPostId(id)).ToArray();
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            ClearPoolOnLostConnection(e);
            throw Unavailable("could not store the post in", e);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxPost>> ClaimAsync(string ownerId, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (max < 1)
        {
            return Array.Empty<OutboxPost>();
        }

        var now = _time.GetUtcNow();
        return await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.Claim, connection);
                command.Parameters.Add(Timestamp(now));
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ownerId });
                command.Parameters.Add(Timestamp(now + lease));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var posts = new List<OutboxPost>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    posts.Add(new OutboxPost(
                        new OutboxPostId(reader.GetInt64(0)),
                        reader.GetString(1),
                        reader.GetFieldValue<byte[]>(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        Offset(reader.GetDateTime(4)),
                        reader.GetInt32(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6)));
                }

                posts.Sort((a, b) => a.Id.Value.CompareTo(b.Id.Value));
                return (IReadOnlyList<OutboxPost>)posts;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task CompleteAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (ids.Count == 0)
        {
            return;
        }

        var values = new long[ids.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ids[i].Value;
        }

        var now = _time.GetUtcNow();
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.Complete, connection);
                command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ownerId });
                command.Parameters.Add(Timestamp(now));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task RescheduleAsync(OutboxPostId id, string ownerId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
        => OutcomeAsync(Sql.Reschedule, id, ownerId, reason ?? string.Empty, dueAt, cancellationToken);

    /// <inheritdoc/>
    public Task DeadLetterAsync(OutboxPostId id, string ownerId, string reason, CancellationToken cancellationToken)
        => OutcomeAsync(Sql.DeadLetter, id, ownerId, reason ?? string.Empty, null, cancellationToken);

    /// <inheritdoc/>
    public async Task ReleaseAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (ids.Count == 0)
        {
            return;
        }

        var values = ids.Select(i => i.Value).ToArray();
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.Release, connection);
                command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ownerId });
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<TimeSpan> ReservePaceAsync(string hookName, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(hookName);
        if (interval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetUtcNow();
        var nextSlot = await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.ReservePace, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hookName });
                command.Parameters.Add(Timestamp(now));
                command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = interval, NpgsqlDbType = NpgsqlDbType.Interval });
                return (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken).ConfigureAwait(false);

        // The row holds the slot after the one reserved: this caller's slot starts one interval earlier.
        var wait = Offset(nextSlot) - interval - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <inheritdoc/>
    public Task<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.Statistics, connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var pending = reader.GetInt64(0);
                var dead = reader.GetInt64(1);
                DateTimeOffset? oldest = reader.IsDBNull(2) ? null : Offset(reader.GetDateTime(2));
                lock (_countLock)
                {
                    _countedPending = pending;
                    _enqueuedSinceCount = 0;
                    _countedAt = Stopwatch.GetTimestamp();
                }

                return new OutboxStatistics(pending, dead, oldest);
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        if (max < 1)
        {
            return Task.FromResult<IReadOnlyList<OutboxDeadLetter>>(Array.Empty<OutboxDeadLetter>());
        }

        return RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(Sql.ListDeadLetters, connection);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var letters = new List<OutboxDeadLetter>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    letters.Add(new OutboxDeadLetter(
                        new OutboxPostId(reader.GetInt64(0)),
                        reader.GetString(1),
                        Offset(reader.GetDateTime(2)),
                        reader.GetInt32(3),
                        reader.IsDBNull(4) ? string.Empty : reader.GetString(4),
                        Offset(reader.GetDateTime(5))));
                }

                return (IReadOnlyList<OutboxDeadLetter>)letters;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> ResendAsync(OutboxPostId id, CancellationToken cancellationToken)
        => DeadLetterCommandAsync(Sql.Resend, id, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(OutboxPostId id, CancellationToken cancellationToken)
        => DeadLetterCommandAsync(Sql.Delete, id, cancellationToken);

    /// <summary>Runs a statement on one dead-lettered post (its id and the current time as parameters); whether it found the post.</summary>
    private async Task<bool> DeadLetterCommandAsync(string sql, OutboxPostId id, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var rows = await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id.Value });
                command.Parameters.Add(Timestamp(now));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }

    /// <inheritdoc/>
    public async Task<int> PurgeDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken)
    {
        // In slices, so a day of delivered posts never becomes one long transaction holding every row it deletes.
        const int Slice = 5_000;
        var total = 0;
        while (true)
        {
            var deleted = await RunAsync(
                async connection =>
                {
                    await using var command = new NpgsqlCommand(Sql.Purge, connection);
                    command.Parameters.Add(Timestamp(deliveredBefore));
                    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Slice });
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < Slice)
            {
                return total;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static NpgsqlParameter<DateTime> Timestamp(DateTimeOffset value)
        => new() { TypedValue = value.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private NpgsqlTransaction? CheckTransaction(DbTransaction? transaction)
    {
        if (transaction is null)
        {
            return null;
        }

        if (transaction is not NpgsqlTransaction npgsql)
        {
            throw new ArgumentException(
                $"The PostgreSQL outbox stores posts in an NpgsqlTransaction on its own database; a {transaction.GetType().Name} cannot hold them.",
                nameof(transaction));
        }

        var connection = npgsql.Connection
            ?? throw new ArgumentException("The transaction is already committed or rolled back.", nameof(transaction));
        if (_database is not null && connection.Database is { Length: > 0 } database && !string.Equals(database, _database, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The transaction is on database '{database}', but the PostgreSQL outbox is in '{_database}'; a post must be stored in the outbox's database.",
                nameof(transaction));
        }

        return npgsql;
    }

    private bool NeedsExactCount(int count, long capacity)
    {
        lock (_countLock)
        {
            // Far from the capacity (under half, counted within the last second) the count is skipped: no instance can
            // fill the other half between two counts. Near it, every enqueue counts in the same statement that inserts.
            return _countedPending < 0
                || Stopwatch.GetElapsedTime(_countedAt) > CountLifetime
                || _countedPending + Interlocked.Read(ref _enqueuedSinceCount) + count > capacity / 2;
        }
    }

    private void RecordCount(long pendingBefore, int stored)
    {
        lock (_countLock)
        {
            _countedPending = pendingBefore + stored;
            _enqueuedSinceCount = 0;
            _countedAt = Stopwatch.GetTimestamp();
        }
    }

    private async Task OutcomeAsync(string sql, OutboxPostId id, string ownerId, string? reason, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var now = _time.GetUtcNow();
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id.Value });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ownerId });
                command.Parameters.Add(Timestamp(dueAt ?? now));
                if (reason is not null)
                {
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one statement on a pooled connection, once. A lost connection is not retried here: the delivery engine
    /// retries recording an outcome while the post's lease holds and its host is not past its stop deadline, and a
    /// claim at its next turn, so retries never stack up in two layers.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await action(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            ClearPoolOnLostConnection(e);
            throw Unavailable("could not reach", e);
        }
    }

    private void ClearPoolOnLostConnection(Exception e)
    {
        // After a server restart every idle pooled connection is dead; drop them together instead of failing on each.
        if (e is NpgsqlException { IsTransient: true } or TimeoutException)
        {
            _dataSource.Clear();
        }
    }

    private InvalidOperationException Unavailable(string what, Exception e)
        => new($"The PostgreSQL outbox {what} its database ({_where}): {ConnectionDescription.Redact(e.Message, _settings)}", e);
}
