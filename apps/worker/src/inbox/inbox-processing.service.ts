import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InboxResult, InboxRowRef, InboxStore, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { AppConfig } from '@scrm/platform';
import { parseEvent } from '@scrm/wechat-work-sdk';
import { EVENT_HANDLER_OVERRIDE } from './event-handler-override';

export type ProcessOutcome = { outcome: InboxResult | 'not_claimed' | 'failed'; error?: string };

/**
 * One inbox row, one try: claim it (so two workers never process it together), hand the event to the
 * WeComEventHandler, record the outcome. Throws only when the queue should try again later.
 */
@Injectable()
export class InboxProcessing {
  private readonly logger = new Logger(InboxProcessing.name);
  private readonly handler: WeComEventHandler | null;

  constructor(
    private readonly store: InboxStore,
    private readonly config: AppConfig,
    // The events module provides the handler from a @Global module; until it exists rows are only acknowledged.
    @Optional() @Inject(WECOM_EVENT_HANDLER) globalHandler: WeComEventHandler | null,
    @Optional() @Inject(EVENT_HANDLER_OVERRIDE) override: WeComEventHandler | null,
  ) {
    this.handler = override ?? globalHandler ?? null;
  }

  async process(ref: InboxRowRef, attempt: { retry: boolean; last: boolean }): Promise<ProcessOutcome> {
    const row = await this.store.claim(ref, this.config.env.INBOX_LEASE_SECONDS, attempt.retry);
    if (!row) return { outcome: 'not_claimed' };
    const event = parseEvent(row.xml);
    try {
      // A kind the SDK cannot type is stored for the record and acknowledged: no handler can act on it.
      const result: InboxResult =
        this.handler && event.kind !== 'unknown'
          ? await this.handler.handle(ref.tenantId, event, { inboxId: ref.inboxId, receivedAt: row.receivedAt })
          : 'acknowledged';
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
