-- CardGen outbox for PostgreSQL, schema version 1.
--
-- CardGen runs exactly this script at start-up (under an advisory lock, in one transaction) unless
-- PostgreSqlOutboxOptions.CreateSchema is false; run it yourself, for example with
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -1 -f cardgen-outbox-postgresql.sql
-- when the service's database user may not create tables. It is idempotent: running it again changes nothing.
-- The tables go into the first schema of the connection's search_path (public by default); the service, and every
-- connection that enqueues in its own transaction, must see them under the same search_path.

-- One row per post. state: 0 pending (waiting, scheduled for a retry, or leased by an instance delivering it),
-- 1 delivered (kept until PostgreSqlOutboxOptions.DeliveredRetention has passed), 2 dead-lettered.
CREATE TABLE IF NOT EXISTS cardgen_outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hook_name        text        NOT NULL,
    order_key        text        NULL,
    payload          bytea       NOT NULL,
    state            smallint    NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
    enqueued_at      timestamptz NOT NULL,
    due_at           timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text        NULL,
    lease_owner      text        NULL,
    lease_until      timestamptz NULL,
    finished_at      timestamptz NULL
);

-- Claims (the pending posts, oldest first) and counting them against the capacity, without reading delivered rows.
CREATE INDEX IF NOT EXISTS cardgen_outbox_pending ON cardgen_outbox (id) WHERE state = 0;
-- Order: a post with an order key waits for the older pending posts of its hook and key.
CREATE INDEX IF NOT EXISTS cardgen_outbox_order ON cardgen_outbox (hook_name, order_key, id) WHERE state = 0 AND order_key IS NOT NULL;
-- Purging delivered posts, listing dead letters.
CREATE INDEX IF NOT EXISTS cardgen_outbox_finished ON cardgen_outbox (state, finished_at) WHERE state <> 0;

-- The pace each hook is posted at, shared by every instance: the next free send slot of each hook.
CREATE TABLE IF NOT EXISTS cardgen_outbox_pace (
    hook_name        text        PRIMARY KEY,
    next_slot        timestamptz NOT NULL
);

COMMENT ON TABLE cardgen_outbox IS 'CardGen outbox, schema version 1';
