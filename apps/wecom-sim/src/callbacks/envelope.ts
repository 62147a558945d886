import { encrypt, getSignature } from '@wecom/crypto';
import { cdata } from './event-xml';

export interface SealedCallback {
  query: { msg_signature: string; timestamp: string; nonce: string };
  body: string;
}

/**
 * What WeCom POSTs: the event encrypted with the receiver's EncodingAESKey (receive id = CorpID),
 * a signature over Encrypt only, and the outer `<xml>` with ToUserName, AgentID and Encrypt.
 */
export function sealCallback(
  cb: { token: string; encodingAESKey: string },
  corpId: string,
  agentId: number,
  eventXml: string,
  timestamp: string,
  nonce: string,
): SealedCallback {
  const encrypted = encrypt(cb.encodingAESKey, eventXml, corpId);
  const msg_signature = getSignature(cb.token, timestamp, nonce, encrypted);
  const body = `<xml><ToUserName>${cdata(corpId)}</ToUserName><AgentID>${cdata(String(agentId))}</AgentID><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
  return { query: { msg_signature, timestamp, nonce }, body };
}

export function withQuery(url: string, query: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}
