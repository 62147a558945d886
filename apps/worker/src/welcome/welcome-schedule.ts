import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, RepeatableJobs } from '@scrm/platform';

/** Hourly: re-upload welcome media older than 2 days, well before WeCom's 3-day expiry. */
@Injectable()
export class WelcomeSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.RefreshWelcomeMedia, {}, { cron: '23 * * * *' });
  }
}
