import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CustomerTagWriter } from './customer-tag.writer';

/** The corp projection of customer_tags, in its own transaction, announced after commit. */
@Injectable()
export class CorpTagProjection {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CustomerTagWriter,
  ) {}

  /** null = every customer of the tenant. Answers how many customers changed. */
  async project(tenantId: string, externalUserIds: string[] | null): Promise<number> {
    const changed = await this.db.transaction((m) => this.writer.projectCorpTags(tenantId, externalUserIds, m, false));
    this.writer.announce(tenantId, changed);
    return changed.length;
  }
}
