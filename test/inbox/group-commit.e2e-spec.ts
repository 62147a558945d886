import { INTAKE_WRITES_IN_FLIGHT, InboxIntakeWriter, InboxJobs, InboxRowRef, InboxStore } from '@scrm/core';
import { AppConfig, JobName, JobQueue } from '@scrm/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { inboxRows, postCallback, signedCallback, unknownEventXml, until } from './support/inbox-helpers';

jest.setTimeout(120_000);

/**
 * Intake's group commit: callbacks that arrive while the inserts allowed in flight are busy are stored by the next
 * insert together. Each spec holds the first inserts on a table lock, so everything sent meanwhile lands in one batch.
 */
describe('callback intake writes concurrent callbacks in one batch', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let saves: jest.SpyInstance;
  let batches: number[];
  let queued: InboxRowRef[];

  beforeAll(async () => {
    sys = await startSystem(); // no worker: jobs stay in the queue to be counted
    tenant = await createTenant(sys);
    saves = jest.spyOn(sys.api.get(InboxIntakeWriter), 'save');
    const store = sys.api.get(InboxStore);
    const insertMany = store.insertMany.bind(store);
    jest.spyOn(store, 'insertMany').mockImplementation((rows) => (batches.push(rows.length), insertMany(rows)));
    const jobs = sys.api.get(InboxJobs);
    const enqueue = jobs.enqueue.bind(jobs);
    jest.spyOn(jobs, 'enqueue').mockImplementation((refs) => (queued.push(...refs), enqueue(refs)));
  });
  beforeEach(() => {
    saves.mockClear();
    [batches, queued] = [[], []];
  });
  afterAll(async () => {
    // No worker ran: take this spec's jobs out of the queue, which later specs in this Redis prefix count.
    const queue = sys.api.get(JobQueue).queue(JobName.ProcessInboxEvent);
    const mine = (await queue.getJobs(['waiting', 'delayed'])).filter((j) => j?.data.tenantId === tenant.id);
    await Promise.all(mine.map((j) => j.remove()));
    await sys.close();
  });

  let serial = 0;
  const newEvent = () => unknownEventXml(tenant.corpId, 1_700_000_000 + ++serial);
  /** A delivery of the event: a new envelope (nonce) each time, as WeCom's re-deliveries are. */
  const deliver = (xml: string) => {
    const { query, body } = signedCallback(tenant, xml);
    return postCallback(sys, tenant.id, query, body).then((res) => res.status);
  };
  const rowsOf = async () => sys.api.get(DataSource).query(`SELECT id, xml FROM inbox_events WHERE tenant_id = $1`, [tenant.id]);
  const jobIdsInRedis = async () => {
    const jobs = await sys.api.get(JobQueue).queue(JobName.ProcessInboxEvent).getJobs(['waiting', 'delayed', 'active']);
    // getJobs answers null for a job removed while it reads (another spec's, finishing): skip those.
    return jobs.filter((j) => j?.data.tenantId === tenant.id).map((j) => String(j.id));
  };

  /**
   * Sends `first` (one delivery per insert allowed in flight) while the table is locked, so those inserts wait in
   * flight; then `rest` (they queue up behind them); then releases the lock: `rest` go to Postgres as one batch.
   * Resolves with the HTTP status of each delivery.
   */
  async function behindBusyInserts(first: string[], rest: string[]): Promise<{ first: number[]; rest: number[] }> {
    expect(first).toHaveLength(INTAKE_WRITES_IN_FLIGHT);
    const lock = new Client({ ...pgConfig(sys), application_name: 'group-commit-spec' });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE inbox_events IN SHARE MODE');
      const firstStatus = Promise.all(first.map(deliver));
      await until(() => insertsWaitingOnLock(sys), (n) => n === first.length, 10_000, 'the first inserts to wait on the lock');
      const restStatus = Promise.all(rest.map(deliver));
      await until(async () => saves.mock.calls.length, (n) => n === first.length + rest.length, 30_000, 'every callback to reach the writer');
      await lock.query('COMMIT');
      return { first: await firstStatus, rest: await restStatus };
    } finally {
      await lock.end();
    }
  }

  it('200 concurrent deliveries with copies and re-deliveries: one row and one job per event, every one answered 200', async () => {
    const stored = Array.from({ length: 20 }, newEvent);
    for (const xml of stored) expect(await deliver(xml)).toBe(200);
    const before = await rowsOf();
    expect(before).toHaveLength(20);
    [batches, queued] = [[], []];
    saves.mockClear();

    const first = Array.from({ length: INTAKE_WRITES_IN_FLIGHT }, newEvent);
    const fresh = Array.from({ length: 155 }, newEvent);
    // 24 events twice in the same batch, and 20 events stored before: 199 deliveries behind the first ones.
    const rest = [...fresh, ...fresh.slice(0, 24), ...stored];
    const answers = await behindBusyInserts(first, rest);

    expect(answers.first.filter((s) => s !== 200)).toEqual([]);
    expect(answers.rest.filter((s) => s !== 200)).toEqual([]);
    expect(batches).toEqual([...first.map(() => 1), 199]);
    const rows = await rowsOf();
    expect(rows).toHaveLength(20 + first.length + 155);
    expect(new Set(rows.map((r: { xml: string }) => r.xml)).size).toBe(rows.length);
    // Queued: exactly the new rows, once each; nothing for the copies and re-deliveries.
    const newIds = rows.map((r: { id: string }) => r.id).filter((id: string) => !before.some((b: { id: string }) => b.id === id));
    expect(queued.map((q) => q.inboxId).sort()).toEqual([...newIds].sort());
    expect(queued.every((q) => q.tenantId === tenant.id && q.welcome === false)).toBe(true);
    const inRedis = await until(jobIdsInRedis, (ids) => ids.length >= rows.length, 10_000, 'every job in Redis');
    expect(inRedis.sort()).toEqual(rows.map((r: { id: string }) => r.id).sort());
  });

  it('an insert that fails mid-batch answers 503 to every callback of the batch, stores and queues none of them', async () => {
    const db = sys.api.get(DataSource);
    // A real failure inside Postgres, raised by one row of the batch: the whole statement rolls back.
    await db.query(`CREATE FUNCTION group_commit_spec_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.xml LIKE '%poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER group_commit_spec_poison BEFORE INSERT ON inbox_events FOR EACH ROW EXECUTE FUNCTION group_commit_spec_poison()`);
    try {
      const before = (await rowsOf()).length;
      const good = Array.from({ length: 29 }, newEvent);
      const poison = newEvent().replace('something_new', 'poison');
      const first = Array.from({ length: INTAKE_WRITES_IN_FLIGHT }, newEvent);
      const answers = await behindBusyInserts(first, [...good.slice(0, 15), poison, ...good.slice(15)]);

      expect(answers.first.filter((s) => s !== 200)).toEqual([]);
      expect(answers.rest).toEqual(Array(30).fill(503));
      expect(batches).toEqual([...first.map(() => 1), 30]);
      const rows = await rowsOf();
      expect(rows).toHaveLength(before + first.length);
      const firstIds = rows.filter((r: { xml: string }) => first.includes(r.xml)).map((r: { id: string }) => r.id);
      expect(firstIds).toHaveLength(first.length);
      expect(queued.map((q) => q.inboxId).sort()).toEqual(firstIds.sort());

      // WeCom retries what got no 200: the good events are stored then.
      const retried = await Promise.all(good.map(deliver));
      expect(retried.filter((s) => s !== 200)).toEqual([]);
      expect(await rowsOf()).toHaveLength(before + first.length + 29);
    } finally {
      await db.query(`DROP TRIGGER group_commit_spec_poison ON inbox_events`);
      await db.query(`DROP FUNCTION group_commit_spec_poison()`);
    }
  });

  it('a callback alone is written at once, in a batch of its own', async () => {
    expect(await deliver(newEvent())).toBe(200);
    expect(batches).toEqual([1]);
    expect(queued).toHaveLength(1);
    expect((await inboxRows(sys, tenant.id)).some((r) => r.id === queued[0].inboxId)).toBe(true);
  });
});

function pgConfig(sys: TestSystem) {
  const env = sys.api.get(AppConfig).env;
  return { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, database: env.DB_NAME };
}

/** Inserts into inbox_events blocked by a lock. Asked outside the lock's transaction: inside, pg_stat_activity is a snapshot. */
async function insertsWaitingOnLock(sys: TestSystem): Promise<number> {
  const rows = await sys.api.get(DataSource).query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO inbox_events%'`,
  );
  return rows[0].n;
}
