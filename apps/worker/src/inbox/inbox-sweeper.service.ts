import { Injectable, Logger } from '@nestjs/common';
import { InboxJobs, InboxStore, SweepCursor } from '@scrm/core';
import { AppConfig } from '@scrm/platform';

const PAGE = 1_000;

/**
 * Re-queues inbox rows that are neither done nor failed some minutes after they arrived (Redis flushed or
 * restarted, a worker crashed with the lease). Queueing a row whose job is still pending is a no-op (jobId = row id).
 */
@Injectable()
export class InboxSweeper {
  private readonly logger = new Logger(InboxSweeper.name);

  constructor(
    private readonly store: InboxStore,
    private readonly jobs: InboxJobs,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<{ requeued: number }> {
    const olderThan = new Date(Date.now() - this.config.env.INBOX_SWEEP_AFTER_MINUTES * 60_000);
    let cursor: SweepCursor | null = null;
    let requeued = 0;
    for (;;) {
      const rows = await this.store.unfinished(olderThan, cursor, PAGE);
      await this.jobs.requeue(rows.map(({ tenantId, inboxId }) => ({ tenantId, inboxId })));
      requeued += rows.length;
      if (rows.length < PAGE) break;
      cursor = rows[rows.length - 1];
    }
    if (requeued > 0) this.logger.log({ requeued }, 'inbox sweep re-queued unfinished events');
    return { requeued };
  }
}
