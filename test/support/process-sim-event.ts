import { eventDedupeKey, parseEvent, WeComEvent } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { SimTenant } from './sim-tenant';
import { TestSystem } from './test-system';

/**
 * Resolves when the callback the simulator produced (a scenario answer's `deliveryId`) has gone through the real
 * pipeline — delivered to the api, stored in the inbox, processed by the worker — and returns the event.
 * Every spec that needs "this event has been handled" goes through here.
 * Throws with the row's error if processing failed, and with a clear message if it never finishes.
 */
export async function processDelivery(sys: TestSystem, tenant: SimTenant, deliveryId: string, timeoutMs = 20_000): Promise<WeComEvent> {
  if (!sys.worker) throw new Error('processDelivery needs startSystem({ worker: true })');
  const delivery = await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${deliveryId}`);
  if (delivery.status !== 200) throw new Error(`no delivery ${deliveryId}: ${delivery.status}`);
  const event = parseEvent(delivery.body.xml as string);
  const key = eventDedupeKey(event);
  const db = sys.api.get(DataSource);
  const until = Date.now() + timeoutMs;
  let last: { status: string; error: string | null } | undefined;
  while (Date.now() < until) {
    [last] = await db.query(`SELECT status, error FROM inbox_events WHERE tenant_id = $1 AND dedupe_key = $2`, [tenant.id, key]);
    if (last?.status === 'done') return event;
    if (last?.status === 'failed') throw new Error(`inbox event ${event.kind} (delivery ${deliveryId}) failed: ${last.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const state = last ? `still ${last.status}${last.error ? ` (last error: ${last.error})` : ''}` : 'never stored by the api';
  throw new Error(`inbox event ${event.kind} (delivery ${deliveryId}) not processed within ${timeoutMs} ms: ${state}`);
}
