import { ChannelRosterService, Clock } from '@scrm/core';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { channelJobsIdle, createChannel, scan, simWay } from './support/channel-helpers';

/** Tenant time zone is Asia/Shanghai (UTC+8). 2026-12-01 is a Tuesday; 2026-12-02 a Wednesday. */
const shanghai = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

describe('who gets the customer: strategies, daily limits, schedules, backups', () => {
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, { members: ['anna', 'bert', 'cara', 'dora'].map((userid) => ({ userid })) });
  });
  afterEach(() => clock().set(null));
  afterAll(() => sys.close());

  /** Api and worker stand at the same moment (the api computes the first member list at create). */
  const clock = () => ({
    set: (at: Date | null) => [sys.api, sys.worker!].forEach((app) => app.get(Clock, { strict: false }).set(at)),
  });
  /** What the worker's minute tick does: re-check every live channel. */
  const tick = async () => {
    await sys.worker!.get(ChannelRosterService, { strict: false }).requestSyncForAll();
    await channelJobsIdle(sys, tenant);
  };

  it('round_robin over 300 scans gives each of 3 members 100 ± 10, and the way is never empty', async () => {
    const ch = await createChannel(sys, tenant, { name: 'RR', strategy: 'round_robin', members: [{ userId: 'anna' }, { userId: 'bert' }, { userId: 'cara' }] });
    const got: Record<string, number> = {};
    let emptySeen = false;
    for (let i = 0; i < 300; i++) {
      const add = await scan(sys, tenant, ch.configId);
      got[add.userId] = (got[add.userId] ?? 0) + 1;
      if ((await simWay(tenant, ch.configId)).user.length === 0) emptySeen = true;
    }
    expect(Object.keys(got).sort()).toEqual(['anna', 'bert', 'cara']);
    for (const n of Object.values(got)) expect(Math.abs(n - 100)).toBeLessThanOrEqual(10);
    expect(emptySeen).toBe(false);
  }, 240_000);

  it('weighted 3:1 follows the weights', async () => {
    const ch = await createChannel(sys, tenant, { name: 'W', strategy: 'weighted', members: [{ userId: 'anna', weight: 3 }, { userId: 'bert', weight: 1 }] });
    const got: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const add = await scan(sys, tenant, ch.configId);
      got[add.userId] = (got[add.userId] ?? 0) + 1;
    }
    expect(got).toEqual({ anna: 30, bert: 10 });
  }, 120_000);

  it('a member leaves at their daily limit, backups step in, and everyone returns at local midnight', async () => {
    clock().set(shanghai('2026-12-01T23:50:00'));
    const ch = await createChannel(sys, tenant, {
      name: 'Limited', strategy: 'random', dailyLimit: 2, backupUserIds: ['dora'],
      members: [{ userId: 'anna', dailyLimit: 1 }, { userId: 'bert' }],
    });
    expect((await simWay(tenant, ch.configId)).user.sort()).toEqual(['anna', 'bert']);
    await scan(sys, tenant, ch.configId, { userId: 'anna' });
    expect((await simWay(tenant, ch.configId)).user).toEqual(['bert']);
    await scan(sys, tenant, ch.configId, { userId: 'bert' });
    expect((await simWay(tenant, ch.configId)).user).toEqual(['bert']);
    await scan(sys, tenant, ch.configId, { userId: 'bert' });
    expect((await simWay(tenant, ch.configId)).user).toEqual(['dora']);

    clock().set(shanghai('2026-12-02T00:00:30'));
    await tick();
    expect((await simWay(tenant, ch.configId)).user.sort()).toEqual(['anna', 'bert']);
  });

  it('members follow weekly slots and dated exceptions; outside every slot the backups hold the way', async () => {
    clock().set(shanghai('2026-12-01T10:00:00'));
    const ch = await createChannel(sys, tenant, {
      name: 'Shifts', strategy: 'random', backupUserIds: ['dora'],
      members: [{ userId: 'anna' }, { userId: 'bert' }],
      schedule: {
        weekly: [
          { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00', userIds: ['anna'] },
          { weekdays: [1, 2, 3, 4, 5], start: '12:00', end: '18:00', userIds: ['bert'] },
        ],
        exceptions: [{ date: '2026-12-02', slots: [] }],
      },
    });
    const at = async (local: string) => {
      clock().set(shanghai(local));
      await tick();
      return (await simWay(tenant, ch.configId)).user;
    };
    expect((await simWay(tenant, ch.configId)).user).toEqual(['anna']);
    expect(await at('2026-12-01T12:00:00')).toEqual(['bert']);
    expect(await at('2026-12-01T18:30:00')).toEqual(['dora']);
    expect(await at('2026-12-02T10:00:00')).toEqual(['dora']);
    expect(await at('2026-12-03T09:15:00')).toEqual(['anna']);
  });

  it('a disabled channel keeps its list; enabling re-checks it', async () => {
    clock().set(shanghai('2026-12-01T10:00:00'));
    const ch = await createChannel(sys, tenant, { name: 'Paused', strategy: 'round_robin', members: [{ userId: 'anna' }, { userId: 'bert' }] });
    const { bearer } = await import('../support/factories');
    expect((await sys.http().post(`/api/v1/channels/${ch.id}/disable`).set(bearer(tenant.adminToken))).status).toBe(200);
    await scan(sys, tenant, ch.configId);
    expect((await simWay(tenant, ch.configId)).user).toEqual(['anna']);
    expect((await sys.http().post(`/api/v1/channels/${ch.id}/enable`).set(bearer(tenant.adminToken))).status).toBe(200);
    await channelJobsIdle(sys, tenant);
    expect((await simWay(tenant, ch.configId)).user).toEqual(['bert']);
  });
});
