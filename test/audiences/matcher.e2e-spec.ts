import { BadRequestException } from '@nestjs/common';
import { AUDIENCE_MATCHER, AudienceMatcher, AudienceRule, Clock } from '@scrm/core';
import { DataSource } from 'typeorm';
import { createTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { matchedNames } from './match';
import { ProfileSeed } from './seed';

const DAY = 86_400_000;

/** Every operator of the rule language, run by AUDIENCE_MATCHER against real Postgres. */
describe('AudienceMatcher', () => {
  let sys: TestSystem;
  let m: AudienceMatcher;
  let clock: Clock;
  let tenantId: string;
  let otherTenantId: string;
  let tag: Record<'A' | 'X' | 'B' | 'H', string>;
  let ch1: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    sys = await startSystem();
    m = sys.api.get<AudienceMatcher>(AUDIENCE_MATCHER);
    clock = sys.api.get(Clock);
    tenantId = (await createTenant(sys)).id;
    otherTenantId = (await createTenant(sys)).id;
    const s = ProfileSeed.of(sys, tenantId);
    const interest = await s.tagGroup('Interest');
    const secret = await s.tagGroup('Secret', { allowedRoles: ['admin'] });
    tag = { A: await s.tag(interest, 'A'), X: await s.tag(interest, 'X'), B: await s.tag(interest, 'B'), H: await s.tag(secret, 'H') };
    await s.attribute('city', 'string');
    await s.attribute('score', 'number');
    await s.attribute('birthday', 'date');
    await s.attribute('vip', 'boolean');
    await s.attribute('level', 'enum', ['gold', 'silver']);
    await s.staff('zhangsan');
    await s.staff('lisi');
    ch1 = await s.channel('poster');
    const ch2 = await s.channel('web');
    const now = Date.now();
    ids = {
      ann: await s.customer('ann', {
        gender: 2,
        tags: { [tag.A]: 1, [tag.H]: 1 },
        attributes: { city: 'Beijing', score: 10, birthday: '1990-05-01', vip: true, level: 'gold' },
        channelId: ch1,
        addedAt: new Date('2026-01-10T00:00:00Z'),
      }),
      ben: await s.customer('ben', {
        gender: 1,
        tags: { [tag.A]: 1, [tag.X]: 1 },
        attributes: { city: 'Shanghai', score: 5, vip: false },
        staff: 'lisi',
        channelId: ch2,
        addedAt: new Date('2026-02-10T00:00:00Z'),
      }),
      cat: await s.customer('cat', { tags: { [tag.X]: 0.3, [tag.B]: 0.9 }, attributes: { score: 'high' }, addedAt: new Date('2026-03-10T00:00:00Z') }),
      dan: await s.customer('dan', { tags: { [tag.A]: 1 }, status: 'deleted_by_customer', attributes: { city: 'Beijing' } }),
      eve: await s.customer('eve', {
        tags: { [tag.B]: 0.5 },
        attributes: { city: 'beijing west', level: 'silver' },
        staff: 'lisi',
        addedAt: new Date('2026-01-20T00:00:00Z'),
      }),
      fay: await s.customer('fay', { addedAt: new Date('2026-04-01T00:00:00Z') }),
    };
    await s.groupChat('chat-vip', 'VIP', [await extOf(ids.ann)]);
    await s.event(ids.ann, 'purchase', new Date(now - 5 * DAY), { amount: 100 });
    await s.event(ids.ann, 'purchase', new Date(now - 4 * DAY), { amount: 50 });
    await s.event(ids.ben, 'purchase', new Date(now - 10 * DAY), { amount: 30 });
    await s.event(ids.ben, 'login', new Date(now - 1 * DAY));
    // Another tenant with a customer tagged with its own tag: never visible from the first tenant.
    const o = ProfileSeed.of(sys, otherTenantId);
    const otherTag = await o.tag(await o.tagGroup('Other'), 'A');
    await o.customer('zed', { tags: { [otherTag]: 1 } });
    tag = { ...tag, other: otherTag } as typeof tag;
  });
  afterAll(() => sys.close());
  afterEach(() => clock.set(null));

  async function extOf(id: string): Promise<string> {
    const [row] = await sys.api.get(DataSource).query('SELECT external_user_id FROM customers WHERE id = $1', [id]);
    return row.external_user_id;
  }

  const match = (rule: AudienceRule) => matchedNames(m, tenantId, ids, rule);

  it('a tag matches its customers; a customer without an active relationship is never matched', async () => {
    expect(await match({ tag: tag.A })).toEqual(['ann', 'ben']);
  });

  it('`not` means not: A and not X excludes the customer who has both A and X', async () => {
    expect(await match({ and: [{ tag: tag.A }, { not: { tag: tag.X } }] })).toEqual(['ann']);
    expect(await match({ not: { tag: tag.A } })).toEqual(['cat', 'eve', 'fay']);
    expect(await match({ not: { or: [{ tag: tag.A }, { tag: tag.X }] } })).toEqual(['eve', 'fay']);
  });

  it('or, and and nesting combine as boolean logic', async () => {
    expect(await match({ or: [{ tag: tag.X }, { tag: tag.B }] })).toEqual(['ben', 'cat', 'eve']);
    expect(await match({ and: [{ tag: tag.X }, { tag: tag.B }] })).toEqual(['cat']);
    expect(
      await match({ or: [{ and: [{ tag: tag.A }, { staff: 'lisi' }] }, { not: { or: [{ tag: tag.A }, { tag: tag.B }, { tag: tag.X }] } }] }),
    ).toEqual(['ben', 'fay']);
  });

  it('minWeight keeps customers whose tag weight is at least the minimum', async () => {
    expect(await match({ tag: tag.B, minWeight: 0.8 })).toEqual(['cat']);
    expect(await match({ tag: tag.X, minWeight: 0.5 })).toEqual(['ben']);
    expect(await match({ not: { tag: tag.B, minWeight: 0.8 } })).toEqual(['ann', 'ben', 'eve', 'fay']);
  });

  it('string attributes: eq, neq (keeps unknown values), in, contains, exists, not_exists', async () => {
    expect(await match({ attribute: 'city', op: 'eq', value: 'Beijing' })).toEqual(['ann']);
    expect(await match({ attribute: 'city', op: 'neq', value: 'Beijing' })).toEqual(['ben', 'cat', 'eve', 'fay']);
    expect(await match({ attribute: 'city', op: 'in', value: ['Shanghai', 'Shenzhen'] })).toEqual(['ben']);
    expect(await match({ attribute: 'city', op: 'contains', value: 'BEIJING' })).toEqual(['ann', 'eve']);
    expect(await match({ attribute: 'city', op: 'exists' })).toEqual(['ann', 'ben', 'eve']);
    expect(await match({ attribute: 'city', op: 'not_exists' })).toEqual(['cat', 'fay']);
  });

  it('number attributes compare as numbers (10 > 9), and a value of the wrong JSON type matches no comparison', async () => {
    expect(await match({ attribute: 'score', op: 'gt', value: 9 })).toEqual(['ann']);
    expect(await match({ attribute: 'score', op: 'gte', value: 5 })).toEqual(['ann', 'ben']);
    expect(await match({ attribute: 'score', op: 'lt', value: 10 })).toEqual(['ben']);
    expect(await match({ attribute: 'score', op: 'lte', value: 10 })).toEqual(['ann', 'ben']);
    expect(await match({ attribute: 'score', op: 'eq', value: 5 })).toEqual(['ben']);
    expect(await match({ attribute: 'score', op: 'in', value: [5, 7] })).toEqual(['ben']);
    expect(await match({ not: { attribute: 'score', op: 'gt', value: 9 } })).toEqual(['ben', 'cat', 'eve', 'fay']);
  });

  it('date, boolean and enum attributes, and customer fields', async () => {
    expect(await match({ attribute: 'birthday', op: 'lt', value: '2000-01-01' })).toEqual(['ann']);
    expect(await match({ attribute: 'vip', op: 'eq', value: true })).toEqual(['ann']);
    expect(await match({ attribute: 'vip', op: 'eq', value: false })).toEqual(['ben']);
    expect(await match({ attribute: 'vip', op: 'neq', value: true })).toEqual(['ben', 'cat', 'eve', 'fay']);
    expect(await match({ attribute: 'level', op: 'in', value: ['gold', 'silver'] })).toEqual(['ann', 'eve']);
    expect(await match({ attribute: 'name', op: 'eq', value: 'fay' })).toEqual(['fay']);
    expect(await match({ attribute: 'gender', op: 'eq', value: 1 })).toEqual(['ben']);
    expect(await match({ attribute: 'first_seen_at', op: 'gte', value: '2026-03-01T00:00:00Z' })).toEqual(['cat', 'fay']);
  });

  it('event count and sum over a window that moves with the clock', async () => {
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'gte', value: 2 })).toEqual(['ann']);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'gte', value: 1 })).toEqual(['ann']);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 30, op: 'gt', value: 0 })).toEqual(['ann', 'ben']);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'eq', value: 0 })).toEqual(['ben', 'cat', 'eve', 'fay']);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 30, op: 'eq', value: 1 })).toEqual(['ben']);
    expect(await match({ event: 'purchase', measure: 'sum', property: 'amount', withinDays: 30, op: 'gte', value: 150 })).toEqual(['ann']);
    expect(await match({ event: 'purchase', measure: 'sum', property: 'amount', withinDays: 30, op: 'lt', value: 100 })).toEqual(['ben', 'cat', 'eve', 'fay']);
    clock.set(new Date(Date.now() + 20 * DAY));
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 7, op: 'gte', value: 1 })).toEqual([]);
    expect(await match({ event: 'purchase', measure: 'count', withinDays: 30, op: 'gte', value: 1 })).toEqual(['ann']);
  });

  it('channel, staff member, added between and member of a group', async () => {
    expect(await match({ channel: ch1 })).toEqual(['ann']);
    expect(await match({ staff: 'lisi' })).toEqual(['ben', 'eve']);
    expect(await match({ addedBetween: { from: '2026-01-01', to: '2026-02-01' } })).toEqual(['ann', 'eve']);
    expect(await match({ addedBetween: { from: '2026-03-01' } })).toEqual(['cat', 'fay']);
    expect(await match({ inGroup: 'chat-vip' })).toEqual(['ann']);
    expect(await match({ not: { inGroup: 'chat-vip' } })).toEqual(['ben', 'cat', 'eve', 'fay']);
  });

  it('pages in id order after a cursor', async () => {
    const all = await m.page(tenantId, { not: { tag: tag.A } }, null, 100);
    expect(all).toEqual([...all].sort());
    const first = await m.page(tenantId, { not: { tag: tag.A } }, null, 2);
    const rest = await m.page(tenantId, { not: { tag: tag.A } }, first[1], 100);
    expect([...first, ...rest]).toEqual(all);
  });

  async function invalid(rule: unknown, opts?: { role?: string }): Promise<string[]> {
    const err = await m.validate(tenantId, rule as AudienceRule, 'rule', opts).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { details: Array<{ field: string }> }).details.map((d) => d.field);
  }

  it('refuses bad rules with a 400 naming the JSON path', async () => {
    const unknownTag = '00000000-0000-4000-8000-000000000000';
    expect(await invalid({ and: [{ tag: tag.A }, { tag: unknownTag }] })).toEqual(['rule.and[1].tag']);
    expect(await invalid({ and: [{ tag: tag.A }, { tag: 'not-a-uuid' }] })).toEqual(['rule.and[1].tag']);
    expect(await invalid({ or: [{ attribute: 'shoe_size', op: 'eq', value: 1 }] })).toEqual(['rule.or[0].attribute']);
    expect(await invalid({ attribute: 'city', op: 'like', value: 'x' })).toEqual(['rule.op']);
    expect(await invalid({ attribute: 'city', op: 'gt', value: 'x' })).toEqual(['rule.op']);
    expect(await invalid({ attribute: 'score', op: 'gt', value: '9' })).toEqual(['rule.value']);
    expect(await invalid({ attribute: 'level', op: 'eq', value: 'bronze' })).toEqual(['rule.value']);
    expect(await invalid({ event: 'purchase', measure: 'avg', withinDays: 0, op: 'gt', value: 1 })).toEqual(['rule.measure', 'rule.withinDays']);
    expect(await invalid({ tag: tag.A, minWeight: 2 })).toEqual(['rule.minWeight']);
    expect(await invalid({ tag: tag.A, staff: 'lisi' })).toEqual(['rule']);
    expect(await invalid({ and: [] })).toEqual(['rule.and']);
    expect(await invalid({ channel: '00000000-0000-4000-8000-000000000001' })).toEqual(['rule.channel']);
    expect(await invalid({ staff: 'nobody' })).toEqual(['rule.staff']);
    expect(await invalid({ inGroup: 'no-chat' })).toEqual(['rule.inGroup']);
    expect(await invalid({ addedBetween: { from: '2026-02-01', to: '2026-01-01' } })).toEqual(['rule.addedBetween.to']);
    expect(await invalid('tag')).toEqual(['rule']);
  });

  it('refuses rules nested deeper than 5 levels or with more than 50 conditions', async () => {
    const deep = { and: [{ or: [{ not: { and: [{ or: [{ tag: tag.A }] }] } }] }] };
    expect(await invalid(deep)).toEqual(['rule.and[0].or[0].not.and[0].or[0]']);
    await expect(m.validate(tenantId, { and: [{ or: [{ not: { and: [{ tag: tag.A }] } }] }] })).resolves.toBeUndefined();
    const wide = { or: Array.from({ length: 30 }, () => ({ and: [{ tag: tag.A }, { tag: tag.B }] })) };
    expect(await invalid(wide)).toEqual(['rule']);
  });

  it("a tag of a group hidden from the caller's role is unknown to that role's rules", async () => {
    expect(await invalid({ not: { tag: tag.H } }, { role: 'viewer' })).toEqual(['rule.not.tag']);
    await expect(m.validate(tenantId, { not: { tag: tag.H } }, 'rule', { role: 'admin' })).resolves.toBeUndefined();
  });

  it("another tenant's tag is unknown, and its customers are never counted", async () => {
    const other = (tag as Record<string, string>).other;
    expect(await invalid({ tag: other })).toEqual(['rule.tag']);
    expect(await m.count(tenantId, { tag: other })).toBe(0);
    expect(await m.count(otherTenantId, { tag: other })).toBe(1);
    expect(await m.count(otherTenantId, { not: { tag: tag.A } })).toBe(1);
  });
});
