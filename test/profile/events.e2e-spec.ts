import { DataSource } from 'typeorm';
import { bearer, createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { seedCustomers, SeededCustomer } from './seed-customers';

describe('Behaviour events: POST /api/v1/events and the customer’s events', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let other: TestTenant;
  let db: DataSource;
  let customers: SeededCustomer[];
  let foreign: SeededCustomer[];

  beforeAll(async () => {
    sys = await startSystem();
    db = sys.api.get(DataSource);
    tenant = await createTenant(sys);
    other = await createTenant(sys);
    customers = await seedCustomers(db, tenant.id, 3);
    foreign = await seedCustomers(db, other.id, 1);
  });
  afterAll(() => sys.close());

  const post = (t: TestTenant, events: unknown[]) => sys.http().post('/api/v1/events').set(bearer(t.adminToken)).send({ events });
  const ev = (key: string, ref: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    idempotencyKey: key,
    ...ref,
    type: 'purchase',
    occurredAt: '2026-11-30T10:00:00Z',
    properties: { amount: 120, item_tags: ['shoes'] },
    ...extra,
  });
  const stored = async (tenantId: string, keyPrefix: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM customer_events WHERE tenant_id = $1 AND idempotency_key LIKE $2`, [tenantId, `${keyPrefix}%`]))[0].n);

  it('stores events named by our id, external_userid or unionid, and reports each', async () => {
    const [a, b, c] = customers;
    const res = await post(tenant, [
      ev('k1-a', { customerId: a.id }),
      ev('k1-b', { externalUserId: b.externalUserId }),
      ev('k1-c', { unionid: c.unionid }),
      ev('k1-x', { externalUserId: 'nobody-has-this' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, duplicate: 0, rejected: 1 });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(res.body.results[3].reason).toMatch(/unknown customer/);
    const rows = await db.query(`SELECT customer_id, type, properties FROM customer_events WHERE tenant_id = $1 AND idempotency_key = 'k1-b'`, [tenant.id]);
    expect(rows).toEqual([{ customer_id: b.id, type: 'purchase', properties: { amount: 120, item_tags: ['shoes'] } }]);
  });

  it('stores an idempotency key once: again in a later batch and twice in one batch are duplicates', async () => {
    const a = customers[0];
    expect((await post(tenant, [ev('k2', { customerId: a.id })])).body.accepted).toBe(1);
    const again = await post(tenant, [ev('k2', { customerId: a.id }), ev('k2b', { customerId: a.id }), ev('k2b', { customerId: a.id })]);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'accepted', 'duplicate']);
    expect(await stored(tenant.id, 'k2')).toBe(2);
  });

  it('refuses a batch of 1,001 events whole', async () => {
    const events = Array.from({ length: 1_001 }, (_, i) => ev(`k3-${i}`, { customerId: customers[0].id }));
    const res = await post(tenant, events);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('events');
    expect(await stored(tenant.id, 'k3-')).toBe(0);
  });

  it('accepts a batch of 1,000 events', async () => {
    const events = Array.from({ length: 1_000 }, (_, i) => ev(`k4-${i}`, { customerId: customers[i % 3].id }));
    const res = await post(tenant, events);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1_000);
    expect(await stored(tenant.id, 'k4-')).toBe(1_000);
  });

  it.each([
    ['occurredAt', { occurredAt: 'yesterday' }, 'events.1.occurredAt'],
    ['occurredAt far ahead', { occurredAt: '2099-01-01T00:00:00Z' }, 'events.1.occurredAt'],
    ['type', { type: 'has spaces' }, 'events.1.type'],
    ['properties', { properties: 'not an object' }, 'events.1.properties'],
    ['two refs', { externalUserId: 'x' }, 'events.1.customerId'],
    ['idempotencyKey', { idempotencyKey: 42 }, 'events.1.idempotencyKey'],
    ['unknown field', { colour: 'red' }, 'events.1.colour'],
    ['NUL in properties', { properties: { note: 'a\u0000b' } }, 'events.1.properties.note'],
  ])('refuses the whole batch when an event has a bad %s, naming the field', async (_what, bad, field) => {
    const res = await post(tenant, [ev('k5-ok', { customerId: customers[0].id }), ev('k5-bad', { customerId: customers[0].id }, bad)]);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await stored(tenant.id, 'k5-')).toBe(0);
  });

  it('pages a customer’s events newest first with a cursor', async () => {
    const c = customers[2];
    const events = [1, 2, 3, 4, 5].map((d) => ev(`k6-${d}`, { customerId: c.id }, { type: 'view', occurredAt: `2026-11-0${d}T08:00:00Z` }));
    await post(tenant, events);
    const seen: string[] = [];
    let cursor: string | null = '';
    do {
      const res: { status: number; body: { items: Array<{ type: string; idempotencyKey: string }>; nextCursor: string | null } } = await sys
        .http()
        .get(`/api/v1/customers/${c.externalUserId}/events`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(tenant.adminToken));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.filter((i) => i.type === 'view').map((i) => i.idempotencyKey));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['k6-5', 'k6-4', 'k6-3', 'k6-2', 'k6-1']);
    const byUnionid = await sys.http().get(`/api/v1/customers/${c.unionid}/events`).query({ by: 'unionid', limit: 1 }).set(bearer(tenant.adminToken));
    expect(byUnionid.body.items).toHaveLength(1);
    expect((await sys.http().get('/api/v1/customers/a%00b/events').set(bearer(tenant.adminToken))).status).toBe(400);
    const bad = await sys.http().get(`/api/v1/customers/${c.id}/events`).query({ cursor: 'garbage' }).set(bearer(tenant.adminToken));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('cursor');
  });

  it('keeps tenants apart: another tenant’s customer is unknown, its events unreadable', async () => {
    const res = await post(tenant, [ev('k7-1', { customerId: foreign[0].id }), ev('k7-2', { externalUserId: foreign[0].externalUserId })]);
    expect(res.body.rejected).toBe(2);
    await post(other, [ev('k7-own', { customerId: foreign[0].id })]);
    const read = await sys.http().get(`/api/v1/customers/${foreign[0].id}/events`).set(bearer(tenant.adminToken));
    expect(read.status).toBe(404);
    // The same idempotency key in two tenants is two events.
    expect((await post(other, [ev('k1-a', { customerId: foreign[0].id })])).body.accepted).toBe(1);
  });
});
