import { INestApplicationContext } from '@nestjs/common';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { contactWay } from '../inbox/support/inbox-helpers';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { spawnEntry, Spawned, waitFor } from '../support/spawn-process';
import { startSystem, TestSystem } from '../support/test-system';
import { allOf, outcome, scanBurst, settle } from './support';

jest.setTimeout(180_000);

const N = 100;

describe('Fault: the worker is killed (SIGKILL) in the middle of a burst', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let doomed: Spawned | undefined;
  let successor: INestApplicationContext | undefined;

  beforeAll(async () => {
    process.env.INBOX_SWEEP_AFTER_MINUTES = '0';
    process.env.INBOX_LEASE_SECONDS = '5';
    sys = await startSystem({ sim: true });
    tenant = await createSimTenant(sys);
  });
  afterAll(async () => {
    doomed?.kill('SIGKILL');
    await successor?.close();
    await sys.close();
    delete process.env.INBOX_SWEEP_AFTER_MINUTES;
    delete process.env.INBOX_LEASE_SECONDS;
  });

  it('loses no event and processes none twice once another worker takes over', async () => {
    const configId = await contactWay(sys, tenant);
    // A real worker process, so the kill is a real crash: no shutdown hooks, leases held, jobs left active.
    doomed = spawnEntry('apps/worker/src/main.ts', { LOG_LEVEL: 'info', MIGRATE_ON_START: 'false' });
    await waitFor(() => doomed!.stdout().includes('worker started'), 60_000, 'the worker to start');

    let atKill = { rows: 0, done: 0 };
    await scanBurst(tenant, configId, N, {
      after: N / 2,
      during: async () => {
        await waitFor(async () => (await outcome(sys, tenant.id)).done >= 20, 30_000, 'the worker to process some events');
        doomed!.kill('SIGKILL');
        atKill = await outcome(sys, tenant.id);
        await doomed!.exited;
      },
    });
    // The crash really interrupted work: rows were stored but not yet done when the worker died.
    expect(atKill.done).toBeGreaterThanOrEqual(20);
    expect(atKill.rows - atKill.done).toBeGreaterThan(0);

    successor = await createWorkerApp();
    const final = await settle(sys, successor, tenant.id, N);
    expect(final).toEqual(allOf(N));
  });
});
