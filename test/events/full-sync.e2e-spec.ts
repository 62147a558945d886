import { SyncRunner, SyncScheduler } from '@scrm/core';
import { bearer } from '../support/factories';
import { waitFor } from '../support/spawn-process';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { detachCallbacks, rows, scenarioOnly } from './support';

const MEMBERS = ['m01', 'm02', 'm03'];
const TAGS = [
  { groupName: 'Level', groupId: 'etgrouplevel', tags: [{ name: 'gold', id: 'ettaggold' }, { name: 'silver', id: 'ettagsilver' }] },
  { groupName: 'Source', groupId: 'etgroupsource', tags: [{ name: 'fair', id: 'ettagfair' }] },
];

/** 240 customers; every third also follows a second member: 320 relationships, > 100 per member (paged). */
function seedCustomers() {
  return Array.from({ length: 240 }, (_, i) => ({
    externalUserId: `wmsync${String(i).padStart(26, '0')}`,
    name: `Customer ${i}`,
    followUsers: [
      { userid: MEMBERS[i % 3], remark: `r${i}`, tagIds: i % 2 ? ['ettaggold'] : [], state: `s${i % 5}` },
      ...(i % 3 === 0 ? [{ userid: MEMBERS[(i + 1) % 3], tagIds: ['ettagfair'] }] : []),
    ],
  }));
}
const CHATS = Array.from({ length: 25 }, (_, i) => ({ chatId: `wrsync${i}`, name: `Chat ${i}`, owner: 'm01', members: [{ id: `wmsync${String(i).padStart(26, '0')}`, type: 2 }] }));

