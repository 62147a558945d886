import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CustomerTagWriter } from './customer-tag.writer';

/** Customers per transaction of a whole-tenant rebuild: their rows stay locked while it runs. */
const REBUILD_CHUNK = 1_000;

/** The corp projection of customer_tags, in its own transaction, announced after commit. */
@Injectable()
export class CorpTagProjection {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CustomerTagWriter,
  ) {}

  /** Answers how many customers changed. */
  async project(tenantId: string, externalUserIds: string[]): Promise<number> {
    const changed = await this.db.transaction((m) => this.writer.projectCorpTags(tenantId, externalUserIds, m, false));
    this.writer.announce(tenantId, changed);
    return changed.length;
  }

  /** Every customer of the tenant, in id order, a chunk per transaction (short locks, no giant transaction). */
  async rebuild(tenantId: string): Promise<number> {
    let changed = 0;
    for (let after: string | null = null; ; ) {
      const chunk = (await this.db.query(
        `SELECT id, external_user_id FROM customers WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
        [tenantId, after, REBUILD_CHUNK],
      )) as Array<{ id: string; external_user_id: string }>;
      if (chunk.length === 0) return changed;
      changed += await this.project(tenantId, chunk.map((c) => c.external_user_id));
      after = chunk[chunk.length - 1].id;
    }
  }
}
