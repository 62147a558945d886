import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CONTACT_ADD_FIRST_STEP, ContactAddFirstStep, isFollowUp, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { AddExternalContactEvent, CustomerDetail, parseEvent } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { contactWay, detachCallbacks, scenarioOnly } from './support';

/**
 * The contract with the welcome module (CONTACT_ADD_FIRST_STEP): called once per add, with the customer's
 * details, before any local write for that add — the WelcomeCode dies 20 s after the add.
 * The probe stands in for the welcome module, which another branch provides.
 */
describe('The add handler runs CONTACT_ADD_FIRST_STEP before writing anything', () => {
  let sys: TestSystem;
  let worker: INestApplicationContext;
  let tenant: SimTenant;
  const seen: Array<{ welcomeCode?: string; name?: string; rowsAtCall: number }> = [];

  beforeAll(async () => {
    sys = await startSystem({ sim: true });
    const db = sys.api.get(DataSource);
    const probe: ContactAddFirstStep = {
      async beforeAdd(tenantId: string, event: AddExternalContactEvent, customer: CustomerDetail | null) {
        const [{ n }] = await db.query(
          `SELECT (SELECT count(*) FROM customers WHERE tenant_id = $1 AND external_user_id = $2)
                + (SELECT count(*) FROM relationships WHERE tenant_id = $1 AND external_user_id = $2)
                + (SELECT count(*) FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2) AS n`,
          [tenantId, event.externalUserId],
        );
        seen.push({ welcomeCode: event.welcomeCode, name: customer?.external_contact.name, rowsAtCall: Number(n) });
      },
    };
    // Provided at the root and overriding any provider of the token, so the probe is the one used either way.
    const built = await Test.createTestingModule({ imports: [WorkerModule], providers: [{ provide: CONTACT_ADD_FIRST_STEP, useValue: probe }] })
      .overrideProvider(CONTACT_ADD_FIRST_STEP)
      .useValue(probe)
      .compile();
    worker = await built.init();
    tenant = await createSimTenant(sys);
    await detachCallbacks(tenant);
  });
  afterAll(async () => {
    await worker?.close();
    await sys.close();
  });

  it('hands the WelcomeCode and the fetched details over while nothing of the add is stored yet', async () => {
    const scan = await scenarioOnly(tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'w'), customer: { name: 'Zhao' } });
    const delivery = await tenant.sim().get(`/sim/corps/${tenant.corpId}/deliveries/${scan.deliveryId}`);
    const handler = worker.get<WeComEventHandler>(WECOM_EVENT_HANDLER, { strict: false });
    const event = parseEvent(delivery.body.xml);
    const meta = { inboxId: 'test-first-step', receivedAt: new Date() };
    const first = await handler.handle(tenant.id, event, meta);

    expect(seen).toEqual([{ welcomeCode: scan.welcomeCode, name: 'Zhao', rowsAtCall: 0 }]);
    // The first step stores nothing of the add; its bookkeeping is the follow-up, fed the details fetched once.
    expect(isFollowUp(first)).toBe(true);
    if (!isFollowUp(first)) return;
    await handler.finish!(tenant.id, event, first.followUp.carry, meta);
    const [{ n }] = await sys.api.get(DataSource).query(`SELECT count(*)::int AS n FROM relationships WHERE tenant_id = $1 AND external_user_id = $2`, [
      tenant.id,
      scan.externalUserId,
    ]);
    expect(n).toBe(1);
  });
});
