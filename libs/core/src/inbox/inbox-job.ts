import { Injectable } from '@nestjs/common';
import { AppConfig, JobName, JobQueue, retryAfter } from '@scrm/platform';

export interface InboxRowRef {
  tenantId: string;
  inboxId: string;
  /** The event carries a WelcomeCode (it dies 20 s after the add). */
  welcome?: boolean;
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
      rows.map(({ tenantId, inboxId, welcome }) => ({ payload: { tenantId, inboxId }, options: this.options(inboxId, welcome === true) })),
    );
  }

  /**
   * The event's second step (see FollowUp), queued once its first step has handed the row back. jobId = inbox id in
   * the follow-up queue, so a first step run again (sweeper, replay) while the follow-up waits adds nothing.
   */
  async enqueueFollowUp(ref: InboxRowRef, carry: unknown): Promise<void> {
    await this.jobs.add(JobName.FinishInboxEvent, { tenantId: ref.tenantId, inboxId: ref.inboxId, carry }, this.options(ref.inboxId, false));
  }

  /**
   * The sweeper's enqueue. A job record left behind by a Redis flush or restart in the middle of its life (the
   * hash without its list entry, or a failure record) would make the same jobId a silent no-op forever, so such
   * leftovers are removed first. Jobs that are waiting, delayed or running are left alone.
   */
  async requeue(rows: InboxRowRef[]): Promise<void> {
    const pending = await Promise.all(
      rows.map(async ({ inboxId }) => {
        await this.dropLeftover(JobName.ProcessInboxEvent, inboxId);
        return this.dropLeftover(JobName.FinishInboxEvent, inboxId);
      }),
    );
    // A row waiting for its follow-up is unfinished too, but its first step is done: only a lost follow-up re-runs it.
    await this.enqueue(rows.filter((_, i) => !pending[i]));
  }

  /** Removes a finished or orphaned job record of this row; true when a live one (waiting, delayed, active) is left. */
  private async dropLeftover(name: JobName, inboxId: string): Promise<boolean> {
    const job = await this.jobs.queue(name).getJob(inboxId);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'waiting' || state === 'delayed' || state === 'active' || state === 'paused') return true;
    await job.remove().catch(() => undefined);
    return false;
  }

  /**
   * A WelcomeCode dies 20 s after the add, so under a backlog the freshest adds go first (lifo): a burst beyond what
   * the workers keep up with greets most customers on time instead of reaching every one too late. Older events
   * still run — nothing is lost, their welcome is recorded as expired — and everything else keeps arrival order.
   */
  private options(inboxId: string, welcome: boolean) {
    return {
      jobId: inboxId,
      lifo: welcome,
      attempts: this.config.env.INBOX_ATTEMPTS,
      backoff: retryAfter(this.config.env.INBOX_BACKOFF_MS),
      removeOnComplete: true,
      removeOnFail: true,
    };
  }
}
