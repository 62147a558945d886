import { randomUUID } from 'node:crypto';
import { bearer, userWithRole } from '../support/factories';
import { processDelivery } from '../support/process-sim-event';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { RecordingHandler } from './support/recording-handler';
import { contactWay, inboxRows, InboxRow, until } from './support/inbox-helpers';

jest.setTimeout(90_000);

class PermanentError extends Error {
  readonly retryable = false;
}

describe('inbox processing failures, replay and the admin API', () => {
  const handler = new RecordingHandler();
  const failing = new Map<string, () => Error | null>();
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;
  let configA: string;
  let configB: string;

  beforeAll(async () => {
    process.env.INBOX_ATTEMPTS = '3';
    process.env.INBOX_BACKOFF_MS = '50';
    handler.failWith = (event) => ('externalUserId' in event ? (failing.get(event.externalUserId)?.() ?? null) : null);
    sys = await startSystem({ sim: true, worker: true, eventHandler: handler });
    [a, b] = [await createSimTenant(sys), await createSimTenant(sys)];
    [configA, configB] = [await contactWay(sys, a), await contactWay(sys, b)];
  });
  afterAll(async () => {
    await sys.close();
    delete process.env.INBOX_ATTEMPTS;
    delete process.env.INBOX_BACKOFF_MS;
  });

  const admin = (t: SimTenant) => bearer(t.adminToken);

  async function scan(t: SimTenant, configId: string, fail?: () => Error | null) {
    const externalUserId = `wm${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    if (fail) failing.set(externalUserId, fail);
    const res = await t.sim().post(`/sim/corps/${t.corpId}/scenarios/scan?wait=true`).send({ configId, externalUserId });
    expect(res.status).toBe(201);
    return res.body as { deliveryId: string; externalUserId: string };
  }

  async function settledRow(t: SimTenant, externalUserId: string): Promise<InboxRow> {
    return until(
      async () => {
        const rows = await inboxRows(sys, t.id);
        const ids = new Set(handler.events.filter((e) => 'externalUserId' in e.event && e.event.externalUserId === externalUserId).map((e) => e.meta.inboxId));
        return rows.find((r) => ids.has(r.id));
      },
      (r) => r?.status === 'done' || r?.status === 'failed',
      20_000,
      `the row of ${externalUserId} to settle`,
    ) as Promise<InboxRow>;
  }

  it('retries with backoff, then marks the row failed with the error; a replay then processes it', async () => {
    let fail = true;
    const s = await scan(a, configA, () => (fail ? new Error('WeCom said no') : null));
    const row = await settledRow(a, s.externalUserId);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.error).toContain('WeCom said no');
    expect(handler.calls.get(row.id)).toBe(3);

    const seen = await sys.http().get(`/api/v1/inbox/${row.id}`).set(admin(a)).expect(200);
    expect(seen.body).toMatchObject({ id: row.id, status: 'failed', type: 'add_external_contact', attempts: 3 });
    expect(seen.body.error).toContain('WeCom said no');

    fail = false;
    const replay = await sys.http().post(`/api/v1/inbox/${row.id}/replay`).set(admin(a));
    expect(replay.status).toBe(200);
    const done = await until(async () => (await sys.http().get(`/api/v1/inbox/${row.id}`).set(admin(a))).body, (r) => r.status === 'done', 10_000, 'replay');
    expect(done).toMatchObject({ status: 'done', result: 'done', error: null, attempts: 4 });
    expect(handler.calls.get(row.id)).toBe(4);
  });

  it('a failure that clears on the next try ends done, and processDelivery sees it', async () => {
    let calls = 0;
    const s = await scan(a, configA, () => (++calls === 1 ? new Error('blip') : null));
    await processDelivery(sys, a, s.deliveryId);
    const row = await settledRow(a, s.externalUserId);
    expect(row).toMatchObject({ status: 'done', attempts: 2, error: null });
  });

  it('a permanent failure is not retried, and processDelivery reports the row’s error', async () => {
    const s = await scan(a, configA, () => new PermanentError('tenant is gone'));
    await expect(processDelivery(sys, a, s.deliveryId)).rejects.toThrow(/failed: .*tenant is gone/);
    const row = await settledRow(a, s.externalUserId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('lists with filters and pages; replays a filtered set of failed rows', async () => {
    const list = await sys.http().get('/api/v1/inbox').query({ status: 'failed', type: 'add_external_contact' }).set(admin(a)).expect(200);
    expect(list.body.total).toBe(1); // the permanent failure (the other was replayed)
    expect(list.body.items.every((i: InboxRow) => i.status === 'failed')).toBe(true);

    const all = await sys.http().get('/api/v1/inbox').query({ pageSize: 2, page: 1 }).set(admin(a)).expect(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);
    const future = await sys.http().get('/api/v1/inbox').query({ from: new Date(Date.now() + 60_000).toISOString() }).set(admin(a)).expect(200);
    expect(future.body.total).toBe(0);
    const past = await sys.http().get('/api/v1/inbox').query({ to: new Date(Date.now() - 3_600_000).toISOString() }).set(admin(a)).expect(200);
    expect(past.body.total).toBe(0);

    failing.clear();
    const replay = await sys.http().post('/api/v1/inbox/replay').send({ type: 'add_external_contact' }).set(admin(a));
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ replayed: 1 }); // failed ones only, by default
    await until(
      async () => (await sys.http().get('/api/v1/inbox').query({ status: 'failed' }).set(admin(a))).body.total,
      (n) => n === 0,
      10_000,
      'no failed rows left',
    );
  });

  it('keeps tenants apart: A cannot see or replay B’s rows', async () => {
    const s = await scan(b, configB);
    await processDelivery(sys, b, s.deliveryId);
    const [bRow] = await inboxRows(sys, b.id);
    expect((await sys.http().get(`/api/v1/inbox/${bRow.id}`).set(admin(a))).status).toBe(404);
    expect((await sys.http().post(`/api/v1/inbox/${bRow.id}/replay`).set(admin(a))).status).toBe(404);
    const aList = await sys.http().get('/api/v1/inbox').query({ pageSize: 200 }).set(admin(a)).expect(200);
    expect(aList.body.items.map((i: InboxRow) => i.id)).not.toContain(bRow.id);
    const bList = await sys.http().get('/api/v1/inbox').set(admin(b)).expect(200);
    expect(bList.body.items.map((i: InboxRow) => i.id)).toEqual([bRow.id]);
    // A's bulk replay of everything done touches none of B's rows.
    const before = handler.calls.get(bRow.id);
    await sys.http().post('/api/v1/inbox/replay').send({ status: 'done' }).set(admin(a)).expect(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(handler.calls.get(bRow.id)).toBe(before);
  });

  it('a viewer may read but not replay; anonymous callers get 401', async () => {
    const viewer = await userWithRole(sys, a, 'viewer');
    const [row] = await inboxRows(sys, a.id);
    expect((await sys.http().get('/api/v1/inbox').set(viewer)).status).toBe(200);
    expect((await sys.http().get(`/api/v1/inbox/${row.id}`).set(viewer)).status).toBe(200);
    expect((await sys.http().post(`/api/v1/inbox/${row.id}/replay`).set(viewer)).status).toBe(403);
    expect((await sys.http().post('/api/v1/inbox/replay').send({}).set(viewer)).status).toBe(403);
    expect((await sys.http().get('/api/v1/inbox')).status).toBe(401);
  });

  it.each([
    ['GET', '/api/v1/inbox?status=lost', 'status'],
    ['GET', '/api/v1/inbox?pageSize=1000', 'pageSize'],
    ['GET', '/api/v1/inbox?page=0', 'page'],
    ['GET', '/api/v1/inbox?from=yesterday', 'from'],
    ['GET', '/api/v1/inbox?type=DROP%20TABLE', 'type'],
    ['GET', '/api/v1/inbox/not-a-uuid', 'uuid'],
    ['POST', '/api/v1/inbox/replay', 'status'],
  ])('%s %s → 400 naming %s', async (method, path, field) => {
    const req = method === 'GET' ? sys.http().get(path) : sys.http().post(path).send({ status: 'received' });
    const res = await req.set(admin(a));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });

  it('a missing id → 404 on replay too', async () => {
    expect((await sys.http().post(`/api/v1/inbox/${randomUUID()}/replay`).set(admin(a))).status).toBe(404);
  });
});
