// `npm run bench -- sop`: BENCH_SOP_ENROLMENTS customers (default 100,000) enrolled by one scheduled SOP whose only
// step is due at the firing minute, through the real system (api + worker + wecom-sim as processes). Measures the time
// from the firing to the last add_msg_template answered (target < 60 s) and counts WeCom calls against the minimum the
// limits allow (per member: ceil(customers / 10,000) add_msg_template calls). Writes test/bench/results/sop.json.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../support/spawn-process';
import { benchEnv, freshBenchStore, startBenchProcesses, stopAll } from './support/bench-setup';
import { get, post } from './support/bench-http';

const ENROLMENTS = Number(process.env.BENCH_SOP_ENROLMENTS ?? 100_000);
const MEMBERS = Number(process.env.BENCH_SOP_MEMBERS ?? 20);
const WORKERS = Number(process.env.BENCH_SOP_WORKERS ?? 1);
const TARGET_MS = 60_000;
const PER_CALL = 10_000;
const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef';

const env = benchEnv('sop', OPERATOR_TOKEN);

async function main(): Promise<void> {
  await freshBenchStore(env);
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: env.DB_NAME });
  await db.connect();
  const { sim, api, children } = await startBenchProcesses(env, WORKERS);
  try {

    const { corpId, auth, tenantId } = await setUp(api, sim);

    // Fire at the first minute boundary at least 15 s away: the worker's tick runs on the minute.
    const fireAt = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
    const sop = await post(`${api}/api/v1/sops`, {
      name: 'Bench', target: 'customer', trigger: { type: 'once', at: fireAt.toISOString() },
      steps: [{ offset: { amount: 0, unit: 'minutes' }, delivery: 'mass_send', text: 'Hello from the bench' }],
    }, auth);
    await post(`${api}/api/v1/sops/${sop.id}/activate`, {}, auth);
    console.log(`the SOP fires at ${fireAt.toISOString()}`);

    const q = async (sql: string) => (await db.query(sql, [tenantId, sop.id])).rows[0];
    await waitFor(async () => {
      const r = await q(`SELECT count(*) FILTER (WHERE status <> 'sent')::int AS unsent, coalesce(sum(target_count), 0)::int AS targets FROM tasks WHERE tenant_id = $1 AND sop_id = $2`);
      return r.targets >= ENROLMENTS && r.unsent === 0;
    }, 10 * 60_000, 'every task sent');
    const timing = await q(`SELECT min(created_at) AS first_task, max(sent_at) AS last_sent, count(*)::int AS tasks, sum(target_count)::int AS targets FROM tasks WHERE tenant_id = $1 AND sop_id = $2`);
    const enrolled = await q(`SELECT count(*)::int AS n FROM sop_enrolments WHERE tenant_id = $1 AND sop_id = $2`);
    const perMember = (await db.query(`SELECT user_id, sum(target_count)::int AS n FROM tasks WHERE tenant_id = $1 AND sop_id = $2 GROUP BY user_id`, [tenantId, sop.id])).rows as { n: number }[];
    const minimum = perMember.reduce((s, m) => s + Math.ceil(m.n / PER_CALL), 0);
    const templates = await get(`${sim}/sim/corps/${corpId}/calls?api=externalcontact/add_msg_template&since=${fireAt.getTime()}`);
    const all = await get(`${sim}/sim/corps/${corpId}/calls?since=${fireAt.getTime()}`);
    const elapsed = new Date(timing.last_sent).getTime() - fireAt.getTime();
    const rows = [
      { metric: `firing → last add_msg_template answered (ms), ${ENROLMENTS} enrolments, ${MEMBERS} members, ${WORKERS} worker(s)`, measured: String(elapsed), reference: `target < ${TARGET_MS}`, verdict: elapsed < TARGET_MS ? 'pass' : 'FAIL' },
      { metric: 'enrolments created by the firing', measured: String(enrolled.n), reference: String(ENROLMENTS), verdict: enrolled.n === ENROLMENTS ? 'pass' : 'FAIL' },
      // The firing enrols everyone in one transaction; the first task's transaction starts right after it commits.
      { metric: 'firing → first task (ms): enrolling the audience', measured: String(new Date(timing.first_task).getTime() - fireAt.getTime()), reference: '' },
      { metric: 'tasks / targets', measured: `${timing.tasks} / ${timing.targets}`, reference: `${minimum} / ${ENROLMENTS}` },
      { metric: 'add_msg_template calls', measured: String(templates.total), reference: `minimum ${minimum} (≤10,000 customers per call per member)`, verdict: templates.total === minimum ? 'pass' : 'FAIL' },
      { metric: 'all WeCom calls since the firing', measured: `${all.total} ${JSON.stringify(all.byApi)}`, reference: '' },
    ];
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sop.json'), JSON.stringify({ name: 'sop', rows, raw: { elapsed, enrolled, timing, minimum, templates: templates.total, byApi: all.byApi } }, null, 2));
    console.table(rows);
  } finally {
    await db.end();
    await stopAll(children);
  }
}

