import { isUtf8 } from 'node:buffer';
import { createDecipheriv, timingSafeEqual } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
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
  const cipher = Buffer.from(encrypted, 'base64');
  // WeCom pads with PKCS#7 to a multiple of 32 bytes, so the ciphertext is too.
  if (cipher.length === 0 || cipher.length % 32 !== 0) throw new CallbackFormatError('ciphertext length is not a multiple of 32');

  // One AES pass, then every check @wecom/crypto leaves out (it neither checks the padding nor the length field):
  // PKCS#7 to 32, a length that fits, UTF-8 message and id. Exactly the inputs that re-encrypt to the same bytes.
  const plain = aesDecrypt(cfg.encodingAESKey, cipher);
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 32 || !plain.subarray(plain.length - pad).every((b) => b === pad)) {
    throw new CallbackFormatError('bad padding or length in decrypted message');
  }
  const body = plain.subarray(0, plain.length - pad);
  const length = body.length >= 20 ? body.readUInt32BE(16) : -1;
  if (length < 0 || 20 + length > body.length) throw new CallbackFormatError('bad padding or length in decrypted message');
  const [messageBytes, idBytes] = [body.subarray(20, 20 + length), body.subarray(20 + length)];
  if (!isUtf8(messageBytes) || !isUtf8(idBytes)) throw new CallbackFormatError('decrypted message is not UTF-8');
  const parts = { message: messageBytes.toString('utf8'), id: idBytes.toString('utf8') };

  if (parts.id !== cfg.receiveId) throw new CallbackReceiveIdError(parts.id);
  return parts.message;
}

function aesDecrypt(encodingAESKey: string, cipher: Buffer): Buffer {
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  if (key.length !== 32) throw new CallbackFormatError('ciphertext could not be decrypted');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(cipher), d.final()]);
}
