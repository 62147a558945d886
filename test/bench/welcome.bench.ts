// `npm run bench -- welcome`: welcome latency through the real system (api + worker + wecom-sim as processes):
// from the simulator sending the add callback to the simulator receiving send_welcome_msg, for a burst of
// BENCH_WELCOME_RATE adds/s over BENCH_WELCOME_SECONDS. Writes test/bench/results/welcome.json.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { until } from '../support/wait';
import { Client } from 'pg';
import { benchEnv, freshBenchStore, startBenchProcesses, stopAll } from './support/bench-setup';
import { get, post } from './support/bench-http';
import { cpuMicros } from './support/bench-tenant';

const SECONDS = Number(process.env.BENCH_WELCOME_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_WELCOME_RATE ?? 100);
const TARGET_P99_MS = 1_000;
const MAX_IN_FLIGHT = 50;
/** Worker processes (the worker scales out; Bull spreads the inbox jobs). */
const WORKERS = Number(process.env.BENCH_WELCOME_WORKERS ?? 1);
const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef';
const MEMBERS = Array.from({ length: 10 }, (_, i) => ({ userid: `m${i}`, name: `Member ${i}` }));

const env = benchEnv('welcome', OPERATOR_TOKEN);

async function main(): Promise<void> {
  await freshBenchStore(env);

  const { sim, api, children, roles } = await startBenchProcesses(env, WORKERS);
  try {
    // CPU each role spends on the burst (start-up excluded): per add, comparable however busy the machine is.
    const cpuOf = () => Object.fromEntries(Object.entries(roles).map(([role, ps]) => [role, ps.reduce((n, p) => n + cpuMicros(p.pid), 0)]));
    const { corpId, configId } = await setUp(api, sim);
    // A moment more after the worker said it started, so its first jobs are not start-up.
    await new Promise((r) => setTimeout(r, 2_000));

    const cpuBefore = cpuOf();
    const started = Date.now();
    const scans = new Set<Promise<unknown>>();
    const total = SECONDS * RATE;
    let failedScans = 0;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // At most MAX_IN_FLIGHT scan requests open: a slow simulator lowers the offered rate (reported) instead of
      // piling up sockets until connects time out.
      while (scans.size >= MAX_IN_FLIGHT) await Promise.race(scans);
      const p: Promise<unknown> = post(`${sim}/sim/corps/${corpId}/scenarios/scan`, { configId })
        .catch(() => failedScans++)
        .finally(() => scans.delete(p));
      scans.add(p);
    }
    await Promise.all(scans);
    const offeredSeconds = (Date.now() - started) / 1000;
    // Polled once a second: the list is the whole run's welcomes, and serialising it ten times a second would load the
    // simulator (and so the machine) while the last welcomes are still on their way. Latencies come from the sim's clock.
    await until(() => get(`${sim}/sim/corps/${corpId}/welcome-messages`), (w) => w.length >= total - failedScans, 60_000, 'every welcome', 1_000).catch(() => undefined);
    // The add's bookkeeping (tags, roster) trails the welcome: let it finish before the CPU is read.
    await until(() => inboxUnfinished(env.DB_NAME), (n) => n === 0, 60_000, 'every inbox event done', 500).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1_500));
    const cpuAfter = cpuOf();
    const perAdd = (role: string) => Math.round((cpuAfter[role] - cpuBefore[role]) / Math.max(1, total - failedScans));

    const latencies = await measure(sim, corpId);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const [p50, p99, max] = [pct(50), pct(99), latencies[latencies.length - 1]];
    const rows = [
      { metric: `welcome latency p50 / p99 / max (ms), ${RATE} adds/s for ${SECONDS} s, ${WORKERS} worker(s)`, measured: `${p50} / ${p99} / ${max}`, reference: `target p99 < ${TARGET_P99_MS} (WeCom allows 20,000)`, verdict: p99 < TARGET_P99_MS ? 'pass' : 'FAIL' },
      { metric: 'welcomes received / adds', measured: `${latencies.length} / ${total - failedScans}`, reference: 'every add greeted', verdict: latencies.length === total - failedScans ? 'pass' : 'FAIL' },
      { metric: 'offered add rate (adds/s)', measured: (total / offeredSeconds).toFixed(1), reference: `${RATE}` },
      { metric: 'scan requests the simulator failed', measured: String(failedScans), reference: '0' },
      { metric: 'CPU per add (µs): simulator / api / worker', measured: `${perAdd('sim')} / ${perAdd('api')} / ${perAdd('worker')}`, reference: 'sum must stay well under 20,000 (2 cores at 100 adds/s)' },
    ];
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'welcome.json'), JSON.stringify({ name: 'welcome', rows, raw: { p50, p99, max, n: latencies.length, total, cpuPerAddUs: { sim: perAdd('sim'), api: perAdd('api'), worker: perAdd('worker') } } }, null, 2));
    console.table(rows);
  } finally {
    await stopAll(children);
  }
}

