// `npm run bench -- profiles`: seeds a profile store (default 1,000,000 customers, 20,000,000 tag rows over 500 tags,
// 10,000,000 events) with set-based SQL, then measures an audience count of a three-clause rule over HTTP (target p50
// < 300 ms) and the 360° view read at 1,000 req/s for 30 s over random customers (target p99 < 20 ms).
// Sizes: BENCH_PROFILE_CUSTOMERS, BENCH_PROFILE_TAGS_PER_CUSTOMER (20), BENCH_PROFILE_EVENTS, BENCH_PROFILE_SECONDS (30),
// BENCH_PROFILE_RATE (1000), BENCH_PROFILE_HOT (10,000 customers read), BENCH_PROFILE_COUNT_RUNS (30).
// BENCH_PROFILE_KEEP=1 reuses an already seeded database (skips the seed). Writes test/bench/results/profiles.json.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AudienceRule } from '../../libs/core/src/audience/audience-rule';
import { compileRule } from '../../libs/core/src/audience/audience-compiler';
import { ANALYTIC_SETTINGS, REACHABLE_CUSTOMER } from '../../libs/core/src/audience/audience-matcher.service';
import { SqlParams } from '../../libs/core/src/audience/sql-params';
import { loadConfig } from '../../libs/platform/src';
import { spawnEntry, Spawned, waitFor } from '../support/spawn-process';
import { freePort, freshBenchStore } from './support/bench-setup';
import { pacedLoad, PacedLoadResult } from './support/paced-load';
import { cpuMicros, createBenchTenant } from './support/bench-tenant';

const CUSTOMERS = Number(process.env.BENCH_PROFILE_CUSTOMERS ?? 1_000_000);
const TAGS_PER_CUSTOMER = Number(process.env.BENCH_PROFILE_TAGS_PER_CUSTOMER ?? 20);
const EVENTS = Number(process.env.BENCH_PROFILE_EVENTS ?? CUSTOMERS * 10);
const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_PROFILE_RATE ?? 1_000);
const HOT = Math.min(CUSTOMERS, Number(process.env.BENCH_PROFILE_HOT ?? 10_000));
const COUNT_RUNS = Number(process.env.BENCH_PROFILE_COUNT_RUNS ?? 30);
const KEEP = process.env.BENCH_PROFILE_KEEP === '1';
const TAGS = 500;
/** Tags are drawn per customer from TAGS_PER_CUSTOMER disjoint slices of the catalogue, skewed to each slice's first tags. */
const SLICE = Math.floor(TAGS / Math.max(1, TAGS_PER_CUSTOMER));
const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef';
const PASSWORD = 'correct horse battery';

const env: Record<string, string> = {
  NODE_ENV: 'production',
  DB_NAME: process.env.BENCH_DB_NAME ?? 'scrm_bench_profiles',
  REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? 'scrm-bench-profiles',
  LOG_LEVEL: 'silent',
  SECRETS_KEY: process.env.BENCH_SECRETS_KEY ?? 'YmVuY2gtcHJvZmlsZXMtc2VjcmV0cy1rZXktMzJieXQ=',
  PLATFORM_OPERATOR_TOKEN: OPERATOR_TOKEN,
};

