import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueue } from '@scrm/platform';

/** Repeatable maintenance jobs. Bull keys repeatable jobs by name and cron, so every worker may register them. */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.add(JobName.PurgeExpiredTokens, {}, { repeat: { cron: '17 3 * * *' }, jobId: JobName.PurgeExpiredTokens });
  }
}
