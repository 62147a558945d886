import { AUDIENCE_MATCHER, AudienceMatcher, AudienceRule, Clock, EventIngestion } from '@scrm/core';
import { DataSource } from 'typeorm';
import { createTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { matchedNames } from './match';
import { ProfileSeed } from './seed';

const DAY = 86_400_000;
const T = new Date('2026-11-20T08:00:00.000Z');

/**
 * "Did X within N days" is answered from customer_event_stats (kept by a trigger on customer_events). These specs hold
 * it to the events themselves: every boundary (an event exactly at the window's edges, 1 ms outside, after `now`) and
 * every "at least once" / "never" operator must match what a scan of customer_events answers, and the summary must
 * equal an aggregate of the events after duplicate and concurrent batches.
 */
describe('event leaves answered from the per-type summary', () => {
  let sys: TestSystem;
  let m: AudienceMatcher;
  let clock: Clock;
  let db: DataSource;
  let ingestion: EventIngestion;
  let tenantId: string;
  let ids: Record<string, string>;
  let names: Map<string, string>;

  beforeAll(async () => {
    sys = await startSystem();
    m = sys.api.get<AudienceMatcher>(AUDIENCE_MATCHER);
    clock = sys.api.get(Clock);
    db = sys.api.get(DataSource);
    ingestion = sys.api.get(EventIngestion);
    tenantId = (await createTenant(sys)).id;
    const s = ProfileSeed.of(sys, tenantId);
    const who = ['atSince', 'justBefore', 'atNow', 'futureOnly', 'futureAndInside', 'futureAndBefore', 'viewOnly', 'dup', 'nothing'];
    ids = {};
    for (const n of who) ids[n] = await s.customer(n);
    names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    const at = (n: string, ms: number, type = 'purchase') => s.event(ids[n], type, new Date(T.getTime() + ms));
    await at('atSince', -7 * DAY);
    await at('justBefore', -7 * DAY - 1);
    await at('atNow', 0);
    await at('futureOnly', DAY / 2);
    await at('futureAndInside', -3 * DAY);
    await at('futureAndInside', DAY / 2);
    await at('futureAndBefore', -30 * DAY);
    await at('futureAndBefore', 1);
    await at('viewOnly', -DAY, 'view');
    // The same idempotency key twice, in one batch and again in a later one: one event, counted once.
    const dup = { idempotencyKey: 'dup-1', customer: { kind: 'id' as const, value: ids.dup }, type: 'purchase', occurredAt: new Date(T.getTime() - 5 * DAY), properties: {} };
    expect((await ingestion.ingest(tenantId, [dup, dup])).accepted).toBe(1);
    expect((await ingestion.ingest(tenantId, [dup])).duplicate).toBe(1);
  });
  afterAll(() => sys.close());
  afterEach(() => jest.restoreAllMocks());

  /** Stands still at `at`: Clock.set keeps time moving, and the edges are exact to the millisecond. */
  function freeze(at: Date): void {
    jest.spyOn(clock, 'now').mockReturnValue(at);
  }

  const match = (rule: AudienceRule) => matchedNames(m, tenantId, ids, rule);

  /** What a scan of the events answers: did the customer do `type` in [now - days, now]? */
  async function fromEvents(type: string, days: number, did: boolean): Promise<string[]> {
    const now = clock.now();
    const rows = (await db.query(
      `SELECT c.id FROM customers c WHERE c.tenant_id = $1 AND c.active_relationships > 0 AND ${did ? '' : 'NOT'} EXISTS (
         SELECT 1 FROM customer_events e WHERE e.tenant_id = $1 AND e.customer_id = c.id AND e.type = $2 AND e.occurred_at >= $3 AND e.occurred_at <= $4)`,
      [tenantId, type, new Date(now.getTime() - days * DAY), now],
    )) as Array<{ id: string }>;
    return rows.map((r) => names.get(r.id)!).sort();
  }

  it('counts an event exactly at either edge of the window, not 1 ms before it, and looks past a last event after now', async () => {
    freeze(T);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'gte', value: 1 })).toEqual(['atNow', 'atSince', 'dup', 'futureAndInside']);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 30, op: 'gt', value: 0 })).toEqual(
      ['atNow', 'atSince', 'dup', 'futureAndBefore', 'futureAndInside', 'justBefore'],
    );
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'eq', value: 0 })).toEqual(
      ['futureAndBefore', 'futureOnly', 'justBefore', 'nothing', 'viewOnly'],
    );
  });

  it('"at least once" and "never" match a scan of the events for every operator, window and clock position', async () => {
    const did: Array<Pick<Extract<AudienceRule, { event: string }>, 'op' | 'value'>> = [{ op: 'gte', value: 1 }, { op: 'gt', value: 0 }];
    const never: typeof did = [{ op: 'lt', value: 1 }, { op: 'eq', value: 0 }, { op: 'lte', value: 0 }];
    for (const now of [T, new Date(T.getTime() - 2 * DAY), new Date(T.getTime() + DAY / 2), new Date(T.getTime() + 8 * DAY)]) {
      freeze(now);
      for (const withinDays of [1, 7, 30]) {
        for (const type of ['purchase', 'view']) {
          const yes = await fromEvents(type, withinDays, true);
          const no = await fromEvents(type, withinDays, false);
          for (const o of did) expect(await match({ event: type, measure: 'count', withinDays, ...o })).toEqual(yes);
          for (const o of never) expect(await match({ event: type, measure: 'count', withinDays, ...o })).toEqual(no);
          expect(await match({ not: { event: type, measure: 'count', withinDays, op: 'gte', value: 1 } })).toEqual(no);
        }
      }
    }
  });

  it('the summary equals an aggregate of the events, after duplicates and concurrent batches over the same customers', async () => {
    const some = [ids.atNow, ids.nothing, ids.dup];
    const batch = (b: number) =>
      Array.from({ length: 60 }, (_, i) => ({
        // Batches 0 and 1 share their keys: one of them stores each event, the other reports it a duplicate.
        idempotencyKey: `c-${b < 2 ? 0 : b}-${i}`,
        customer: { kind: 'id' as const, value: some[i % some.length] },
        type: i % 2 ? 'purchase' : 'login',
        occurredAt: new Date(T.getTime() - (i % 40) * DAY + b),
        properties: {},
      }));
    const results = await Promise.all([0, 1, 2, 3].map((b) => ingestion.ingest(tenantId, batch(b))));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(180);
    const diff = await db.query(
      `SELECT * FROM (SELECT customer_id, type, min(occurred_at) AS first_at, max(occurred_at) AS last_at, count(*)::bigint AS count
                        FROM customer_events WHERE tenant_id = $1 GROUP BY 1, 2) e
         FULL JOIN (SELECT customer_id, type, first_at, last_at, count FROM customer_event_stats WHERE tenant_id = $1) s USING (customer_id, type)
        WHERE e.first_at IS DISTINCT FROM s.first_at OR e.last_at IS DISTINCT FROM s.last_at OR e.count IS DISTINCT FROM s.count`,
      [tenantId],
    );
    expect(diff).toEqual([]);
    const [dup] = await db.query(`SELECT count FROM customer_event_stats WHERE tenant_id = $1 AND customer_id = $2 AND type = 'purchase'`, [tenantId, ids.dup]);
    expect(Number(dup.count)).toBe(1 + 30);
  });
});
