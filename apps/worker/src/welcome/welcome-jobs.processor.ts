import { Process, Processor } from '@nestjs/bull';
import { WelcomeMediaService } from '@scrm/core';
import { JobName, QueueName } from '@scrm/platform';

@Processor(QueueName.Welcome)
export class WelcomeJobsProcessor {
  constructor(private readonly media: WelcomeMediaService) {}

  @Process(JobName.RefreshWelcomeMedia)
  refresh(): Promise<{ refreshed: number; failed: number }> {
    return this.media.refreshDue();
  }
}