async function main(): Promise<void> {
  Object.assign(process.env, env);
  const config = KEEP ? loadConfig() : await freshBenchStore(env);
  const db = new Client({ host: config.env.DB_HOST, port: config.env.DB_PORT, user: config.env.DB_USER, database: config.env.DB_NAME });
  await db.connect();
  const children: Spawned[] = [];
  try {
    const apiPort = await freePort();
    const api = spawnEntry('apps/api/src/main.ts', { ...env, PORT: String(apiPort) });
    children.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${apiUrl}/health`).catch(() => null))?.ok === true, 120_000, 'the api to start');

    const tenant = KEEP ? await existingTenant(db) : await createBenchTenant(apiUrl, OPERATOR_TOKEN, PASSWORD);
    const token = await login(apiUrl, tenant.slug, tenant.email);
    let seedSeconds: number | null = null;
    if (!KEEP) {
      const t0 = Date.now();
      await seed(db, tenant.id);
      seedSeconds = (Date.now() - t0) / 1000;
      console.log(`seeded in ${seedSeconds.toFixed(0)} s`);
    }
    const sizes = await db.query(
      `SELECT (SELECT count(*) FROM customers)::bigint AS customers, (SELECT count(*) FROM customer_tags)::bigint AS tags,
              (SELECT count(*) FROM customer_events)::bigint AS events`,
    );

    const rule = threeClauseRule();
    const counts: number[] = [];
    let matched = 0;
    for (let i = 0; i < COUNT_RUNS + 2; i++) {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/api/v1/audiences/count`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ rule }),
      });
      if (res.status !== 200) throw new Error(`count failed: ${res.status} ${await res.text()}`);
      matched = ((await res.json()) as { count: number }).count;
      if (i >= 2) counts.push(performance.now() - t); // two warm-up runs
    }
    const countP = percentiles(counts);
    console.log(`audience count (${matched} matched): p50 ${countP.p50.toFixed(0)} ms, p99 ${countP.p99.toFixed(0)} ms`);

    const refs = (await db.query(`SELECT external_user_id FROM customers WHERE tenant_id = $1 ORDER BY random() LIMIT $2`, [tenant.id, HOT])).rows.map(
      (r) => r.external_user_id as string,
    );
    const cold = await coldReads(apiUrl, token, refs.slice(0, 200));
    const pick = () => `/api/v1/customers/${refs[Math.floor(Math.random() * refs.length)]}/profile`;
    await prewarm(apiUrl, token, refs); // every hot customer cached once, then a short warm-up at the rate
    await load(apiUrl, token, pick, Math.min(5, SECONDS), RATE);
    const cpuBefore = cpuMicros(api.pid);
    const reads = await load(apiUrl, token, pick, SECONDS, RATE);
    const cpuPerRead = (cpuMicros(api.pid) - cpuBefore) / Math.max(1, reads.total);

    const rows = [
      { metric: 'seed: customers / tag rows / events', measured: `${sizes.rows[0].customers} / ${sizes.rows[0].tags} / ${sizes.rows[0].events}`, reference: `asked ${CUSTOMERS} / ${CUSTOMERS * TAGS_PER_CUSTOMER} / ${EVENTS}` },
      { metric: 'seed time (s, set-based SQL, indexes built after)', measured: seedSeconds === null ? 'reused' : seedSeconds.toFixed(0), reference: '' },
      {
        metric: `audience count, 3 clauses (ms p50 / p99 over ${COUNT_RUNS} runs, ${matched} matched)`,
        measured: `${countP.p50.toFixed(0)} / ${countP.p99.toFixed(0)}`,
        reference: 'target p50 < 300',
        verdict: countP.p50 < 300 ? 'pass' : 'FAIL',
      },
      {
        metric: `profile read at ${RATE}/s for ${SECONDS} s over ${HOT} cached customers (ms p50 / p99)`,
        measured: `${reads.p50} / ${reads.p99}`,
        reference: 'target p99 < 20 (open loop, evenly paced)',
        verdict: reads.p99 < 20 && reads.errors === 0 && reads.rps >= RATE * 0.95 ? 'pass' : 'FAIL',
      },
      { metric: 'profile read achieved rate (req/s) / errors', measured: `${fmt(reads.rps)} / ${reads.errors}`, reference: `${RATE} / 0` },
      { metric: 'api CPU per profile read (µs)', measured: fmt(cpuPerRead), reference: '' },
      { metric: 'uncached profile read, one at a time (ms p50 / p99, 200 customers)', measured: `${cold.p50.toFixed(1)} / ${cold.p99.toFixed(1)}`, reference: 'first read of a customer after a change' },
    ];
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ name: 'profiles', rows, raw: { rule, counts, sizes: sizes.rows[0], CUSTOMERS, EVENTS } }, null, 2));
    console.table(rows);
    console.log(await explain(db, tenant.id, rule));
  } finally {
    await db.end();
    children.forEach((c) => c.kill());
    await Promise.all(children.map((c) => c.exited));
  }
}

