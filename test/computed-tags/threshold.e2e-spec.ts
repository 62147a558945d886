import { TagRuleTriggers } from '@scrm/core';
import { DataSource } from 'typeorm';
import { seedCustomers, SeededCustomer } from '../profile/seed-customers';
import { createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { daysBefore, event, insertEvents, NOW, rulesApi, setClock, waitForTags } from './rule-support';

describe('Computed tags: thresholds over a window', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let db: DataSource;
  let api: ReturnType<typeof rulesApi>;
  let a: SeededCustomer, b: SeededCustomer, c: SeededCustomer, d: SeededCustomer;

  const vip = { kind: 'threshold', eventType: 'purchase', measure: 'sum', property: 'amount', windowDays: 30, op: '>=', value: 200, tag: 'VIP' };

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    db = sys.api.get(DataSource);
    setClock(sys, NOW);
    tenant = await createTenant(sys);
    api = rulesApi(sys, tenant);
    [a, b, c, d] = await seedCustomers(db, tenant.id, 4);
    await insertEvents(db, tenant.id, [
      // a: 150 + 60 inside the window = 210
      event(a.id, 'purchase', daysBefore(1), { amount: 150 }),
      event(a.id, 'purchase', daysBefore(29.9), { amount: 60 }),
      // b: the 60 is exactly 30 days old, so out of the window: 150
      event(b.id, 'purchase', daysBefore(1), { amount: 150 }),
      event(b.id, 'purchase', daysBefore(30), { amount: 60 }),
      // c: enough, but long ago; and a non-number amount counts as nothing
      event(c.id, 'purchase', daysBefore(31), { amount: 500 }),
      event(c.id, 'purchase', daysBefore(1), { amount: '500' }),
      // d: views are not purchases
      event(d.id, 'view', daysBefore(1), { amount: 900 }),
    ]);
  });
  afterAll(async () => {
    setClock(sys, null);
    await sys.close();
  });

  it('dry-runs a definition: how many customers it would tag', async () => {
    const res = await api.dryRun(vip);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ customers: 1, perTag: { VIP: 1 } });
  });

  it('tags on enable, incrementally as events arrive, and untags in the nightly batch once the window moves past', async () => {
    const rule = await api.create('VIP', vip);
    expect(rule.status).toBe(201);
    expect(rule.body.enabled).toBe(false);
    expect((await sys.http().post(`/api/v1/tag-rules/${rule.body.id}/dry-run`).set({ Authorization: `Bearer ${tenant.adminToken}` })).body.customers).toBe(1);
    await api.enable(rule.body.id).expect(200);
    const groupId = rule.body.groupId;
    await waitForTags(db, tenant.id, groupId, { [a.id]: { VIP: 1 } }, 'VIP for a after enable');

    // b buys 50 more: 200 ≥ 200 (the edge counts) → VIP through the incremental job.
    expect((await api.events([event(b.id, 'purchase', daysBefore(0.1), { amount: 50 })])).body.accepted).toBe(1);
    await waitForTags(db, tenant.id, groupId, { [a.id]: { VIP: 1 }, [b.id]: { VIP: 1 } }, 'VIP for b after its purchase');

    // A day later, a's 60 (29.9 days old) has left the window: 150 < 200. Only the nightly batch sees time pass.
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    setClock(sys, tomorrow);
    expect(await sys.worker!.get(TagRuleTriggers).tick()).toContain(tenant.id);
    await waitForTags(db, tenant.id, groupId, { [b.id]: { VIP: 1 } }, 'a loses VIP in the nightly batch');
    setClock(sys, NOW);
  });

  it('counts events: logins in 7 days ≥ 3', async () => {
    await insertEvents(db, tenant.id, [
      event(c.id, 'login', daysBefore(1)),
      event(c.id, 'login', daysBefore(2)),
      event(c.id, 'login', daysBefore(6.9)),
      event(d.id, 'login', daysBefore(1)),
      event(d.id, 'login', daysBefore(2)),
      event(d.id, 'login', daysBefore(7.1)),
    ]);
    const def = { kind: 'threshold', eventType: 'login', measure: 'count', windowDays: 7, op: '>=', value: 3, tag: 'active' };
    expect((await api.dryRun(def)).body).toEqual({ customers: 1, perTag: { active: 1 } });
    const rule = await api.create('Active', def);
    await api.enable(rule.body.id).expect(200);
    await waitForTags(db, tenant.id, rule.body.groupId, { [c.id]: { active: 1 } }, 'active for c');
    // "< 1 login" includes customers with no event at all.
    const none = { ...def, op: '<', value: 1, tag: 'no-login' };
    expect((await api.dryRun(none)).body).toEqual({ customers: 2, perTag: { 'no-login': 2 } });
  });

  it('refuses bad definitions naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...vip, windowDays: 0 }, 'definition.windowDays'],
      [{ ...vip, op: '!=' }, 'definition.op'],
      [{ ...vip, property: undefined }, 'definition.property'],
      [{ ...vip, kind: 'magic' }, 'definition.kind'],
      [{ ...vip, extra: 1 }, 'definition.extra'],
      [{ ...vip, tag: '' }, 'definition.tag'],
    ];
    for (const [definition, field] of cases) {
      const res = await api.create(`bad-${field}`, definition);
      expect({ field, status: res.status, fields: res.body.details?.map((x: { field: string }) => x.field) }).toEqual({ field, status: 400, fields: [field] });
    }
  });
});
