import { EventEmitter2 } from '@nestjs/event-emitter';
import { isFollowUp, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { parseEvent } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { processDelivery } from '../support/process-sim-event';
import { SimTenant } from '../support/sim-tenant';
import { TestSystem } from '../support/test-system';
import { until } from '../support/wait';

/** Runs a simulator scenario and processes the callback it produced; answers the scenario's body. */
export async function scenario(sys: TestSystem, tenant: SimTenant, path: string, body: object = {}): Promise<Record<string, any>> {
  const answer = await scenarioOnly(tenant, path, body);
  if (answer.deliveryId) await processDelivery(sys, tenant, answer.deliveryId);
  return answer;
}

/** Like scenario(), without processing: for specs that choose the processing order. */
export async function scenarioOnly(tenant: SimTenant, path: string, body: object = {}): Promise<Record<string, any>> {
  const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/${path}`).send(body);
  if (res.status >= 300) throw new Error(`scenario ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A QR contact way for one member with a `state`, made through the tenant's own WeCom client. */
export { contactWay } from '../support/sim-tenant';

export async function advanceSimClock(tenant: SimTenant, ms: number): Promise<void> {
  const res = await tenant.sim().post('/sim/clock').send({ advanceMs: ms });
  if (res.status >= 300) throw new Error(`clock advance failed: ${res.status}`);
}

export function db(sys: TestSystem): DataSource {
  return sys.api.get(DataSource);
}

export async function rows<T = Record<string, any>>(sys: TestSystem, sql: string, params: unknown[]): Promise<T[]> {
  return db(sys).query(sql, params);
}

/** Records every emission of the given domain events in the worker. */
export function recordEvents(sys: TestSystem, names: string[]): Array<{ name: string; payload: any }> {
  const seen: Array<{ name: string; payload: any }> = [];
  const emitter = sys.worker!.get(EventEmitter2);
  for (const name of names) emitter.on(name, (payload: unknown) => void seen.push({ name, payload }));
  return seen;
}

/**
 * For specs about processing order: the callbacks of this tenant go nowhere, so no pipeline handles them
 * behind the spec's back, and handOver() below decides the order.
 */
export async function detachCallbacks(tenant: SimTenant): Promise<void> {
  const res = await tenant
    .sim()
    .put(`/sim/corps/${tenant.corpId}/callback`)
    .send({ url: 'http://127.0.0.1:9/nowhere', token: tenant.callbackToken, encodingAESKey: tenant.encodingAesKey });
  if (res.status >= 300) throw new Error(`detach callback failed: ${res.status}`);
}

/** Hands one simulator event straight to the worker's WECOM_EVENT_HANDLER, as the inbox processor would (both steps of an add). */
export async function handOver(sys: TestSystem, tenant: SimTenant, deliveryId: string): Promise<'done' | 'skipped'> {
  const delivery = await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${deliveryId}`);
  if (delivery.status !== 200) throw new Error(`no delivery ${deliveryId}: ${delivery.status}`);
  const handler = sys.worker!.get<WeComEventHandler>(WECOM_EVENT_HANDLER, { strict: false });
  const event = parseEvent(delivery.body.xml);
  const meta = { inboxId: `order-${deliveryId}`, receivedAt: new Date() };
  const result = await handler.handle(tenant.id, event, meta);
  return isFollowUp(result) ? handler.finish!(tenant.id, event, result.followUp.carry, meta) : result;
}

/**
 * Waits for the tenant's full syncs (the one tenant creation starts, without awaiting it) to end, for specs a sync
 * would race with. The first run's row must exist: before it does, "nothing running" is no answer.
 */
export async function syncsSettled(sys: TestSystem, tenant: SimTenant): Promise<void> {
  await until(
    () => rows(sys, `SELECT status FROM sync_runs WHERE tenant_id = $1`, [tenant.id]),
    (runs) => runs.length > 0 && runs.every((r) => r.status !== 'running'),
    30_000,
    'the tenant’s syncs to end',
  );
}
