import { InboxEventMeta, WeComEventHandler } from '@scrm/core';
import { WeComEvent } from '@scrm/wechat-work-sdk';

/** A WeComEventHandler for the worker's test seam: counts calls per inbox row and fails on demand. */
export class RecordingHandler implements WeComEventHandler {
  readonly calls = new Map<string, number>();
  readonly events: { tenantId: string; event: WeComEvent; meta: InboxEventMeta }[] = [];
  /** Return an Error to make that call fail. */
  failWith: (event: WeComEvent, meta: InboxEventMeta) => Error | null = () => null;

  async handle(tenantId: string, event: WeComEvent, meta: InboxEventMeta): Promise<'done'> {
    this.calls.set(meta.inboxId, (this.calls.get(meta.inboxId) ?? 0) + 1);
    this.events.push({ tenantId, event, meta });
    const error = this.failWith(event, meta);
    if (error) throw error;
    return 'done';
  }

  callsFor(tenantId: string): number {
    return this.events.filter((e) => e.tenantId === tenantId).length;
  }
}
