using System;
using System.Collections.Generic;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace CardGen.Outbox.Sqlite;

/// <summary>The single writer: every write of this store, grouped into one transaction per turn.</summary>
public sealed partial class SqliteOutboxStore
{
    /// <summary>The statements of the outbox, prepared once on a connection.</summary>
    private sealed class Commands : IDisposable
    {
        public Commands(SqliteConnection connection)
        {
            Count = Create(connection, "SELECT pending FROM cardgen_outbox_counts WHERE id = 1");
            Insert = Create(connection, "INSERT INTO cardgen_outbox (hook, payload, order_key, enqueued_at, due_at) VALUES ($hook, $payload, $key, $at, $due) RETURNING id", "$hook", "$payload", "$key", "$at", "$due");
            Claim = Create(
                connection,
                """
                UPDATE cardgen_outbox SET lease_owner = $owner, lease_until = $until
                WHERE id IN (
                    SELECT o.id FROM cardgen_outbox o INDEXED BY cardgen_outbox_pending
                    WHERE o.state = 0 AND o.due_at <= $now AND (o.lease_until IS NULL OR o.lease_until <= $now)
                      AND (o.order_key IS NULL OR NOT EXISTS (
                          SELECT 1 FROM cardgen_outbox p
                          WHERE p.state = 0 AND p.hook = o.hook AND p.order_key = o.order_key AND p.id < o.id))
                    ORDER BY o.id
                    LIMIT $max)
                RETURNING id, hook, payload, order_key, enqueued_at, attempts, last_error
                """,
                "$owner",
                "$until",
                "$now",
                "$max");
            Complete = Create(connection, "UPDATE cardgen_outbox SET state = 1, finished_at = $now, lease_owner = NULL, lease_until = NULL WHERE id = $id AND state = 0 AND lease_owner = $owner", "$id", "$owner", "$now");
            Reschedule = Create(connection, "UPDATE cardgen_outbox SET attempts = attempts + 1, due_at = $due, last_error = $reason, lease_owner = NULL, lease_until = NULL WHERE id = $id AND state = 0 AND lease_owner = $owner", "$id", "$owner", "$due", "$reason");
            DeadLetter = Create(connection, "UPDATE cardgen_outbox SET state = 2, attempts = attempts + 1, last_error = $reason, finished_at = $now, lease_owner = NULL, lease_until = NULL WHERE id = $id AND state = 0 AND lease_owner = $owner", "$id", "$owner", "$reason", "$now");
            Release = Create(connection, "UPDATE cardgen_outbox SET lease_owner = NULL, lease_until = NULL WHERE id = $id AND state = 0 AND lease_owner = $owner", "$id", "$owner");
            Pace = Create(
                connection,
                """
                INSERT INTO cardgen_outbox_pace (hook, next_slot) VALUES ($hook, $now + $interval)
                ON CONFLICT (hook) DO UPDATE SET next_slot = MAX(next_slot, $now) + $interval
                RETURNING next_slot
                """,
                "$hook",
                "$now",
                "$interval");
            Resend = Create(connection, "UPDATE cardgen_outbox SET state = 0, attempts = 0, due_at = $now, finished_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $id AND state = 2", "$id", "$now");
            Delete = Create(connection, "DELETE FROM cardgen_outbox WHERE id = $id AND (state <> 0 OR lease_until IS NULL OR lease_until <= $now)", "$id", "$now");
            Purge = Create(connection, "DELETE FROM cardgen_outbox WHERE state = 1 AND finished_at < $before", "$before");
        }

        public SqliteCommand Count { get; }

        public SqliteCommand Insert { get; }

        public SqliteCommand Claim { get; }

        public SqliteCommand Complete { get; }

        public SqliteCommand Reschedule { get; }

        public SqliteCommand DeadLetter { get; }

        public SqliteCommand Release { get; }

        public SqliteCommand Pace { get; }

        public SqliteCommand Resend { get; }

        public SqliteCommand Delete { get; }

