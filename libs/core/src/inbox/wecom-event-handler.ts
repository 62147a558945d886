import type { WeComEvent } from '@scrm/wechat-work-sdk';

export interface InboxEventMeta {
  inboxId: string;
  receivedAt: Date;
}

/**
 * handle() answers a follow-up when only the urgent part of an event is done (an add's welcome): the rest runs later
 * in a lower-priority job (`finish-inbox-event`) that hands `carry` back to finish(); the row is done only then.
 * `carry` travels in Redis as JSON: what the second step needs and should not fetch again (e.g. externalcontact/get).
 */
export interface FollowUp {
  followUp: { carry: unknown };
}

export type HandleResult = 'done' | 'skipped' | FollowUp;

/**
 * What the inbox processor hands each stored callback to. Implementations keep local state true to
 * WeCom and must be idempotent: the same event may be handed over again after a crash or a replay.
 */
export interface WeComEventHandler {
  handle(tenantId: string, event: WeComEvent, meta: InboxEventMeta): Promise<HandleResult>;
  /** The second step of an event whose handle() answered a follow-up. Idempotent like handle(). */
  finish?(tenantId: string, event: WeComEvent, carry: unknown, meta: InboxEventMeta): Promise<'done' | 'skipped'>;
}

export const WECOM_EVENT_HANDLER = Symbol('WECOM_EVENT_HANDLER');

export function isFollowUp(result: unknown): result is FollowUp {
  return typeof result === 'object' && result !== null && 'followUp' in result;
}
