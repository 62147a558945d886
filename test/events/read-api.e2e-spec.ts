import { bearer, userWithRole } from '../support/factories';
import { processDelivery } from '../support/process-sim-event';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { contactWay, scenario } from './support';

describe('Read API over the contact mirror', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;
  let viewer: { Authorization: string };
  let gold: string;
  let alice: string;
  let bob: string;
  let chatId: string;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, { tags: [{ groupName: 'Level', tags: [{ name: 'gold' }] }] });
    b = await createSimTenant(sys);
    viewer = await userWithRole(sys, a, 'viewer');
    gold = (a.seeded.tags as Array<{ tags: Array<{ id: string }> }>)[0].tags[0].id;
    // A tag event fills the mirror the same way a WeCom console change would.
    const tagged = await a.sim().post(`/sim/corps/${a.corpId}/scenarios/tags/${gold}/update`).send({ name: 'Gold' });
    await processDelivery(sys, a, tagged.body.deliveryId);
    alice = (await scenario(sys, a, 'scan', { configId: await contactWay(sys, a, 'zhangsan', 'ch1'), customer: { name: 'Alice' } })).externalUserId;
    bob = (await scenario(sys, a, 'scan', { configId: await contactWay(sys, a, 'lisi', 'ch2'), customer: { name: 'Bob' } })).externalUserId;
    await scenario(sys, a, 'member-edits-customer', { userId: 'zhangsan', externalUserId: alice, addTags: [gold], remark: 'A' });
    chatId = (await scenario(sys, a, 'group-chats', { name: 'VIPs', owner: 'zhangsan', members: [{ id: alice, type: 2 }] })).chatId;
    await scenario(sys, b, 'scan', { configId: await contactWay(sys, b, 'zhangsan', 'other') });
  });
  afterAll(() => sys.close());

  const get = (path: string, auth = viewer) => sys.http().get(path).set(auth);

  it('lists customers, paginated, and filters them by tag and by staff member', async () => {
    const all = await get('/api/v1/customers?pageSize=1');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.body.items).toHaveLength(1);
    const byTag = await get(`/api/v1/customers?tagId=${gold}`);
    expect(byTag.body.items.map((c: { name: string }) => c.name)).toEqual(['Alice']);
    const byStaff = await get('/api/v1/customers?userId=lisi');
    expect(byStaff.body.items.map((c: { externalUserId: string }) => c.externalUserId)).toEqual([bob]);
  });

  it('shows one customer with relationships, their tags and the recent timeline', async () => {
    const res = await get(`/api/v1/customers/${alice}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ externalUserId: alice, name: 'Alice' });
    expect(res.body.relationships).toEqual([
      expect.objectContaining({ userId: 'zhangsan', status: 'active', state: 'ch1', remark: 'A', tags: [{ tagId: gold, name: 'Gold', groupName: 'Level', source: 'wecom' }] }),
    ]);
    expect(res.body.timeline.map((t: { type: string }) => t.type)).toEqual(['customer.edited', 'customer.added']);
  });

  it('shows group chats with their members, and the corp tags in the catalogue', async () => {
    const list = await get('/api/v1/group-chats');
    expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ chatId, name: 'VIPs', status: 'active', memberCount: 2 })] });
    const one = await get(`/api/v1/group-chats/${chatId}`);
    expect(one.body.members.map((m: { memberId: string }) => m.memberId).sort()).toEqual([alice, 'zhangsan'].sort());
    const tags = await get('/api/v1/tags');
    expect(tags.body).toEqual([expect.objectContaining({ name: 'Level', kind: 'corp', tags: [expect.objectContaining({ corpTagId: gold, name: 'Gold', kind: 'corp' })] })]);
  });

  it('keeps tenants apart: another tenant’s customer and chat are 404 and never listed', async () => {
    const asB = bearer(b.adminToken);
    expect((await get(`/api/v1/customers/${alice}`, asB)).status).toBe(404);
    expect((await get(`/api/v1/group-chats/${chatId}`, asB)).status).toBe(404);
    const list = await get('/api/v1/customers', asB);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((c: { externalUserId: string }) => c.externalUserId)).not.toContain(alice);
    expect((await get('/api/v1/tags', asB)).body).toEqual([]);
  });

  it('answers bad paging with a 400 naming the field', async () => {
    const res = await get('/api/v1/customers?pageSize=1000');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('pageSize');
    expect((await get('/api/v1/tags?includeDeleted=maybe')).status).toBe(400);
  });
});
