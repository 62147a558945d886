import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { JobName, JobQueue } from '@scrm/platform';
import {
  CorpTagsChangedPayload,
  CustomerAddedPayload,
  CustomerDeletedPayload,
  CustomerTagsChangedPayload,
  DomainEvent,
  SyncFinishedPayload,
} from '../events/domain-events';
import { CorpCatalogueReconciler } from './corp-catalogue.reconciler';
import { CorpTagProjection } from './corp-tag-projection';

/**
 * WeCom → ours for corp tags: the catalogue follows the corp mirror, and each customer's corp tags follow their
 * active relationships' tags. Runs wherever the event fires (worker for callbacks and syncs, api for our own
 * mark_tag). Listeners fail the emitting job on error so it retries; all of them are idempotent.
 */
@Injectable()
export class CorpTagProjectionListener {
  constructor(
    private readonly catalogue: CorpCatalogueReconciler,
    private readonly projection: CorpTagProjection,
    private readonly jobs: JobQueue,
  ) {}

  @OnEvent(DomainEvent.CorpTagsChanged, { suppressErrors: false })
  async onCorpTagsChanged(p: CorpTagsChangedPayload): Promise<void> {
    await this.catalogue.reconcile(p.tenantId);
  }

  @OnEvent(DomainEvent.CustomerAdded, { suppressErrors: false })
  @OnEvent(DomainEvent.CustomerDeleted, { suppressErrors: false })
  @OnEvent(DomainEvent.CustomerTagged, { suppressErrors: false })
  @OnEvent(DomainEvent.CustomerUntagged, { suppressErrors: false })
  async onRelationshipChanged(p: CustomerAddedPayload | CustomerDeletedPayload | CustomerTagsChangedPayload): Promise<void> {
    await this.projection.project(p.tenantId, [p.externalUserId]);
  }

  /** A sync rewrote relationship tags without events: rebuild the tenant's projection in a job (it may be large). */
  @OnEvent(DomainEvent.SyncFinished, { suppressErrors: false })
  async onSyncFinished(p: SyncFinishedPayload): Promise<void> {
    await this.catalogue.reconcile(p.tenantId);
    await this.jobs.add(JobName.RebuildCorpTagProjection, { tenantId: p.tenantId }, { jobId: `corp-projection:${p.tenantId}` });
  }
}
