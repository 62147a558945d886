import { InboxSweeper } from '../../apps/worker/src/inbox/inbox-sweeper.service';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SimTenant } from '../support/sim-tenant';
import { TestSystem } from '../support/test-system';
import { until } from '../support/wait';

/**
 * Fault specs count what went in (scans the simulator delivered) and what came out (inbox rows done, customers,
 * relationships, `customer.added` timeline entries). "Nothing lost, nothing done twice" means every count is N.
 */
export interface Outcome {
  rows: number;
  done: number;
  failed: number;
  customers: number;
  relationships: number;
  addedEntries: number;
}

export async function outcome(sys: TestSystem, tenantId: string): Promise<Outcome> {
  const [row] = await sys.api.get(DataSource).query(
    `SELECT
       (SELECT count(*)::int FROM inbox_events WHERE tenant_id = $1) AS rows,
       (SELECT count(*)::int FROM inbox_events WHERE tenant_id = $1 AND status = 'done') AS done,
       (SELECT count(*)::int FROM inbox_events WHERE tenant_id = $1 AND status = 'failed') AS failed,
       (SELECT count(*)::int FROM customers WHERE tenant_id = $1) AS customers,
       (SELECT count(*)::int FROM relationships WHERE tenant_id = $1) AS relationships,
       (SELECT count(*)::int FROM timeline_entries WHERE tenant_id = $1 AND type = 'customer.added') AS "addedEntries"`,
    [tenantId],
  );
  return row;
}

export const allOf = (n: number): Outcome => ({ rows: n, done: n, failed: 0, customers: n, relationships: n, addedEntries: n });

/** `n` scans of one contact way, `concurrency` at a time; `during` runs once `after` scans have been made. */
export async function scanBurst(
  tenant: SimTenant,
  configId: string,
  n: number,
  opts: { concurrency?: number; after?: number; during?: () => Promise<void> } = {},
): Promise<string[]> {
  const deliveries: string[] = [];
  let next = 0;
  let fault: Promise<void> | undefined;
  const scanner = async () => {
    while (next < n) {
      const i = next++;
      if (opts.during && i === (opts.after ?? Math.floor(n / 3))) fault = opts.during();
      const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId, externalUserId: `wmfault${i}` });
      if (res.status !== 201 && res.status !== 200) throw new Error(`scan ${i} failed: ${res.status} ${JSON.stringify(res.body)}`);
      deliveries.push(res.body.deliveryId);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 10 }, scanner));
  await fault;
  return deliveries;
}

/**
 * Waits until every expected row is done. Given a worker, it also sweeps every second (as the minute job would)
 * so rows that lost their job come back without waiting; without one, the system's own sweeper must do it.
 */
export async function settle(
  sys: TestSystem,
  worker: INestApplicationContext | undefined,
  tenantId: string,
  n: number,
  timeoutMs = 90_000,
): Promise<Outcome> {
  const probe = async () => {
    await worker?.get(InboxSweeper).sweep();
    return outcome(sys, tenantId);
  };
  return until(probe, (o) => o.rows >= n && o.done + o.failed >= n, timeoutMs, `all ${n} events settled`, 1_000);
}
