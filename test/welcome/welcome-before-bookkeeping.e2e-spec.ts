import { DataSource } from 'typeorm';
import { createChannel } from '../channels/support/channel-helpers';
import { localTags } from '../channels/support/local-tags';
import { SopDriver } from '../sop/support/sop-helpers';
import { bearer } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';

const ADDS = 12;
/** Every welcome takes this long in the simulator, so the adds of the burst below overlap in the worker. */
const WELCOME_LATENCY_MS = 400;
const SCAN_EVERY_MS = 50;

/**
 * The order: an add's welcome goes first, its bookkeeping (customer, relationship, tags, timeline, channel
 * stats, SOP enrolment) follows in a lower-priority job. Under a backlog of adds every welcome is sent before the
 * bookkeeping of any of them — including the first add's — and the bookkeeping then completes everything.
 */
describe('welcome first: under a backlog of adds, every welcome goes out before any add’s bookkeeping', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let tagId: string;

  beforeAll(async () => {
    process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, {
      members: [{ userid: 'anna', name: 'Anna' }],
      tags: [{ groupName: 'Source', tags: [{ name: 'fair' }] }],
    });
    tagId = (tenant.seeded.tags as { tags: { id: string }[] }[])[0].tags[0].id;
  });
  afterAll(async () => {
    await tenant?.sim().delete('/sim/faults');
    await sys.close();
  });

  const db = () => sys.api.get(DataSource);

  it('sends all welcomes, then writes every add’s customer, relationship, tags, stats and SOP enrolment', async () => {
    const channel = await createChannel(sys, tenant, { name: 'Fair', strategy: 'random', members: [{ userId: 'anna' }], tagIds: [tagId] });
    const rule = await sys.http().post('/api/v1/welcome/rules').set(bearer(tenant.adminToken)).send({ name: 'hi', text: 'Hi {customer_name|friend}' });
    expect(rule.status).toBe(201);
    const sop = new SopDriver(sys, tenant);
    const sopId = await sop.createSop({
      name: 'Follow up',
      target: 'customer',
      trigger: { type: 'customer_added', channelId: channel.id },
      steps: [{ offset: { amount: 1, unit: 'days' }, delivery: 'reminder', text: 'Call them' }],
    });
    await tenant.sim().post('/sim/faults/latency').send({ corpId: tenant.corpId, api: 'externalcontact/send_welcome_msg', ms: WELCOME_LATENCY_MS });

    const adds: { externalUserId: string; welcomeCode: string }[] = [];
    for (let i = 0; i < ADDS; i++) {
      const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId: channel.configId, customer: { name: `C${i}` } });
      expect(res.status).toBe(201);
      adds.push(res.body);
      await new Promise((r) => setTimeout(r, SCAN_EVERY_MS));
    }
    await until(
      () => db().query(`SELECT status FROM inbox_events WHERE tenant_id = $1`, [tenant.id]) as Promise<{ status: string }[]>,
      (rows) => rows.length === ADDS && rows.every((r) => r.status === 'done'),
      60_000,
      'every add done',
    );

    // Order: the last welcome was sent before the first add's bookkeeping began (both stamped by Postgres).
    const [order] = await db().query(
      `SELECT (SELECT max(updated_at) FROM welcome_outcomes WHERE tenant_id = $1 AND status = 'sent') AS "lastWelcome",
              (SELECT min(created_at) FROM timeline_entries WHERE tenant_id = $1 AND type = 'customer.added') AS "firstBookkeeping",
              (SELECT count(*)::int FROM welcome_outcomes WHERE tenant_id = $1 AND status = 'sent') AS sent`,
      [tenant.id],
    );
    expect(order.sent).toBe(ADDS);
    expect(order.lastWelcome.getTime()).toBeLessThan(order.firstBookkeeping.getTime());
    const welcomes = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/welcome-messages`)).body as { welcome_code: string }[];
    expect(welcomes.map((w) => w.welcome_code).sort()).toEqual(adds.map((a) => a.welcomeCode).sort());

    // Completeness: the bookkeeping still did all of it, for every add.
    const ids = adds.map((a) => a.externalUserId);
    const [counts] = await db().query(
      `SELECT (SELECT count(*)::int FROM customers WHERE tenant_id = $1 AND external_user_id = ANY($2)) AS customers,
              (SELECT count(*)::int FROM relationships WHERE tenant_id = $1 AND external_user_id = ANY($2) AND status = 'active') AS relationships,
              (SELECT count(*)::int FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = ANY($2) AND type = 'customer.added') AS timeline,
              (SELECT count(*)::int FROM channel_adds WHERE tenant_id = $1 AND channel_id = $3) AS "channelAdds"`,
      [tenant.id, ids, channel.id],
    );
    expect(counts).toEqual({ customers: ADDS, relationships: ADDS, timeline: ADDS, channelAdds: ADDS });
    await until(() => sop.enrolments(sopId), (e) => e.length === ADDS, 20_000, 'an SOP enrolment per add');
    // Channel tag: mark_tag in WeCom and the local link, for every add.
    for (const id of ids) {
      await until(() => localTags(sys, tenant, 'anna', id), (t) => t[tagId] === 'channel', 20_000, `channel tag on ${id}`);
      const rel = await tenant.sim().get(`/sim/corps/${tenant.corpId}/relationships?external_userid=${id}&userid=anna`);
      expect(rel.body[0].tagIds).toEqual([tagId]);
    }
  });
});