/** A sim corp seeded with the customers, our tenant on it, and an admin session. */
async function setUp(api: string, sim: string): Promise<{ corpId: string; tenantId: string; auth: Record<string, string> }> {
  const suffix = randomBytes(4).toString('hex');
  const corpId = `wwsop${suffix}`;
  const corpSecret = `secret-${suffix}`;
  const callbackToken = randomBytes(8).toString('hex');
  const encodingAesKey = randomBytes(40).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(43, 'a').slice(0, 43);
  await post(`${sim}/sim/corps`, { corpId, corpSecret, agentId: 1000002, members: [] });
  const admin = { email: `admin@${suffix}.bench`, password: 'correct horse battery' };
  const tenant = await post(`${api}/api/v1/platform/tenants`, {
    slug: `bench-${suffix}`, name: 'Bench', corpId, agentId: 1000002, corpSecret, callbackToken, encodingAesKey,
    apiBaseUrl: `${sim}/cgi-bin/`, admin,
  }, { authorization: `Bearer ${OPERATOR_TOKEN}` });
  const login = await post(`${api}/api/v1/auth/login`, { tenant: `bench-${suffix}`, ...admin });
  const auth = { authorization: `Bearer ${login.accessToken}` };
  // The corp is still empty, so the full sync tenant creation starts ends at once; then the customers are seeded in
  // the simulator and copied into our mirror directly (a full sync of 100,000 customers is another benchmark).
  await waitFor(async () => (await get(`${api}/api/v1/sync/runs`, auth))[0]?.status === 'done', 5 * 60_000, 'the first sync');
  await post(`${sim}/sim/corps/${corpId}/seed`, { members: MEMBERS, customers: ENROLMENTS, tagGroups: 0, tags: 0, groupChats: 0 });
  await mirror(sim, corpId, tenant.id);
  return { corpId, tenantId: tenant.id, auth };
}

/** Customers and relationships as a full sync would have written them. */
async function mirror(sim: string, corpId: string, tenantId: string): Promise<void> {
  const rels: { userid: string; external_userid: string; createtime: number; customerName?: string }[] = await get(`${sim}/sim/corps/${corpId}/relationships`);
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: env.DB_NAME });
  await db.connect();
  try {
    const customers = new Map(rels.map((r) => [r.external_userid, r.customerName ?? '']));
    await db.query(
      `INSERT INTO customers (tenant_id, external_user_id, name, first_seen_at, last_seen_at)
       SELECT $1, e, n, now(), now() FROM unnest($2::varchar[], $3::varchar[]) AS x(e, n)`,
      [tenantId, [...customers.keys()], [...customers.values()]],
    );
    await db.query(
      `INSERT INTO relationships (tenant_id, user_id, external_user_id, added_at, status, status_at)
       SELECT $1, u, e, to_timestamp(t), 'active', to_timestamp(t) FROM unnest($2::varchar[], $3::varchar[], $4::bigint[]) AS x(u, e, t)`,
      [tenantId, rels.map((r) => r.userid), rels.map((r) => r.external_userid), rels.map((r) => r.createtime)],
    );
    await db.query('ANALYZE customers; ANALYZE relationships');
  } finally {
    await db.end();
  }
  console.log(`seeded ${new Set(rels.map((r) => r.external_userid)).size} customers (${rels.length} relationships) over ${MEMBERS} members`);
}


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
