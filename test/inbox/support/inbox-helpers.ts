import { TenantWeCom } from '@scrm/core';
import { encryptCallback } from '@scrm/wechat-work-sdk';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestTenant } from '../../support/factories';
import { SimTenant } from '../../support/sim-tenant';
import { TestSystem } from '../../support/test-system';

export interface InboxRow {
  id: string;
  status: string;
  type: string;
  result: string | null;
  error: string | null;
  attempts: number;
}

export async function inboxRows(sys: TestSystem, tenantId: string): Promise<InboxRow[]> {
  return sys.api
    .get(DataSource)
    .query(`SELECT id, status, type, result, error, attempts FROM inbox_events WHERE tenant_id = $1 ORDER BY created_at`, [tenantId]);
}

/** A single-member contact way in the tenant's simulated corp, for scan scenarios. */
export async function contactWay(sys: TestSystem, tenant: SimTenant, userId = 'zhangsan'): Promise<string> {
  const client = await sys.api.get(TenantWeCom).client(tenant.id);
  return (await client.contactWays.add({ type: 1, scene: 2, user: [userId], state: 'ch_test' })).config_id;
}

/** A callback POST exactly as WeCom would send it, for events no scenario produces (or for tampering). */
export function signedCallback(tenant: TestTenant, innerXml: string, receiveId = tenant.corpId) {
  const out = encryptCallback(
    { token: tenant.callbackToken, encodingAESKey: tenant.encodingAesKey, receiveId },
    innerXml,
    { timestamp: Math.floor(Date.now() / 1000), nonce: randomBytes(6).toString('hex') },
  );
  const query = { msg_signature: out.msg_signature, timestamp: out.timestamp, nonce: out.nonce };
  return { query, body: out.body, encrypt: out.encrypt };
}

export function postCallback(sys: TestSystem, tenantId: string, query: Record<string, string>, body: string) {
  return sys.http().post(`/wecom/callback/${tenantId}`).query(query).set('Content-Type', 'text/xml').send(body);
}

export const unknownEventXml = (corpId: string, createTime = Math.floor(Date.now() / 1000)) =>
  `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>` +
  `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
  `<Event><![CDATA[change_external_future]]></Event><ChangeType><![CDATA[something_new]]></ChangeType></xml>`;

export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
