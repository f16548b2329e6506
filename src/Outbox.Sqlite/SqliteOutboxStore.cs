using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace CardGen.Outbox.Sqlite;

/// <summary>
/// The outbox in one SQLite file: WAL mode (readers never wait for the writer), a busy timeout, and one writer that
/// groups every concurrent write (enqueues, claims, outcomes) into one transaction, so many posts cost one commit.
/// </summary>
/// <remarks>
/// <para>Several processes may share the file (one delivering, others enqueuing); SQLite serializes their writes, and
/// leases keep two deliverers off the same post. For a fleet of instances on several machines, use the PostgreSQL
/// store: SQLite's locking is not safe on network file systems.</para>
/// <para>Commits are synchronous (<c>PRAGMA synchronous = FULL</c>): an enqueue that returned survives a process crash
/// and a power cut.</para>
/// </remarks>
public sealed partial class SqliteOutboxStore : IChatOutboxStore, IAsyncDisposable, IDisposable
{
    /// <summary>The most write operations that wait for the writer; further writers wait for room.</summary>
    private const int WriteQueueLength = 8192;

    /// <summary>The most operations one transaction holds.</summary>
    private const int MaxGroup = 1024;

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly string _connectionString;
    private readonly Channel<WriteOp> _writes = Channel.CreateBounded<WriteOp>(new BoundedChannelOptions(WriteQueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private Writer? _writer;
    private Thread? _writerThread;
    private int _disposed;

    /// <summary>Creates a store on a file; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="path">The file's path, created with its folder when missing.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    public SqliteOutboxStore(string path, TimeProvider? timeProvider = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The outbox needs the path of its SQLite file.", nameof(path));
        }

        try
        {
            Path = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"The outbox file path '{path}' is not a valid path: {e.Message}", nameof(path), e);
        }

