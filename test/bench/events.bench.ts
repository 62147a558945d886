// `npm run bench -- events`: behaviour event ingestion through the real api (and a worker evaluating one enabled
// threshold rule incrementally, as in production): BENCH_EVENTS_CLIENTS concurrent clients POST /api/v1/events in
// batches of 1,000 (customers named by external_userid) until BENCH_EVENTS total events are sent, against
// BENCH_CUSTOMERS pre-seeded customers. Writes test/bench/results/events.json.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { spawnEntry, Spawned, waitFor } from '../support/spawn-process';
import { freePort, freshBenchStore } from './support/bench-setup';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const TOTAL = Number(process.env.BENCH_EVENTS ?? 200_000);
const CLIENTS = Number(process.env.BENCH_EVENTS_CLIENTS ?? 4);
const BATCH = 1_000;
const TARGET = 5_000;
const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef';
const TYPES = ['view', 'view', 'view', 'login', 'purchase'];
const ITEMS = ['shoes', 'bags', 'hats', 'coats', 'socks'];

const env: Record<string, string> = {
  NODE_ENV: 'production',
  DB_NAME: process.env.BENCH_DB_NAME ?? 'scrm_bench_events',
  REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? 'scrm-bench-events',
  LOG_LEVEL: 'silent',
  SECRETS_KEY: randomBytes(32).toString('base64'),
  PLATFORM_OPERATOR_TOKEN: OPERATOR_TOKEN,
  WECOM_DEMO: 'off',
};

async function main(): Promise<void> {
  const config = await freshBenchStore(env);
  const children: Spawned[] = [];
  const db = new Client({ host: config.env.DB_HOST, port: config.env.DB_PORT, user: config.env.DB_USER, database: config.env.DB_NAME });
  await db.connect();
  try {
    const apiPort = await freePort();
    const api = `http://127.0.0.1:${apiPort}`;
    children.push(spawnEntry('apps/api/src/main.ts', { ...env, PORT: String(apiPort) }));
    children.push(spawnEntry('apps/worker/src/main.ts', env));
    await waitFor(async () => (await fetch(`${api}/health`).catch(() => null))?.ok === true, 180_000, 'the api to start').catch((err) => {
      console.error(children[0].stderr().slice(-2_000));
      throw err;
    });

    const { tenantId, auth } = await setUp(api);
    await db.query(
      `INSERT INTO customers (tenant_id, external_user_id, name, first_seen_at, last_seen_at)
       SELECT $1, 'c' || i, 'Customer ' || i, now(), now() FROM generate_series(0, $2 - 1) AS i`,
      [tenantId, CUSTOMERS],
    );
    const rule = await post(`${api}/api/v1/tag-rules`, {
      name: 'VIP',
      definition: { kind: 'threshold', eventType: 'purchase', measure: 'sum', property: 'amount', windowDays: 30, op: '>=', value: 200, tag: 'VIP' },
    }, auth);
    await post(`${api}/api/v1/tag-rules/${rule.id}/enable`, {}, auth);
    // Warm-up batch (first requests compile validators, open pool connections), not counted.
    await post(`${api}/api/v1/events`, { events: batch('warm', 0) }, auth);

    const batches = Math.ceil(TOTAL / BATCH);
    let next = 0;
    const latencies: number[] = [];
    let accepted = 0;
    let failures = 0;
    const cpuBefore = children.map((c) => cpuMs(c.pid));
    const pgBefore = await postgresCpu(db, config.env.DB_NAME);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let b = next++; b < batches; b = next++) {
          const t0 = Date.now();
          try {
            const res = await post(`${api}/api/v1/events`, { events: batch('run', b) }, auth);
            accepted += res.accepted;
          } catch {
            failures++;
          }
          latencies.push(Date.now() - t0);
        }
      }),
    );
    const ended = Date.now();
    const [apiCpu, workerCpu] = children.map((c, i) => cpuMs(c.pid) - cpuBefore[i]);
    const pgAfter = await postgresCpu(db, config.env.DB_NAME);
    const pgCpu = [...pgAfter].reduce((sum, [pid, ms]) => sum + ms - (pgBefore.get(pid) ?? 0), 0);
    const seconds = (ended - started) / 1000;
    const lag = await evaluationLag(config.redis, tenantId, ended);
    const stored = Number((await db.query(`SELECT count(*)::int AS n FROM customer_events WHERE tenant_id = $1 AND idempotency_key LIKE 'run-%'`, [tenantId])).rows[0].n);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const rate = Math.round(accepted / seconds);
    const rows = [
      {
        metric: `event ingestion (events/s), ${CLIENTS} clients × batches of ${BATCH}, ${CUSTOMERS.toLocaleString('en')} customers, one rule evaluated incrementally`,
        measured: rate.toLocaleString('en'),
        reference: `target ≥ ${TARGET.toLocaleString('en')}`,
        verdict: rate >= TARGET ? 'pass' : 'FAIL',
      },
      { metric: 'batch latency p50 / p99 (ms)', measured: `${pct(50)} / ${pct(99)}`, reference: '' },
      {
        metric: 'CPU per 1,000 events: api / worker / Postgres backends (ms)',
        measured: [apiCpu, workerCpu, pgCpu].map((ms) => ((ms * BATCH) / (batches * BATCH)).toFixed(0)).join(' / '),
        reference: `all three on 2 idle cores: ≈ ${Math.round((2_000 * batches * BATCH) / (apiCpu + workerCpu + pgCpu)).toLocaleString('en')} events/s (load generator not counted)`,
      },
      { metric: 'incremental rule evaluation done after the last batch (s)', measured: lag === null ? 'not within 120 s' : lag.toFixed(1), reference: 'TAG_RULES_DEBOUNCE_MS 1,000' },
      { metric: 'events accepted / stored / sent; failed batches', measured: `${accepted} / ${stored} / ${batches * BATCH}; ${failures}`, reference: 'all equal; 0', verdict: accepted === stored && stored === batches * BATCH && failures === 0 ? 'pass' : 'FAIL' },
    ];
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'events.json'), JSON.stringify({ name: 'events', rows, raw: { rate, seconds, accepted, stored, batches, CLIENTS, CUSTOMERS } }, null, 2));
    console.table(rows);
  } finally {
    await db.end();
    children.forEach((c) => c.kill());
    await Promise.all(children.map((c) => c.exited));
  }
}

