import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

// Any constant works; it only has to be the same in every process of this system.
const MIGRATION_LOCK_KEY = 727_431_001;

/**
 * Creates the database if it is missing, then runs pending migrations while holding a Postgres
 * advisory lock, so api and worker starting together apply each migration once.
 */
export async function prepareDatabase(config: AppConfig, log: (msg: string) => void = () => undefined): Promise<string[]> {
  await createDatabaseIfMissing(config, log);
  const dataSource = new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    applied.forEach((m) => log(`applied migration ${m.name}`));
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

async function createDatabaseIfMissing(config: AppConfig, log: (msg: string) => void): Promise<void> {
  const env = config.env;
  const client = new Client({
    host: env.DB_HOST,
    port: env.DB_PORT,
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: 'postgres',
  });
  await client.connect();
  try {
    // Serialise creation: two CREATE DATABASE racing can fail with 42P04 or with 23505 on pg_database.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.DB_NAME]);
    if (found.rowCount) return;
    // DB_NAME is validated as a plain identifier, so quoting it is enough here.
    await client.query(`CREATE DATABASE "${env.DB_NAME}"`);
    log(`created database ${env.DB_NAME}`);
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}
