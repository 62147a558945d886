// Dev helper (not a benchmark): profile reads against an api already running on BENCH_API_URL over the kept profiles
// database; prints achieved rate, latency and, when BENCH_API_PID is given, api CPU per read.
import { Client } from 'pg';
import { cpuMicros } from './bench-tenant';
import { pacedLoad } from './paced-load';

async function main(): Promise<void> {
  const apiUrl = process.env.BENCH_API_URL ?? 'http://127.0.0.1:3900';
  const pid = process.env.BENCH_API_PID ? Number(process.env.BENCH_API_PID) : undefined;
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: process.env.BENCH_DB_NAME ?? 'scrm_bench_profiles' });
  await db.connect();
  const { rows: [t] } = await db.query(`SELECT t.id, t.slug, u.email FROM tenants t JOIN users u ON u.tenant_id = t.id ORDER BY t.created_at LIMIT 1`);
  const refs = (await db.query(`SELECT external_user_id FROM customers WHERE tenant_id = $1 ORDER BY id LIMIT 2000`, [t.id])).rows.map((r) => r.external_user_id);
  await db.end();
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: t.slug, email: t.email, password: 'correct horse battery' }) });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  for (const ref of refs) await (await fetch(`${apiUrl}/api/v1/customers/${ref}/profile`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
  const before = cpuMicros(pid);
  const r = await pacedLoad({
    url: apiUrl, rate: Number(process.env.BENCH_PROFILE_RATE ?? 1000), seconds: Number(process.env.BENCH_PROFILE_SECONDS ?? 10),
    headers: { authorization: `Bearer ${token}` },
    next: () => ({ path: `/api/v1/customers/${refs[Math.floor(Math.random() * refs.length)]}/profile` }),
  });
  console.log(JSON.stringify({ rate: r.rps, p50: r.p50, p99: r.p99, errors: r.errors, cpuPerReadUs: pid ? Math.round((cpuMicros(pid) - before) / r.total) : null }));
}
main().catch((e) => { console.error(e); process.exit(1); });