        public SqliteCommand Purge { get; }

        public void Dispose()
        {
            foreach (var command in new[] { Count, Insert, Claim, Complete, Reschedule, DeadLetter, Release, Pace, Resend, Delete, Purge })
            {
                command.Dispose();
            }
        }

        private static SqliteCommand Create(SqliteConnection connection, string text, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }
    }

    /// <summary>One write waiting for the writer, and the caller waiting for its outcome.</summary>
    private abstract class WriteOp
    {
        protected WriteOp(bool durable) => Durable = durable;

        /// <summary>Whether the write's commit must reach the disk before its caller learns the outcome.</summary>
        public bool Durable { get; }

        /// <summary>Runs the write in the group's transaction; an exception other than a <see cref="SqliteException"/> is this write's own, thrown before it changed anything.</summary>
        public abstract void Run(Commands commands, SqliteTransaction transaction);

        /// <summary>Tells the caller the outcome once the transaction committed.</summary>
        public abstract void Finish();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteOp<T> : WriteOp
    {
        private readonly Func<Commands, SqliteTransaction, T> _write;
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public WriteOp(Func<Commands, SqliteTransaction, T> write, bool durable)
            : base(durable) => _write = write;

        public Task<T> Task => _outcome.Task;

        public override void Run(Commands commands, SqliteTransaction transaction)
        {
            try
            {
                _result = _write(commands, transaction);
            }
            catch (Exception e) when (e is not SqliteException)
            {
                _error = e;
            }
        }

        public override void Finish()
        {
            if (_error is not null)
            {
                _outcome.TrySetException(_error);
            }
            else
            {
                _outcome.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception) => _outcome.TrySetException(exception);
    }

    /// <summary>The writer's connection and statements, and its loop.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteOutboxStore _store;
        private readonly SqliteConnection _connection;
        private readonly Commands _commands;
        private readonly SqliteCommand _syncFull;
        private readonly SqliteCommand _syncNormal;
        private bool _durable = true;

        public Writer(SqliteOutboxStore store, SqliteConnection connection)
        {
            _store = store;
            _connection = connection;
            _commands = new Commands(connection);
            _syncFull = connection.CreateCommand();
            _syncFull.CommandText = "PRAGMA synchronous = FULL";
            _syncNormal = connection.CreateCommand();
            _syncNormal.CommandText = "PRAGMA synchronous = NORMAL";
        }

        public void Run(ChannelReader<WriteOp> reader)
        {
            var group = new List<WriteOp>(MaxGroup);
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                group.Clear();
                while (group.Count < MaxGroup && reader.TryRead(out var op))
                {
                    group.Add(op);
                }

                Write(group);
            }
        }

        public void Dispose()
        {
            _commands.Dispose();
            _syncFull.Dispose();
            _syncNormal.Dispose();
            _connection.Dispose();
        }

        /// <summary>Commits with an fsync only when a write of the group needs it (see <c>WriteAsync</c>).</summary>
        private void Synchronous(List<WriteOp> group)
        {
            var durable = false;
            foreach (var op in group)
            {
                durable |= op.Durable;
            }

            if (durable != _durable)
            {
                (durable ? _syncFull : _syncNormal).ExecuteNonQuery();
                _durable = durable;
            }
        }

        private void Write(List<WriteOp> group)
        {
            try
            {
                Synchronous(group);
                using (var transaction = _connection.BeginTransaction(deferred: false))
                {
                    foreach (var op in group)
                    {
                        op.Run(_commands, transaction);
                    }

                    transaction.Commit();
                }

                foreach (var op in group)
                {
                    op.Finish();
                }
            }
            catch (Exception e)
            {
                var error = e is SqliteException sqlite
                    ? new InvalidOperationException($"The outbox file '{_store.Path}' could not be written ({sqlite.Message}), so nothing of this change was stored. Check that the disk has room and that this process may still write to the file.", e)
                    : e;
                foreach (var op in group)
                {
                    op.Fail(error);
                }
            }
        }
    }
}
