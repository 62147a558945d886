import 'reflect-metadata';
// globalSetup runs outside jest's module mapper; entity files loaded by TypeORM need the path aliases.
import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfig, prepareDatabase } from '../../libs/platform/src';
import { applyTestEnv } from './test-env';

/** A fresh database with every migration applied, and no Redis keys left from an earlier run. */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const config = loadConfig();
  const admin = new Client({ host: config.env.DB_HOST, port: config.env.DB_PORT, user: config.env.DB_USER, database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${config.env.DB_NAME}" WITH (FORCE)`);
  await admin.end();
  await prepareDatabase(config);
  await deleteRedisKeys(config.redis, `${config.env.REDIS_PREFIX}:*`);
}

export async function deleteRedisKeys(options: object, pattern: string): Promise<void> {
  const redis = new Redis(options);
  const stream = redis.scanStream({ match: pattern, count: 1000 });
  for await (const keys of stream) if ((keys as string[]).length) await redis.del(...(keys as string[]));
  await redis.quit();
}
