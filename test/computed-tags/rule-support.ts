import { Clock } from '@scrm/core';
import { DataSource } from 'typeorm';
import { bearer, TestTenant } from '../support/factories';
import { TestSystem } from '../support/test-system';
import { until } from '../support/wait';

/** 02:30 in Asia/Shanghai (the default tenant zone): inside the nightly evaluation hour. */
export const NOW = new Date('2026-11-30T18:30:00Z');
export const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * 86_400_000);

/** Both processes stand at the same moment (each has its own Clock). */
export function setClock(sys: TestSystem, at: Date | null): void {
  sys.api.get(Clock).set(at);
  sys.worker?.get(Clock).set(at);
}

export function rulesApi(sys: TestSystem, tenant: TestTenant) {
  const h = bearer(tenant.adminToken);
  return {
    create: (name: string, definition: unknown) => sys.http().post('/api/v1/tag-rules').set(h).send({ name, definition }),
    dryRun: (definition: unknown) => sys.http().post('/api/v1/tag-rules/dry-run').set(h).send({ definition }),
    enable: (id: string) => sys.http().post(`/api/v1/tag-rules/${id}/enable`).set(h),
    disable: (id: string) => sys.http().post(`/api/v1/tag-rules/${id}/disable`).set(h),
    events: (events: unknown[]) => sys.http().post('/api/v1/events').set(h).send({ events }),
  };
}

let seq = 0;
/** An event body for POST /api/v1/events. */
export function event(customerId: string, type: string, at: Date, properties: Record<string, unknown> = {}) {
  return { idempotencyKey: `e-${Date.now()}-${++seq}`, customerId, type, occurredAt: at.toISOString(), properties };
}

/** Events written straight to the table (history that predates the rule), skipping the incremental trigger. */
export async function insertEvents(db: DataSource, tenantId: string, events: ReturnType<typeof event>[]): Promise<void> {
  for (const e of events) {
    await db.query(
      `INSERT INTO customer_events (tenant_id, customer_id, type, occurred_at, properties, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, e.customerId, e.type, e.occurredAt, JSON.stringify(e.properties), e.idempotencyKey],
    );
  }
}

/** The tags of a rule's group on each customer: { customerId: { tagName: weight } }. */
export async function ruleTags(db: DataSource, tenantId: string, groupId: string): Promise<Record<string, Record<string, number>>> {
  const rows = (await db.query(
    `SELECT ct.customer_id, t.name, ct.weight, ct.source, ct.source_id FROM customer_tags ct JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id
      WHERE ct.tenant_id = $1 AND t.group_id = $2`,
    [tenantId, groupId],
  )) as Array<{ customer_id: string; name: string; weight: number; source: string }>;
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (r.source !== 'rule') throw new Error(`a rule tag written with source ${r.source}`);
    (out[r.customer_id] ??= {})[r.name] = Math.round(r.weight * 1000) / 1000;
  }
  return out;
}

/** Waits until the rule's tags equal `expected` (the worker evaluates asynchronously). */
export function waitForTags(db: DataSource, tenantId: string, groupId: string, expected: Record<string, Record<string, number>>, what: string) {
  return until(() => ruleTags(db, tenantId, groupId), (v) => JSON.stringify(sortKeys(v)) === JSON.stringify(sortKeys(expected)), 20_000, what);
}

function sortKeys(o: Record<string, Record<string, number>>): unknown {
  return Object.keys(o)
    .sort()
    .map((k) => [k, Object.entries(o[k]).sort()]);
}
