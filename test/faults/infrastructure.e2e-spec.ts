import Redis from 'ioredis';
import { AppConfig } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { contactWay } from '../inbox/support/inbox-helpers';
import { deleteRedisKeys } from '../support/global-setup';
import { createSimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { allOf, outcome, scanBurst, settle } from './support';

jest.setTimeout(120_000);

const N = 100;

describe('Faults in Redis and Postgres during a burst: nothing lost, nothing done twice', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    process.env.INBOX_SWEEP_AFTER_MINUTES = '0';
    process.env.INBOX_SWEEP_EVERY_SECONDS = '2';
    sys = await startSystem({ sim: true, worker: true });
  });
  afterAll(async () => {
    await sys.close();
    delete process.env.INBOX_SWEEP_AFTER_MINUTES;
    delete process.env.INBOX_SWEEP_EVERY_SECONDS;
  });

  it('Redis loses everything and drops every connection (a restart without persistence)', async () => {
    const tenant = await createSimTenant(sys);
    const configId = await contactWay(sys, tenant);
    await scanBurst(tenant, configId, N, { during: () => restartRedis(sys) });
    // No manual sweep: the sweeper's own schedule must have come back with the connections.
    const final = await settle(sys, undefined, tenant.id, N);
    expect(final).toEqual(allOf(N));
  });

  it('Postgres terminates every connection of the system, twice', async () => {
    const tenant = await createSimTenant(sys);
    const configId = await contactWay(sys, tenant);
    await scanBurst(tenant, configId, N, {
      during: async () => {
        await dropPostgresConnections(sys);
        await new Promise((r) => setTimeout(r, 300));
        await dropPostgresConnections(sys);
      },
    });
    const final = await settle(sys, undefined, tenant.id, N);
    expect(final).toEqual(allOf(N));
    expect((await outcome(sys, tenant.id)).rows).toBe(N);
  });
});

/** What a restart of a Redis that keeps nothing on disk does: every key of ours gone, every connection cut. */
async function restartRedis(sys: TestSystem): Promise<void> {
  const config = sys.api.get(AppConfig);
  await deleteRedisKeys(config.redis, `${config.env.REDIS_PREFIX}:*`);
  const admin = new Redis({ ...config.redis, connectionName: 'fault-injector' });
  const clients = String(await admin.client('LIST'))
    .split('\n')
    .filter((line) => line.includes(` name=${config.env.REDIS_PREFIX} `));
  for (const line of clients) await admin.client('KILL', 'ID', line.match(/id=(\d+)/)![1]);
  await admin.quit();
  expect(clients.length).toBeGreaterThan(0);
}

/** Every server process serving this database except the one doing the killing. */
async function dropPostgresConnections(sys: TestSystem): Promise<void> {
  const killed = await sys.api
    .get(DataSource)
    .query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  expect(killed.length).toBeGreaterThan(0);
}
