import type { Pool } from 'pg';
import type { DataSource, EntityMetadata } from 'typeorm';

/**
 * The pg pool under TypeORM. Statements that run for every callback or add go to it directly: TypeORM's query
 * runner, query builder and hydration cost more CPU than the statement itself on those paths.
 */
export function pgPool(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}

/**
 * Every column of an entity as `column AS "property"`, so a raw SELECT returns the entity's shape (pg already
 * parses jsonb, timestamptz and int as TypeORM would hydrate them). Read from the metadata: a new column is
 * picked up without touching the SQL.
 */
export function columnsOf(metadata: EntityMetadata, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return metadata.columns.map((c) => `${prefix}"${c.databaseName}" AS "${c.propertyName}"`).join(', ');
}
