import { processDelivery } from '../support/process-sim-event';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { RecordingHandler } from './support/recording-handler';
import { contactWay, inboxRows, postCallback, signedCallback, unknownEventXml, until } from './support/inbox-helpers';

jest.setTimeout(60_000);

describe('callback intake: store once, process once, answer 200', () => {
  const handler = new RecordingHandler();
  let sys: TestSystem;
  let tenant: SimTenant;
  let configId: string;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true, eventHandler: handler });
    tenant = await createSimTenant(sys);
    configId = await contactWay(sys, tenant);
  });
  afterAll(() => sys.close());

  it('answers WeCom’s URL verification with the exact plaintext, within a second', async () => {
    const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/verify-url`).send({});
    expect(res.status).toBeLessThan(300);
    expect(res.body).toMatchObject({ ok: true, exact: true, status: 200, withinDeadline: true });
  });

  it('stores a scan once, answers 200 with an empty body, and hands it to the handler once', async () => {
    const scan = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan?wait=true`).send({ configId });
    expect(scan.status).toBe(201);
    expect(scan.body.firstAttempt).toMatchObject({ status: 200, ok: true });
    const event = await processDelivery(sys, tenant, scan.body.deliveryId);
    expect(event.kind).toBe('add_external_contact');

    const rows = (await inboxRows(sys, tenant.id)).filter((r) => r.type === 'add_external_contact');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'done', result: 'done', attempts: 1 });
    expect(handler.calls.get(rows[0].id)).toBe(1);
    const seen = handler.events.find((e) => e.meta.inboxId === rows[0].id)!;
    expect(seen.tenantId).toBe(tenant.id);
    expect(seen.event).toMatchObject({ kind: 'add_external_contact', externalUserId: scan.body.externalUserId, state: 'ch_test' });
  });

  it('the same event delivered 4 times makes one row, processed once; every delivery is answered 200', async () => {
    const scan = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan?wait=true`).send({ configId });
    await processDelivery(sys, tenant, scan.body.deliveryId);
    const again = await tenant.sim().post(`/sim/corps/${tenant.corpId}/deliveries/${scan.body.deliveryId}/redeliver?times=3`);
    expect(again.status).toBeLessThan(300);
    const delivery = await until(
      async () => (await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${scan.body.deliveryId}`)).body,
      (d) => d.attempts.length === 4 && d.outcome !== 'pending',
      10_000,
      'four delivery attempts',
    );
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([200, 200, 200, 200]);
    // Each re-delivery is a new envelope (new nonce), so only the event's own key can deduplicate it.
    expect(new Set(delivery.attempts.map((a: { nonce: string }) => a.nonce)).size).toBe(4);

    const mine = (await inboxRows(sys, tenant.id)).filter((r) =>
      handler.events.some((e) => e.meta.inboxId === r.id && 'externalUserId' in e.event && e.event.externalUserId === scan.body.externalUserId),
    );
    expect(mine).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500)); // a second processing, if any, would have happened by now
    expect(handler.calls.get(mine[0].id)).toBe(1);
  });

  it('stores and acknowledges an event type we do not know, without handing it to the handler', async () => {
    const { query, body } = signedCallback(tenant, unknownEventXml(tenant.corpId));
    const res = await postCallback(sys, tenant.id, query, body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const row = await until(
      async () => (await inboxRows(sys, tenant.id)).find((r) => r.type === 'unknown'),
      (r) => r?.status === 'done',
      10_000,
      'the unknown event to be acknowledged',
    );
    expect(row).toMatchObject({ status: 'done', result: 'acknowledged' });
    expect(handler.calls.has(row!.id)).toBe(false);
  });

  it('documents both callback routes in OpenAPI', async () => {
    const docs = await sys.http().get('/docs-json');
    const path = docs.body.paths['/wecom/callback/{tenantId}'];
    expect(Object.keys(path).sort()).toEqual(['get', 'post']);
    expect(path.post.responses).toHaveProperty('413');
  });
});
