import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { CallbackConfig, CallbackQuery, VerifyUrlQuery } from './callback-config';
import { CallbackFormatError, CallbackReceiveIdError, CallbackSignatureError } from './callback-errors';
import { readEncryptField } from './read-encrypt-field';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** URL verification (GET): returns the bare plaintext to answer with (no quotes, no newline). */
export function verifyUrl(cfg: CallbackConfig, query: VerifyUrlQuery): string {
  assertSignature(cfg, query, query.echostr);
  return decryptStrict(cfg, query.echostr);
}

/** Event delivery (POST): returns the inner XML. The signature covers Encrypt only (§3). */
export function decryptCallback(cfg: CallbackConfig, query: CallbackQuery, xmlBody: string): string {
  const encrypted = readEncryptField(xmlBody);
  assertSignature(cfg, query, encrypted);
  return decryptStrict(cfg, encrypted);
}

export interface EncryptOptions {
  timestamp: string | number;
  nonce: string;
  /** 16 bytes; random when omitted. Fixed only in tests to reproduce official vectors. */
  random?: Buffer;
  agentId?: string | number;
}

export interface EncryptedCallback {
  encrypt: string;
  msg_signature: string;
  timestamp: string;
  nonce: string;
  /** The POST body WeCom would send. */
  body: string;
}

/** What WeCom does before POSTing an event; for tests, tools and the simulator. */
export function encryptCallback(cfg: CallbackConfig, plaintextXml: string, opts: EncryptOptions): EncryptedCallback {
  if (opts.random && opts.random.length !== 16) throw new Error('random prefix must be 16 bytes');
  const encrypted = encrypt(cfg.encodingAESKey, plaintextXml, cfg.receiveId, opts.random);
  const timestamp = String(opts.timestamp);
  const agent = opts.agentId === undefined ? '' : `<AgentID><![CDATA[${opts.agentId}]]></AgentID>`;
  return {
    encrypt: encrypted,
    msg_signature: getSignature(cfg.token, timestamp, opts.nonce, encrypted),
    timestamp,
    nonce: opts.nonce,
    body: `<xml><ToUserName><![CDATA[${cfg.receiveId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt>${agent}</xml>`,
  };
}

function assertSignature(cfg: CallbackConfig, query: CallbackQuery, encrypted: string): void {
  const { msg_signature, timestamp, nonce } = query;
  if (!msg_signature || !timestamp || !nonce) throw new CallbackSignatureError('missing msg_signature, timestamp or nonce');
  const expected = Buffer.from(getSignature(cfg.token, timestamp, nonce, encrypted));
  const given = Buffer.from(String(msg_signature).toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CallbackSignatureError();
}

function decryptStrict(cfg: CallbackConfig, encrypted: string): string {
  if (!encrypted || encrypted.length % 4 !== 0 || !BASE64.test(encrypted)) {
    throw new CallbackFormatError('Encrypt is not valid base64');
  }
  // WeCom pads with PKCS#7 to a multiple of 32 bytes, so the ciphertext is too (its size read off the base64).
  const size = (encrypted.length / 4) * 3 - (encrypted.endsWith('==') ? 2 : encrypted.endsWith('=') ? 1 : 0);
  if (size % 32 !== 0) throw new CallbackFormatError('ciphertext length is not a multiple of 32');

  let parts: { message: string; id: string; random: Buffer };
  try {
    parts = decrypt(cfg.encodingAESKey, encrypted);
  } catch {
    throw new CallbackFormatError('ciphertext could not be decrypted');
  }
  // @wecom/crypto does not check the padding or the length field; re-encrypting must give the same bytes back.
  // Compared as base64 first (WeCom's is canonical), as bytes only when the text differs.
  const again = encrypt(cfg.encodingAESKey, parts.message, parts.id, parts.random);
  if (again !== encrypted && !Buffer.from(again, 'base64').equals(Buffer.from(encrypted, 'base64'))) {
    throw new CallbackFormatError('bad padding or length in decrypted message');
  }

  if (parts.id !== cfg.receiveId) throw new CallbackReceiveIdError(parts.id);
  return parts.message;
}
