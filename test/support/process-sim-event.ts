import { InboxEventMeta, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { parseEvent, WeComEvent } from '@scrm/wechat-work-sdk';
import { SimTenant } from './sim-tenant';
import { TestSystem } from './test-system';

/**
 * Makes the worker process one callback the simulator produced (a scenario answer's `deliveryId`) and
 * resolves when it has been processed. Every spec that needs "this event has been handled" goes through
 * here, so the way it happens can change in one place.
 *
 * Interim body (until callback intake and the inbox land): read the plaintext event from the simulator and
 * hand it straight to the worker's WeComEventHandler. Once intake exists this waits for the inbox row the
 * real callback created to be processed instead.
 */
export async function processDelivery(sys: TestSystem, tenant: SimTenant, deliveryId: string): Promise<WeComEvent> {
  if (!sys.worker) throw new Error('processDelivery needs startSystem({ worker: true })');
  const delivery = await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${deliveryId}`);
  if (delivery.status !== 200) throw new Error(`no delivery ${deliveryId}: ${delivery.status}`);
  const event = parseEvent(delivery.body.xml as string);
  const handler = sys.worker.get<WeComEventHandler>(WECOM_EVENT_HANDLER, { strict: false });
  const meta: InboxEventMeta = { inboxId: `test-${deliveryId}`, receivedAt: new Date() };
  await handler.handle(tenant.id, event, meta);
  return event;
}
