import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, ProfileChangedPayload, TagAddition, TagsAddedPayload } from '../events/domain-events';
import { wantedCorpTags } from './corp-projection.sql';
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

  /**
   * Upserts; a new weight or source replaces the old one. Answers the tags customers did not have before (for
   * `announce`, when the caller writes in its own transaction).
   */
  async set(tenantId: string, rows: CustomerTagRow[], m: EntityManager = this.db.manager, emitNow = true): Promise<TagAddition[]> {
    if (rows.length === 0) return [];
    // Sorted so concurrent writers take row locks in one order.
    const sorted = [...rows].sort((a, b) => (a.customerId + a.tagId).localeCompare(b.customerId + b.tagId));
    const result = (await m.query(
      `INSERT INTO customer_tags (tenant_id, customer_id, tag_id, weight, source, source_id, set_at)
       SELECT $1, c, t, w, s, si, now()
         FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::varchar[], $6::varchar[]) AS x(c, t, w, s, si)
       ON CONFLICT (tenant_id, customer_id, tag_id) DO UPDATE
         SET weight = EXCLUDED.weight, source = EXCLUDED.source, source_id = EXCLUDED.source_id, set_at = now()
         WHERE customer_tags.weight IS DISTINCT FROM EXCLUDED.weight OR customer_tags.source IS DISTINCT FROM EXCLUDED.source
       RETURNING customer_id, tag_id, (xmax = 0) AS inserted`,
      [
        tenantId,
        sorted.map((r) => r.customerId),
        sorted.map((r) => r.tagId),
        sorted.map((r) => clampWeight(r.weight ?? 1)),
        sorted.map((r) => r.source),
        sorted.map((r) => r.sourceId ?? null),
      ],
    )) as WrittenRow[];
    await countAdditions(m, tenantId, result);
    const additions = result.filter((r) => r.inserted).map((r) => ({ customerId: r.customer_id, tagId: r.tag_id }));
    if (emitNow) this.announce(tenantId, result.map((r) => r.customer_id), additions);
    return additions;
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

  /** Removes these tags from every customer (the tags were deleted); answers the customers that lost one. */
  async removeTags(tenantId: string, tagIds: string[], m: EntityManager = this.db.manager, emitNow = true): Promise<string[]> {
    if (tagIds.length === 0) return [];
    const [rows] = (await m.query(`DELETE FROM customer_tags WHERE tenant_id = $1 AND tag_id = ANY($2::uuid[]) RETURNING customer_id`, [
      tenantId,
      tagIds,
    ])) as [Array<{ customer_id: string }>, number];
    const changed = [...new Set(rows.map((r) => r.customer_id))];
    if (emitNow) this.announce(tenantId, changed);
    return changed;
  }

  /**
   * Makes the corp tags of these customers (by external_userid) equal their projection (wantedCorpTags).
   * Locks the customers' rows first, so two projections of one customer run one after the other and the later one
   * reads what the earlier committed (else an older read could land last). Run it in a transaction. Answers the
   * customers that changed.
   */
  async projectCorpTags(tenantId: string, externalUserIds: string[], m: EntityManager, emitNow = true): Promise<string[]> {
    if (externalUserIds.length === 0) return [];
    const params = [tenantId, [...new Set(externalUserIds)]];
    const locked = (await m.query(`SELECT id FROM customers WHERE tenant_id = $1 AND external_user_id = ANY($2::varchar[]) ORDER BY id FOR UPDATE`, params)) as Array<{ id: string }>;
    // The locked customers' ids drive the delete through customer_tags' primary key: filtering by external id instead
    // let the planner walk every row of each corp tag when its statistics lagged (a first rebuild filling the table
    // went from 0.4 to 1.3 s per 500 customers as it grew).
    const [gone] = (await m.query(
      `DELETE FROM customer_tags ct USING tags t, customers c
        WHERE ct.tenant_id = $1 AND ct.customer_id = ANY($2::uuid[]) AND t.tenant_id = $1 AND t.id = ct.tag_id AND t.kind = 'corp'
          AND c.tenant_id = $1 AND c.id = ct.customer_id
          AND NOT EXISTS (
            SELECT 1 FROM relationship_tags rt
              JOIN relationships r ON r.tenant_id = rt.tenant_id AND r.user_id = rt.user_id AND r.external_user_id = rt.external_user_id AND r.status = 'active'
             WHERE rt.tenant_id = $1 AND rt.external_user_id = c.external_user_id AND rt.tag_id = t.corp_tag_id AND NOT t.deleted)
        RETURNING ct.customer_id`,
      [tenantId, locked.map((r) => r.id)],
    )) as [Array<{ customer_id: string }>, number];
    const written = (await m.query(
      `INSERT INTO customer_tags (tenant_id, customer_id, tag_id, weight, source, source_id, set_at)
       SELECT $1, w.customer_id, w.tag_id, 1, w.source, w.source_id, now() FROM (${wantedCorpTags('AND rt.external_user_id = ANY($2::varchar[])')}) w
       ON CONFLICT (tenant_id, customer_id, tag_id) DO UPDATE
         SET weight = 1, source = EXCLUDED.source, source_id = EXCLUDED.source_id, set_at = now()
         WHERE customer_tags.weight IS DISTINCT FROM 1 OR customer_tags.source IS DISTINCT FROM EXCLUDED.source
       RETURNING customer_id, tag_id, (xmax = 0) AS inserted`,
      params,
    )) as WrittenRow[];
    await countAdditions(m, tenantId, written);
    const changed = [...new Set([...gone.map((r) => r.customer_id), ...written.map((r) => r.customer_id)])];
    if (emitNow) this.announce(tenantId, changed);
    return changed;
  }

  /**
   * After commit: the tag catalogue changed (see DomainEvent.TagCatalogueChanged). Awaited, so cached views are gone
   * before the change is answered: a group just restricted to admins must not stay visible to a viewer.
   */
  async announceCatalogue(tenantId: string): Promise<void> {
    await this.events.emitAsync(DomainEvent.TagCatalogueChanged, { tenantId });
  }

  /** After commit: the customers' profiles changed, and `additions` are tags they gained (see DomainEvent.TagsAdded). */
  announce(tenantId: string, customerIds: string[], additions: TagAddition[] = []): void {
    if (customerIds.length === 0) return;
    const payload: ProfileChangedPayload = { tenantId, customerIds: [...new Set(customerIds)] };
    this.events.emit(DomainEvent.ProfileChanged, payload);
    if (additions.length > 0) this.events.emit(DomainEvent.TagsAdded, { tenantId, additions } satisfies TagsAddedPayload);
  }
}

interface WrittenRow {
  customer_id: string;
  tag_id: string;
  inserted: boolean;
}

/** Newly inserted rows count as additions of their tag on today's date in the tenant's time zone. */
async function countAdditions(m: EntityManager, tenantId: string, rows: WrittenRow[]): Promise<void> {
  const perTag = new Map<string, number>();
  for (const r of rows) if (r.inserted) perTag.set(r.tag_id, (perTag.get(r.tag_id) ?? 0) + 1);
  if (perTag.size === 0) return;
  const tagIds = [...perTag.keys()].sort();
  await m.query(
    `INSERT INTO tag_daily_additions (tenant_id, tag_id, day, count)
     SELECT $1, t, (now() AT TIME ZONE coalesce((SELECT timezone FROM tenants WHERE id = $1), 'UTC'))::date, n
       FROM unnest($2::uuid[], $3::int[]) AS x(t, n)
     ON CONFLICT (tenant_id, tag_id, day) DO UPDATE SET count = tag_daily_additions.count + EXCLUDED.count`,
    [tenantId, tagIds, tagIds.map((t) => perTag.get(t))],
  );
}

function clampWeight(w: number): number {
  return Math.min(1, Math.max(0, w));
}
