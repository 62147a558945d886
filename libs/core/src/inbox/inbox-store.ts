import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPool } from '@scrm/platform';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { InboxResult } from './inbox-event.entity';
import { InboxRowRef } from './inbox-job';

export interface NewInboxRow {
  tenantId: string;
  dedupeKey: string;
  type: string;
  xml: string;
}

export interface SweepCursor {
  createdAt: string;
  id: string;
}

export interface ClaimedRow {
  xml: string;
  receivedAt: Date;
  attempts: number;
}

/** Claimable: waiting, or leased by a worker whose lease ran out (it crashed or hung). */
const CLAIMABLE = `(status = 'received' OR (status = 'processing' AND lease_until < now()))`;

// Named statements: pg prepares each once per connection, which keeps the callback path and every job cheap. Each is
// spread last into its query config: in this V8 (Node 20.20) `{ ...a, x }` takes a slow path, `{ x, ...a }` does not.

// Many rows in one statement (group commit). Joined back to the input on the key, as uuid: one answer per input row,
// in order, whatever case the caller spelled the tenant id in; null where the event was already stored.
const INSERT_MANY = {
  name: 'inbox-insert-many',
  text: `WITH input AS (
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS r(tenant_id, dedupe_key, type, xml, n)
         ), inserted AS (
           INSERT INTO inbox_events (tenant_id, dedupe_key, type, xml)
           SELECT tenant_id, dedupe_key, type, xml FROM input ORDER BY n
           ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING tenant_id, dedupe_key, id
         )
         SELECT inserted.id FROM input LEFT JOIN inserted USING (tenant_id, dedupe_key) ORDER BY input.n`,
};
const CLAIM = {
  name: 'inbox-claim',
  text: `UPDATE inbox_events SET status = 'processing', lease_until = now() + make_interval(secs => $3),
                attempts = attempts + $5, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND (${CLAIMABLE} OR ($4::boolean AND status = 'processing'))
          RETURNING xml, created_at AS "receivedAt", attempts`,
};
const HAND_BACK = {
  name: 'inbox-hand-back',
  text: `UPDATE inbox_events SET status = 'received', lease_until = NULL, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'processing'`,
};
const MARK_DONE = {
  name: 'inbox-done',
  text: `UPDATE inbox_events SET status = 'done', result = $3, error = NULL, lease_until = NULL, processed_at = now(), updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'processing'`,
};

/**
 * The SQL of the inbox's life cycle. Plain statements instead of entities: these run once per callback and per job,
 * and every one is a single atomic statement, so no transaction is needed around them.
 */
@Injectable()
export class InboxStore {
  private readonly pool: Pool;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.pool = pgPool(db);
  }

  /**
   * Stores the rows in one statement (one commit): for each, its new id, or null when the event is already stored
   * (WeCom re-delivered it) or is a copy of an earlier row of the same call. Either all are stored or none.
   */
  async insertMany(rows: NewInboxRow[]): Promise<(string | null)[]> {
    const unique = uniqueByKey(rows);
    // In key order: two processes storing overlapping batches take the unique index's locks in the same order, so
    // re-deliveries racing through two api processes wait for each other instead of deadlocking.
    const sorted = [...unique.keys()].sort().map((key) => unique.get(key)!);
    const res = await this.pool.query<{ id: string | null }>({
      values: [sorted.map((r) => r.tenantId), sorted.map((r) => r.dedupeKey), sorted.map((r) => r.type), sorted.map((r) => r.xml)],
      ...INSERT_MANY,
    });
    const ids = new Map(sorted.map((row, i) => [row, res.rows[i].id]));
    return rows.map((row) => ids.get(row) ?? null);
  }

  /**
   * Leases the row to the caller; null when it is done, failed, or being processed by someone else.
   * `retryOfSameJob`: an earlier attempt of this job held the lease and has ended without handing the row back
   * (e.g. its database connection was cut); waiting out its lease would delay the event by minutes.
   */
  async claim(ref: InboxRowRef, leaseSeconds: number, retryOfSameJob = false, countAttempt = true): Promise<ClaimedRow | null> {
    const res = await this.pool.query<ClaimedRow>({ values: [ref.tenantId, ref.inboxId, leaseSeconds, retryOfSameJob, countAttempt ? 1 : 0], ...CLAIM });
    return res.rows[0] ?? null;
  }

  /**
   * The first step is done and the rest follows in another job: the row goes back to received (unleased), so
   * whichever job runs next — the follow-up, or the sweeper's re-run if the follow-up was lost — can claim it.
   */
  async handBack(ref: InboxRowRef): Promise<void> {
    await this.pool.query({ values: [ref.tenantId, ref.inboxId], ...HAND_BACK });
  }

  async markDone(ref: InboxRowRef, result: InboxResult): Promise<void> {
    await this.pool.query({ values: [ref.tenantId, ref.inboxId, result], ...MARK_DONE });
  }

  /** A try failed and another will follow: back to received, with the error kept for the admin view. */
  async release(ref: InboxRowRef, error: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_events SET status = 'received', error = $3, lease_until = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'processing'`,
      [ref.tenantId, ref.inboxId, error],
    );
  }

  async markFailed(ref: InboxRowRef, error: string): Promise<void> {
    await this.db.query(
      `UPDATE inbox_events SET status = 'failed', error = $3, lease_until = NULL, processed_at = now(), updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'processing'`,
      [ref.tenantId, ref.inboxId, error],
    );
  }

  /**
   * Unfinished rows received before `olderThan`, across tenants, in pages (keyset on created_at, id).
   * Reads through the partial index of unfinished rows.
   */
  async unfinished(olderThan: Date, after: SweepCursor | null, limit: number): Promise<(InboxRowRef & SweepCursor)[]> {
    // created_at travels as text: a JS Date would drop the microseconds and make the keyset repeat rows.
    return this.db.query(
      `SELECT tenant_id AS "tenantId", id AS "inboxId", created_at::text AS "createdAt", id FROM inbox_events
        WHERE status IN ('received', 'processing') AND created_at < $1 AND ${CLAIMABLE}
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [olderThan, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }
}

const rowKey = (row: NewInboxRow) => `${row.tenantId.toLowerCase()} ${row.dedupeKey}`;

/** The first row of each key, by key. */
function uniqueByKey(rows: NewInboxRow[]): Map<string, NewInboxRow> {
  const unique = new Map<string, NewInboxRow>();
  for (const row of rows) if (!unique.has(rowKey(row))) unique.set(rowKey(row), row);
  return unique;
}
