import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueue } from '@scrm/platform';

/** Hourly: re-upload welcome media older than 2 days, well before WeCom's 3-day expiry. */
@Injectable()
export class WelcomeSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.add(JobName.RefreshWelcomeMedia, {}, { repeat: { cron: '23 * * * *' }, jobId: JobName.RefreshWelcomeMedia });
  }
}
