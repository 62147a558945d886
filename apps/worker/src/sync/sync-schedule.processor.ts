import { Process, Processor } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SyncScheduler } from '@scrm/core';
import { JobName, QueueName, RepeatableJobs } from '@scrm/platform';

/** Hourly: each tenant's nightly sync starts in the hour that is SYNC_NIGHTLY_HOUR in its own time zone. */
@Processor(QueueName.Sync)
export class SyncScheduleProcessor {
  constructor(private readonly scheduler: SyncScheduler) {}

  @Process(JobName.SyncSchedule)
  handle(): Promise<{ started: string[]; resumed: string[] }> {
    return this.scheduler.tick();
  }
}

@Injectable()
export class SyncSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.SyncSchedule, {}, { cron: '0 * * * *' });
  }
}
