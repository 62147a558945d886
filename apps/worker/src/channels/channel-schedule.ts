import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, RepeatableJobs } from '@scrm/platform';

/** Every minute, re-check every live channel: slots start and end, and midnight resets the daily limits. */
@Injectable()
export class ChannelSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.ChannelRosterTick, {}, { cron: '* * * * *' });
  }
}
