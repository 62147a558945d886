import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { CustomerTagsChangedPayload, DomainEvent } from '../events/domain-events';
import { RelationshipTagChange, RelationshipTagsPort } from '../inbox/relationship-tags.port';
import { addTagLinks, removeTagLinks } from './stores/relationship-tags.store';
import { lockCustomerAndRelationship } from './stores/relationship.store';
import { writeTimeline } from './stores/timeline.store';

/** RELATIONSHIP_TAGS: records tags our own code applied through mark_tag (WeCom sends no callback for those). */
@Injectable()
export class RelationshipTagsService implements RelationshipTagsPort {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly emitter: EventEmitter2,
  ) {}

  recordApplied(tenantId: string, change: RelationshipTagChange): Promise<void> {
    return this.record(tenantId, change, 'applied');
  }

  recordRemoved(tenantId: string, change: RelationshipTagChange): Promise<void> {
    return this.record(tenantId, change, 'removed');
  }

  private async record(tenantId: string, change: RelationshipTagChange, what: 'applied' | 'removed'): Promise<void> {
    const key = { userId: change.userId, externalUserId: change.externalUserId };
    const at = new Date();
    const tagIds = await this.db.transaction(async (m) => {
      // Tag links change under the relationship's lock, as in the event handlers and the sync.
      await lockCustomerAndRelationship(m, tenantId, key);
      const changed =
        what === 'applied'
          ? await addTagLinks(m, tenantId, key, change.tagIds, change.source, change.sourceId ?? null)
          : await removeTagLinks(m, tenantId, key, change.tagIds);
      // Only what actually changed is recorded: recording the same tags twice leaves no second entry.
      if (changed.length) {
        const type = what === 'applied' ? DomainEvent.CustomerTagged : DomainEvent.CustomerUntagged;
        await writeTimeline(m, tenantId, { type, ...key, occurredAt: at, data: { tagIds: changed, source: change.source, sourceId: change.sourceId ?? null } });
      }
      return changed;
    });
    if (!tagIds.length) return;
    await this.emitter.emitAsync(what === 'applied' ? DomainEvent.CustomerTagged : DomainEvent.CustomerUntagged, {
      tenantId,
      ...key,
      tagIds,
      source: change.source,
      at,
    } satisfies CustomerTagsChangedPayload);
  }
}