/** CPU time (user + system) a process has used, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** CPU used so far by each Postgres backend serving the benchmark's database (same machine). */
async function postgresCpu(db: Client, database: string): Promise<Map<number, number>> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database]);
  const out = new Map<number, number>();
  for (const { pid } of rows as Array<{ pid: number }>) {
    try {
      out.set(pid, cpuMs(pid));
    } catch {
      // ended between the query and the read
    }
  }
  return out;
}

/**
 * Seconds from the end of the load until the worker has evaluated every customer the events touched: the pending set
 * is empty and no incremental job waits, is delayed (debounce) or runs.
 */
async function evaluationLag(redis: object, tenantId: string, ended: number): Promise<number | null> {
  const r = new Redis({ ...redis, keyPrefix: `${env.REDIS_PREFIX}:` });
  const q = 'bull:computed-tags';
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const pending = await r.scard(`tag-rules:pending:${tenantId}`);
      const queued = (await r.llen(`${q}:wait`)) + (await r.llen(`${q}:active`));
      const delayed = (await r.zrange(`${q}:delayed`, 0, -1)).filter((id) => id.startsWith('tag-eval:')).length;
      if (pending + queued + delayed === 0) return (Date.now() - ended) / 1000;
      await new Promise((res) => setTimeout(res, 100));
    }
    return null;
  } finally {
    r.disconnect();
  }
}

/** 1,000 events over random customers: mostly views, some logins and purchases with an amount and item tags. */
function batch(prefix: string, b: number) {
  const now = Date.now();
  return Array.from({ length: BATCH }, (_, i) => {
    const n = b * BATCH + i;
    const type = TYPES[n % TYPES.length];
    return {
      idempotencyKey: `${prefix}-${n}`,
      externalUserId: `c${Math.floor(Math.random() * CUSTOMERS)}`,
      type,
      occurredAt: new Date(now - Math.floor(Math.random() * 30 * 86_400_000)).toISOString(),
      properties: { item_tags: [ITEMS[n % ITEMS.length]], touchpoint: n % 2 ? 'app' : 'web', ...(type === 'purchase' ? { amount: 10 + (n % 200) } : {}) },
    };
  });
}

async function setUp(api: string): Promise<{ tenantId: string; auth: Record<string, string> }> {
  const suffix = randomBytes(4).toString('hex');
  const admin = { email: `admin@${suffix}.bench`, password: 'correct horse battery' };
  const tenant = await post(`${api}/api/v1/platform/tenants`, {
    slug: `bench-${suffix}`, name: 'Bench', corpId: `wwbench${suffix}`, agentId: 1000002, corpSecret: `secret-${suffix}`,
    callbackToken: randomBytes(8).toString('hex'), encodingAesKey: 'a'.repeat(43),
    // No WeCom here: the tenant's first sync fails quietly against a closed port.
    apiBaseUrl: 'http://127.0.0.1:9/cgi-bin/', admin,
  }, { authorization: `Bearer ${OPERATOR_TOKEN}` });
  const login = await post(`${api}/api/v1/auth/login`, { tenant: `bench-${suffix}`, ...admin });
  return { tenantId: tenant.id, auth: { authorization: `Bearer ${login.accessToken}` } };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
