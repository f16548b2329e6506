namespace CardGen.Outbox.PostgreSql;

internal sealed partial class PostgreSqlOutboxStore
{
    /// <summary>
    /// The store's statements. Times come from the store's <see cref="System.TimeProvider"/> as parameters, never from
    /// <c>now()</c>, so that every decision uses one clock (and tests can move it).
    /// </summary>
    private static class Sql
    {
        /// <summary>$1 hooks, $2 order keys, $3 payloads, $4 enqueue times, $5 now: one multi-row insert.</summary>
        public const string Enqueue = """
            INSERT INTO cardgen_outbox (hook_name, order_key, payload, enqueued_at, due_at)
            SELECT h, k, p, t, $5 FROM unnest($1::text[], $2::text[], $3::bytea[], $4::timestamptz[]) AS u(h, k, p, t)
            RETURNING id
            """;

        /// <summary>
        /// As <see cref="Enqueue"/>, inserting nothing when more than $6 posts are pending; every row carries the count
        /// taken before the insert (one row with a null id when nothing was inserted).
        /// </summary>
        public const string EnqueueCounted = """
            WITH pending AS (SELECT count(*) AS n FROM cardgen_outbox WHERE state = 0),
            stored AS (
                INSERT INTO cardgen_outbox (hook_name, order_key, payload, enqueued_at, due_at)
                SELECT h, k, p, t, $5 FROM unnest($1::text[], $2::text[], $3::bytea[], $4::timestamptz[]) AS u(h, k, p, t)
                WHERE (SELECT n FROM pending) <= $6
                RETURNING id)
            SELECT s.id, p.n FROM pending p LEFT JOIN stored s ON true
            """;

        /// <summary>
        /// $1 now, $2 max, $3 owner, $4 lease end. Oldest first, skipping rows another claim is locking right now, and
        /// a post with an order key only when no older post of its hook and key is pending (leased or not).
        /// </summary>
        public const string Claim = """
            WITH claimable AS (
                SELECT o.id FROM cardgen_outbox o
                WHERE o.state = 0 AND o.due_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)
                  AND (o.order_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM cardgen_outbox e
                        WHERE e.state = 0 AND e.order_key IS NOT NULL
                          AND e.hook_name = o.hook_name AND e.order_key = o.order_key AND e.id < o.id))
                ORDER BY o.id
                LIMIT $2
                FOR UPDATE OF o SKIP LOCKED)
            UPDATE cardgen_outbox o SET lease_owner = $3, lease_until = $4
            FROM claimable c WHERE o.id = c.id
            RETURNING o.id, o.hook_name, o.payload, o.order_key, o.enqueued_at, o.attempts, o.last_error
            """;

        /// <summary>$1 ids, $2 owner, $3 now.</summary>
        public const string Complete = """
            UPDATE cardgen_outbox SET state = 1, finished_at = $3, lease_owner = NULL, lease_until = NULL
            WHERE id = ANY($1) AND state = 0 AND lease_owner = $2
            """;

        /// <summary>$1 id, $2 owner, $3 due, $4 reason.</summary>
        public const string Reschedule = """
            UPDATE cardgen_outbox SET attempts = attempts + 1, last_error = $4, due_at = $3, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND state = 0 AND lease_owner = $2
            """;

        /// <summary>$1 id, $2 owner, $3 now, $4 reason.</summary>
        public const string DeadLetter = """
            UPDATE cardgen_outbox SET state = 2, attempts = attempts + 1, last_error = $4, finished_at = $3, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND state = 0 AND lease_owner = $2
            """;

        /// <summary>$1 ids, $2 owner: given back as they were, due (claimed posts were due), no attempt counted.</summary>
        public const string Release = """
            UPDATE cardgen_outbox SET lease_owner = NULL, lease_until = NULL
            WHERE id = ANY($1) AND state = 0 AND lease_owner = $2
            """;

        /// <summary>
        /// $1 hook, $2 now, $3 interval: moves the hook's next slot one interval past the later of itself and now, and
        /// returns it. The row lock orders concurrent reservations, so no two instances get the same slot.
        /// </summary>
        public const string ReservePace = """
            INSERT INTO cardgen_outbox_pace AS p (hook_name, next_slot) VALUES ($1, $2 + $3)
            ON CONFLICT (hook_name) DO UPDATE SET next_slot = greatest(p.next_slot, $2) + $3
            RETURNING next_slot
            """;

        public const string Statistics = """
            SELECT (SELECT count(*) FROM cardgen_outbox WHERE state = 0),
                   (SELECT count(*) FROM cardgen_outbox WHERE state = 2),
                   (SELECT min(enqueued_at) FROM cardgen_outbox WHERE state = 0)
            """;

        /// <summary>$1 max.</summary>
        public const string ListDeadLetters = """
            SELECT id, hook_name, enqueued_at, attempts, last_error, finished_at FROM cardgen_outbox
            WHERE state = 2 ORDER BY id LIMIT $1
            """;

        /// <summary>$1 id, $2 now.</summary>
        public const string Resend = """
            UPDATE cardgen_outbox SET state = 0, attempts = 0, due_at = $2, finished_at = NULL, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND state = 2
            """;

        /// <summary>$1 id, $2 now: anything but a post under a live lease.</summary>
        public const string Delete = """
            DELETE FROM cardgen_outbox
            WHERE id = $1 AND NOT (state = 0 AND lease_until IS NOT NULL AND lease_until > $2)
            """;

        /// <summary>$1 cut-off, $2 slice size.</summary>
        public const string Purge = """
            DELETE FROM cardgen_outbox WHERE id IN (
                SELECT id FROM cardgen_outbox WHERE state = 1 AND finished_at < $1 LIMIT $2)
            """;
    }
}
