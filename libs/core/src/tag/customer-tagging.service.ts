import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { isWeComApiError } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { RELATIONSHIP_TAGS, RelationshipTagsPort } from '../inbox/relationship-tags.port';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { CustomerTagWriter } from './customer-tag.writer';
import { Tag } from './entities/tag.entity';
import { TagCatalogueRead } from './tag-catalogue.read';
import { TagCaller } from './tag-input';

export interface TagChange {
  add?: Array<{ tagId: string; weight?: number }>;
  remove?: string[];
}

/** A change checked against the catalogue: tags split by where they live. */
export interface ResolvedTagChange {
  corpAdd: Tag[];
  corpRemove: Tag[];
  localAdd: Array<{ tag: Tag; weight: number }>;
  localRemove: Tag[];
}

export interface TaggingFailure {
  customerId: string;
  error: string;
  /** WeCom's error, when WeCom refused. */
  cause?: unknown;
}

/**
 * Puts tags on customers and takes them off. Corp tags live on relationships in WeCom: mark_tag on each active
 * relationship, then recorded through RELATIONSHIP_TAGS (whose customer.tagged event updates customer_tags through
 * the projection). Local kinds go straight to customer_tags. Used by the one-customer route and by bulk jobs.
 */
@Injectable()
export class CustomerTagging {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly read: TagCatalogueRead,
    private readonly writer: CustomerTagWriter,
    private readonly wecom: TenantWeCom,
    @Inject(RELATIONSHIP_TAGS) private readonly relationshipTags: RelationshipTagsPort,
  ) {}

  /** 400 naming the field for an unknown, deleted or hidden tag, or a weight on a corp tag. */
  async resolve(tenantId: string, caller: TagCaller, change: TagChange, addField = (i: number) => `add.${i}.tagId`): Promise<ResolvedTagChange> {
    const add = change.add ?? [];
    const remove = change.remove ?? [];
    if (add.length === 0 && remove.length === 0) throw fieldError('add', 'add or remove at least one tag');
    const found = new Map((await this.read.visibleTags(tenantId, caller, [...add.map((a) => a.tagId), ...remove])).map((t) => [t.id, t]));
    const live = (id: string, field: string): Tag => {
      const tag = found.get(id);
      if (!tag || tag.deleted) throw fieldError(field, `no tag ${id}`);
      return tag;
    };
    const adds = add.map((a, i) => {
      const tag = live(a.tagId, addField(i));
      if (remove.includes(a.tagId)) throw fieldError('remove', `tag ${a.tagId} is both added and removed`);
      if (tag.kind === 'corp' && a.weight !== undefined && a.weight !== 1) throw fieldError(`add.${i}.weight`, 'corp tags always weigh 1');
      return { tag, weight: a.weight ?? 1 };
    });
    return split(adds, remove.map((id, i) => live(id, `remove.${i}`)));
  }

  /** A stored job's tags, checked when it was created: a tag deleted since is skipped. */
  async resolveStored(tenantId: string, add: string[], remove: string[]): Promise<ResolvedTagChange> {
    const live = new Map((await this.read.visibleTags(tenantId, { role: 'admin' }, [...add, ...remove])).filter((t) => !t.deleted).map((t) => [t.id, t]));
    const pick = (ids: string[]) => ids.map((id) => live.get(id)).filter((t): t is Tag => !!t);
    return split(pick(add).map((tag) => ({ tag, weight: 1 })), pick(remove));
  }

  /**
   * Applies the change to these customers (customers.id). A customer WeCom refuses for good (relationship gone,
   * ...) is answered as a failure; a retryable WeCom error throws, so the caller's job retries (all steps repeat
   * harmlessly: mark_tag and the writes are idempotent).
   */
  async apply(tenantId: string, customerIds: string[], change: ResolvedTagChange, source: 'admin' | 'bulk', sourceId?: string): Promise<TaggingFailure[]> {
    const failures: TaggingFailure[] = [];
    if (change.corpAdd.length || change.corpRemove.length) failures.push(...(await this.applyCorp(tenantId, customerIds, change, source, sourceId)));
    const failed = new Set(failures.map((f) => f.customerId));
    const ok = customerIds.filter((id) => !failed.has(id));
    if (change.localAdd.length) {
      const rows = ok.flatMap((customerId) => change.localAdd.map((a) => ({ customerId, tagId: a.tag.id, weight: a.weight, source, sourceId })));
      await this.writer.set(tenantId, rows);
    }
    if (change.localRemove.length) await this.writer.remove(tenantId, ok, change.localRemove.map((t) => t.id));
    return failures;
  }

  private async applyCorp(tenantId: string, customerIds: string[], change: ResolvedTagChange, source: 'admin' | 'bulk', sourceId?: string): Promise<TaggingFailure[]> {
    const relationships = (await this.db.query(
      `SELECT c.id AS customer_id, r.user_id, r.external_user_id FROM customers c
         JOIN relationships r ON r.tenant_id = c.tenant_id AND r.external_user_id = c.external_user_id AND r.status = 'active'
        WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.id, r.user_id`,
      [tenantId, customerIds],
    )) as Array<{ customer_id: string; user_id: string; external_user_id: string }>;
    const failures = new Map<string, TaggingFailure>();
    const covered = new Set(relationships.map((r) => r.customer_id));
    for (const customerId of customerIds) {
      if (!covered.has(customerId)) failures.set(customerId, { customerId, error: 'no active relationship: corp tags live on relationships' });
    }
    const add = change.corpAdd.map((t) => t.corpTagId!);
    const remove = change.corpRemove.map((t) => t.corpTagId!);
    const client = await this.wecom.client(tenantId);
    for (const r of relationships) {
      if (failures.has(r.customer_id)) continue;
      const key = { userId: r.user_id, externalUserId: r.external_user_id };
      try {
        // mark_tag is idempotent in WeCom: a retried batch marks again harmlessly.
        await client.tags.mark({ userid: r.user_id, external_userid: r.external_user_id, ...(add.length ? { add_tag: add } : {}), ...(remove.length ? { remove_tag: remove } : {}) });
      } catch (err) {
        if (!isWeComApiError(err) || err.retryable) throw err;
        failures.set(r.customer_id, { customerId: r.customer_id, error: `mark_tag ${r.user_id}: ${err.message}`.slice(0, 300), cause: err });
        continue;
      }
      if (add.length) await this.relationshipTags.recordApplied(tenantId, { ...key, tagIds: add, source, sourceId });
      if (remove.length) await this.relationshipTags.recordRemoved(tenantId, { ...key, tagIds: remove, source, sourceId });
    }
    return [...failures.values()];
  }
}

function split(add: Array<{ tag: Tag; weight: number }>, remove: Tag[]): ResolvedTagChange {
  return {
    corpAdd: add.filter((a) => a.tag.kind === 'corp').map((a) => a.tag),
    corpRemove: remove.filter((t) => t.kind === 'corp'),
    localAdd: add.filter((a) => a.tag.kind !== 'corp'),
    localRemove: remove.filter((t) => t.kind !== 'corp'),
  };
}
