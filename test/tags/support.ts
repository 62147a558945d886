import { getQueueToken } from '@nestjs/bull';
import { QueueName } from '@scrm/platform';
import { Queue } from 'bull';
import { processDelivery } from '../support/process-sim-event';
import { until } from '../support/wait';
import { SimTenant } from '../support/sim-tenant';
import { TestSystem } from '../support/test-system';
import { bearer } from '../support/factories';

import { rows, syncsSettled } from '../events/support';

export { rows, scenario, contactWay } from '../events/support';

/** The tenant's first full sync has ended, with the projection rebuild it queues. */
export async function firstSyncDone(sys: TestSystem, tenant: SimTenant): Promise<void> {
  await syncsSettled(sys, tenant);
  const queue = sys.worker!.get<Queue>(getQueueToken(QueueName.Tags), { strict: false });
  await until(async () => queue.getJob(`corp-projection:${tenant.id}`), (job) => !job, 30_000, 'the projection rebuild after the sync');
}

/** Calls the admin API as `auth` (the tenant's admin by default) and answers the response. */
export function api(sys: TestSystem, tenant: SimTenant, auth?: { Authorization: string }) {
  const as = auth ?? bearer(tenant.adminToken);
  return {
    get: (path: string) => sys.http().get(`/api/v1${path}`).set(as),
    post: (path: string, body: object = {}) => sys.http().post(`/api/v1${path}`).set(as).send(body),
    patch: (path: string, body: object) => sys.http().patch(`/api/v1${path}`).set(as).send(body),
    delete: (path: string) => sys.http().delete(`/api/v1${path}`).set(as),
  };
}

/** A tag change made by an admin in the WeCom console, with its callback processed by the real pipeline. */
export async function consoleTags(sys: TestSystem, tenant: SimTenant, method: 'post' | 'delete', path: string, body: object = {}) {
  const res = await tenant.sim()[method](`/sim/corps/${tenant.corpId}/scenarios/${path}`).send(body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  const ids: string[] = res.body.deliveries ? res.body.deliveries.map((d: { deliveryId: string }) => d.deliveryId) : [res.body.deliveryId];
  for (const id of ids) await processDelivery(sys, tenant, id);
  return res.body;
}

/** WeCom's tag groups as the simulator holds them. */
export async function simTags(tenant: SimTenant): Promise<Array<{ group_id: string; group_name: string; order: number; tag: Array<{ id: string; name: string; order: number }> }>> {
  return (await tenant.sim().get(`/sim/corps/${tenant.corpId}/tags`)).body;
}

/** mark_tag calls the simulator received. */
export async function markTagCalls(tenant: SimTenant): Promise<number> {
  return (await tenant.sim().get(`/sim/corps/${tenant.corpId}/calls?api=externalcontact/mark_tag`)).body.byErrcode['0'] ?? 0;
}

/** Customer ids (ours) and external ids of the tenant, in id order. */
export async function customersOf(sys: TestSystem, tenant: SimTenant): Promise<Array<{ id: string; external_user_id: string }>> {
  return rows(sys, `SELECT id, external_user_id FROM customers WHERE tenant_id = $1 ORDER BY id`, [tenant.id]);
}