describe('Full sync', () => {
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, {
      members: MEMBERS.map((userid) => ({ userid, name: `Name ${userid}` })),
      tags: TAGS,
      customers: seedCustomers(),
      groupChats: CHATS,
    });
    // Changes made in the simulator reach us only through the syncs under test.
    await detachCallbacks(tenant);
  });
  afterAll(() => sys.close());

  const admin = () => bearer(tenant.adminToken);
  const runs = async () => (await sys.http().get('/api/v1/sync/runs').set(admin())).body as Array<Record<string, any>>;
  const count = async (sql: string) => (await rows(sys, sql, [tenant.id]))[0].n as number;
  const calls = async (api: string) => (await tenant.sim().get(`/sim/corps/${tenant.corpId}/calls?api=${api}`)).body.total as number;

  it('runs on tenant creation and brings over exactly what the corp holds, with progress at 100%', async () => {
    await waitFor(async () => (await runs()).some((r) => r.status !== 'running'), 30_000, 'the first sync');
    const [run] = await runs();
    expect(run).toMatchObject({ trigger: 'tenant_created', status: 'done', phase: 'done', percent: 100, errors: [] });
    expect(run.counts).toEqual({ staff: 3, tags: 3, customers: 240, relationships: 320, relationshipsGone: 0, groupChats: 25 });

    expect(await count(`SELECT count(*)::int AS n FROM staff_members WHERE tenant_id = $1 AND follow_user`)).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`)).toBe(240);
    expect(await count(`SELECT count(*)::int AS n FROM relationships WHERE tenant_id = $1 AND status = 'active'`)).toBe(320);
    expect(await count(`SELECT count(*)::int AS n FROM relationship_tags WHERE tenant_id = $1 AND tag_id = 'ettaggold'`)).toBe(120);
    expect(await count(`SELECT count(*)::int AS n FROM relationship_tags WHERE tenant_id = $1 AND tag_id = 'ettagfair'`)).toBe(80);
    expect(await count(`SELECT count(*)::int AS n FROM group_chats WHERE tenant_id = $1 AND status = 'active'`)).toBe(25);
    expect(await count(`SELECT count(*)::int AS n FROM group_chat_members WHERE tenant_id = $1`)).toBe(50);

    const staff = (await sys.http().get('/api/v1/staff').set(admin())).body;
    expect(staff.map((s: { userId: string; name: string }) => [s.userId, s.name])).toEqual(MEMBERS.map((m) => [m, `Name ${m}`]));
    const one = (await sys.http().get(`/api/v1/sync/runs/${run.id}`).set(admin())).body;
    expect(one).toMatchObject({ id: run.id, status: 'done' });
  });

  it('answers 409 while a sync is running, and starts one (202) when none is', async () => {
    const [{ id }] = await rows(sys, `INSERT INTO sync_runs (tenant_id, trigger) VALUES ($1, 'manual') RETURNING id`, [tenant.id]);
    const conflict = await sys.http().post('/api/v1/sync').set(admin());
    expect(conflict.status).toBe(409);
    await rows(sys, `UPDATE sync_runs SET status = 'failed' WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]);

    const started = await sys.http().post('/api/v1/sync').set(admin());
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ trigger: 'manual', status: 'running' });
    await waitFor(async () => (await runs())[0].status === 'done', 30_000, 'the manual sync');
  });

  it('resumes an interrupted run from its checkpoint instead of starting over', async () => {
    const [{ id }] = await rows(sys, `INSERT INTO sync_runs (tenant_id, trigger) VALUES ($1, 'manual') RETURNING id`, [tenant.id]);
    const runner = sys.worker!.get(SyncRunner);
    // The crash: the group chat phase fails after customers are done.
    await tenant.sim().post('/sim/faults').send({ corpId: tenant.corpId, api: 'externalcontact/groupchat/list', errcode: 60020, count: 1 }).expect(201);
    const batchCallsBefore = await calls('externalcontact/batch/get_by_user');
    await expect(runner.run(tenant.id, id, 'crashing-worker')).rejects.toThrow(/60020/);
    const batchCalls = (await calls('externalcontact/batch/get_by_user')) - batchCallsBefore;
    const [mid] = await rows(sys, `SELECT status, phase, percent, counts FROM sync_runs WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]);
    expect(mid).toMatchObject({ status: 'running', phase: 'group_chats', percent: 80 });
    expect(mid.counts.relationships).toBe(320);

    // Another worker may not take it while the crashed one's lease lives; once it has run out, it resumes.
    expect(await runner.run(tenant.id, id, 'second-worker')).toBe('busy');
    await rows(sys, `UPDATE sync_runs SET lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]);
    expect(await runner.run(tenant.id, id, 'second-worker')).toBe('finished');

    expect((await calls('externalcontact/batch/get_by_user')) - batchCallsBefore).toBe(batchCalls); // customers not fetched again
    const [end] = await rows(sys, `SELECT status, percent, counts FROM sync_runs WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]);
    expect(end).toMatchObject({ status: 'done', percent: 100, counts: { staff: 3, tags: 3, customers: 240, relationships: 320, relationshipsGone: 0, groupChats: 25 } });
  });

  it('marks relationships WeCom no longer lists as deleted (their callbacks never reached us), and brings new ones', async () => {
    const gone = { userId: 'm01', externalUserId: `wmsync${'0'.repeat(26)}` };
    await scenarioOnly(tenant, 'member-deletes-customer', gone);
    await scenarioOnly(tenant, 'group-chats', { chatId: 'wrsyncnew', name: 'New', owner: 'm02', members: [] });
    const started = await sys.http().post('/api/v1/sync').set(admin());
    expect(started.status).toBe(202);
    await waitFor(async () => (await runs())[0].status === 'done', 30_000, 'the sync');
    expect((await runs())[0].counts).toMatchObject({ relationships: 319, relationshipsGone: 1, groupChats: 26 });
    const [rel] = await rows(sys, `SELECT status FROM relationships WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3`, [tenant.id, gone.userId, gone.externalUserId]);
    expect(rel.status).toBe('deleted');
    expect(await count(`SELECT count(*)::int AS n FROM relationships WHERE tenant_id = $1 AND status = 'active'`)).toBe(319);
    const entries = await rows(sys, `SELECT type, data FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2`, [tenant.id, gone.externalUserId]);
    expect(entries).toEqual([{ type: 'customer.deleted', data: { by: null, source: 'sync' } }]);
  });

  it('the hourly tick starts the nightly sync in the tenant’s 03:00 hour, a first sync that never started, and orphaned runs', async () => {
    const scheduler = sys.api.get(SyncScheduler);
    // Tenants default to Asia/Shanghai (UTC+8): 19:xx UTC is 03:xx there.
    const other = await scheduler.tick(new Date('2026-12-01T12:30:00Z'));
    expect(other.started).not.toContain(tenant.id);
    const night = await scheduler.tick(new Date('2026-12-01T19:30:00Z'));
    expect(night.started).toContain(tenant.id);
    await waitFor(async () => (await runs())[0].status === 'done', 30_000, 'the nightly sync');
    expect((await runs())[0]).toMatchObject({ trigger: 'nightly', status: 'done' });

    // A tenant whose first sync never started (the creation event's listener failed) gets it on the next tick.
    await rows(sys, `DELETE FROM sync_runs WHERE tenant_id = $1`, [tenant.id]);
    expect((await scheduler.tick(new Date('2026-12-01T12:30:00Z'))).started).toContain(tenant.id);
    await waitFor(async () => (await runs())[0]?.status === 'done', 30_000, 'the catch-up sync');
    expect((await runs())[0]).toMatchObject({ trigger: 'tenant_created' });

    const [{ id }] = await rows(sys, `INSERT INTO sync_runs (tenant_id, trigger, lease_owner, lease_until) VALUES ($1, 'manual', 'dead-worker', now() - interval '1 minute') RETURNING id`, [tenant.id]);
    expect(await scheduler.resumeOrphans()).toContain(id);
    await waitFor(async () => (await runs()).find((r) => r.id === id)?.status === 'done', 30_000, 'the orphaned sync');
  });
});
