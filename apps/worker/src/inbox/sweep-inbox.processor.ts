import { Process, Processor } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueue, QueueName } from '@scrm/platform';
import { InboxSweeper } from './inbox-sweeper.service';

const EVERY_MS = 60_000;

@Processor(QueueName.Maintenance)
export class SweepInboxProcessor {
  constructor(private readonly sweeper: InboxSweeper) {}

  @Process(JobName.SweepInbox)
  handle(): Promise<{ requeued: number }> {
    return this.sweeper.sweep();
  }
}

/** Every minute; Bull keys repeatable jobs by name and interval, so every worker may register it. */
@Injectable()
export class SweepInboxSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.add(JobName.SweepInbox, {}, { repeat: { every: EVERY_MS }, jobId: JobName.SweepInbox });
  }
}