/**
 * The store, set-based: ids derived from the row number (md5 → uuid), so the tables can be filled in any order.
 * Secondary indexes and primary keys of the big tables are dropped first and built once at the end (much faster than
 * maintaining them row by row), then ANALYZE and VACUUM (index-only scans need the visibility map).
 */
async function seed(db: Client, tenantId: string): Promise<void> {
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await db.query(sql, params);
    console.log(`  ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(`SET synchronous_commit = off`);
  // The reachability triggers would update a customer per relationship row (without indexes, mid-seed): the seed
  // writes customers.active_relationships itself, consistent with the relationships it inserts.
  await db.query(`SET session_replication_role = replica`);
  const indexes = (
    await db.query(
      `SELECT indexname, indexdef, (SELECT conname FROM pg_constraint WHERE conindid = (quote_ident(schemaname) || '.' || quote_ident(indexname))::regclass) AS constraint_name
         FROM pg_indexes WHERE tablename IN ('customers', 'customer_tags', 'customer_events', 'customer_event_stats', 'relationships') AND schemaname = 'public'`,
    )
  ).rows as Array<{ indexname: string; indexdef: string; constraint_name: string | null }>;
  for (const ix of indexes) {
    const table = /ON public\.(\w+)/.exec(ix.indexdef)![1];
    await db.query(ix.constraint_name ? `ALTER TABLE ${table} DROP CONSTRAINT "${ix.constraint_name}"` : `DROP INDEX "${ix.indexname}"`);
  }
  await step('tag groups and 500 tags',
    `WITH g AS (INSERT INTO tag_groups (tenant_id, name, kind) SELECT $1, 'group ' || i, 'manual' FROM generate_series(0, 19) i RETURNING id, name)
     INSERT INTO tags (tenant_id, id, group_id, name, kind)
     SELECT $1, md5('tag' || i)::uuid, (SELECT id FROM g WHERE g.name = 'group ' || (i / 25)), 'tag ' || i, 'manual' FROM generate_series(0, ${TAGS - 1}) i`,
    [tenantId]);
  await step('50 staff members', `INSERT INTO staff_members (tenant_id, user_id, name, status, follow_user) SELECT $1, 'u' || i, 'Staff ' || i, 1, true FROM generate_series(0, 49) i`, [tenantId]);
  await step(`${CUSTOMERS} customers`,
    `INSERT INTO customers (tenant_id, id, external_user_id, name, gender, type, first_seen_at, last_seen_at, attributes, active_relationships)
     SELECT $1, md5('c' || i)::uuid, 'wmbench' || i, 'Customer ' || i, i % 3, 1, now() - (i % 730) * interval '1 day', now(),
            jsonb_build_object('city', (ARRAY['Beijing','Shanghai','Shenzhen','Hangzhou'])[1 + i % 4], 'score', i % 100),
            CASE WHEN i % 20 = 0 THEN 0 ELSE 1 END
       FROM generate_series(1, $2) i`,
    [tenantId, CUSTOMERS]);
  await step(`${CUSTOMERS} relationships (5% deleted)`,
    `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at, added_at, add_way, remark)
     SELECT $1, 'u' || (i % 50), 'wmbench' || i, CASE WHEN i % 20 = 0 THEN 'deleted_by_customer' ELSE 'active' END,
            now() - (i % 730) * interval '1 day', now() - (i % 730) * interval '1 day', 1, ''
       FROM generate_series(1, $2) i`,
    [tenantId, CUSTOMERS]);
  await step(`${CUSTOMERS * TAGS_PER_CUSTOMER} customer tags`,
    `INSERT INTO customer_tags (tenant_id, customer_id, tag_id, weight, source, set_at)
     SELECT $1, md5('c' || i)::uuid, md5('tag' || ((k * ${SLICE}) + floor(${SLICE} * power(random(), 2))::int))::uuid, round(random()::numeric, 2), 'bulk', now()
       FROM generate_series(1, $2) i, generate_series(0, ${TAGS_PER_CUSTOMER - 1}) k`,
    [tenantId, CUSTOMERS]);
  await step(`${EVENTS} events`,
    `INSERT INTO customer_events (tenant_id, customer_id, type, occurred_at, properties, idempotency_key, received_at)
     SELECT $1, md5('c' || (1 + floor(random() * $2)::int))::uuid, t.type, now() - random() * interval '90 days',
            CASE WHEN t.type = 'purchase' THEN jsonb_build_object('amount', floor(random() * 500)) ELSE '{}'::jsonb END, 'e' || i, now()
       FROM generate_series(1, $3) i
       CROSS JOIN LATERAL (SELECT (ARRAY['view','view','login','purchase'])[1 + (i % 4)] AS type) t`,
    [tenantId, CUSTOMERS, EVENTS]);
  // The trigger that keeps the per-type summary is off with the others (replica role): filled once, as the migration does.
  await step('customer event stats',
    `INSERT INTO customer_event_stats (tenant_id, customer_id, type, first_at, last_at, count)
     SELECT tenant_id, customer_id, type, min(occurred_at), max(occurred_at), count(*) FROM customer_events GROUP BY 1, 2, 3`);
  for (const ix of indexes) {
    const table = /ON public\.(\w+)/.exec(ix.indexdef)![1];
    const columns = /\((.*)\)/.exec(ix.indexdef)![1];
    await step(
      `index ${ix.indexname}`,
      ix.constraint_name ? `ALTER TABLE ${table} ADD CONSTRAINT "${ix.constraint_name}" PRIMARY KEY (${columns})` : ix.indexdef,
    );
  }
  await db.query(`SET session_replication_role = DEFAULT`);
  await step('vacuum analyze', `VACUUM ANALYZE customers, relationships, customer_tags, customer_events, customer_event_stats`);
}

/** Most popular tag of slice 0 and not the most popular of slice 1, with a purchase in the last 30 days. */
function threeClauseRule(): AudienceRule {
  const tag = (i: number) => uuidOfMd5(`tag${i}`);
  return {
    and: [{ tag: tag(0) }, { not: { tag: tag(SLICE) } }, { event: 'purchase', measure: 'count', withinDays: 30, op: 'gte', value: 1 }],
  };
}

/** Postgres' md5(text)::uuid. */
function uuidOfMd5(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The plan of the count the api runs (the same compiler), for the record. */
async function explain(db: Client, tenantId: string, rule: AudienceRule): Promise<string> {
  const params = new SqlParams();
  const tenant = params.add(tenantId, 'uuid');
  const predicate = compileRule(rule, { tenant, params, attributes: new Map(), now: new Date() });
  await db.query('BEGIN');
  try {
    await db.query(ANALYTIC_SETTINGS);
    const { rows } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM customers c WHERE c.tenant_id = ${tenant} AND ${REACHABLE_CUSTOMER} AND ${predicate}`,
      params.values,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.query('ROLLBACK');
  }
}

