import { randomBytes } from 'node:crypto';
import { bearer } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { advanceSimClock, contactWay, detachCallbacks, handOver, rows, scenario, scenarioOnly, syncsSettled } from '../events/support';

/**
 * customers.active_relationships (what "reachable" reads) follows every relationship change in the same transaction:
 * WeCom events through the real pipeline, concurrent handlers, bulk SQL like the full sync's, and relationships
 * stored before their customer.
 */
describe('Reachability kept with relationships', () => {
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys);
    await syncsSettled(sys, tenant); // the first full sync writes relationships too: not mid-spec
  });
  afterAll(() => sys.close());

  const active = async (tenantId: string, ext: string) =>
    (await rows(sys, `SELECT active_relationships AS n FROM customers WHERE tenant_id = $1 AND external_user_id = $2`, [tenantId, ext]))[0]?.n;
  const countByName = async (name: string) =>
    (
      await sys.http().post('/api/v1/audiences/count').set(bearer(tenant.adminToken)).send({ rule: { attribute: 'name', op: 'eq', value: name } })
    ).body.count;
  /** Every customer's count equals its active relationships (the invariant the triggers keep). */
  const drift = (tenantId: string) =>
    rows(
      sys,
      `SELECT c.external_user_id, c.active_relationships,
              (SELECT count(*)::int FROM relationships r WHERE r.tenant_id = c.tenant_id AND r.external_user_id = c.external_user_id AND r.status = 'active') AS actual
         FROM customers c WHERE c.tenant_id = $1
       EXCEPT ALL
       SELECT c.external_user_id, c.active_relationships, c.active_relationships FROM customers c WHERE c.tenant_id = $1`,
      [tenantId],
    );

  it('two members add a customer, both relationships end: reachable until the last one goes, and again when back', async () => {
    const name = `Reach ${randomBytes(3).toString('hex')}`;
    const zhang = await contactWay(sys, tenant, 'zhangsan', 'r1');
    const scan = await scenario(sys, tenant, 'scan', { configId: zhang, customer: { name } });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'lisi', 'r2'), externalUserId: scan.externalUserId, half: true });
    const pair = (userId: string) => ({ userId, externalUserId: scan.externalUserId });
    expect(await active(tenant.id, scan.externalUserId)).toBe(2);
    expect(await countByName(name)).toBe(1);

    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'member-deletes-customer', pair('zhangsan'));
    expect(await active(tenant.id, scan.externalUserId)).toBe(1);
    expect(await countByName(name)).toBe(1);

    await scenario(sys, tenant, 'customer-deletes-member', pair('lisi'));
    expect(await active(tenant.id, scan.externalUserId)).toBe(0);
    expect(await countByName(name)).toBe(0);

    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'scan', { configId: zhang, externalUserId: scan.externalUserId });
    expect(await active(tenant.id, scan.externalUserId)).toBe(1);
    expect(await countByName(name)).toBe(1);
    expect(await drift(tenant.id)).toEqual([]);
  });

  it('adds and deletes handled all at once, in both orders and twice, leave exact counts', async () => {
    const quiet = await createSimTenant(sys);
    await syncsSettled(sys, quiet);
    await detachCallbacks(quiet);
    const ids: string[] = [];
    const customers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const scan = await scenarioOnly(quiet, 'scan', { configId: await contactWay(sys, quiet, 'zhangsan', `b${i}`) });
      customers.push(scan.externalUserId);
      ids.push(scan.deliveryId);
      const half = await scenarioOnly(quiet, 'scan', { configId: await contactWay(sys, quiet, 'lisi', `c${i}`), externalUserId: scan.externalUserId, half: true });
      ids.push(half.deliveryId);
    }
    await advanceSimClock(quiet, 1_000);
    // Half of them lose zhangsan: each ends with one active relationship of two.
    for (const ext of customers.slice(0, 3)) ids.push((await scenarioOnly(quiet, 'member-deletes-customer', { userId: 'zhangsan', externalUserId: ext })).deliveryId);
    const outcomes = await Promise.allSettled([...ids, ...[...ids].reverse()].map((id) => handOver(sys, quiet, id)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await Promise.all(customers.map((ext) => active(quiet.id, ext)))).toEqual([1, 1, 1, 2, 2, 2]);
    expect(await drift(quiet.id)).toEqual([]);
  });

  it('bulk status updates (as the full sync marks gone relationships) and relationships stored before their customer count too', async () => {
    const quiet = await createSimTenant(sys);
    await syncsSettled(sys, quiet);
    const exts = ['wmreach1', 'wmreach2', 'wmreach3'];
    // Relationships first, the customer after: its count starts from what is already there.
    for (const ext of exts) {
      for (const user of ['zhangsan', 'lisi']) {
        await rows(sys, `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at) VALUES ($1, $2, $3, 'active', now())`, [quiet.id, user, ext]);
      }
      await rows(sys, `INSERT INTO customers (tenant_id, external_user_id, first_seen_at, last_seen_at) VALUES ($1, $2, now(), now())`, [quiet.id, ext]);
    }
    expect(await Promise.all(exts.map((ext) => active(quiet.id, ext)))).toEqual([2, 2, 2]);
    await rows(sys, `UPDATE relationships SET status = 'deleted' WHERE tenant_id = $1 AND user_id = 'zhangsan'`, [quiet.id]);
    await rows(sys, `UPDATE relationships SET remark = 'no status change' WHERE tenant_id = $1`, [quiet.id]);
    await rows(sys, `DELETE FROM relationships WHERE tenant_id = $1 AND external_user_id = $2`, [quiet.id, exts[0]]);
    expect(await Promise.all(exts.map((ext) => active(quiet.id, ext)))).toEqual([0, 1, 1]);
    expect(await drift(quiet.id)).toEqual([]);
    // The other tenant's customers never moved.
    expect(await drift(tenant.id)).toEqual([]);
  });
});
