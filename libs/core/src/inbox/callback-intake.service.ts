import { Injectable } from '@nestjs/common';
import { CallbackConfig, CallbackError, CallbackQuery, decryptCallback, eventDedupeKey, parseEvent, verifyUrl } from '@scrm/wechat-work-sdk';
import { ActiveTenantCache } from '../tenant/active-tenant.cache';
import { CallbackRejection } from './callback-rejection';
import { InboxIntakeWriter } from './inbox-intake-writer';

export type CallbackQueryInput = Record<string, unknown>;

/**
 * The request path of a WeCom callback: verify, decrypt, parse, store, enqueue. Nothing else — no WeCom call,
 * no domain work — so the answer is fast and an event is never lost between answering and processing.
 */
@Injectable()
export class CallbackIntake {
  constructor(
    private readonly tenants: ActiveTenantCache,
    private readonly writer: InboxIntakeWriter,
  ) {}

  /** URL verification: the bare plaintext of echostr. */
  async verify(tenantId: string, query: CallbackQueryInput): Promise<string> {
    const cfg = await this.tenant(tenantId);
    if (typeof query.echostr !== 'string' || query.echostr === '') throw new CallbackRejection(400, 'bad_xml', 'missing echostr');
    return guard(() => verifyUrl(cfg, { ...callbackQuery(query), echostr: query.echostr as string }));
  }

  /** Stores the event once; returns the new row id, or null for a re-delivery of a stored event. */
  async receive(tenantId: string, query: CallbackQueryInput, body: string): Promise<string | null> {
    const cfg = await this.tenant(tenantId);
    const xml = guard(() => decryptCallback(cfg, callbackQuery(query), body));
    const event = parseEvent(xml);
    const welcome = 'welcomeCode' in event && !!event.welcomeCode;
    return this.writer.save({ tenantId, dedupeKey: eventDedupeKey(event), type: event.kind, xml, welcome });
  }

  private async tenant(tenantId: string): Promise<CallbackConfig> {
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new CallbackRejection(404, 'unknown_tenant', 'unknown or disabled tenant');
    const { callbackToken, encodingAesKey, corpId } = tenant.credentials;
    return { token: callbackToken, encodingAESKey: encodingAesKey, receiveId: corpId };
  }
}

function callbackQuery(q: CallbackQueryInput): CallbackQuery {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { msg_signature: str(q.msg_signature), timestamp: str(q.timestamp), nonce: str(q.nonce) };
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CallbackError) throw CallbackRejection.from(err);
    throw err;
  }
}
