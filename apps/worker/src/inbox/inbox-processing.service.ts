import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { HandleResult, InboxEventMeta, InboxJobs, InboxResult, InboxRowRef, InboxStore, isFollowUp, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { AppConfig } from '@scrm/platform';
import { parseEvent, WeComEvent } from '@scrm/wechat-work-sdk';
import { EVENT_HANDLER_OVERRIDE } from './event-handler-override';
import { FirstStepsInFlight } from './first-steps-in-flight';

export type ProcessOutcome = { outcome: InboxResult | 'not_claimed' | 'failed' | 'follow_up'; error?: string };
type Attempt = { retry: boolean; last: boolean };

/** Bull retries a job only after its previous attempt ended, so a retry may take over that attempt's lease. */
export function attemptOf(job: { attemptsMade: number; opts: { attempts?: number } }): Attempt {
  return { retry: job.attemptsMade > 0, last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) };
}

/**
 * One inbox row, one try: claim it (so two workers never process it together), hand the event to the
 * WeComEventHandler, record the outcome. Throws only when the queue should try again later.
 * An event may be handled in two steps (see FollowUp): the first hands the row back and queues the second.
 */
@Injectable()
export class InboxProcessing {
  private readonly logger = new Logger(InboxProcessing.name);
  private readonly handler: WeComEventHandler | null;

  constructor(
    private readonly store: InboxStore,
    private readonly jobs: InboxJobs,
    private readonly config: AppConfig,
    private readonly firstSteps: FirstStepsInFlight,
    // The events module provides the handler from a @Global module; until it exists rows are only acknowledged.
    @Optional() @Inject(WECOM_EVENT_HANDLER) globalHandler: WeComEventHandler | null,
    @Optional() @Inject(EVENT_HANDLER_OVERRIDE) override: WeComEventHandler | null,
  ) {
    this.handler = override ?? globalHandler ?? null;
  }

  process(ref: InboxRowRef, attempt: Attempt): Promise<ProcessOutcome> {
    return this.firstSteps.track(() =>
      this.run(ref, attempt, true, (event, meta) =>
        // A kind the SDK cannot type is stored for the record and acknowledged: no handler can act on it.
        this.handler && event.kind !== 'unknown' ? this.handler.handle(ref.tenantId, event, meta) : Promise.resolve('acknowledged' as const),
      ),
    );
  }

  /** The second step, once this process has a quiet moment; the row was handed back, so it is claimed again. */
  async finish(ref: InboxRowRef, carry: unknown, attempt: Attempt): Promise<ProcessOutcome> {
    await this.firstSteps.quiet();
    return this.run(ref, attempt, attempt.retry, (event, meta) => {
      if (!this.handler?.finish) throw new Error(`no handler finishes ${event.kind} events`);
      return this.handler.finish(ref.tenantId, event, carry, meta);
    });
  }

  private async run(
    ref: InboxRowRef,
    attempt: Attempt,
    countAttempt: boolean,
    work: (event: WeComEvent, meta: InboxEventMeta) => Promise<HandleResult | 'acknowledged'>,
  ): Promise<ProcessOutcome> {
    const row = await this.store.claim(ref, this.config.env.INBOX_LEASE_SECONDS, attempt.retry, countAttempt);
    if (!row) return { outcome: 'not_claimed' };
    const event = parseEvent(row.xml);
    try {
      const result = await work(event, { inboxId: ref.inboxId, receivedAt: row.receivedAt });
      if (isFollowUp(result)) {
        // Handed back before the follow-up is queued, so the follow-up always finds the row claimable.
        await this.store.handBack(ref);
        await this.jobs.enqueueFollowUp(ref, result.followUp.carry);
        return { outcome: 'follow_up' };
      }
      await this.store.markDone(ref, result);
      return { outcome: result };
    } catch (err) {
      const error = errorText(err);
      // e.g. TenantUnavailableError: trying again cannot help.
      const permanent = (err as { retryable?: unknown })?.retryable === false;
      if (attempt.last || permanent) {
        await this.store.markFailed(ref, error);
        this.logger.error({ ...ref, kind: event.kind, attempts: row.attempts, error }, 'inbox event failed for good');
        return { outcome: 'failed', error };
      }
      await this.store.release(ref, error);
      this.logger.warn({ ...ref, kind: event.kind, attempts: row.attempts, error }, 'inbox event failed; will retry');
      throw err;
    }
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}
