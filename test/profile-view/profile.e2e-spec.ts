import { CustomerTagWriter, DomainEvent, ProfileCache } from '@scrm/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { ProfileSeed } from '../audiences/seed';
import { contactWay, scenario, syncsSettled } from '../events/support';
import { bearer, userWithRole } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';

/** The 360° view over a customer who arrived through the simulator, with profile data seeded beside them. */
describe('Customer 360° view', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;
  let viewer: { Authorization: string };
  let admin: { Authorization: string };
  let seed: ProfileSeed;
  let ext: string;
  let id: string;
  let vip: string;
  let levelGroup: string;
  let hiddenGroup: string;
  let interestTag: string;
  let chatId: string;

  const db = () => sys.api.get(DataSource);
  const profile = (ref: string, auth = viewer, by?: string) => sys.http().get(`/api/v1/customers/${ref}/profile${by ? `?by=${by}` : ''}`).set(auth);

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys);
    b = await createSimTenant(sys);
    // The first full sync rewrites customers and staff names: under load it could land after the seeding below.
    await syncsSettled(sys, a);
    viewer = await userWithRole(sys, a, 'viewer');
    admin = bearer(a.adminToken);
    await syncsSettled(sys, a); // the first sync would overwrite the unionid seeded below
    ext = (await scenario(sys, a, 'scan', { configId: await contactWay(sys, a, 'zhangsan', 'poster'), customer: { name: 'Alice' } })).externalUserId;
    [{ id }] = await db().query('SELECT id FROM customers WHERE tenant_id = $1 AND external_user_id = $2', [a.id, ext]);
    await db().query(`UPDATE customers SET unionid = 'union-alice', attributes = '{"city": "Hangzhou", "orphan": 1}' WHERE id = $1`, [id]);
    seed = ProfileSeed.of(sys, a.id);
    await seed.attribute('city', 'string', null, 'City');
    const [parent] = await db().query(`INSERT INTO tag_categories (tenant_id, name, depth) VALUES ($1, 'Marketing', 1) RETURNING id`, [a.id]);
    const [child] = await db().query(`INSERT INTO tag_categories (tenant_id, name, parent_id, depth) VALUES ($1, 'Value', $2, 2) RETURNING id`, [a.id, parent.id]);
    levelGroup = await seed.tagGroup('Level', { categoryId: child.id });
    vip = await seed.tag(levelGroup, 'VIP');
    hiddenGroup = await seed.tagGroup('Risk', { allowedRoles: ['admin'] });
    const risky = await seed.tag(hiddenGroup, 'risky');
    interestTag = await seed.tag(await seed.tagGroup('Interests', { kind: 'interest' }), 'shoes', 'interest');
    await seed.tagCustomer(id, vip, 1, 'admin');
    await seed.tagCustomer(id, risky, 1, 'admin');
    await seed.event(id, 'purchase', new Date(Date.now() - 1000), { amount: 42 });
    chatId = (await scenario(sys, a, 'group-chats', { name: 'Fans', owner: 'zhangsan', members: [{ id: ext, type: 2 }] })).chatId;
  });
  afterAll(() => sys.close());

  it('shows the customer, labelled attributes, tags by category, relationships with their channel, groups, sop and the timeline', async () => {
    const res = await profile(ext);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const p = res.body;
    expect(p.customer).toMatchObject({ id, externalUserId: ext, name: 'Alice', unionid: 'union-alice' });
    expect(p.attributes).toEqual([{ key: 'city', label: 'City', type: 'string', value: 'Hangzhou' }]);
    expect(p.tags).toEqual([
      {
        category: { id: expect.any(String), name: 'Value', path: 'Marketing / Value' },
        groups: [{ id: expect.any(String), name: 'Level', kind: 'manual', tags: [{ id: vip, name: 'VIP', kind: 'manual', weight: 1, source: 'admin', setAt: expect.any(String) }] }],
      },
    ]);
    expect(p.relationships).toEqual([
      expect.objectContaining({ userId: 'zhangsan', memberName: '张三', status: 'active', state: 'poster', remark: expect.any(String) }),
    ]);
    expect(p.groups).toEqual([expect.objectContaining({ chatId, name: 'Fans' })]);
    expect(p.sop).toEqual({ enrollments: [], tasks: [] });
    expect(p.timeline.items.map((i: { source: string; type: string }) => `${i.source}:${i.type}`)).toEqual(
      expect.arrayContaining(['event:purchase', 'system:customer.added']),
    );
  });

  it('names the customer by our id, by external_userid and by unionid alike', async () => {
    const byId = (await profile(id)).body.customer.id;
    const byUnion = (await profile('union-alice', viewer, 'unionid')).body.customer.id;
    expect([byId, byUnion]).toEqual([id, id]);
    expect((await profile('nobody')).status).toBe(404);
    expect((await profile('x', viewer, 'bogus')).status).toBe(400);
  });

  it("leaves out tag groups hidden from the caller's role", async () => {
    const groupsOf = (p: { tags: Array<{ groups: Array<{ id: string }> }> }) => p.tags.flatMap((c) => c.groups.map((g) => g.id));
    expect(groupsOf((await profile(ext, viewer)).body)).not.toContain(hiddenGroup);
    expect(groupsOf((await profile(ext, admin)).body)).toContain(hiddenGroup);
  });

  it('serves the cached view until a change to the customer drops it: a tag (ProfileChanged) and a contact event', async () => {
    await profile(ext);
    // Written behind the cache's back (no event): the cached view must still be served.
    await db().query(`UPDATE customers SET name = 'Alice B' WHERE id = $1`, [id]);
    expect((await profile(ext)).body.customer.name).toBe('Alice');
    await sys.api.get(CustomerTagWriter).set(a.id, [{ customerId: id, tagId: interestTag, weight: 0.4, source: 'rule' }]);
    const after = (await profile(ext)).body;
    expect(after.customer.name).toBe('Alice B');
    expect(after.tags.flatMap((c: any) => c.groups.flatMap((g: any) => g.tags.map((t: any) => [t.name, t.weight])))).toContainEqual(['shoes', expect.closeTo(0.4)]);
    // Every way of naming the customer was dropped, not only the one that changed.
    await db().query(`UPDATE customers SET name = 'Alice C' WHERE id = $1`, [id]);
    await profile('union-alice', viewer, 'unionid');
    sys.api.get(EventEmitter2).emit(DomainEvent.CustomerEdited, { tenantId: a.id, externalUserId: ext, userId: 'zhangsan', at: new Date(), inboxId: 'x' });
    await until(async () => (await profile('union-alice', viewer, 'unionid')).body.customer.name, (n) => n === 'Alice C', 5_000, 'the view by unionid to drop');
  });

  it('a WeCom edit processed by the worker drops the view the api cached', async () => {
    await profile(ext);
    await scenario(sys, a, 'member-edits-customer', { userId: 'zhangsan', externalUserId: ext, remark: 'Big fan' });
    const seen = await until(
      async () => (await profile(ext)).body.relationships[0].remark,
      (r) => r === 'Big fan',
      10_000,
      'the remark to show',
    );
    expect(seen).toBe('Big fan');
  });

  it('a tag renamed or a group restricted to roles drops every cached view of the tenant at once', async () => {
    const tagNames = (p: { tags: Array<{ groups: Array<{ tags: Array<{ name: string }> }> }> }) => p.tags.flatMap((c) => c.groups.flatMap((g) => g.tags.map((t) => t.name)));
    expect(tagNames((await profile(ext)).body)).toContain('VIP');
    expect(tagNames((await profile(id)).body)).toContain('VIP');
    const restricted = await sys.http().patch(`/api/v1/tag-groups/${levelGroup}`).set(admin).send({ allowedRoles: ['admin'] });
    expect(restricted.status).toBe(200);
    // No waiting: the viewer's cached views (by every ref) are gone when the admin's change has answered.
    expect(tagNames((await profile(ext)).body)).not.toContain('VIP');
    expect(tagNames((await profile(id)).body)).not.toContain('VIP');
    expect((await sys.http().patch(`/api/v1/tag-groups/${levelGroup}`).set(admin).send({ allowedRoles: null })).status).toBe(200);
    expect(tagNames((await profile(ext)).body)).toContain('VIP');
    expect((await sys.http().patch(`/api/v1/tags/${vip}`).set(admin).send({ name: 'VIP gold' })).status).toBe(200);
    expect(tagNames((await profile(ext)).body)).toEqual(expect.arrayContaining(['VIP gold']));
  });

  it('pages the timeline newest first with a cursor, mixing system entries and events', async () => {
    const now = Date.now();
    for (let i = 0; i < 3; i++) await seed.event(id, 'view', new Date(now + 60_000 + i * 1000));
    const all: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: { status: number; body: { items: any[]; nextCursor: string | null } } = await sys.http().get(`/api/v1/customers/${ext}/timeline?limit=2${before ? `&before=${before}` : ''}`).set(viewer);
      expect(res.status).toBe(200);
      all.push(...res.body.items.map((i: { occurredAt: string; source: string; id: string }) => `${i.occurredAt}|${i.source}|${i.id}`));
      before = res.body.nextCursor;
      if (!before) break;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort().reverse());
    const [{ n }] = await db().query(
      `SELECT (SELECT count(*) FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2) + (SELECT count(*) FROM customer_events WHERE tenant_id = $1 AND customer_id = $3) AS n`,
      [a.id, ext, id],
    );
    expect(all).toHaveLength(Number(n));
    expect(all[0]).toContain('|event|');
    const bad = await sys.http().get(`/api/v1/customers/${ext}/timeline?before=garbage`).set(viewer);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('before');
  });

  it('serves a cached view ahead of Nest only to a token and role the route allows; anything else as before', async () => {
    const reader = await userWithRole(sys, a, 'viewer');
    await sys.api.get(ProfileCache).drop(a.id, [id]);
    const first = await profile(ext, reader);
    const cached = await profile(ext, reader);
    expect(first.status).toBe(200);
    expect(cached.status).toBe(200);
    expect(first.headers['x-powered-by']).toBe('Express'); // built by Nest
    expect(cached.headers['x-powered-by']).toBeUndefined(); // the same bytes, straight from Redis
    expect(cached.text).toBe(first.text);
    expect(cached.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await profile(ext, await userWithRole(sys, a, 'staff'))).status).toBe(403);
    const unknownQuery = await sys.http().get(`/api/v1/customers/${ext}/profile?foo=1`).set(reader);
    expect(unknownQuery.status).toBe(400);
    expect((await profile(ext, { Authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await sys.http().post('/api/v1/auth/logout').set(reader)).status).toBeLessThan(300);
    expect((await profile(ext, reader)).status).toBe(401);
  });

  it("never shows another tenant's customer", async () => {
    const theirs = bearer(b.adminToken);
    expect((await profile(ext, theirs)).status).toBe(404);
    expect((await profile(id, theirs)).status).toBe(404);
    expect((await profile('union-alice', theirs, 'unionid')).status).toBe(404);
    expect((await sys.http().get(`/api/v1/customers/${id}/timeline`).set(theirs)).status).toBe(404);
  });
});
