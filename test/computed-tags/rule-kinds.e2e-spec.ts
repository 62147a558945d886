import { TagRuleTriggers } from '@scrm/core';
import { DataSource } from 'typeorm';
import { seedCustomers, SeededCustomer } from '../profile/seed-customers';
import { bearer, createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { daysBefore, event, insertEvents, NOW, rulesApi, setClock, waitForTags } from './rule-support';

describe('Computed tags: recency, buckets, lifecycle, interest', () => {
  let sys: TestSystem;
  let db: DataSource;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    db = sys.api.get(DataSource);
    setClock(sys, NOW);
  });
  afterAll(async () => {
    setClock(sys, null);
    await sys.close();
  });

  /** Each case its own tenant, so counts are its own. */
  async function tenantWith(n: number, firstSeenDaysAgo = 100): Promise<{ tenant: TestTenant; api: ReturnType<typeof rulesApi>; cs: SeededCustomer[] }> {
    const tenant = await createTenant(sys);
    return { tenant, api: rulesApi(sys, tenant), cs: await seedCustomers(db, tenant.id, n, daysBefore(firstSeenDaysAgo)) };
  }

  async function enabled(api: ReturnType<typeof rulesApi>, name: string, definition: unknown): Promise<string> {
    const rule = await api.create(name, definition);
    expect(rule.status).toBe(201);
    await api.enable(rule.body.id).expect(200);
    return rule.body.groupId;
  }

  it('recency: dormant after 30 days without activity (first seen counts when there was none); activity and time move it', async () => {
    const { tenant, api, cs } = await tenantWith(3);
    const [old, recent] = cs; // cs[2] has no events: first seen 100 days ago → dormant
    await insertEvents(db, tenant.id, [event(old.id, 'login', daysBefore(31)), event(recent.id, 'view', daysBefore(29))]);
    const def = { kind: 'recency', days: 30, tag: 'dormant' };
    expect((await api.dryRun(def)).body).toEqual({ customers: 2, perTag: { dormant: 2 } });
    // Only logins count as activity here: recent's view does not.
    expect((await api.dryRun({ ...def, eventTypes: ['login'] })).body.customers).toBe(3);
    const groupId = await enabled(api, 'Dormant', def);
    await waitForTags(db, tenant.id, groupId, { [old.id]: { dormant: 1 }, [cs[2].id]: { dormant: 1 } }, 'dormant after enable');

    await api.events([event(old.id, 'login', daysBefore(0))]).expect(200);
    await waitForTags(db, tenant.id, groupId, { [cs[2].id]: { dormant: 1 } }, 'a login wakes old up');

    setClock(sys, new Date(NOW.getTime() + 2 * 86_400_000));
    await sys.worker!.get(TagRuleTriggers).tick();
    await waitForTags(db, tenant.id, groupId, { [recent.id]: { dormant: 1 }, [cs[2].id]: { dormant: 1 } }, 'recent goes dormant two days on');
    setClock(sys, NOW);
  });

  it('buckets: a number attribute, a date attribute as age, and spend over a window into labels; [min, max)', async () => {
    const { tenant, api, cs } = await tenantWith(4);
    const h = bearer(tenant.adminToken);
    await sys.http().post('/api/v1/attributes').set(h).send({ key: 'age', label: 'Age', type: 'number' }).expect(201);
    await sys.http().post('/api/v1/attributes').set(h).send({ key: 'birthday', label: 'Birthday', type: 'date' }).expect(201);
    await sys.http().post('/api/v1/attributes').set(h).send({ key: 'city', label: 'City', type: 'string' }).expect(201);
    const ages = [17, 18, 35];
    for (let i = 0; i < 3; i++) await sys.http().patch(`/api/v1/customers/${cs[i].id}/attributes`).set(h).send({ values: { age: ages[i] } }).expect(200);
    // 40 years old on NOW's day (2026-12-01 in Shanghai is still 2026-11-30 in UTC, the date the age is taken on).
    await sys.http().patch(`/api/v1/customers/${cs[3].id}/attributes`).set(h).send({ values: { birthday: '1986-11-30' } }).expect(200);

    const bands = [
      { max: 18, label: 'under-18' },
      { min: 18, max: 35, label: '18-34' },
      { min: 35, label: '35+' },
    ];
    const groupId = await enabled(api, 'Age band', { kind: 'buckets', source: { type: 'attribute', key: 'age' }, buckets: bands });
    await waitForTags(db, tenant.id, groupId, { [cs[0].id]: { 'under-18': 1 }, [cs[1].id]: { '18-34': 1 }, [cs[2].id]: { '35+': 1 } }, 'age bands');
    expect((await api.dryRun({ kind: 'buckets', source: { type: 'attribute', key: 'birthday' }, buckets: bands })).body).toEqual({ customers: 1, perTag: { '35+': 1 } });

    await insertEvents(db, tenant.id, [
      event(cs[0].id, 'purchase', daysBefore(2), { amount: 99.99 }),
      event(cs[1].id, 'purchase', daysBefore(2), { amount: 100 }),
      event(cs[1].id, 'purchase', daysBefore(95), { amount: 5_000 }),
    ]);
    const spend = { type: 'events', eventType: 'purchase', measure: 'sum', property: 'amount', windowDays: 90 };
    const spendBands = [
      { max: 100, label: 'low' },
      { min: 100, label: 'high' },
    ];
    // Customers with no purchase sum to 0 and fall in "low".
    expect((await api.dryRun({ kind: 'buckets', source: spend, buckets: spendBands })).body).toEqual({ customers: 4, perTag: { low: 3, high: 1 } });

    const bad = await api.create('Bad', { kind: 'buckets', source: { type: 'attribute', key: 'city' }, buckets: bands });
    expect(bad.body.details?.[0].field).toBe('definition.source.key');
    const overlap = await api.create('Overlap', { kind: 'buckets', source: spend, buckets: [{ max: 10, label: 'a' }, { min: 5, label: 'b' }] });
    expect(overlap.body.details?.[0].field).toBe('definition.buckets.1');
  });

  it('lifecycle: prospect, new, returning by all-time purchases', async () => {
    const { tenant, api, cs } = await tenantWith(3);
    const [p, n, r] = cs;
    await insertEvents(db, tenant.id, [event(n.id, 'order', daysBefore(400)), event(r.id, 'order', daysBefore(400)), event(r.id, 'order', daysBefore(1))]);
    expect((await api.dryRun({ kind: 'lifecycle', purchaseEventType: 'order' })).body).toEqual({ customers: 3, perTag: { prospect: 1, new: 1, returning: 1 } });
    const groupId = await enabled(api, 'Lifecycle', { kind: 'lifecycle', purchaseEventType: 'order' });
    await waitForTags(db, tenant.id, groupId, { [p.id]: { prospect: 1 }, [n.id]: { new: 1 }, [r.id]: { returning: 1 } }, 'lifecycle stages');
    // A first purchase moves the prospect on; its old stage tag goes.
    await api.events([event(p.id, 'order', daysBefore(0))]).expect(200);
    await waitForTags(db, tenant.id, groupId, { [p.id]: { new: 1 }, [n.id]: { new: 1 }, [r.id]: { returning: 1 } }, 'prospect becomes new');
  });

  it('interest: decayed, action- and touchpoint-weighted sums per item tag, normalised to the customer’s strongest', async () => {
    const { tenant, api, cs } = await tenantWith(2);
    const [x, y] = cs;
    await insertEvents(db, tenant.id, [
      // x: shoes = 1 (view, today) ; bags = 0.5^1 × 5 (purchase) × 2 (app) = 5 → bags 1, shoes 0.2
      event(x.id, 'view', NOW, { item_tags: ['shoes'] }),
      event(x.id, 'purchase', daysBefore(1), { item_tags: ['bags'], touchpoint: 'app' }),
      // y: hats = 0.5^2 × 1 = 0.25 and shoes 0.5^1 × 1 = 0.5; an ignored action; a non-array item_tags
      event(y.id, 'view', daysBefore(2), { item_tags: ['hats'] }),
      event(y.id, 'view', daysBefore(1), { item_tags: ['shoes'], touchpoint: 'web' }),
      event(y.id, 'share', daysBefore(0), { item_tags: ['hats'] }),
      event(y.id, 'view', daysBefore(0), { item_tags: 'hats' }),
    ]);
    const def = { kind: 'interest', decay: 0.5, actionWeights: { view: 1, purchase: 5 }, touchpointWeights: { app: 2 } };
    expect((await api.dryRun(def)).body).toEqual({ customers: 2, perTag: { bags: 1, hats: 1, shoes: 2 } });
    const groupId = await enabled(api, 'Interests', def);
    await waitForTags(db, tenant.id, groupId, { [x.id]: { bags: 1, shoes: 0.2 }, [y.id]: { shoes: 1, hats: 0.5 } }, 'interest weights');
    const group = await db.query(`SELECT kind FROM tag_groups WHERE tenant_id = $1 AND id = $2`, [tenant.id, groupId]);
    expect(group).toEqual([{ kind: 'interest' }]);
    // A fresh hats purchase on y outweighs shoes: weights re-normalise, new maximum is hats (shoes 0.5 / 5.25).
    await api.events([event(y.id, 'purchase', NOW, { item_tags: ['hats'] })]).expect(200);
    await waitForTags(db, tenant.id, groupId, { [x.id]: { bags: 1, shoes: 0.2 }, [y.id]: { hats: 1, shoes: 0.095 } }, 'interest after a purchase');
    // A strong decay over old events weighs them ~0 (no tag) rather than failing (Postgres' power() underflows).
    await insertEvents(db, tenant.id, [event(x.id, 'view', daysBefore(170), { item_tags: ['old'] })]);
    const strong = await api.dryRun({ ...def, decay: 0.00001 });
    expect([strong.status, strong.body.perTag.old]).toEqual([200, undefined]);
    expect((await api.dryRun({ ...def, decay: 1 })).body.perTag.old).toBe(1);
    const bad = await api.dryRun({ ...def, decay: 0 });
    expect(bad.body.details?.[0].field).toBe('definition.decay');
  });
});
