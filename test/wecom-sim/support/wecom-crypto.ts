import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/*
 * An independent implementation of WeCom's callback crypto, written from the spec page with node:crypto only
 * (deliberately NOT @wecom/crypto, which the simulator uses): AES-256-CBC, key = base64(EncodingAESKey + "="),
 * IV = first 16 bytes of the key, PKCS#7 padding to 32-byte blocks, plaintext = 16 random bytes +
 * 4-byte big-endian length + message + receive id; signature = sha1 of the sorted [token, timestamp, nonce, encrypt].
 */

export function aesKey(encodingAESKey: string): Buffer {
  const key = Buffer.from(encodingAESKey + '=', 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
  return key;
}

export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

export interface Decrypted {
  random: Buffer;
  message: string;
  receiveId: string;
  padByte: number;
}

export function decryptMessage(encodingAESKey: string, encrypt: string): Decrypted {
  const key = aesKey(encodingAESKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const padByte = padded[padded.length - 1];
  if (padByte < 1 || padByte > 32 || padded.length % 32 !== 0) throw new Error('bad padding');
  for (let i = padded.length - padByte; i < padded.length; i++) if (padded[i] !== padByte) throw new Error('bad padding');
  const plain = padded.subarray(0, padded.length - padByte);
  const length = plain.readUInt32BE(16);
  return {
    random: plain.subarray(0, 16),
    message: plain.subarray(20, 20 + length).toString('utf8'),
    receiveId: plain.subarray(20 + length).toString('utf8'),
    padByte,
  };
}

export function encryptMessage(encodingAESKey: string, message: string, receiveId: string, random: Buffer): string {
  const key = aesKey(encodingAESKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const body = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = 32 - (body.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** Text of a CDATA or bare element (first match). */
export function xmlField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return m ? m[1] ?? m[2] : undefined;
}
