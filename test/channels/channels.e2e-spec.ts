import { Clock } from '@scrm/core';
import { bearer } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { createChannel, scan, simWay } from './support/channel-helpers';
import { localTags } from './support/local-tags';

describe('channels: contact ways, validation, tags, first/latest channel, stats', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let tagA: string;
  let tagB: string;

  beforeAll(async () => {
    process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, {
      members: [{ userid: 'anna', name: 'Anna' }, { userid: 'bert', name: 'Bert' }, { userid: 'cara', name: 'Cara' }],
      tags: [{ groupName: 'Source', tags: [{ name: 'fair' }, { name: 'vip' }] }],
    });
    const tags = (tenant.seeded.tags as { tags: { id: string }[] }[])[0].tags;
    [tagA, tagB] = [tags[0].id, tags[1].id];
  });
  afterAll(() => sys.close());

  const admin = () => bearer(tenant.adminToken);

  it('creates the WeCom contact way (multi-member QR, its state, skip_verify) and returns the QR URL', async () => {
    const ch = await createChannel(sys, tenant, { name: 'Fair', strategy: 'random', members: [{ userId: 'anna' }, { userId: 'bert' }], skipVerify: false, state: 'fair_2026' });
    expect(ch.qrCode).toMatch(/^https?:\/\//);
    const way = await simWay(tenant, ch.configId);
    expect(way).toMatchObject({ type: 2, scene: 2, state: 'fair_2026', skip_verify: false });
    expect(way.user.sort()).toEqual(['anna', 'bert']);
  });

  it('generates a unique state of at most 30 characters when none is given', async () => {
    const a = await createChannel(sys, tenant, { name: 'A', strategy: 'random', members: [{ userId: 'anna' }] });
    const b = await createChannel(sys, tenant, { name: 'B', strategy: 'random', members: [{ userId: 'anna' }] });
    expect(a.state.length).toBeLessThanOrEqual(30);
    expect(a.state).not.toEqual(b.state);
    expect((await simWay(tenant, a.configId)).state).toBe(a.state);
  });

  it.each([
    ['state', { state: 'x'.repeat(31) }],
    ['dailyLimit', { dailyLimit: -1 }],
    ['members.0.dailyLimit', { members: [{ userId: 'anna', dailyLimit: -1 }] }],
    ['members', { members: [] }],
    ['strategy', { strategy: 'fastest' }],
    ['tagIds.0', { tagIds: ['no-such-tag'] }],
    ['members.0.userId', { members: [{ userId: 'ghost' }] }],
    ['schedule.weekly.0.start', { schedule: { weekly: [{ weekdays: [1], start: '25:00', end: '10:00' }] } }],
  ])('answers 400 naming %s and writes nothing', async (field, patch) => {
    const before = (await sys.http().get('/api/v1/channels').set(admin())).body.length;
    const res = await sys.http().post('/api/v1/channels').set(admin()).send({ name: 'Bad', strategy: 'random', members: [{ userId: 'anna' }], ...patch });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await sys.http().get('/api/v1/channels').set(admin())).body.length).toBe(before);
  });

  it('answers 502 with WeCom’s message when WeCom refuses, and writes nothing', async () => {
    await tenant.sim().post('/sim/faults').send({ corpId: tenant.corpId, api: 'externalcontact/add_contact_way', errcode: 41054, count: 1 });
    const res = await sys.http().post('/api/v1/channels').set(admin()).send({ name: 'Refused', strategy: 'random', members: [{ userId: 'anna' }] });
    expect(res.status).toBe(502);
    expect(res.body.message).toMatch(/41054/);
    const names = (await sys.http().get('/api/v1/channels').set(admin())).body.map((c: { name: string }) => c.name);
    expect(names).not.toContain('Refused');
  });

  it('a scan tags the relationship in WeCom and locally (source channel), and records first and latest channel', async () => {
    const first = await createChannel(sys, tenant, { name: 'Tagged', strategy: 'random', members: [{ userId: 'anna' }], tagIds: [tagA, tagB] });
    const second = await createChannel(sys, tenant, { name: 'Second', strategy: 'random', members: [{ userId: 'bert' }] });
    const add = await scan(sys, tenant, first.configId);
    const rel = await tenant.sim().get(`/sim/corps/${tenant.corpId}/relationships?external_userid=${add.externalUserId}&userid=anna`);
    expect(rel.body[0].tagIds.sort()).toEqual([tagA, tagB].sort());
    expect(await localTags(sys, tenant, 'anna', add.externalUserId)).toEqual({ [tagA]: 'channel', [tagB]: 'channel' });

    await scan(sys, tenant, second.configId, { externalUserId: add.externalUserId });
    const chans = await sys.http().get(`/api/v1/customers/${add.externalUserId}/channels`).set(admin());
    expect(chans.status).toBe(200);
    expect([chans.body.first.id, chans.body.latest.id]).toEqual([first.id, second.id]);
  });

  it('edits update the contact way; delete removes it in WeCom and keeps the history', async () => {
    const ch = await createChannel(sys, tenant, { name: 'Editable', strategy: 'random', members: [{ userId: 'anna' }] });
    await scan(sys, tenant, ch.configId);
    const edited = await sys.http().patch(`/api/v1/channels/${ch.id}`).set(admin()).send({ members: [{ userId: 'bert' }, { userId: 'cara' }], remark: 'new' });
    expect(edited.status).toBe(200);
    expect((await simWay(tenant, ch.configId)).user.sort()).toEqual(['bert', 'cara']);
    expect((await sys.http().patch(`/api/v1/channels/${ch.id}`).set(admin()).send({ state: 'other' })).status).toBe(400);

    expect((await sys.http().delete(`/api/v1/channels/${ch.id}`).set(admin())).status).toBe(204);
    expect(await simWay(tenant, ch.configId)).toBeUndefined();
    const kept = await sys.http().get(`/api/v1/channels/${ch.id}`).set(admin());
    expect(kept.body.deletedAt).not.toBeNull();
    const stats = await sys.http().get(`/api/v1/channels/${ch.id}/stats`).set(admin());
    expect(stats.body.days.reduce((n: number, d: { adds: number }) => n + d.adds, 0)).toBe(1);
  });

  it('counts adds, deletions by customer and by member, net adds, per day and per member', async () => {
    const ch = await createChannel(sys, tenant, { name: 'Counted', strategy: 'round_robin', members: [{ userId: 'anna' }, { userId: 'bert' }] });
    const adds = [];
    for (let i = 0; i < 4; i++) adds.push(await scan(sys, tenant, ch.configId));
    const byCustomer = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/customer-deletes-member`).send({ userId: adds[0].userId, externalUserId: adds[0].externalUserId });
    const byMember = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/member-deletes-customer`).send({ userId: adds[1].userId, externalUserId: adds[1].externalUserId });
    const { processDelivery } = await import('../support/process-sim-event');
    await processDelivery(sys, tenant, byCustomer.body.deliveryId);
    await processDelivery(sys, tenant, byMember.body.deliveryId);

    const res = await sys.http().get(`/api/v1/channels/${ch.id}/stats`).set(admin());
    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(1);
    expect(res.body.days[0]).toMatchObject({ adds: 4, deletedByCustomer: 1, deletedByMember: 1, netAdds: 2, retained1d: null });
    const perMember = Object.fromEntries(res.body.members.map((m: { userId: string; adds: number }) => [m.userId, m.adds]));
    expect(perMember).toEqual({ anna: 2, bert: 2 });

    // 31 days later the day's retention is known: the two deleted within a day are not retained.
    const day = res.body.days[0].day;
    sys.api.get(Clock, { strict: false }).set(new Date(Date.now() + 31 * 24 * 3600 * 1000));
    try {
      const later = await sys.http().get(`/api/v1/channels/${ch.id}/stats?from=${day}&to=${day}`).set(admin());
      expect(later.body.days[0]).toMatchObject({ adds: 4, retained1d: 2, retained7d: 2, retained30d: 2 });
    } finally {
      sys.api.get(Clock, { strict: false }).set(null);
    }
  });

  it('another tenant’s channel is a 404', async () => {
    const ch = await createChannel(sys, tenant, { name: 'Mine', strategy: 'random', members: [{ userId: 'anna' }] });
    const other = await createSimTenant(sys);
    expect((await sys.http().get(`/api/v1/channels/${ch.id}`).set(bearer(other.adminToken))).status).toBe(404);
    expect((await sys.http().delete(`/api/v1/channels/${ch.id}`).set(bearer(other.adminToken))).status).toBe(404);
  });
});
