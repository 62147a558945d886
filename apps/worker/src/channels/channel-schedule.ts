import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueue } from '@scrm/platform';

/** Every minute, re-check every live channel: slots start and end, and midnight resets the daily limits. */
@Injectable()
export class ChannelSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.add(JobName.ChannelRosterTick, {}, { repeat: { cron: '* * * * *' }, jobId: JobName.ChannelRosterTick });
  }
}
