import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ChannelAddsService, ChannelRosterService, CustomerAddedPayload, CustomerDeletedPayload, DomainEvent } from '@scrm/core';
import { JobName, JobQueue } from '@scrm/platform';

/** Channel work for an add: count it (and first/latest channel), then tag and re-rotate in jobs. */
@Injectable()
export class ChannelEventsListener {
  constructor(
    private readonly adds: ChannelAddsService,
    private readonly roster: ChannelRosterService,
    private readonly jobs: JobQueue,
  ) {}

  @OnEvent(DomainEvent.CustomerAdded, { suppressErrors: false })
  async onAdded(p: CustomerAddedPayload): Promise<void> {
    const { channel } = await this.adds.recordAdd(p);
    if (!channel || channel.deletedAt) return;
    if (channel.enabled && channel.tagIds.length > 0) {
      // Deterministic id: a replayed add does not tag twice while the first job is kept.
      const jobId = `channel-tags:${p.tenantId}:${p.userId}:${p.externalUserId}:${new Date(p.at).getTime()}`;
      await this.jobs.add(JobName.ApplyChannelTags, { tenantId: p.tenantId, channelId: channel.id, userId: p.userId, externalUserId: p.externalUserId }, { jobId });
    }
    if (channel.enabled) await this.roster.requestSync(p.tenantId, channel.id);
  }

  @OnEvent(DomainEvent.CustomerDeleted, { suppressErrors: false })
  async onDeleted(p: CustomerDeletedPayload): Promise<void> {
    await this.adds.recordDelete(p);
  }
}
