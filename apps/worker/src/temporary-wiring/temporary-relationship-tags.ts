import { Injectable } from '@nestjs/common';
import { RelationshipTagChange, RelationshipTagsPort } from '@scrm/core';

/** TEMPORARY (deleted when events merges): remembers applied tags in memory, for tests to read. */
@Injectable()
export class TemporaryRelationshipTags implements RelationshipTagsPort {
  private readonly tags = new Map<string, Map<string, string>>();

  async recordApplied(tenantId: string, change: RelationshipTagChange): Promise<void> {
    const links = this.links(tenantId, change);
    for (const id of change.tagIds) links.set(id, change.source);
  }

  async recordRemoved(tenantId: string, change: RelationshipTagChange): Promise<void> {
    const links = this.links(tenantId, change);
    for (const id of change.tagIds) links.delete(id);
  }

  /** Tag id → source, for one relationship. */
  tagsOf(tenantId: string, userId: string, externalUserId: string): Record<string, string> {
    return Object.fromEntries(this.tags.get(`${tenantId}|${userId}|${externalUserId}`) ?? []);
  }

  private links(tenantId: string, c: RelationshipTagChange): Map<string, string> {
    const key = `${tenantId}|${c.userId}|${c.externalUserId}`;
    if (!this.tags.has(key)) this.tags.set(key, new Map());
    return this.tags.get(key)!;
  }
}
