import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, RepeatableJobs } from '@scrm/platform';

/** Every minute: the scheduler tick (firings, due steps, sweep) and the mass-send poll. */
@Injectable()
export class SopSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.SopTick, {}, { cron: '* * * * *' });
    await this.schedules.schedule(JobName.PollSopTasks, {}, { cron: '* * * * *' });
  }
}
