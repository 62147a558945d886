import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { RecordingHandler } from './support/recording-handler';
import { contactWay, inboxRows, until } from './support/inbox-helpers';

jest.setTimeout(300_000);

const SCANS = 2_000;
const CONCURRENCY = 50;

describe('a burst of 2,000 scans from the simulator', () => {
  const handler = new RecordingHandler();
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true, eventHandler: handler });
    tenant = await createSimTenant(sys);
  });
  afterAll(() => sys.close());

  it('stores exactly 2,000 rows and processes each exactly once, none lost', async () => {
    const configId = await contactWay(sys, tenant);
    const started = Date.now();
    const answers: { externalUserId: string; deliveryId: string; firstAttempt?: { status: number } }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SCANS) {
          next++;
          const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan?wait=true`).send({ configId });
          expect(res.status).toBe(201);
          answers.push(res.body);
        }
      }),
    );
    const intakeMs = Date.now() - started;
    expect(answers).toHaveLength(SCANS);
    expect(new Set(answers.map((a) => a.externalUserId)).size).toBe(SCANS);
    // Every first delivery was answered 200: no WeCom retry was needed.
    expect(answers.filter((a) => a.firstAttempt?.status !== 200)).toEqual([]);

    const rows = await until(
      () => inboxRows(sys, tenant.id),
      (rs) => rs.length === SCANS && rs.every((r) => r.status === 'done'),
      240_000,
      `${SCANS} rows done`,
    );
    const processedMs = Date.now() - started;
    expect(rows).toHaveLength(SCANS);
    const counts = rows.map((r) => handler.calls.get(r.id));
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect(handler.callsFor(tenant.id)).toBe(SCANS);
    // Each scan's customer was handed over once.
    const seen = new Set(handler.events.map((e) => ('externalUserId' in e.event ? e.event.externalUserId : '')));
    for (const a of answers) expect(seen.has(a.externalUserId)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`burst: ${SCANS} scans delivered in ${intakeMs} ms, all processed after ${processedMs} ms`);
  });
});
