import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { Client } from 'pg';
import { AppConfig, loadConfig, prepareDatabase } from '../../../libs/platform/src';
import { deleteRedisKeys } from '../../support/global-setup';
import { spawnEntry, Spawned, waitFor } from '../../support/spawn-process';

/** Benchmarks start from an empty database of their own. */
export async function dropDatabase(name: string): Promise<void> {
  const c = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}

/** A port nobody listens on right now, for a process the benchmark spawns. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Applies the benchmark's environment and starts it from an empty database (migrated) and no Redis keys. */
export async function freshBenchStore(env: Record<string, string>): Promise<AppConfig> {
  Object.assign(process.env, env);
  const config = loadConfig();
  await dropDatabase(config.env.DB_NAME);
  await prepareDatabase(config);
  await deleteRedisKeys(config.redis, `${config.env.REDIS_PREFIX}:*`);
  return config;
}

/** Environment of a benchmark's processes: production mode, its own database and Redis prefix, silent logs. */
export function benchEnv(name: string, operatorToken: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DB_NAME: process.env.BENCH_DB_NAME ?? `scrm_bench_${name}`,
    REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? `scrm-bench-${name}`,
    LOG_LEVEL: 'silent',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    PLATFORM_OPERATOR_TOKEN: operatorToken,
  };
}

/** The processes of one bench run, by role, so a bench can read each role's CPU. */
export interface BenchProcesses {
  sim: string;
  api: string;
  children: Spawned[];
  roles: { sim: Spawned[]; api: Spawned[]; worker: Spawned[] };
}

/** wecom-sim, the api and `workers` workers as processes on free ports; resolves once all three say they are up. */
export async function startBenchProcesses(env: Record<string, string>, workers: number): Promise<BenchProcesses> {
  const [apiPort, simPort] = [await freePort(), await freePort()];
  const sim = `http://127.0.0.1:${simPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  const roles: BenchProcesses['roles'] = { sim: [], api: [], worker: [] };
  roles.sim.push(spawnEntry('apps/wecom-sim/src/main.ts', { ...env, SIM_PORT: String(simPort) }));
  roles.api.push(spawnEntry('apps/api/src/main.ts', { ...env, PORT: String(apiPort) }));
  for (let i = 0; i < workers; i++) roles.worker.push(spawnEntry('apps/worker/src/main.ts', env));
  const children = [...roles.sim, ...roles.api, ...roles.worker];
  try {
    await waitFor(async () => (await fetch(`${sim}/sim/corps`).catch(() => null))?.ok === true, 60_000, 'the simulator to start');
    await waitFor(async () => (await fetch(`${api}/health`).catch(() => null))?.ok === true, 60_000, 'the api to start');
    // The worker has no health route: it says so on stdout.
    await waitFor(async () => roles.worker.every((w) => w.stdout().includes('worker started')), 120_000, 'the worker(s) to start');
  } catch (e) {
    await stopAll(children);
    throw e;
  }
  return { sim, api, children, roles };
}

export async function stopAll(children: Spawned[]): Promise<void> {
  children.forEach((c) => c.kill());
  await Promise.all(children.map((c) => c.exited));
}
