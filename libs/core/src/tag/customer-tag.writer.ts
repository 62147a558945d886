import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, ProfileChangedPayload } from '../events/domain-events';
import type { CustomerTagSource } from './tag.types';

export interface CustomerTagRow {
  customerId: string;
  tagId: string;
  /** [0, 1]; 1 when omitted. */
  weight?: number;
  source: CustomerTagSource;
  sourceId?: string | null;
}

/**
 * The one place that writes customer_tags, so every kind of tag (corp projection, manual, bulk, computed,
 * interest) is stored alike and every change announces ProfileChanged for the 360° view cache.
 * Pass a manager to write inside the caller's transaction; the event then fires only if `emitNow` stays true,
 * so callers in a transaction emit with `announce` after commit.
 */
@Injectable()
export class CustomerTagWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  /** Upserts; a new weight or source replaces the old one. Answers how many rows were written. */
  async set(tenantId: string, rows: CustomerTagRow[], m: EntityManager = this.db.manager, emitNow = true): Promise<number> {
    if (rows.length === 0) return 0;
    // Sorted so concurrent writers take row locks in one order.
    const sorted = [...rows].sort((a, b) => (a.customerId + a.tagId).localeCompare(b.customerId + b.tagId));
    const result = (await m.query(
      `INSERT INTO customer_tags (tenant_id, customer_id, tag_id, weight, source, source_id, set_at)
       SELECT $1, c, t, w, s, si, now()
         FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::varchar[], $6::varchar[]) AS x(c, t, w, s, si)
       ON CONFLICT (tenant_id, customer_id, tag_id) DO UPDATE
         SET weight = EXCLUDED.weight, source = EXCLUDED.source, source_id = EXCLUDED.source_id, set_at = now()
         WHERE customer_tags.weight IS DISTINCT FROM EXCLUDED.weight OR customer_tags.source IS DISTINCT FROM EXCLUDED.source
       RETURNING customer_id`,
      [
        tenantId,
        sorted.map((r) => r.customerId),
        sorted.map((r) => r.tagId),
        sorted.map((r) => clampWeight(r.weight ?? 1)),
        sorted.map((r) => r.source),
        sorted.map((r) => r.sourceId ?? null),
      ],
    )) as Array<{ customer_id: string }>;
    if (emitNow) this.announce(tenantId, result.map((r) => r.customer_id));
    return result.length;
  }

  /** Removes these tags from these customers; answers the customers that lost one. */
  async remove(tenantId: string, customerIds: string[], tagIds: string[], m: EntityManager = this.db.manager, emitNow = true): Promise<string[]> {
    if (customerIds.length === 0 || tagIds.length === 0) return [];
    const [rows] = (await m.query(
      `DELETE FROM customer_tags WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND tag_id = ANY($3::uuid[]) RETURNING customer_id`,
      [tenantId, customerIds, tagIds],
    )) as [Array<{ customer_id: string }>, number];
    const changed = [...new Set(rows.map((r) => r.customer_id))];
    if (emitNow) this.announce(tenantId, changed);
    return changed;
  }

  announce(tenantId: string, customerIds: string[]): void {
    if (customerIds.length === 0) return;
    const payload: ProfileChangedPayload = { tenantId, customerIds: [...new Set(customerIds)] };
    this.events.emit(DomainEvent.ProfileChanged, payload);
  }
}

function clampWeight(w: number): number {
  return Math.min(1, Math.max(0, w));
}
