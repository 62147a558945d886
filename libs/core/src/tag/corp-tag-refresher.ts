import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { reconcileCorpTags } from '../contacts/stores/tag-mirror.store';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { CorpCatalogueReconciler } from './corp-catalogue.reconciler';
import { CustomerTagWriter } from './customer-tag.writer';

/**
 * After we changed corp tags in WeCom (which sends no callback for API writes), re-read WeCom's list and make the
 * mirror and the catalogue equal it, then apply our own fields in the same transaction. Re-reading rather than
 * patching keeps WeCom's side effects true too: deleting a group's last tag deletes the group.
 */
@Injectable()
export class CorpTagRefresher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly catalogue: CorpCatalogueReconciler,
    private readonly writer: CustomerTagWriter,
  ) {}

  async refresh<T>(tenantId: string, andThen: (m: EntityManager) => Promise<T>): Promise<T> {
    const groups = await (await this.wecom.client(tenantId)).tags.list();
    const { result, changed } = await this.db.transaction(async (m) => {
      await reconcileCorpTags(m, tenantId, groups);
      const changed = await this.catalogue.apply(m, tenantId);
      return { result: await andThen(m), changed };
    });
    this.writer.announce(tenantId, changed);
    return result;
  }
}
