#!/usr/bin/env node
// `npm start`: the whole system on one machine — api (PORT, 3000) and worker, and, when no real
// WeCom corp is configured, the WeCom simulator (SIM_PORT, 4000) with a seeded demo tenant.
// WECOM_DEMO=auto|on|off (default auto: demo unless an active tenant points at a real WeCom).
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const env = { ...process.env };
const port = Number(env.PORT ?? 3000);
const simPort = Number(env.SIM_PORT ?? 4000);
const apiUrl = `http://127.0.0.1:${port}`;
const simUrl = `http://127.0.0.1:${simPort}`;
const operatorToken = env.PLATFORM_OPERATOR_TOKEN ?? 'dev-operator-token-change-me-please';
const DEMO = {
  slug: 'demo',
  corpId: env.SIM_DEMO_CORP_ID ?? 'wwdemo0000000001',
  corpSecret: env.SIM_DEMO_CORP_SECRET ?? 'demo-secret',
  agentId: 1000002,
  callbackToken: 'simtoken',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  admin: { email: 'admin@demo.local', password: 'demo-password-123' },
};

const children = [];
function run(name, entry, args = []) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, entry), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping the system`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code) {
  stopping = true;
  children.forEach((c) => c.kill('SIGTERM'));
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function realCorpConfigured() {
  const db = new Client({ host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 5432), user: env.DB_USER ?? 'postgres', password: env.DB_PASSWORD || undefined, database: env.DB_NAME ?? 'scrm' });
  try {
    await db.connect();
    const { rows } = await db.query("SELECT count(*)::int AS n FROM tenants WHERE status = 'active' AND api_base_url NOT LIKE $1", [`${simUrl}%`]);
    return rows[0].n > 0;
  } catch {
    return false; // no database or no tables yet: nothing is configured
  } finally {
    await db.end().catch(() => undefined);
  }
}

async function waitFor(url, what, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not come up at ${url}`);
}

async function call(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function ensureDemoTenant() {
  const auth = { authorization: `Bearer ${operatorToken}` };
  const tenants = await call('GET', `${apiUrl}/api/v1/platform/tenants`, undefined, auth);
  let tenant = tenants.find((t) => t.slug === DEMO.slug);
  if (!tenant) {
    const { slug, admin, ...wecom } = DEMO;
    tenant = await call('POST', `${apiUrl}/api/v1/platform/tenants`, { slug, name: 'Demo company', admin, ...wecom, apiBaseUrl: `${simUrl}/cgi-bin/` }, auth);
  }
  // The simulator keeps nothing across restarts: point its demo corp at us every time.
  const publicUrl = env.PUBLIC_URL ?? apiUrl;
  await call('PUT', `${simUrl}/sim/corps/${DEMO.corpId}/callback`, { url: `${publicUrl}/wecom/callback/${tenant.id}`, token: DEMO.callbackToken, encodingAESKey: DEMO.encodingAesKey });
  return tenant;
}

// The simulator forgets everything when it stops, so a demo kept across restarts would point at contact ways,
// customers and mass sends WeCom (the simulator) no longer knows. The demo therefore runs in its own database and
// Redis prefix, rebuilt on every start; a real deployment's data is never touched.
async function resetDemoStores() {
  env.DB_NAME = `${env.DB_NAME ?? 'scrm'}_demo`;
  env.REDIS_PREFIX = `${env.REDIS_PREFIX ?? 'scrm'}-demo`;
  const db = new Client({ host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 5432), user: env.DB_USER ?? 'postgres', password: env.DB_PASSWORD || undefined, database: 'postgres' });
  await db.connect();
  try {
    await db.query(`DROP DATABASE IF EXISTS "${env.DB_NAME}" WITH (FORCE)`);
  } finally {
    await db.end();
  }
  const Redis = require('ioredis');
  const redis = new Redis({ host: env.REDIS_HOST ?? '127.0.0.1', port: Number(env.REDIS_PORT ?? 6379), password: env.REDIS_PASSWORD || undefined, lazyConnect: true });
  await redis.connect();
  try {
    const keys = await redis.keys(`${env.REDIS_PREFIX}:*`); // every key we write (queues included) carries the prefix
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

(async () => {
  const mode = env.WECOM_DEMO ?? 'auto';
  const demo = mode === 'on' || (mode === 'auto' && !(await realCorpConfigured()));
  if (demo) {
    await resetDemoStores();
    Object.assign(env, { SIM_PORT: String(simPort), SIM_DEMO_CORP_ID: DEMO.corpId, SIM_DEMO_CORP_SECRET: DEMO.corpSecret });
    run('wecom-sim', 'apps/wecom-sim/src/main.ts', ['--seed']);
    await waitFor(`${simUrl}/docs-json`, 'wecom-sim');
  }
  run('api', 'apps/api/src/main.ts');
  run('worker', 'apps/worker/src/main.ts');
  await waitFor(`${apiUrl}/health`, 'api');
  console.log(`[start] api ${apiUrl} (docs ${apiUrl}/docs), worker running`);
  if (demo) {
    const tenant = await ensureDemoTenant();
    require('ts-node').register({ transpileOnly: true });
    const { DemoApi } = require('./demo/demo-api');
    const { seedDemo } = require('./demo/seed');
    const api = new DemoApi(apiUrl, simUrl, DEMO.corpId);
    await api.login(DEMO.slug, DEMO.admin.email, DEMO.admin.password);
    await seedDemo(api);
    console.log('[start] demo: seeded tags, channels, welcome rules and SOPs; play the story with `npm run demo:story`');
    console.log(`[start] demo: wecom-sim ${simUrl} (docs ${simUrl}/docs); tenant '${DEMO.slug}' (${tenant.id}); log in with ${DEMO.admin.email} / ${DEMO.admin.password}`);
  }
})().catch((err) => {
  console.error(`[start] ${err.message}`);
  stop(1);
});
