import { userWithRole } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { TenantWeCom } from '@scrm/core';
import { advanceSimClock } from '../events/support';
import { api, consoleTags, markTagCalls, rows, scenario, firstSyncDone } from './support';

describe('Tags on customers: the corp projection, our own changes, stats', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;
  const ids: Record<string, string> = {};
  let gold: { id: string; corpTagId: string };
  let silver: { id: string; corpTagId: string };

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, {
      tags: [{ groupName: 'Level', tags: [{ name: 'gold' }, { name: 'silver' }] }],
      customers: [
        { externalUserId: 'wm_alice', name: 'Alice', followUsers: [{ userid: 'zhangsan' }, { userid: 'lisi' }] },
        { externalUserId: 'wm_bob', name: 'Bob', followUsers: [{ userid: 'zhangsan' }] },
        { externalUserId: 'wm_carol', name: 'Carol', followUsers: [{ userid: 'lisi' }] },
      ],
    });
    b = await createSimTenant(sys, { customers: [{ externalUserId: 'wm_other', followUsers: [{ userid: 'zhangsan' }] }] });
    await firstSyncDone(sys, a);
    await firstSyncDone(sys, b);
    for (const r of await rows(sys, `SELECT id, external_user_id FROM customers WHERE tenant_id = $1`, [a.id])) ids[r.external_user_id] = r.id;
    const level = ((await api(sys, a).get('/tags')).body as Array<{ name: string; tags: any[] }>).find((g) => g.name === 'Level')!;
    gold = level.tags.find((t) => t.name === 'gold');
    silver = level.tags.find((t) => t.name === 'silver');
  });
  afterAll(() => sys.close());

  const tagsOf = async (externalUserId: string) =>
    rows(sys, `SELECT tag_id, weight, source FROM customer_tags WHERE tenant_id = $1 AND customer_id = $2 ORDER BY tag_id`, [a.id, ids[externalUserId]]);

  it('a customer has a corp tag while any active relationship has it', async () => {
    await scenario(sys, a, 'member-edits-customer', { userId: 'zhangsan', externalUserId: 'wm_alice', addTags: [gold.corpTagId] });
    expect(await tagsOf('wm_alice')).toEqual([{ tag_id: gold.id, weight: 1, source: 'wecom' }]);
    await scenario(sys, a, 'member-edits-customer', { userId: 'lisi', externalUserId: 'wm_alice', addTags: [gold.corpTagId] });
    // WeCom times events in seconds and a second edit of one pair within the same second is taken for a re-delivery.
    await advanceSimClock(a, 1_000);
    await scenario(sys, a, 'member-edits-customer', { userId: 'zhangsan', externalUserId: 'wm_alice', removeTags: [gold.corpTagId] });
    expect(await tagsOf('wm_alice')).toEqual([{ tag_id: gold.id, weight: 1, source: 'wecom' }]);
    await scenario(sys, a, 'customer-deletes-member', { userId: 'lisi', externalUserId: 'wm_alice' });
    expect(await tagsOf('wm_alice')).toEqual([]);
  });

  it('a full sync rebuilds the projection from what WeCom lists (marks that sent no callback)', async () => {
    const client = await sys.api.get(TenantWeCom).client(a.id);
    await client.tags.mark({ userid: 'zhangsan', external_userid: 'wm_bob', add_tag: [silver.corpTagId] });
    expect(await tagsOf('wm_bob')).toEqual([]);
    const started = await api(sys, a).post('/sync');
    expect(started.status).toBeLessThan(300);
    await until(async () => (await api(sys, a).get(`/sync/runs/${started.body.id}`)).body.status, (s) => s === 'done', 30_000, 'the sync');
    const after = await until(() => tagsOf('wm_bob'), (r) => r.length === 1, 20_000, 'the projection rebuild after the sync');
    expect(after).toEqual([{ tag_id: silver.id, weight: 1, source: 'sync' }]);
  });

  it('POST /customers/:ref/tags marks corp tags in WeCom on each active relationship, local tags here', async () => {
    const local = await api(sys, a).post('/tag-groups', { name: 'Interests', kind: 'interest', tags: [{ name: 'tea' }] });
    const tea = local.body.tags[0].id;
    const before = await markTagCalls(a);
    const res = await api(sys, a).post('/customers/wm_carol/tags', { add: [{ tagId: silver.id }, { tagId: tea, weight: 0.4 }] });
    expect(res.status).toBe(200);
    expect(res.body.map((t: { name: string; weight: number; source: string }) => [t.name, Math.round(t.weight * 10) / 10, t.source]).sort()).toEqual([
      ['silver', 1, 'admin'],
      ['tea', 0.4, 'admin'],
    ]);
    expect(await markTagCalls(a)).toBe(before + 1);
    const inWeCom = (await a.sim().get(`/sim/corps/${a.corpId}/relationships?external_userid=wm_carol`)).body;
    expect(inWeCom[0].tagIds).toEqual([silver.corpTagId]);

    const removed = await api(sys, a).post(`/customers/${ids.wm_carol}/tags`, { remove: [silver.id, tea] });
    expect(removed.body).toEqual([]);
    expect((await a.sim().get(`/sim/corps/${a.corpId}/relationships?external_userid=wm_carol`)).body[0].tagIds).toEqual([]);
  });

  it('answers bad changes with 400s naming the field, unknown customers with 404, and writes nothing', async () => {
    const other = await api(sys, b).post('/tag-groups', { name: 'B only', kind: 'manual', tags: [{ name: 'b1' }] });
    const cases: Array<[object, string]> = [
      [{ add: [{ tagId: gold.id, weight: 0.5 }] }, 'add.0.weight'],
      [{ add: [{ tagId: other.body.tags[0].id }] }, 'add.0.tagId'],
      [{ add: [{ tagId: gold.id, weight: 2 }] }, 'add.0.weight'],
      [{ remove: ['not-a-uuid'] }, 'remove'],
      [{}, 'add'],
    ];
    for (const [body, field] of cases) {
      const res = await api(sys, a).post('/customers/wm_carol/tags', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.message).toContain(field);
    }
    expect(await tagsOf('wm_carol')).toEqual([]);
    expect((await api(sys, b).post('/customers/wm_carol/tags', { add: [{ tagId: other.body.tags[0].id }] })).status).toBe(404);
    expect((await api(sys, b).get(`/customers/${ids.wm_carol}/tags`)).status).toBe(404);
  });

  it('a console delete of a whole group takes its tags off every customer', async () => {
    const created = await consoleTags(sys, a, 'post', 'tags', { groupName: 'Temp', tags: [{ name: 't1' }] });
    await scenario(sys, a, 'member-edits-customer', { userId: 'zhangsan', externalUserId: 'wm_bob', addTags: [created.tag_group.tag[0].id] });
    expect(await tagsOf('wm_bob')).toHaveLength(2);
    await consoleTags(sys, a, 'delete', `tags/${created.tag_group.group_id}`);
    expect(await tagsOf('wm_bob')).toEqual([{ tag_id: silver.id, weight: 1, source: 'sync' }]);
  });

  it('hides a restricted group’s tags on customers from roles not listed', async () => {
    const secret = await api(sys, a).post('/tag-groups', { name: 'Secret', kind: 'manual', allowedRoles: ['admin'], tags: [{ name: 'whale' }] });
    await api(sys, a).post('/customers/wm_bob/tags', { add: [{ tagId: secret.body.tags[0].id }] });
    const viewer = await userWithRole(sys, a, 'viewer');
    const asViewer = (await api(sys, a, viewer).get('/customers/wm_bob/tags')).body.map((t: { name: string }) => t.name);
    const asAdmin = (await api(sys, a).get('/customers/wm_bob/tags')).body.map((t: { name: string }) => t.name);
    expect(asAdmin.sort()).toEqual(['silver', 'whale']);
    expect(asViewer).toEqual(['silver']);
    // Nor can the viewer's role use it: a marketer outside the list cannot tag with it.
    const marketer = await userWithRole(sys, a, 'marketer');
    expect((await api(sys, a, marketer).post('/customers/wm_carol/tags', { add: [{ tagId: secret.body.tags[0].id }] })).status).toBe(400);
  });

  it('reports coverage and additions per day', async () => {
    const res = await api(sys, a).get(`/tags/${silver.id}/stats`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tagId: silver.id, customers: 1, totalCustomers: 3 });
    expect(res.body.coverage).toBeCloseTo(1 / 3);
    expect(res.body.additions).toHaveLength(30);
    // Bob (sync) and Carol (admin, later removed) each got silver today.
    expect(res.body.additions.at(-1)).toEqual({ day: res.body.to, count: 2 });
    const bad = await api(sys, a).get(`/tags/${silver.id}/stats?from=2026-12-01&to=2026-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('from');
  });
});
