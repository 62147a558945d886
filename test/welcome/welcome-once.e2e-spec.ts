import { TenantWeCom, WelcomeSender } from '@scrm/core';
import { AddExternalContactEvent, parseEvent } from '@scrm/wechat-work-sdk';
import { detachCallbacks } from '../events/support';
import { bearer } from '../support/factories';
import { createSimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';

/** Two attempts at the same add at the same moment (e.g. a stalled job run again): one welcome, outcome `sent`. */
describe('welcome: concurrent attempts at one add greet once', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
  });
  afterAll(() => sys.close());

  it('sends once and keeps the outcome of the attempt that sent', async () => {
    const tenant = await createSimTenant(sys, { members: [{ userid: 'anna', name: 'Anna' }] });
    await detachCallbacks(tenant); // this spec hands the add over itself
    const rule = await sys.http().post('/api/v1/welcome/rules').set(bearer(tenant.adminToken)).send({ name: 'default', text: 'Hi {customer_name|there}' });
    expect(rule.status).toBe(201);
    const client = await sys.api.get(TenantWeCom).client(tenant.id);
    const { config_id } = await client.contactWays.add({ type: 1, scene: 2, user: ['anna'] });
    const add = (await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId: config_id, customer: { name: 'Lin' } })).body;
    const xml = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${add.deliveryId}`)).body.xml;
    const event = parseEvent(xml) as AddExternalContactEvent;
    const detail = await client.customers.get(add.externalUserId);

    const sender = sys.worker!.get(WelcomeSender, { strict: false });
    await Promise.all([sender.beforeAdd(tenant.id, event, detail), sender.beforeAdd(tenant.id, event, detail)]);

    const sent = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/welcome-messages`)).body.filter(
      (m: { welcome_code: string }) => m.welcome_code === add.welcomeCode,
    );
    expect(sent).toHaveLength(1);
    const outcomes = await sys.http().get(`/api/v1/welcome/outcomes?externalUserId=${add.externalUserId}`).set(bearer(tenant.adminToken));
    expect(outcomes.body).toMatchObject([{ status: 'sent', sentText: 'Hi Lin' }]);
  });
});
