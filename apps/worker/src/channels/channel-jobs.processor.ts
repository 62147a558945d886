import { Process, Processor } from '@nestjs/bull';
import { ChannelRosterService, ChannelTagsService } from '@scrm/core';
import { JobName, JobPayloads, QueueName } from '@scrm/platform';
import { Job } from 'bull';

@Processor(QueueName.Channels)
export class ChannelJobsProcessor {
  constructor(
    private readonly roster: ChannelRosterService,
    private readonly tags: ChannelTagsService,
  ) {}

  @Process(JobName.SyncChannelRoster)
  sync(job: Job<JobPayloads[JobName.SyncChannelRoster]>): Promise<string> {
    return this.roster.sync(job.data.tenantId, job.data.channelId);
  }

  @Process(JobName.ChannelRosterTick)
  async tick(): Promise<{ requested: number }> {
    return { requested: await this.roster.requestSyncForAll() };
  }

  @Process(JobName.ApplyChannelTags)
  applyTags(job: Job<JobPayloads[JobName.ApplyChannelTags]>): Promise<string> {
    const { tenantId, channelId, userId, externalUserId } = job.data;
    return this.tags.apply(tenantId, channelId, userId, externalUserId);
  }
}
