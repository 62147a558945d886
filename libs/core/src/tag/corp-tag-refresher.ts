import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { reconcileCorpTags } from '../contacts/stores/tag-mirror.store';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { CorpCatalogueReconciler } from './corp-catalogue.reconciler';
import { CustomerTagWriter } from './customer-tag.writer';
import { duplicateNameAs409 } from './tag.errors';
import { checkCorpName } from './tag-input';

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

  /** edit_corp_tag on a tag or group id (40071 → 409 naming `name`), the re-read, then our own fields. */
  async edit(tenantId: string, what: string, corpId: string, change: { name?: string; order?: number }, andThen: (m: EntityManager) => Promise<void>): Promise<void> {
    if (change.name !== undefined) checkCorpName(change.name, 'name');
    const client = await this.wecom.client(tenantId);
    await duplicateNameAs409(what, change.name, () => client.tags.edit({ id: corpId, ...change }));
    await this.refresh(tenantId, andThen);
  }

  /** del_corp_tag, then the re-read: the catalogue flags what went and takes it off customers. */
  async remove(tenantId: string, ids: { tag_id?: string[]; group_id?: string[] }): Promise<void> {
    await (await this.wecom.client(tenantId)).tags.del(ids);
    await this.refresh(tenantId, async () => undefined);
  }

  async refresh<T>(tenantId: string, andThen: (m: EntityManager) => Promise<T>): Promise<T> {
    const groups = await (await this.wecom.client(tenantId)).tags.list();
    const { result, changed } = await this.db.transaction(async (m) => {
      await reconcileCorpTags(m, tenantId, groups);
      const changed = await this.catalogue.apply(m, tenantId);
      return { result: await andThen(m), changed };
    });
    this.writer.announce(tenantId, changed);
    await this.writer.announceCatalogue(tenantId);
    return result;
  }
}
