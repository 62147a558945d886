import { AddressInfo, createServer } from 'node:net';
import { Client } from 'pg';
import { AppConfig, loadConfig, prepareDatabase } from '../../../libs/platform/src';
import { deleteRedisKeys } from '../../support/global-setup';

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
