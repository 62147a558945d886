import { ApiProperty } from '@nestjs/swagger';
import { TAG_KINDS, type Tag, type TagCategory, type TagGroupWithTags, type TagJob, type TagKind } from '@scrm/core';

export class TagView {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TAG_KINDS }) kind: TagKind;
  @ApiProperty({ nullable: true, type: String, description: 'WeCom tag id (corp tags)' }) corpTagId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ description: "Who made it: 'wecom' (console or sync), 'api', or 'rule'" }) source: string;
  @ApiProperty() order: number;
  @ApiProperty() deleted: boolean;

  static of(t: Tag): TagView {
    const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = t;
    return Object.assign(new TagView(), rest);
  }
}

export class TagGroupView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TAG_KINDS }) kind: TagKind;
  @ApiProperty({ nullable: true, type: String, description: 'WeCom group id (corp groups)' }) corpGroupId: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryId: string | null;
  @ApiProperty() description: string;
  @ApiProperty() order: number;
  @ApiProperty({ nullable: true, type: [String] }) allowedRoles: string[] | null;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ type: [TagView] }) tags: TagView[];

  static of(g: TagGroupWithTags): TagGroupView {
    const { tenantId: _t, createdAt: _c, updatedAt: _u, tags, ...rest } = g;
    return Object.assign(new TagGroupView(), rest, { tags: tags.map(TagView.of) });
  }
}

export class TagCategoryView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ description: '1 = top level' }) depth: number;

  static of(c: TagCategory): TagCategoryView {
    return Object.assign(new TagCategoryView(), { id: c.id, name: c.name, parentId: c.parentId, depth: c.depth });
  }
}

export class CustomerTagView {
  @ApiProperty() tagId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TAG_KINDS }) kind: string;
  @ApiProperty() groupId: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) weight: number;
  @ApiProperty() source: string;
  @ApiProperty() setAt: Date;
}

export class TagDayView {
  @ApiProperty() day: string;
  @ApiProperty() count: number;
}

export class TagStatsView {
  @ApiProperty() tagId: string;
  @ApiProperty() customers: number;
  @ApiProperty() totalCustomers: number;
  @ApiProperty({ description: 'customers / totalCustomers' }) coverage: number;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [TagDayView], description: 'Customers who newly got the tag each local day' }) additions: TagDayView[];
}

export class TagJobErrorView {
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty({ required: false }) ref?: string;
  @ApiProperty() error: string;
}

export class TagJobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty({ type: [String] }) add: string[];
  @ApiProperty({ type: [String] }) remove: string[];
  @ApiProperty({ nullable: true, type: String }) audienceId: string | null;
  @ApiProperty({ description: 'Customers to process (an audience’s count when the job started, until it ends)' }) total: number;
  @ApiProperty() done: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [TagJobErrorView], description: 'The first failures' }) errors: TagJobErrorView[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;

  static of(j: TagJob): TagJobView {
    return Object.assign(new TagJobView(), {
      id: j.id, status: j.status, add: j.addTagIds, remove: j.removeTagIds, audienceId: j.audienceId, total: j.total, done: j.done,
      failed: j.failed, errors: j.errors, createdAt: j.createdAt, finishedAt: j.finishedAt,
    });
  }
}
