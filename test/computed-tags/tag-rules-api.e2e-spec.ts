import { DataSource } from 'typeorm';
import { seedCustomers, SeededCustomer } from '../profile/seed-customers';
import { bearer, createTenant, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { daysBefore, event, insertEvents, NOW, ruleTags, rulesApi, setClock, waitForTags } from './rule-support';

describe('Tag rules API: lifecycle of a rule, roles, tenants', () => {
  let sys: TestSystem;
  let db: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let api: ReturnType<typeof rulesApi>;
  let cs: SeededCustomer[];
  const def = { kind: 'threshold', eventType: 'login', measure: 'count', windowDays: 7, op: '>=', value: 1, tag: 'seen-this-week' };

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    db = sys.api.get(DataSource);
    setClock(sys, NOW);
    tenant = await createTenant(sys);
    other = await createTenant(sys);
    api = rulesApi(sys, tenant);
    cs = await seedCustomers(db, tenant.id, 2);
    await insertEvents(db, tenant.id, [event(cs[0].id, 'login', daysBefore(1)), event(cs[1].id, 'login', daysBefore(2))]);
  });
  afterAll(async () => {
    setClock(sys, null);
    await sys.close();
  });

  it('creates a rule with its own computed tag group; 409 on a second rule of the same name', async () => {
    const rule = await api.create('Weekly', def);
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ name: 'Weekly', kind: 'threshold', enabled: false, lastEvaluatedAt: null });
    expect(await db.query(`SELECT name, kind FROM tag_groups WHERE tenant_id = $1 AND id = $2`, [tenant.id, rule.body.groupId])).toEqual([
      { name: 'Weekly', kind: 'computed' },
    ]);
    expect((await api.create('Weekly', def)).status).toBe(409);
  });

  it('enable tags, a definition change re-evaluates and removes what no longer holds, disable clears, delete retires the group', async () => {
    const rule = (await api.create('Weekly 2', def)).body;
    const h = bearer(tenant.adminToken);
    await api.enable(rule.id).expect(200);
    await waitForTags(db, tenant.id, rule.groupId, { [cs[0].id]: { 'seen-this-week': 1 }, [cs[1].id]: { 'seen-this-week': 1 } }, 'both tagged');

    const narrowed = await sys.http().patch(`/api/v1/tag-rules/${rule.id}`).set(h).send({ definition: { ...def, windowDays: 1.5 } });
    expect([narrowed.status, narrowed.body.details?.[0].field]).toEqual([400, 'definition.windowDays']);
    await sys.http().patch(`/api/v1/tag-rules/${rule.id}`).set(h).send({ definition: { ...def, windowDays: 2 } }).expect(200);
    await waitForTags(db, tenant.id, rule.groupId, { [cs[0].id]: { 'seen-this-week': 1 } }, 'cs[1] (2 days ago) drops out of a 2-day window');
    const kindChange = await sys.http().patch(`/api/v1/tag-rules/${rule.id}`).set(h).send({ definition: { kind: 'recency', days: 3, tag: 'x' } });
    expect([kindChange.status, kindChange.body.details?.[0].field]).toEqual([400, 'definition.kind']);

    const disabled = await api.disable(rule.id);
    expect(disabled.body.enabled).toBe(false);
    expect(await ruleTags(db, tenant.id, rule.groupId)).toEqual({});
    // Events for a disabled rule's customers change nothing.
    await api.events([event(cs[1].id, 'login', NOW)]).expect(200);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await ruleTags(db, tenant.id, rule.groupId)).toEqual({});

    await api.enable(rule.id).expect(200);
    await waitForTags(db, tenant.id, rule.groupId, { [cs[0].id]: { 'seen-this-week': 1 }, [cs[1].id]: { 'seen-this-week': 1 } }, 'tagged again');
    await sys.http().delete(`/api/v1/tag-rules/${rule.id}`).set(h).expect(204);
    expect(await ruleTags(db, tenant.id, rule.groupId)).toEqual({});
    expect(await db.query(`SELECT deleted FROM tag_groups WHERE tenant_id = $1 AND id = $2`, [tenant.id, rule.groupId])).toEqual([{ deleted: true }]);
    expect((await sys.http().get(`/api/v1/tag-rules/${rule.id}`).set(h)).status).toBe(404);
  });

  it('lets viewers list and dry-run, not create or switch', async () => {
    const viewer = await userWithRole(sys, tenant, 'viewer');
    expect((await sys.http().get('/api/v1/tag-rules').set(viewer)).status).toBe(200);
    expect((await sys.http().post('/api/v1/tag-rules/dry-run').set(viewer).send({ definition: def })).status).toBe(200);
    expect((await sys.http().post('/api/v1/tag-rules').set(viewer).send({ name: 'v', definition: def })).status).toBe(403);
  });

  it('keeps tenants apart: another tenant neither sees nor switches a rule, and its dry run counts only its customers', async () => {
    const rule = (await api.create('Mine', def)).body;
    const theirs = bearer(other.adminToken);
    expect((await sys.http().get(`/api/v1/tag-rules/${rule.id}`).set(theirs)).status).toBe(404);
    expect((await sys.http().post(`/api/v1/tag-rules/${rule.id}/enable`).set(theirs)).status).toBe(404);
    expect((await sys.http().post(`/api/v1/tag-rules/${rule.id}/dry-run`).set(theirs)).status).toBe(404);
    expect((await sys.http().delete(`/api/v1/tag-rules/${rule.id}`).set(theirs)).status).toBe(404);
    expect((await sys.http().get('/api/v1/tag-rules').set(theirs)).body).toEqual([]);
    expect((await sys.http().post('/api/v1/tag-rules/dry-run').set(theirs).send({ definition: def })).body).toEqual({ customers: 0, perTag: {} });
    expect((await sys.http().get(`/api/v1/tag-rules/${rule.id}`).set(bearer(tenant.adminToken))).body.enabled).toBe(false);
  });
});
