import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CustomerRef, CustomerRefResolver } from '../profile/customer-ref';
import { CustomerTagging, TagChange } from './customer-tagging.service';
import { tagNotFound } from './tag.errors';
import { TagCaller } from './tag-input';
import { TagVisibility } from './tag-visibility';

export interface CustomerTagView {
  tagId: string;
  name: string;
  kind: string;
  groupId: string;
  groupName: string;
  weight: number;
  source: string;
  setAt: Date;
}

/** The tags of one customer, as the caller may see them, and changes to them (source 'admin'). */
@Injectable()
export class CustomerTagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refs: CustomerRefResolver,
    private readonly tagging: CustomerTagging,
    private readonly visibility: TagVisibility,
  ) {}

  async list(tenantId: string, caller: TagCaller, ref: CustomerRef): Promise<CustomerTagView[]> {
    return this.tagsOf(tenantId, caller, await this.customerId(tenantId, ref));
  }

  async change(tenantId: string, caller: TagCaller, ref: CustomerRef, change: TagChange): Promise<CustomerTagView[]> {
    const customerId = await this.customerId(tenantId, ref);
    const resolved = await this.tagging.resolve(tenantId, caller, change);
    const [failure] = await this.tagging.apply(tenantId, [customerId], resolved, 'admin');
    if (failure) throw failure.cause ?? new ConflictException(failure.error);
    return this.tagsOf(tenantId, caller, customerId);
  }

  private async customerId(tenantId: string, ref: CustomerRef): Promise<string> {
    const id = await this.refs.resolveOne(tenantId, ref);
    if (!id) throw tagNotFound('Customer');
    return id;
  }

  private async tagsOf(tenantId: string, caller: TagCaller, customerId: string): Promise<CustomerTagView[]> {
    const hidden = await this.visibility.hiddenTagIds(tenantId, caller.role);
    const rows = (await this.db.query(
      `SELECT t.id AS "tagId", t.name, t.kind, g.id AS "groupId", g.name AS "groupName", ct.weight, ct.source, ct.set_at AS "setAt"
         FROM customer_tags ct
         JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id AND NOT t.deleted
         JOIN tag_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
        WHERE ct.tenant_id = $1 AND ct.customer_id = $2
        ORDER BY g."order" DESC, g.name, t."order" DESC, t.name`,
      [tenantId, customerId],
    )) as CustomerTagView[];
    return rows.filter((r) => !hidden.has(r.tagId));
  }
}
