import { Injectable } from '@nestjs/common';
import { AppConfig, JobName, JobQueue } from '@scrm/platform';

export interface InboxRowRef {
  tenantId: string;
  inboxId: string;
}

/**
 * The one way an inbox row reaches the queue (intake, sweeper, replay). jobId = inbox id, so a row is queued at
 * most once at a time; removed on completion and failure so a replayed or swept row can be queued again.
 */
@Injectable()
export class InboxJobs {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async enqueue(rows: InboxRowRef[]): Promise<void> {
    if (rows.length === 0) return;
    await this.jobs.addBulk(
      JobName.ProcessInboxEvent,
      rows.map((row) => ({ payload: row, options: this.options(row.inboxId) })),
    );
  }

  private options(inboxId: string) {
    return {
      jobId: inboxId,
      attempts: this.config.env.INBOX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.env.INBOX_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }
}
