import { encryptCallback } from '@scrm/wechat-work-sdk';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestTenant } from '../../support/factories';
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

export { contactWay } from '../../support/sim-tenant';

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

export { until } from '../../support/wait';
