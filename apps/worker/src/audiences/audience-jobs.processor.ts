import { Process, Processor } from '@nestjs/bull';
import { SavedAudiencesService } from '@scrm/core';
import { JobName, QueueName } from '@scrm/platform';

@Processor(QueueName.Audiences)
export class AudienceJobsProcessor {
  constructor(private readonly audiences: SavedAudiencesService) {}

  @Process(JobName.RefreshAudienceCounts)
  refresh(): Promise<{ refreshed: number; failed: number }> {
    return this.audiences.refreshAll();
  }
}
