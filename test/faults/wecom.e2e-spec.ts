import request from 'supertest';
import { contactWay } from '../inbox/support/inbox-helpers';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { allOf, scanBurst, settle } from './support';

jest.setTimeout(180_000);

const N = 30;
const DETAILS = 'externalcontact/get';

/**
 * WeCom misbehaving while a burst of adds is processed: every add needs externalcontact/get. Whatever WeCom does,
 * each add ends processed exactly once, and the errors that call for it are waited out, not hammered.
 */
describe('Faults in WeCom during a burst: nothing lost, nothing done twice', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    process.env.INBOX_BACKOFF_MS = '200';
    sys = await startSystem({ sim: true, worker: true });
  });
  afterAll(async () => {
    await sys.close();
    delete process.env.INBOX_BACKOFF_MS;
  });
  afterEach(async () => {
    await request(sys.simUrl!).delete('/sim/faults').expect((res) => expect(res.status).toBeLessThan(300));
  });

  type Calls = { byErrcode: Record<string, number>; calls: { api: string; at: number; errcode: number }[] };

  async function burstWith(fault: (t: SimTenant) => Promise<unknown>): Promise<{ tenant: SimTenant; calls: Record<string, number>; log: Calls['calls']; tokens: number }> {
    const tenant = await createSimTenant(sys);
    const configId = await contactWay(sys, tenant);
    const since = Date.now();
    await fault(tenant);
    await scanBurst(tenant, configId, N, { concurrency: 5 });
    expect(await settle(sys, undefined, tenant.id, N, 150_000)).toEqual(allOf(N));
    const details = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/calls`).query({ api: DETAILS, since })).body as Calls;
    const tokens = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/calls`).query({ api: 'gettoken', since })).body.total as number;
    // Every add fetched its details exactly once successfully: nothing was processed twice.
    expect(details.byErrcode['0']).toBe(N);
    return { tenant, calls: details.byErrcode, log: details.calls, tokens };
  }

  const inject = (tenant: SimTenant, errcode: number, count: number) =>
    tenant.sim().post('/sim/faults').send({ corpId: tenant.corpId, api: DETAILS, errcode, count }).expect(201);

  it('-1 (system busy) in a burst of 15 answers: retried with backoff', async () => {
    const { calls } = await burstWith((t) => inject(t, -1, 15));
    expect(calls['-1']).toBe(15);
  });

  it('42001 (token expired) on 10 calls: the token is refreshed and the calls retried', async () => {
    const { calls, tokens } = await burstWith((t) => inject(t, 42001, 10));
    expect(calls['42001']).toBe(10);
    expect(tokens).toBeGreaterThanOrEqual(1); // the expired token was dropped and a new one fetched
  });

  it('45009 (limit reached): calls pause for the window instead of hammering WeCom', async () => {
    const { calls, log } = await burstWith((t) => inject(t, 45009, 1));
    // One refusal opens the window; every process holds its calls of that API until it closes.
    expect(calls['45009']).toBe(1);
    // Calls already on their way when the refusal came back still arrive; after that, silence until the window ends.
    const refusedAt = log.find((c) => c.errcode === 45009)!.at;
    expect(log.filter((c) => c.at > refusedAt + 2_000 && c.at < refusedAt + 50_000)).toEqual([]);
    expect(log.some((c) => c.at >= refusedAt + 50_000)).toBe(true);
  });

  it('answers taking 3 s: processed, just slower', async () => {
    const { log } = await burstWith(async (t) => {
      await t.sim().post('/sim/faults/latency').send({ corpId: t.corpId, api: DETAILS, ms: 3_000 }).expect(201);
    });
    expect(log).toHaveLength(N); // slow answers were waited for, not retried
  });
});
