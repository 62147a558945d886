import { INestApplicationContext } from '@nestjs/common';
import { AppConfig, JobName, JobQueue } from '@scrm/platform';
import { InboxStore, SweepCursor } from '@scrm/core';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { InboxSweeper } from '../../apps/worker/src/inbox/inbox-sweeper.service';
import { deleteRedisKeys } from '../support/global-setup';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { RecordingHandler } from './support/recording-handler';
import { contactWay, inboxRows, until } from './support/inbox-helpers';

jest.setTimeout(90_000);

describe('Redis loses the queue between intake and processing: the sweeper recovers every event', () => {
  const handler = new RecordingHandler();
  let sys: TestSystem;
  let worker: INestApplicationContext | undefined;
  let tenant: SimTenant;

  beforeAll(async () => {
    process.env.INBOX_SWEEP_AFTER_MINUTES = '0';
    sys = await startSystem({ sim: true }); // no worker yet: events stay queued
    tenant = await createSimTenant(sys);
  });
  afterAll(async () => {
    await worker?.close();
    await sys.close();
    delete process.env.INBOX_SWEEP_AFTER_MINUTES;
  });

  it('stores and answers every callback, loses the jobs to a flush, and still processes each event once', async () => {
    const configId = await contactWay(sys, tenant);
    for (let i = 0; i < 25; i++) {
      const scan = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan?wait=true`).send({ configId });
      expect(scan.body.firstAttempt).toMatchObject({ status: 200 });
    }
    const queue = sys.api.get(JobQueue).queue(JobName.ProcessInboxEvent);
    await until(() => queue.getWaitingCount(), (n) => n === 25, 5_000, '25 queued jobs'); // queued just after the 200

    // Every key of this run's prefix: the queue, its jobs, everything (other runs' prefixes untouched).
    const config = sys.api.get(AppConfig);
    await deleteRedisKeys(config.redis, `${config.env.REDIS_PREFIX}:*`);
    expect(await queue.getWaitingCount()).toBe(0);

    const rows = await inboxRows(sys, tenant.id);
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.status === 'received')).toBe(true);

    // The sweeper reads unfinished rows in pages: consecutive pages neither overlap nor skip. It reads every tenant's,
    // so rows another spec left unfinished in this database (e.g. the Redis-down spec's) may share the pages.
    const store = sys.api.get(InboxStore);
    const soon = new Date(Date.now() + 1_000);
    const pages: Awaited<ReturnType<InboxStore['unfinished']>>[] = [];
    for (let cursor: SweepCursor | null = null; ; ) {
      const page = await store.unfinished(soon, cursor, 10);
      pages.push(page);
      if (page.length < 10) break;
      cursor = page[page.length - 1];
    }
    const paged = pages.flat();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(paged.map((r) => r.inboxId)).size).toBe(paged.length);
    expect(new Set(paged.filter((r) => r.tenantId === tenant.id).map((r) => r.inboxId))).toEqual(new Set(rows.map((r) => r.id)));

    worker = await createWorkerApp({ eventHandler: handler });
    // The sweeper serves every tenant: rows other specs left unfinished in this database may come along.
    expect((await worker.get(InboxSweeper).sweep()).requeued).toBeGreaterThanOrEqual(25);
    const done = await until(() => inboxRows(sys, tenant.id), (rs) => rs.every((r) => r.status === 'done'), 30_000, 'every row done');
    expect(done).toHaveLength(25);
    for (const r of done) expect(handler.calls.get(r.id)).toBe(1);
    expect(handler.callsFor(tenant.id)).toBe(25);
  });

  it('re-queues a row whose worker died holding an expired lease, but not one whose lease is live', async () => {
    const db = sys.api.get(DataSource);
    const [expired, live] = (await inboxRows(sys, tenant.id)).slice(0, 2);
    await db.query(`UPDATE inbox_events SET status = 'processing', lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.id, expired.id]);
    await db.query(`UPDATE inbox_events SET status = 'processing', lease_until = now() + interval '1 hour' WHERE tenant_id = $1 AND id = $2`, [tenant.id, live.id]);

    expect((await worker!.get(InboxSweeper).sweep()).requeued).toBeGreaterThanOrEqual(1);
    await until(async () => (await inboxRows(sys, tenant.id)).find((r) => r.id === expired.id)?.status, (s) => s === 'done', 10_000, 'expired lease row done');
    expect(handler.calls.get(expired.id)).toBe(2);
    expect(handler.calls.get(live.id)).toBe(1);
    expect((await inboxRows(sys, tenant.id)).find((r) => r.id === live.id)?.status).toBe('processing');
  });

  it('lets exactly one of many concurrent claims take a row', async () => {
    const db = sys.api.get(DataSource);
    const [row] = await inboxRows(sys, tenant.id);
    await db.query(`UPDATE inbox_events SET status = 'received', lease_until = NULL WHERE tenant_id = $1 AND id = $2`, [tenant.id, row.id]);
    const store = sys.api.get(InboxStore);
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim({ tenantId: tenant.id, inboxId: row.id }, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