        _time = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _initializing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is not null)
            {
                return;
            }

            var writer = await Task.Run(Open, cancellationToken).ConfigureAwait(false);
            _writer = writer;
            _writerThread = new Thread(() => writer.Run(_writes.Reader)) { IsBackground = true, Name = "CardGen outbox writer" };
            _writerThread.Start();
        }
        finally
        {
            _initializing.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxPostId>> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, DbTransaction? transaction, long capacity, CancellationToken cancellationToken)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        if (transaction is not null)
        {
            var own = CheckTransaction(transaction);
            cancellationToken.ThrowIfCancellationRequested();
            using var commands = new Commands(own.Connection!);
            try
            {
                return Enqueue(commands, own, entries, capacity);
            }
            catch (SqliteException e)
            {
                throw new InvalidOperationException($"The outbox could not store the post in the transaction on '{Path}' ({e.Message}); nothing was stored.", e);
            }
        }

        if (entries.Count == 0)
        {
            return Array.Empty<OutboxPostId>();
        }

        return await WriteAsync((c, t) => Enqueue(c, t, entries, capacity), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxPost>> ClaimAsync(string ownerId, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (ownerId is null)
        {
            throw new ArgumentNullException(nameof(ownerId));
        }

        return WriteAsync<IReadOnlyList<OutboxPost>>((c, t) => Claim(c, t, ownerId, max, lease), cancellationToken, durable: false);
    }

    /// <inheritdoc/>
    public Task CompleteAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(nameof(ids));
        }

        if (ownerId is null)
        {
            throw new ArgumentNullException(nameof(ownerId));
        }

        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(
            (c, t) =>
            {
                var complete = c.Complete;
                complete.Transaction = t;
                Set(complete, ("$owner", ownerId), ("$now", Now()));
                var id = complete.Parameters["$id"];
                var completed = 0;
                foreach (var post in ids)
                {
                    id.Value = post.Value;
                    completed += complete.ExecuteNonQuery();
                }

                return completed;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task RescheduleAsync(OutboxPostId id, string ownerId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
        => WriteAsync((c, t) => Execute(c.Reschedule, t, ("$id", id.Value), ("$owner", ownerId), ("$due", dueAt.UtcTicks), ("$reason", reason)), cancellationToken);

    /// <inheritdoc/>
    public Task DeadLetterAsync(OutboxPostId id, string ownerId, string reason, CancellationToken cancellationToken)
        => WriteAsync((c, t) => Execute(c.DeadLetter, t, ("$id", id.Value), ("$owner", ownerId), ("$reason", reason), ("$now", Now())), cancellationToken);

    /// <inheritdoc/>
    public Task ReleaseAsync(IReadOnlyList<OutboxPostId> ids, string ownerId, CancellationToken cancellationToken)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(nameof(ids));
        }

        return WriteAsync(
            (c, t) =>
            {
                var released = 0;
                foreach (var id in ids)
                {
                    released += Execute(c.Release, t, ("$id", id.Value), ("$owner", ownerId));
                }

                return released;
            },
            cancellationToken,
            durable: false);
    }

    /// <inheritdoc/>
    public async Task<TimeSpan> ReservePaceAsync(string hookName, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (hookName is null)
        {
            throw new ArgumentNullException(nameof(hookName));
        }

        if (interval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var (now, next) = await WriteAsync(
            (c, t) =>
            {
                var now = Now();
                c.Pace.Transaction = t;
                Set(c.Pace, ("$hook", hookName), ("$now", now), ("$interval", interval.Ticks));
                return (now, Convert.ToInt64(c.Pace.ExecuteScalar(), CultureInfo.InvariantCulture));
            },
            cancellationToken,
            durable: false).ConfigureAwait(false);
        var slot = next - interval.Ticks;
        return slot > now ? TimeSpan.FromTicks(slot - now) : TimeSpan.Zero;
    }

    /// <inheritdoc/>
    public Task<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => ReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT (SELECT pending FROM cardgen_outbox_counts WHERE id = 1),
                           (SELECT COUNT(*) FROM cardgen_outbox WHERE state = 2),
                           (SELECT enqueued_at FROM cardgen_outbox WHERE state = 0 ORDER BY id LIMIT 1)
                    """;
                using var reader = command.ExecuteReader();
                reader.Read();
                return new OutboxStatistics(
                    reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : Time(reader.GetInt64(2)));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int max, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<OutboxDeadLetter>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, hook, enqueued_at, attempts, last_error, finished_at FROM cardgen_outbox WHERE state = 2 ORDER BY id LIMIT $max";
                command.Parameters.AddWithValue("$max", Math.Max(0, max));
                using var reader = command.ExecuteReader();
                var letters = new List<OutboxDeadLetter>();
                while (reader.Read())
                {
                    letters.Add(new OutboxDeadLetter(
                        new OutboxPostId(reader.GetInt64(0)),
                        reader.GetString(1),
                        Time(reader.GetInt64(2)),
                        reader.GetInt32(3),
                        reader.IsDBNull(4) ? string.Empty : reader.GetString(4),
                        reader.IsDBNull(5) ? Time(reader.GetInt64(2)) : Time(reader.GetInt64(5))));
                }

                return letters;
            },
            cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> ResendAsync(OutboxPostId id, CancellationToken cancellationToken)
        => await WriteAsync((c, t) => Execute(c.Resend, t, ("$id", id.Value), ("$now", Now())), cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(OutboxPostId id, CancellationToken cancellationToken)
        => await WriteAsync((c, t) => Execute(c.Delete, t, ("$id", id.Value), ("$now", Now())), cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc/>
    public Task<int> PurgeDeliveredAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken)
        => WriteAsync((c, t) => Execute(c.Purge, t, ("$before", deliveredBefore.UtcTicks)), cancellationToken);

    /// <summary>Stops the writer once the writes already queued are done, and closes the file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writes.Writer.TryComplete();
        var thread = _writerThread;
        if (thread is not null)
        {
            await Task.Run(() => thread.Join()).ConfigureAwait(false);
        }

        _writer?.Dispose();
        _initializing.Dispose();

        // The readers' pooled connections keep the file open; close them with the store.
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <summary>Stops the writer once the writes already queued are done, and closes the file.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The payload as an array, without a copy when it is a whole one (as the outbox writes it).</summary>
    private static byte[] Bytes(ReadOnlyMemory<byte> payload)
        => MemoryMarshal.TryGetArray(payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : payload.ToArray();

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private long Now() => _time.GetUtcNow().UtcTicks;

    private Writer Open()
    {
        if (Directory.Exists(Path))
        {
            throw new InvalidOperationException($"The outbox file '{Path}' cannot be used: it is a folder. Give UseSqliteOutbox the path of a file.");
        }

        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The outbox file '{Path}' cannot be created: its folder '{folder}' cannot be created ({e.Message}).", e);
            }
        }

        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(_connectionString);
            connection.Open();
            Pragma(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            var mode = Pragma(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The outbox file '{Path}' cannot be used: SQLite could not put it in WAL mode (it is in '{mode}' mode), which the outbox needs so that readers do not wait for the writer.");
            }

            Pragma(connection, "PRAGMA synchronous = FULL");
            var version = Convert.ToInt32(Pragma(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > SqliteOutboxSchema.Version)
            {
                throw new InvalidOperationException($"The outbox file '{Path}' has schema version {version}, made by a newer CardGen than this one (version {SqliteOutboxSchema.Version}); use that version, or another file.");
            }

            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using var schema = connection.CreateCommand();
                schema.Transaction = transaction;
                schema.CommandText = SqliteOutboxSchema.Script;
                schema.ExecuteNonQuery();

                // Prove the file writable now, not at the first enqueue.
                schema.CommandText = "UPDATE cardgen_outbox_counts SET pending = pending WHERE id = 1";
                schema.ExecuteNonQuery();
                transaction.Commit();
            }

            return new Writer(this, connection);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new InvalidOperationException($"The outbox file '{Path}' cannot be opened for writing: {e.Message} Check that its folder exists, that this process may write to the file and the folder, and that the file is a SQLite database.", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static string? Pragma(SqliteConnection connection, string text)
    {
        using var command = connection.CreateCommand();
        command.CommandText = text;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteTransaction CheckTransaction(DbTransaction transaction)
    {
        if (transaction is not SqliteTransaction own)
        {
            throw new ArgumentException($"The transaction is a {transaction.GetType().FullName}; the SQLite outbox stores posts only in a SqliteTransaction on its own file '{Path}'.", nameof(transaction));
        }

        if (own.Connection is not { } connection)
        {
            throw new ArgumentException("The transaction has already been committed or rolled back.", nameof(transaction));
        }

        string? source;
        try
        {
            source = string.IsNullOrEmpty(connection.DataSource) ? null : System.IO.Path.GetFullPath(connection.DataSource);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            source = null;
        }

        if (source is null || !string.Equals(source, Path, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The transaction is on '{connection.DataSource}', not on the outbox file '{Path}': a post is stored in the caller's transaction only on the outbox's own file.", nameof(transaction));
        }

        return own;
    }

    private OutboxPostId[] Enqueue(Commands commands, SqliteTransaction transaction, IReadOnlyList<OutboxEntry> entries, long capacity)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null)
            {
                throw new ArgumentException($"entries[{i}] is null.", nameof(entries));
            }
        }

        commands.Count.Transaction = transaction;
        var pending = Convert.ToInt64(commands.Count.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        if (pending + entries.Count > capacity)
        {
            throw new OutboxFullException(capacity);
        }

        var ids = new OutboxPostId[entries.Count];
        var insert = commands.Insert;
        insert.Transaction = transaction;
        var due = Now();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var enqueuedAt = entry.EnqueuedAt.UtcTicks;
            Set(insert, ("$hook", entry.HookName), ("$payload", Bytes(entry.Payload)), ("$key", (object?)entry.OrderKey ?? DBNull.Value), ("$at", enqueuedAt), ("$due", due));
            ids[i] = new OutboxPostId(Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    private List<OutboxPost> Claim(Commands commands, SqliteTransaction transaction, string ownerId, int max, TimeSpan lease)
    {
        var posts = new List<OutboxPost>();
        if (max <= 0)
        {
            return posts;
        }

        var now = Now();
        var claim = commands.Claim;
        claim.Transaction = transaction;
        Set(claim, ("$owner", ownerId), ("$now", now), ("$until", now + lease.Ticks), ("$max", max));
        using (var reader = claim.ExecuteReader())
        {
            while (reader.Read())
            {
                posts.Add(new OutboxPost(
                    new OutboxPostId(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.GetFieldValue<byte[]>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    Time(reader.GetInt64(4)),
                    reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        posts.Sort((a, b) => a.Id.Value.CompareTo(b.Id.Value));
        return posts;
    }

    private static int Execute(SqliteCommand command, SqliteTransaction transaction, params (string Name, object? Value)[] values)
    {
        command.Transaction = transaction;
        Set(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_writer is null)
        {
            throw new InvalidOperationException("The SQLite outbox store has not been initialized: call InitializeAsync first.");
        }

        return await Task.Run(
            () =>
            {
                using var connection = new SqliteConnection(_connectionString);
                connection.Open();
                return read(connection);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues a write for the writer and waits for its commit.</summary>
    /// <param name="write">The write, run in the group's transaction.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue.</param>
    /// <param name="durable">
    /// Whether the commit must survive a power cut (fsync, <c>synchronous = FULL</c>): enqueues and outcomes. A claim,
    /// a release or a pace reservation need not: lost with the machine, it is as if the lease had run out or the slot
    /// had not been taken, and the next durable commit makes it durable too (the log is written in order). A group of
    /// such writes alone commits without waiting for the disk, so a claim is not held up by a flush.
    /// </param>
    private async Task<T> WriteAsync<T>(Func<Commands, SqliteTransaction, T> write, CancellationToken cancellationToken, bool durable = true)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_writer is null)
        {
            throw new InvalidOperationException("The SQLite outbox store has not been initialized: call InitializeAsync first.");
        }

        var op = new WriteOp<T>(write, durable);
        try
        {
            await _writes.Writer.WriteAsync(op, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(SqliteOutboxStore));
        }

        // Once queued, the write happens: waiting for it is not cancelled, so the caller learns its outcome.
        return await op.Task.ConfigureAwait(false);
    }
}
