import { JobName, JobQueue } from '@scrm/platform';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { DataSource } from 'typeorm';
import { contactWay, until } from './support/inbox-helpers';

/**
 * A WelcomeCode dies 20 s after the add: with a backlog, an add carrying one is queued ahead of older work (lifo),
 * so a burst beyond the workers' pace greets most customers on time; other events keep arrival order.
 */
describe('Intake queues adds with a WelcomeCode ahead of the backlog', () => {
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true }); // no worker: jobs stay waiting, in the order a worker would take them
    tenant = await createSimTenant(sys);
  });
  afterAll(() => sys.close());

  it('puts the newest welcome add first and leaves events without a code in arrival order', async () => {
    const configId = await contactWay(sys, tenant);
    const scan = (body: object) => tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan?wait=true`).send({ configId, ...body });
    await scan({ noWelcomeCode: true });
    await scan({ noWelcomeCode: true });
    await scan({});
    const queue = sys.api.get(JobQueue).queue(JobName.ProcessInboxEvent);
    await until(() => queue.getWaitingCount(), (n) => n === 3, 5_000, '3 queued jobs');

    const rows: Array<{ id: string; xml: string }> = await sys.api
      .get(DataSource)
      .query(`SELECT id, xml FROM inbox_events WHERE tenant_id = $1 ORDER BY created_at`, [tenant.id]);
    const welcomeRow = rows.find((r) => r.xml.includes('<WelcomeCode>'));
    const plain = rows.filter((r) => r !== welcomeRow);
    expect(welcomeRow).toBeDefined();
    expect(plain).toHaveLength(2);
    // getWaiting() lists the waiting jobs in the order workers will take them.
    const next = (await queue.getWaiting()).map((j) => j.id);
    expect(next).toEqual([welcomeRow!.id, ...plain.map((r) => r.id)]);
  });
});
