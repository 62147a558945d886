import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { announceProfileChanged } from '../profile-changed';
import { CustomerRefResolver, key } from '../customer-ref';
import { EventInput, EventOutcome, IngestResult } from './event-input';

/** Announces customers whose behaviour changed; computed-tag rules listen (kept as a port so profile needs no rules). */
export const EVENTS_INGESTED = 'profile.events_ingested';
export interface EventsIngested {
  tenantId: string;
  customerIds: string[];
}

/**
 * POST /api/v1/events: resolves every customer ref in one query per ref kind, then stores the batch with one
 * multi-row INSERT that skips idempotency keys already stored. Reporting is per event: an unknown customer
 * rejects that event, never the batch.
 */
@Injectable()
export class EventIngestion {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refs: CustomerRefResolver,
    private readonly events: EventEmitter2,
  ) {}

  async ingest(tenantId: string, batch: EventInput[]): Promise<IngestResult> {
    const ids = await this.refs.resolve(tenantId, batch.map((e) => e.customer));
    const results: EventOutcome[] = new Array(batch.length);
    const toInsert: Array<{ index: number; customerId: string; e: EventInput }> = [];
    const seen = new Set<string>();
    batch.forEach((e, index) => {
      const customerId = ids.get(key(e.customer));
      if (!customerId) results[index] = { idempotencyKey: e.idempotencyKey, status: 'rejected', reason: `unknown customer (${e.customer.kind})` };
      else if (seen.has(e.idempotencyKey)) results[index] = { idempotencyKey: e.idempotencyKey, status: 'duplicate' };
      else {
        seen.add(e.idempotencyKey);
        toInsert.push({ index, customerId, e });
      }
    });
    const inserted = await this.insert(tenantId, toInsert);
    const touched = new Set<string>();
    for (const { index, customerId, e } of toInsert) {
      const fresh = inserted.has(e.idempotencyKey);
      results[index] = { idempotencyKey: e.idempotencyKey, status: fresh ? 'accepted' : 'duplicate' };
      if (fresh) touched.add(customerId);
    }
    if (touched.size > 0) await this.announce(tenantId, [...touched]);
    const count = (s: EventOutcome['status']) => results.filter((r) => r.status === s).length;
    return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), results };
  }

  /** One statement for the whole batch; answers the idempotency keys actually stored. */
  private async insert(tenantId: string, rows: Array<{ customerId: string; e: EventInput }>): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const stored = (await this.db.query(
      `INSERT INTO customer_events (tenant_id, customer_id, type, occurred_at, properties, idempotency_key)
       SELECT $1, c, t, o, p::jsonb, k
         FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) AS x(c, t, o, p, k)
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
       RETURNING idempotency_key`,
      [
        tenantId,
        rows.map((r) => r.customerId),
        rows.map((r) => r.e.type),
        rows.map((r) => r.e.occurredAt.toISOString()),
        rows.map((r) => JSON.stringify(r.e.properties ?? {})),
        rows.map((r) => r.e.idempotencyKey),
      ],
    )) as Array<{ idempotency_key: string }>;
    return new Set(stored.map((r) => r.idempotency_key));
  }

  /** Awaits the listeners of EVENTS_INGESTED so follow-up jobs are queued before the caller answers. */
  private async announce(tenantId: string, customerIds: string[]): Promise<void> {
    announceProfileChanged(this.events, tenantId, customerIds);
    await this.events.emitAsync(EVENTS_INGESTED, { tenantId, customerIds } satisfies EventsIngested);
  }
}
