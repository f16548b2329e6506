namespace CardGen.Outbox.Sqlite;

/// <summary>The outbox's tables in its SQLite file, created at start-up when missing.</summary>
internal static class SqliteOutboxSchema
{
    /// <summary>The schema's version, kept in <c>PRAGMA user_version</c>.</summary>
    public const int Version = 1;

    /// <summary>
    /// One row per post: state 0 pending, 1 delivered, 2 dead-lettered. Times are UTC ticks. A trigger keeps the count
    /// of pending posts in <c>cardgen_outbox_counts</c>, so the capacity check of an enqueue does not count rows, whichever
    /// connection writes (the caller's transaction included). Partial indexes hold only the rows each query reads.
    /// </summary>
    public const string Script = """
        CREATE TABLE IF NOT EXISTS cardgen_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hook TEXT NOT NULL,
            payload BLOB NOT NULL,
            order_key TEXT NULL,
            enqueued_at INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            finished_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS cardgen_outbox_pending ON cardgen_outbox (id) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS cardgen_outbox_order ON cardgen_outbox (hook, order_key, id) WHERE state = 0 AND order_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS cardgen_outbox_delivered ON cardgen_outbox (finished_at) WHERE state = 1;
        CREATE INDEX IF NOT EXISTS cardgen_outbox_dead ON cardgen_outbox (id) WHERE state = 2;
        CREATE TABLE IF NOT EXISTS cardgen_outbox_pace (
            hook TEXT PRIMARY KEY,
            next_slot INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS cardgen_outbox_counts (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pending INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO cardgen_outbox_counts (id, pending) VALUES (1, (SELECT COUNT(*) FROM cardgen_outbox WHERE state = 0));
        CREATE TRIGGER IF NOT EXISTS cardgen_outbox_inserted AFTER INSERT ON cardgen_outbox WHEN NEW.state = 0
        BEGIN UPDATE cardgen_outbox_counts SET pending = pending + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS cardgen_outbox_deleted AFTER DELETE ON cardgen_outbox WHEN OLD.state = 0
        BEGIN UPDATE cardgen_outbox_counts SET pending = pending - 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS cardgen_outbox_state AFTER UPDATE OF state ON cardgen_outbox WHEN (OLD.state = 0) <> (NEW.state = 0)
        BEGIN UPDATE cardgen_outbox_counts SET pending = pending + (CASE WHEN NEW.state = 0 THEN 1 ELSE -1 END) WHERE id = 1; END;
        PRAGMA user_version = 1;
        """;
}
