import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { ResilientPgClient } from './resilient-pg-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { AppConfig } from '../config/app-config';

const repoRoot = join(__dirname, '..', '..', '..', '..');

/** The one set of TypeORM options, shared by the app and the migration CLI (STYLE §8). */
export function dataSourceOptions(config: AppConfig, overrides: { database?: string } = {}): DataSourceOptions {
  const env = config.env;
  return {
    type: 'postgres',
    host: env.DB_HOST,
    port: env.DB_PORT,
    username: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: overrides.database ?? env.DB_NAME,
    entities: [join(repoRoot, 'libs', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(repoRoot, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    extra: { max: env.DB_POOL_SIZE, application_name: process.env.SCRM_PROCESS ?? 'scrm', Client: ResilientPgClient },
  };
}
