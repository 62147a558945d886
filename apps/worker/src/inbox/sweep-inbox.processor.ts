import { Process, Processor } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, JobName, QueueName, RepeatableJobs } from '@scrm/platform';
import { InboxSweeper } from './inbox-sweeper.service';

@Processor(QueueName.Maintenance)
export class SweepInboxProcessor {
  constructor(private readonly sweeper: InboxSweeper) {}

  @Process(JobName.SweepInbox)
  handle(): Promise<{ requeued: number }> {
    return this.sweeper.sweep();
  }
}

/** Every INBOX_SWEEP_EVERY_SECONDS; every worker registers it, Bull keeps one schedule. */
@Injectable()
export class SweepInboxSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly schedules: RepeatableJobs,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.SweepInbox, {}, { every: this.config.env.INBOX_SWEEP_EVERY_SECONDS * 1_000 });
  }
}
