import type { WeComEvent } from '@scrm/wechat-work-sdk';

export interface InboxEventMeta {
  inboxId: string;
  receivedAt: Date;
}

/**
 * What the inbox processor hands each stored callback to. Implementations keep local state true to
 * WeCom and must be idempotent: the same event may be handed over again after a crash or a replay.
 */
export interface WeComEventHandler {
  handle(tenantId: string, event: WeComEvent, meta: InboxEventMeta): Promise<'done' | 'skipped'>;
}

export const WECOM_EVENT_HANDLER = Symbol('WECOM_EVENT_HANDLER');