async function inboxUnfinished(db: string): Promise<number> {
  return Number((await pgQuery(db, `SELECT count(*) AS n FROM inbox_events WHERE status NOT IN ('done', 'failed')`)).n);
}

async function pgQuery(db: string, sql: string): Promise<{ n: string }> {
  const c = new Client({ host: '127.0.0.1', user: 'postgres', database: db });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0];
  } finally {
    await c.end();
  }
}

/** A sim corp whose callback points at our api, its tenant, one channel over every member, one default rule. */
async function setUp(api: string, sim: string): Promise<{ corpId: string; configId: string }> {
  const suffix = randomBytes(4).toString('hex');
  const corpId = `wwbench${suffix}`;
  const corpSecret = `secret-${suffix}`;
  const callbackToken = randomBytes(8).toString('hex');
  const encodingAesKey = randomBytes(40).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(43, 'a').slice(0, 43);
  await post(`${sim}/sim/corps`, { corpId, corpSecret, agentId: 1000002, members: MEMBERS });
  const admin = { email: `admin@${suffix}.bench`, password: 'correct horse battery' };
  const tenant = await post(`${api}/api/v1/platform/tenants`, {
    slug: `bench-${suffix}`, name: 'Bench', corpId, agentId: 1000002, corpSecret, callbackToken, encodingAesKey,
    apiBaseUrl: `${sim}/cgi-bin/`, admin,
  }, { authorization: `Bearer ${OPERATOR_TOKEN}` });
  await fetch(`${sim}/sim/corps/${corpId}/callback`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${api}/wecom/callback/${tenant.id}`, token: callbackToken, encodingAESKey: encodingAesKey }),
  });
  const login = await post(`${api}/api/v1/auth/login`, { tenant: `bench-${suffix}`, ...admin });
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const channel = await post(`${api}/api/v1/channels`, { name: 'Bench fair', strategy: 'random', members: MEMBERS.map((m) => ({ userId: m.userid })) }, auth);
  await post(`${api}/api/v1/welcome/rules`, { name: 'default', text: 'Hi {customer_name|friend}, {staff_name} here from {channel_name}' }, auth);
  return { corpId, configId: channel.configId };
}

/** Per add: first callback attempt (sim clock) → send_welcome_msg received (sim clock), matched by WelcomeCode. */
async function measure(sim: string, corpId: string): Promise<number[]> {
  const deliveries: { xml: string; attempts: { at: number | string }[] }[] = await get(`${sim}/sim/corps/${corpId}/deliveries`);
  const sentAt = new Map<string, number>();
  for (const d of deliveries) {
    const code = /<WelcomeCode><!\[CDATA\[(.*?)\]\]><\/WelcomeCode>/.exec(d.xml)?.[1];
    if (code && d.attempts[0]) sentAt.set(code, new Date(d.attempts[0].at).getTime());
  }
  const welcomes: { welcome_code: string; sentAt: number | string }[] = await get(`${sim}/sim/corps/${corpId}/welcome-messages`);
  return welcomes.filter((w) => sentAt.has(w.welcome_code)).map((w) => new Date(w.sentAt).getTime() - sentAt.get(w.welcome_code)!);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