async function existingTenant(db: Client): Promise<{ id: string; slug: string; email: string }> {
  const { rows } = await db.query(`SELECT t.id, t.slug, u.email FROM tenants t JOIN users u ON u.tenant_id = t.id ORDER BY t.created_at LIMIT 1`);
  if (!rows[0]) throw new Error('BENCH_PROFILE_KEEP=1 but the database has no tenant: run once without it');
  return rows[0];
}

async function login(apiUrl: string, tenant: string, email: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function coldReads(apiUrl: string, token: string, refs: string[]): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (const ref of refs) {
    const t = performance.now();
    const res = await fetch(`${apiUrl}/api/v1/customers/${ref}/profile`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`profile failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return percentiles(times);
}

/** Reads every hot customer once, 16 at a time, so the measured run reads cached views. */
async function prewarm(apiUrl: string, token: string, refs: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < refs.length) {
        const res = await fetch(`${apiUrl}/api/v1/customers/${refs[next++]}/profile`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
      }
    }),
  );
}

/** Reads at an even `rate` (open loop, see paced-load.ts), each a random hot customer. */
function load(apiUrl: string, token: string, pick: () => string, seconds: number, rate: number): Promise<PacedLoadResult> {
  return pacedLoad({ url: apiUrl, rate, seconds, headers: { authorization: `Bearer ${token}` }, next: () => ({ path: pick() }) });
}

function percentiles(xs: number[]): { p50: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
