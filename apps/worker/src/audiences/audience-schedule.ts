import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, RepeatableJobs } from '@scrm/platform';

/** Hourly: saved audiences' counts follow the customers they select. */
@Injectable()
export class AudienceSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.RefreshAudienceCounts, {}, { cron: '41 * * * *' });
  }
}
