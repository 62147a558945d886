import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CORP_PROJECTION_DRIFT } from './corp-projection.sql';
import { CustomerTagWriter } from './customer-tag.writer';

/** Customers per transaction of a whole-tenant rebuild: their rows stay locked while it runs. */
const REBUILD_CHUNK = 500;

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

  /**
   * Every customer of the tenant: one read-only set-based pass finds those whose corp tags are off (after a sync,
   * few), then they are projected REBUILD_CHUNK at a time like any event would (short row locks, no giant
   * transaction, never overwriting a newer projection). Answers how many customers changed.
   */
  async rebuild(tenantId: string): Promise<number> {
    const drifted = ((await this.db.query(CORP_PROJECTION_DRIFT, [tenantId])) as Array<{ external_user_id: string }>).map((r) => r.external_user_id);
    let changed = 0;
    for (let i = 0; i < drifted.length; i += REBUILD_CHUNK) changed += await this.project(tenantId, drifted.slice(i, i + REBUILD_CHUNK));
    return changed;
  }
}
