import { Process, Processor } from '@nestjs/bull';
import { JobName, JobPayloads, QueueName } from '@scrm/platform';
import { Job } from 'bull';
import { attemptOf, InboxProcessing, ProcessOutcome } from './inbox-processing.service';

// Events are mostly I/O (Postgres, WeCom): many per worker process keeps a burst short.
const CONCURRENCY = 20;

@Processor(QueueName.Inbox)
export class ProcessInboxEventProcessor {
  constructor(private readonly processing: InboxProcessing) {}

  @Process({ name: JobName.ProcessInboxEvent, concurrency: CONCURRENCY })
  handle(job: Job<JobPayloads[JobName.ProcessInboxEvent]>): Promise<ProcessOutcome> {
    return this.processing.process(job.data, attemptOf(job));
  }
}
