import { Process, Processor } from '@nestjs/bull';
import { JobName, JobPayloads, QueueName } from '@scrm/platform';
import { Job } from 'bull';
import { attemptOf, InboxProcessing, ProcessOutcome } from './inbox-processing.service';

// Follow-ups wait for quiet moments (FirstStepsInFlight) and then catch up a few at a time.
const CONCURRENCY = 4;

@Processor(QueueName.InboxFollowUp)
export class FinishInboxEventProcessor {
  constructor(private readonly processing: InboxProcessing) {}

  @Process({ name: JobName.FinishInboxEvent, concurrency: CONCURRENCY })
  handle(job: Job<JobPayloads[JobName.FinishInboxEvent]>): Promise<ProcessOutcome> {
    const { tenantId, inboxId, carry } = job.data;
    return this.processing.finish({ tenantId, inboxId }, carry, attemptOf(job));
  }
}
