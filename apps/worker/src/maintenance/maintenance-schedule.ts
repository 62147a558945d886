import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, RepeatableJobs } from '@scrm/platform';

/** Repeatable maintenance jobs. Every worker registers them; Bull keeps one schedule per name and rule. */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.PurgeExpiredTokens, {}, { cron: '17 3 * * *' });
  }
}
